import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { defaultIngestOptions, type IngestOptions } from '../ingest/index.js';
import { runIngest } from '../pipeline/index.js';
import type { Store } from '../store/index.js';
import { handleError } from './errors.js';
import { IngestJobQueue, type IngestRunner } from './ingest-jobs.js';
import { claimRoutes } from './routes/claims.js';
import { documentAnalysisRoutes } from './routes/document-analysis.js';
import { documentRoutes } from './routes/documents.js';
import { entityRoutes } from './routes/entities.js';
import { hypothesisRoutes } from './routes/hypotheses.js';
import { exportRoutes } from './routes/export.js';
import { ingestRoutes } from './routes/ingest.js';
import { resolvedEntityRoutes } from './routes/resolved-entities.js';
import { searchRoutes } from './routes/search.js';
import { storeInfoRoutes } from './routes/store-info.js';
import { timelineRoutes } from './routes/timeline.js';
import { addSecurityHeaders } from './security-headers.js';
import { DEFAULT_WEB_ROOT, serveWebUi } from './web-ui.js';

export const DEFAULT_MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

export interface ServerOptions {
  store: Store;
  /** How uploaded files are read (limits, CSV columns, OCR). Defaults to the ingest defaults. */
  ingestOptions?: IngestOptions;
  /** Where uploads are saved before ingesting; without one, uploading is turned off. */
  uploadDir?: string;
  /** Largest upload accepted, in bytes (default 256 MB). */
  maxUploadBytes?: number;
  /** The built web UI; `null` serves the API only. Defaults to dist/web. */
  webRoot?: string | null;
  logger?: boolean;
}

/**
 * The HTTP API and the web UI over one store. The caller owns the store: closing the server
 * waits for running upload jobs but leaves the store open.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { store } = options;
  const ingestOptions = options.ingestOptions ?? defaultIngestOptions();
  const app = Fastify({ logger: options.logger ?? false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  addSecurityHeaders(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Crosscheck API',
        description:
          'Search, read and ingest the documents of a Crosscheck store, and explore what extraction and text reuse found in them.',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    // Keep the docs offline: no call to the public Swagger validator.
    validatorUrl: false,
  });

  const runner: IngestRunner = (path, onProgress) =>
    runIngest(store, [path], { ingest: ingestOptions, onProgress });
  const jobs = new IngestJobQueue(runner);
  app.addHook('onClose', () => jobs.idle());

  const api = app.withTypeProvider<ZodTypeProvider>();
  await api.register(storeInfoRoutes, { store });
  await api.register(searchRoutes, { store });
  await api.register(documentRoutes, { store });
  await api.register(documentAnalysisRoutes, { store });
  await api.register(entityRoutes, { store });
  await api.register(timelineRoutes, { store });
  await api.register(claimRoutes, { store });
  await api.register(resolvedEntityRoutes, { store });
  await api.register(hypothesisRoutes, { store });
  await api.register(exportRoutes, { store });
  await api.register(ingestRoutes, {
    jobs,
    uploadDir: options.uploadDir ?? null,
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
  });
  api.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await serveWebUi(app, options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot);
  return app;
}
