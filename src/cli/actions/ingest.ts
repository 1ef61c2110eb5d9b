import type { Command } from 'commander';
import { z } from 'zod';
import { TlpLevelSchema } from '../../core/index.js';
import { IngestOptionsSchema } from '../../ingest/index.js';
import { runIngestPipeline } from '../../pipeline/index.js';
import type { Output } from '../context.js';
import { ByteSize, NonNegativeInt, PositiveInt, parseOptions } from '../parse-options.js';
import { analysisProgressLine, createProgressReporter } from '../progress.js';
import { withStore } from '../with-store.js';
import { describeExtraction } from './extract.js';

const IngestFlags = z.object({
  store: z.string().optional(),
  textColumn: z.string().min(1).optional(),
  titleColumn: z.string().min(1).optional(),
  dateColumn: z.string().min(1).optional(),
  maxFileSize: ByteSize.optional(),
  maxArchiveSize: ByteSize.optional(),
  maxArchiveEntries: PositiveInt.optional(),
  maxDepth: NonNegativeInt.optional(),
  ocr: z.boolean().default(true),
  extract: z.boolean().default(true),
  analyze: z.boolean().default(true),
  workers: NonNegativeInt.optional(),
  parseWorkers: NonNegativeInt.optional(),
  batchSize: PositiveInt.optional(),
  tlp: TlpLevelSchema.optional(),
  json: z.boolean().default(false),
  quiet: z.boolean().default(false),
});

/** `crosscheck ingest <paths...>`: read, extract, analyse. */
export async function ingestFiles(
  output: Output,
  paths: string[],
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(IngestFlags, { ...command.optsWithGlobals(), ...raw });
  const defaults = IngestOptionsSchema.parse({});
  const ingest = IngestOptionsSchema.parse({
    textColumn: flags.textColumn,
    titleColumn: flags.titleColumn,
    dateColumn: flags.dateColumn,
    ocr: flags.ocr,
    limits: {
      ...defaults.limits,
      ...(flags.maxFileSize !== undefined && { maxFileBytes: flags.maxFileSize }),
      ...(flags.maxArchiveSize !== undefined && {
        maxArchiveExpandedBytes: flags.maxArchiveSize,
      }),
      ...(flags.maxArchiveEntries !== undefined && {
        maxArchiveEntries: flags.maxArchiveEntries,
      }),
      ...(flags.maxDepth !== undefined && { maxDepth: flags.maxDepth }),
    },
  });
  const reporter = createProgressReporter(output, flags.quiet || flags.json);
  const { summary, extraction, analysis } = await withStore(flags, (store) =>
    runIngestPipeline(store, paths, {
      ingest,
      ...(flags.batchSize !== undefined && { batchSize: flags.batchSize }),
      ...(flags.parseWorkers !== undefined && { parseWorkers: flags.parseWorkers }),
      ...(flags.tlp !== undefined && { tlp: flags.tlp }),
      ...(flags.workers !== undefined && { extractWorkers: flags.workers }),
      extract: flags.extract,
      analyze: flags.analyze,
      onProgress: (p) => reporter.update(p),
      onIngested: () => reporter.stop(),
      ...(!(flags.quiet || flags.json) && {
        onAnalysisProgress: (p) => output.err(analysisProgressLine(p)),
      }),
    }),
  );
  if (flags.json) {
    output.json({ ...summary, extraction, analysis });
  } else {
    output.out(
      `Ingested ${summary.files} file(s) in ${summary.seconds.toFixed(1)}s: ` +
        `${summary.stored} new document(s), ${summary.duplicates} duplicate(s), ` +
        `${summary.skippedFiles} file(s) already ingested, ${summary.failures.length} failure(s).`,
    );
    for (const f of summary.failures.slice(0, 50)) {
      output.out(
        `  FAILED ${f.path} [${f.parser}, ${f.code}]: ${f.reason}${f.hint ? ` — ${f.hint}` : ''}`,
      );
    }
    if (summary.failures.length > 50) {
      output.out(`  … and ${summary.failures.length - 50} more: run \`crosscheck failures\`.`);
    }
    if (extraction) output.out(describeExtraction(extraction));
    if (analysis) {
      output.out(
        `Analysis: ${analysis.resolution.entities} entities; ${analysis.reuse.pairs} document pair(s) share passages; ${analysis.claims.clusters} quotes and ` +
          `claims traced, ${analysis.claims.circular} of them circular. See \`crosscheck reuse\` and \`crosscheck claims\`.`,
      );
    }
  }
  // Non-zero when anything could not be read, so scripts notice.
  process.exitCode = summary.failures.length > 0 || (extraction?.failures.length ?? 0) > 0 ? 2 : 0;
}
