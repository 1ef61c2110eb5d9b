import type { Command } from 'commander';
import { z } from 'zod';
import { CrosscheckError, TlpLevelSchema } from '../../core/index.js';
import { IngestOptionsSchema } from '../../ingest/index.js';
import { runIngestPipeline } from '../../pipeline/index.js';
import { CollectionSlugSchema, collectionStoreLocation, openStore } from '../../store/index.js';
import type { Output } from '../context.js';
import { NonNegativeInt, parseOptions } from '../parse-options.js';
import { createProgressReporter } from '../progress.js';
import { HomeFlags } from './collections.js';
import { describeExtraction } from './extract.js';
import { withAccounts } from './server-home.js';

const IngestFlags = HomeFlags.extend({
  slug: CollectionSlugSchema,
  tlp: TlpLevelSchema.optional(),
  ocr: z.boolean().default(true),
  extract: z.boolean().default(true),
  analyze: z.boolean().default(true),
  workers: NonNegativeInt.optional(),
  quiet: z.boolean().default(false),
});

/** `crosscheck collection ingest <slug> <paths...>`: as `crosscheck ingest`, into a collection. */
export async function ingestIntoCollection(
  output: Output,
  slug: string,
  paths: string[],
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(IngestFlags, { ...command.optsWithGlobals(), ...raw, slug });
  const { tlp, summary, extraction, analysis } = await withAccounts(
    flags,
    async (accounts, server) => {
      const target = await accounts.getCollection(flags.slug);
      if (!target) {
        throw new CrosscheckError('NOT_FOUND', `There is no collection named ${flags.slug}`, {
          hint: 'Create it with `crosscheck collection create`.',
        });
      }
      const tlp = flags.tlp ?? target.tlp;
      const store = await openStore(collectionStoreLocation(server, target.slug));
      try {
        const reporter = createProgressReporter(output, flags.quiet);
        const { summary, extraction, analysis } = await runIngestPipeline(store, paths, {
          ingest: IngestOptionsSchema.parse({ ocr: flags.ocr }),
          tlp,
          ...(flags.workers !== undefined && { extractWorkers: flags.workers }),
          extract: flags.extract,
          analyze: flags.analyze,
          onProgress: (p) => reporter.update(p),
          onIngested: () => reporter.stop(),
        });
        return { tlp, summary, extraction, analysis };
      } finally {
        await store.close();
      }
    },
  );
  output.out(
    `Ingested ${summary.files} file(s) into ${flags.slug} as TLP:${tlp}: ${summary.stored} new document(s), ` +
      `${summary.duplicates} duplicate(s), ${summary.failures.length} failure(s).`,
  );
  for (const f of summary.failures.slice(0, 50)) {
    output.out(`  FAILED ${f.path} [${f.parser}, ${f.code}]: ${f.reason}`);
  }
  if (extraction) output.out(describeExtraction(extraction));
  if (analysis) {
    output.out(
      `Analysis: ${analysis.resolution.entities} entities; ${analysis.claims.clusters} quotes and claims traced.`,
    );
  }
  process.exitCode = summary.failures.length > 0 || (extraction?.failures.length ?? 0) > 0 ? 2 : 0;
}
