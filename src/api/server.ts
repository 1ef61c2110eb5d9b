import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { CrosscheckError } from '../core/index.js';
import { defaultIngestOptions, type IngestOptions } from '../ingest/index.js';
import { runIngest, runResolution } from '../pipeline/index.js';
import type { AccountStore, Store } from '../store/index.js';
import type { QueueProgress } from '../queue/index.js';
import { currentAccess, requestScopedStore } from './auth/access.js';
import { accountRoutes } from './auth/account-routes.js';
import { installAudit } from './auth/audit.js';
import {
  COLLECTION_HEADER,
  DEFAULT_RATE_LIMIT,
  installGuard,
  type RateLimitOptions,
} from './auth/guard.js';
import { CollectionJobQueues } from './auth/scoped-jobs.js';
import { handleError } from './errors.js';
import { IngestJobQueue, type IngestRunner } from './ingest-jobs.js';
import { claimRoutes } from './routes/claims.js';
import { documentAnalysisRoutes } from './routes/document-analysis.js';
import { documentRoutes } from './routes/documents.js';
import { entityRoutes } from './routes/entities.js';
import { hypothesisRoutes } from './routes/hypotheses.js';
import { exportRoutes } from './routes/export.js';
import { ingestRoutes } from './routes/ingest.js';
import { queueRoutes } from './routes/queue.js';
import { resolvedEntityRoutes } from './routes/resolved-entities.js';
import { searchRoutes } from './routes/search.js';
import { storeInfoRoutes } from './routes/store-info.js';
import { timelineRoutes } from './routes/timeline.js';
import { addSecurityHeaders } from './security-headers.js';
import { DEFAULT_WEB_ROOT, serveWebUi } from './web-ui.js';

export const DEFAULT_MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

/** A server for many users: each request names a collection and carries an API token. */
export interface MultiUserOptions {
  accounts: AccountStore;
  /** The full store of a collection; called per request, so it should cache (collectionStores). */
  openCollection(slug: string): Promise<Store>;
  /** Per token, or per IP address for anonymous callers. Default 600 requests a minute. */
  rateLimit?: Partial<RateLimitOptions>;
}

interface CommonServerOptions {
  /** How uploaded files are read (limits, CSV columns, OCR). Defaults to the ingest defaults. */
  ingestOptions?: IngestOptions;
  /** Where uploads are saved before ingesting; without one, uploading is turned off. */
  uploadDir?: string;
  /** Largest upload accepted, in bytes (default 256 MB). */
  maxUploadBytes?: number;
  /** The built web UI; `null` serves the API only. Defaults to dist/web. */
  webRoot?: string | null;
  logger?: boolean;
  /** Largest JSON body accepted, in bytes (Fastify's default, 1 MiB, when unset); more is a 413. */
  bodyLimit?: number;
  /**
   * Behind a reverse proxy: which proxies to believe about the client's address
   * (X-Forwarded-For), as Fastify's trustProxy takes it. Off by default.
   */
  trustProxy?: boolean | string | string[];
  /** The distributed workers' queue, when the server is given one (`--redis`). */
  queueProgress?: (() => Promise<QueueProgress>) | null;
}

/**
 * Embedded (one store, no login: the single-user workbench on a laptop) or multi-user (accounts,
 * collections, TLP clearances, an audit log).
 */
export type ServerOptions = CommonServerOptions &
  ({ store: Store; multiUser?: undefined } | { store?: undefined; multiUser: MultiUserOptions });

/**
 * The HTTP API and the web UI over one store, or over the collections of a multi-user server.
 * The caller owns the stores: closing the server waits for running upload jobs but leaves them
 * open.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const ingestOptions = options.ingestOptions ?? defaultIngestOptions();
  const settings: FastifyServerOptions = { logger: options.logger ?? false };
  if (options.bodyLimit !== undefined) settings.bodyLimit = options.bodyLimit;
  if (options.trustProxy !== undefined) settings.trustProxy = options.trustProxy;
  const app = Fastify(settings);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  addSecurityHeaders(app);
  const multiUser = options.multiUser;
  if (multiUser) {
    // First, so that every route registered after it (all of them) is in its route table.
    await installGuard(app, {
      accounts: multiUser.accounts,
      openCollection: (slug) => multiUser.openCollection(slug),
      rateLimit: { ...DEFAULT_RATE_LIMIT, ...multiUser.rateLimit },
    });
    installAudit(app, multiUser.accounts);
  }

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Crosscheck API',
        description:
          'Search, read and ingest the documents of a Crosscheck store, and explore what extraction and text reuse found in them.',
        version: '0.1.0',
      },
      // Multi-user: lets the docs page's Authorize button send the token and the collection.
      ...(multiUser && {
        components: {
          securitySchemes: {
            token: { type: 'http', scheme: 'bearer' },
            collection: { type: 'apiKey', in: 'header', name: COLLECTION_HEADER },
          },
        },
        security: [{ token: [], collection: [] }],
      }),
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    // Keep the docs offline: no call to the public Swagger validator.
    validatorUrl: false,
  });

  let store: Store;
  let jobs: IngestJobQueue;
  if (multiUser) {
    // The same route plugins as the embedded server, handed stand-ins that resolve to the
    // collection of each request (see auth/access.ts): the routes need no change, and the guard
    // is the one place that decides which store, if any, a request reaches.
    store = requestScopedStore;
    // Uploads go into the full collection store (pipeline writes refuse a restricted view),
    // marked with the collection's own TLP level: what the case as a whole is marked.
    jobs = new CollectionJobQueues((slug): IngestRunner => async (path, onProgress) => {
      const collection = await multiUser.accounts.getCollection(slug);
      return runIngest(await multiUser.openCollection(slug), [path], {
        ingest: ingestOptions,
        onProgress,
        ...(collection && { tlp: collection.tlp }),
      });
    });
  } else {
    const embedded = options.store;
    store = embedded;
    jobs = new IngestJobQueue((path, onProgress) =>
      runIngest(embedded, [path], { ingest: ingestOptions, onProgress }),
    );
  }
  app.addHook('onClose', () => jobs.idle());

  const api = app.withTypeProvider<ZodTypeProvider>();
  if (multiUser) await api.register(accountRoutes, { accounts: multiUser.accounts });
  await api.register(storeInfoRoutes, { store });
  await api.register(searchRoutes, { store });
  await api.register(documentRoutes, { store });
  await api.register(documentAnalysisRoutes, { store });
  await api.register(entityRoutes, { store });
  await api.register(timelineRoutes, { store });
  await api.register(claimRoutes, { store });
  await api.register(resolvedEntityRoutes, {
    store,
    // An analyst's decision is re-resolved over the whole collection (a restricted view refuses
    // pipeline writes); what the route then reads back goes through the member's view.
    ...(multiUser && {
      resolve: async () => {
        const slug = currentAccess()?.collection?.slug;
        if (!slug) throw new CrosscheckError('STORE_FAILURE', 'No collection for this request');
        return runResolution(await multiUser.openCollection(slug));
      },
    }),
  });
  await api.register(hypothesisRoutes, { store });
  await api.register(exportRoutes, {
    store,
    marking: () => currentAccess()?.collection?.tlp ?? 'CLEAR',
  });
  await api.register(queueRoutes, { progress: options.queueProgress ?? null });
  await api.register(ingestRoutes, {
    jobs,
    uploadDir: options.uploadDir ?? null,
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
  });
  api.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await serveWebUi(app, options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot);
  return app;
}
