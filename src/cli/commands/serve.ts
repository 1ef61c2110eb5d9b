import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { buildServer, DEFAULT_MAX_UPLOAD_BYTES } from '../../api/index.js';
import { CrosscheckError, toCrosscheckError } from '../../core/index.js';
import { openStore, type Store } from '../../store/index.js';
import { storeLocation, type Output } from '../context.js';
import { ByteSize, parseOptions } from '../parse-options.js';

export const ServeFlags = z.object({
  store: z.string().optional(),
  port: z.coerce.number().int().min(0).max(65_535).default(4173),
  host: z.string().trim().min(1).default('127.0.0.1'),
  uploadDir: z.string().min(1).default('.crosscheck/uploads'),
  maxUploadSize: ByteSize.optional(),
});

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
}

/** Serves the API and the workbench over an open store until SIGINT or SIGTERM. */
export async function serveUntilStopped(
  store: Store,
  settings: ServeSettings,
  output: Output,
): Promise<void> {
  const app = await buildServer({
    store,
    uploadDir: resolve(settings.uploadDir),
    maxUploadBytes: settings.maxUploadSize ?? DEFAULT_MAX_UPLOAD_BYTES,
  });
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
  if (!LOOPBACK.has(settings.host)) {
    output.err(
      'crosscheck: warning: the server has no login; anyone who can reach ' +
        `${settings.host} can read and add to this store.`,
    );
  }
  const signal = await untilStopped();
  output.err(`crosscheck: ${signal} received, stopping…`);
  await app.close();
}

export function registerServe(program: Command, output: Output): void {
  program
    .command('serve')
    .description('Serve the web workbench and the HTTP API over the store')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '4173')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--upload-dir <path>', 'where uploaded files are kept', '.crosscheck/uploads')
    .option('--max-upload-size <size>', 'largest upload accepted (e.g. 256MB)')
    .action(async (raw: Record<string, unknown>, command: Command) => {
      const flags = parseOptions(ServeFlags, { ...command.optsWithGlobals(), ...raw });
      // Unlike the other commands the store stays open for as long as the server runs, so this
      // cannot use withStore; it is closed on the way out whatever happens.
      const store = await openStore(storeLocation(flags));
      try {
        await serveUntilStopped(store, { ...flags, storeLabel: storeLocation(flags) }, output);
      } finally {
        await store.close();
      }
    });
}
