import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DOCUMENT_KINDS } from '../../ingest/index.js';
import type { SearchQuery, Store } from '../../store/index.js';
import { LANGUAGES, SearchQuerySchema, SearchResponseSchema, errorResponses } from '../schemas.js';

/**
 * Facet counts the simple way: one count per value, each with every other filter applied (so a
 * language's count says what ticking it would add). Eleven small FTS counts; good enough until a
 * store offers grouped counts.
 */
async function countFacets(store: Store, query: SearchQuery) {
  const count = async (narrowed: SearchQuery) =>
    (await store.search({ ...narrowed, limit: 1, offset: 0 })).total;
  const { languages: _languages, kinds: _kinds, ...rest } = query;
  const language = Object.fromEntries(
    await Promise.all(
      LANGUAGES.map(async (l) => [l, await count({ ...rest, kinds: query.kinds, languages: [l] })]),
    ),
  );
  const type = Object.fromEntries(
    await Promise.all(
      DOCUMENT_KINDS.map(async (k) => [
        k,
        await count({ ...rest, languages: query.languages, kinds: [k] }),
      ]),
    ),
  );
  return { language, type };
}

export const searchRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/search',
    {
      schema: {
        summary: 'Full-text search',
        description:
          'Words, "phrases", AND / OR / NOT, prefix*, (groups); accents optional. Snippets are ' +
          'plain text parts; `match` marks the words the query hit.',
        tags: ['search'],
        querystring: SearchQuerySchema,
        response: { 200: SearchResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { q, lang, type, from, to, limit, offset, facets } = request.query;
      const query: SearchQuery = {
        text: q,
        ...(lang?.length && { languages: lang }),
        ...(type?.length && { kinds: type }),
        ...(from && { from }),
        ...(to && { to }),
        limit,
        offset,
      };
      const results = await store.search(query);
      return { ...results, facets: facets ? await countFacets(store, query) : null };
    },
  );
};
