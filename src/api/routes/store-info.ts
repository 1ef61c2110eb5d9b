import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../store/index.js';
import {
  FailuresQuerySchema,
  HealthResponseSchema,
  LoggedFailureSchema,
  RunSchema,
  RunsQuerySchema,
  StatsResponseSchema,
  errorResponses,
} from '../schemas.js';

/** Read-only views of the store as a whole: health, counts, the ingest runs and their failures. */
export const storeInfoRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/health',
    {
      schema: {
        summary: 'Liveness check',
        tags: ['store'],
        response: { 200: HealthResponseSchema },
      },
    },
    async () => ({ status: 'ok' as const, store: store.kind }),
  );

  app.get(
    '/api/stats',
    {
      schema: {
        summary: 'Counts by type and language, failures, and the size of the store',
        tags: ['store'],
        response: { 200: StatsResponseSchema, ...errorResponses },
      },
    },
    () => store.stats(),
  );

  app.get(
    '/api/failures',
    {
      schema: {
        summary: 'Files the ingest runs could not read, with the reason and what to do',
        tags: ['ingest'],
        querystring: FailuresQuerySchema,
        response: { 200: z.array(LoggedFailureSchema), ...errorResponses },
      },
    },
    (request) =>
      store.listFailures({
        ...(request.query.run && { runId: request.query.run }),
        limit: request.query.limit,
      }),
  );

  app.get(
    '/api/runs',
    {
      schema: {
        summary: 'Ingest runs, newest first',
        tags: ['ingest'],
        querystring: RunsQuerySchema,
        response: { 200: z.array(RunSchema), ...errorResponses },
      },
    },
    (request) => store.listRuns(request.query.limit),
  );
};
