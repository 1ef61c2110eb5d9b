import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DOCUMENT_KINDS } from '../../ingest/index.js';
import type { SearchQuery, Store } from '../../store/index.js';
import { LANGUAGES, SearchQuerySchema, SearchResponseSchema, errorResponses } from '../schemas.js';

/**
 * Facet counts: every language and type, with zero for those the query does not reach, each
 * counted with the other filters applied (so a count says what ticking it would give); the top
 * entities and sources, over part of the matches when there are very many (`sampled`).
 */
async function countFacets(store: Store, query: SearchQuery) {
  const { languages, kinds, entities, sources, sampled } = await store.searchFacets(query);
  return {
    language: Object.fromEntries(LANGUAGES.map((l) => [l, languages[l] ?? 0])),
    type: Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, kinds[k] ?? 0])),
    entity: entities,
    source: sources,
    sampled,
  };
}

export const searchRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/search',
    {
      schema: {
        summary: 'Full-text search',
        description:
          'Words, "phrases", AND / OR / NOT, prefix*, (groups); accents optional. Snippets are ' +
          'plain text parts; `match` marks the words the query hit. `entity` (repeat it: all ' +
          'must be mentioned) and `source` (repeat it: any of them) narrow the matches.',
        tags: ['search'],
        querystring: SearchQuerySchema,
        response: { 200: SearchResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { q, lang, type, from, to, entity, source, limit, offset, facets } = request.query;
      const query: SearchQuery = {
        text: q,
        ...(lang?.length && { languages: lang }),
        ...(type?.length && { kinds: type }),
        ...(from && { from }),
        ...(to && { to }),
        ...(entity?.length && { entities: entity }),
        ...(source?.length && { sources: source }),
        limit,
        offset,
      };
      // Facets first: a store may take the page from the ranked matches the facets counted over.
      const facetCounts = facets ? await countFacets(store, query) : null;
      return { ...(await store.search(query)), facets: facetCounts };
    },
  );
};
