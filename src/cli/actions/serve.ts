import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import {
  buildServer,
  collectionStores,
  DEFAULT_MAX_UPLOAD_BYTES,
  DEFAULT_SEARCH_WORKERS,
  DEFAULT_RATE_LIMIT,
} from '../../api/index.js';
import { CrosscheckError, UsageError, toCrosscheckError } from '../../core/index.js';
import type { QueueMonitor } from '../../queue/index.js';
import { openAccountStore, openStore, type Store } from '../../store/index.js';
import type { Output } from '../context.js';
import { ByteSize, PositiveInt, parseOptions } from '../parse-options.js';
import { storeLocation } from '../with-store.js';
import { serverLocation } from './server-home.js';

export const ServeFlags = z.object({
  store: z.string().optional(),
  port: z.coerce.number().int().min(0).max(65_535).default(4173),
  host: z.string().trim().min(1).default('127.0.0.1'),
  uploadDir: z.string().min(1).default('.crosscheck/uploads'),
  maxUploadSize: ByteSize.optional(),
  redis: z.string().min(1).optional(),
  searchWorkers: z.coerce.number().int().min(0).max(16).default(DEFAULT_SEARCH_WORKERS),
});

/** What `--multi-user` adds; a separate schema so `crosscheck demo` keeps parsing ServeFlags. */
const MultiUserFlags = ServeFlags.extend({
  multiUser: z.boolean().default(false),
  home: z.string().min(1).optional(),
  rateLimit: PositiveInt.default(DEFAULT_RATE_LIMIT.max),
  rateWindow: PositiveInt.default(DEFAULT_RATE_LIMIT.timeWindow / 1000),
  bodyLimit: ByteSize.optional(),
  trustProxy: z.string().min(1).optional(),
});

/**
 * `--trust-proxy` as Fastify takes it: `true` for any proxy, else the proxy addresses or
 * subnets to believe (comma-separated), so X-Forwarded-For is only read when it came from them.
 */
