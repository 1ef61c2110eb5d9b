import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CrosscheckError } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import {
  EntitiesQuerySchema,
  EntitiesResponseSchema,
  EntityParamsSchema,
  EntityQuerySchema,
  EntityResponseSchema,
  GraphQuerySchema,
  GraphResponseSchema,
} from '../analysis-schemas.js';
import { describeEntity } from '../analysis/entity-detail.js';
import { buildGraph } from '../analysis/graph.js';
import { errorResponses } from '../schemas.js';

/** People, organisations and places, one at a time or as a link chart. */
export const entityRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/entities',
    {
      schema: {
        summary: 'Entities, most widely mentioned first',
        description: '`q` matches any part of the name, case and accents aside.',
        tags: ['entities'],
        querystring: EntitiesQuerySchema,
        response: { 200: EntitiesResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { type, q, limit, offset } = request.query;
      return store.listEntities({ type, contains: q || undefined, limit, offset });
    },
  );

  app.get(
    '/api/entities/:type/:name',
    {
      schema: {
        summary: 'One entity: its mentions in context, spellings, documents and co-occurrences',
        description: 'The name is the normalised name, URL-encoded.',
        tags: ['entities'],
        params: EntityParamsSchema,
        querystring: EntityQuerySchema,
        response: { 200: EntityResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { type, name } = request.params;
      const detail = await describeEntity(store, type, name, request.query.limit);
      if (!detail) {
        throw new CrosscheckError('NOT_FOUND', `No document mentions the ${type} “${name}”`, {
          hint: 'Pick a name from /api/entities; names are matched exactly.',
        });
      }
      return detail;
    },
  );

  app.get(
    '/api/graph',
    {
      schema: {
        summary: 'A link chart of the top entities and the documents naming them',
        description:
          'Nodes are the `limit` most widely mentioned entities and the documents that name ' +
          'them most; edges join an entity to a document (mention) or two entities named in ' +
          'at least two of the same documents (co-occurrence). Same store, same chart.',
        tags: ['entities'],
        querystring: GraphQuerySchema,
        response: { 200: GraphResponseSchema, ...errorResponses },
      },
    },
    async (request) => buildGraph(store, request.query),
  );
};