function trustProxySetting(value: string | undefined): boolean | string[] | undefined {
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Resolves on the first SIGINT or SIGTERM, then stops listening for them. */
function untilStopped(): Promise<NodeJS.Signals> {
  return new Promise((done) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export interface ServeSettings {
  port: number;
  host: string;
  uploadDir: string;
  maxUploadSize?: number | undefined;
  /** How the store is named to the user. */
  storeLabel: string;
  /** The distributed workers' Redis, to show their progress (default $CROSSCHECK_REDIS). */
  redis?: string | undefined;
}

/**
 * The queue's progress for the ingest page, when the server is told where the workers' Redis is.
 * Opened before listening, so a wrong URL stops the server with a clear error at once.
 */
async function withQueueMonitor<T>(
  redis: string | undefined,
  run: (progress: (() => ReturnType<QueueMonitor['progress']>) | null) => Promise<T>,
): Promise<T> {
  const redisUrl = redis ?? process.env.CROSSCHECK_REDIS;
  if (!redisUrl) return run(null);
  // Only now: the queue's client (BullMQ, ioredis) is for servers that show the workers.
  const { openQueueMonitor } = await import('../../queue/index.js');
  const monitor = await openQueueMonitor({ redisUrl });
  try {
    return await run(() => monitor.progress());
  } finally {
    await monitor.close();
  }
}

/** Listens until SIGINT or SIGTERM, then closes the server (not the stores). */
async function listenUntilStopped(
  app: FastifyInstance,
  settings: ServeSettings,
  output: Output,
  exposedWarning: string | null,
): Promise<void> {
  let address: string;
  try {
    address = await app.listen({ port: settings.port, host: settings.host });
  } catch (error) {
    await app.close();
    throw new CrosscheckError(
      'INVALID_ARGUMENT',
      `Cannot listen on ${settings.host}:${settings.port}: ${toCrosscheckError(error, 'INVALID_ARGUMENT').message}`,
      { hint: 'Pick another --port (or --port 0 for any free one).', cause: error },
    );
  }
  output.out(`Crosscheck is serving ${settings.storeLabel} at ${address}`);
  output.out(
    `Open ${address} in a browser. API description: ${address}/api/docs. Press Ctrl+C to stop.`,
  );
  if (exposedWarning && !LOOPBACK.has(settings.host)) output.err(exposedWarning);
  const signal = await untilStopped();
  output.err(`crosscheck: ${signal} received, stopping…`);
  await app.close();
}

/** Serves the API and the workbench over an open store until SIGINT or SIGTERM. */
export async function serveUntilStopped(
  store: Store,
  settings: ServeSettings,
  output: Output,
): Promise<void> {
  await withQueueMonitor(settings.redis, async (queueProgress) => {
    const app = await buildServer({
      store,
      uploadDir: resolve(settings.uploadDir),
      maxUploadBytes: settings.maxUploadSize ?? DEFAULT_MAX_UPLOAD_BYTES,
      queueProgress,
    });
    await listenUntilStopped(
      app,
      settings,
      output,
      'crosscheck: warning: the server has no login; anyone who can reach ' +
        `${settings.host} can read and add to this store.`,
    );
  });
}

/** The multi-user server: accounts and collections from a server home or PostgreSQL database. */
async function serveMultiUser(
  flags: z.infer<typeof MultiUserFlags>,
  uploadDirGiven: boolean,
  output: Output,
): Promise<void> {
  const server = serverLocation(flags);
  // A SQLite server keeps its uploads in its home unless told otherwise, beside the collections.
  const uploadDir =
    uploadDirGiven || /^postgres/i.test(server) ? flags.uploadDir : join(server, 'uploads');
  const accounts = await openAccountStore(server);
  const stores = collectionStores(server, { searchWorkers: flags.searchWorkers });
  try {
    if ((await accounts.listUsers()).length === 0) {
      output.err(
        'crosscheck: no accounts yet. Create one with `crosscheck user add <name> --admin` ' +
          'and a token with `crosscheck token create <name>`.',
      );
    }
    await withQueueMonitor(flags.redis, async (queueProgress) => {
      const app = await buildServer({
        multiUser: {
          accounts,
          openCollection: (slug) => stores.open(slug),
          rateLimit: { max: flags.rateLimit, timeWindow: flags.rateWindow * 1000 },
        },
        uploadDir: resolve(uploadDir),
        maxUploadBytes: flags.maxUploadSize ?? DEFAULT_MAX_UPLOAD_BYTES,
        queueProgress,
        ...(flags.bodyLimit !== undefined && { bodyLimit: flags.bodyLimit }),
        ...(flags.trustProxy !== undefined && {
          trustProxy: trustProxySetting(flags.trustProxy)!,
        }),
      });
      const label = /^postgres/i.test(server)
        ? 'the multi-user server (PostgreSQL)'
        : `the multi-user server in ${resolve(server)}`;
      await listenUntilStopped(app, { ...flags, storeLabel: label }, output, null);
    });
  } finally {
    await stores.closeAll();
    await accounts.close();
  }
}

/** `crosscheck serve`: the workbench and the API, single-user or `--multi-user`. */
export async function serveWorkbench(
  output: Output,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const all = parseOptions(MultiUserFlags, { ...command.optsWithGlobals(), ...raw });
  if (all.multiUser) {
    return serveMultiUser(all, command.getOptionValueSource('uploadDir') !== 'default', output);
  }
  if (all.home !== undefined) {
    throw new UsageError('INVALID_ARGUMENT', '--home names a multi-user server home', {
      hint: 'Add --multi-user, or use --store for the single-user workbench.',
    });
  }
  const flags = parseOptions(ServeFlags, { ...command.optsWithGlobals(), ...raw });
  // Unlike the other commands the store stays open for as long as the server runs, so this
  // cannot use withStore; it is closed on the way out whatever happens.
  const store = await openStore(storeLocation(flags), { searchWorkers: flags.searchWorkers });
  try {
    await serveUntilStopped(store, { ...flags, storeLabel: storeLocation(flags) }, output);
  } finally {
    await store.close();
  }
}
