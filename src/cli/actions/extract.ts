import type { Command } from 'commander';
import { z } from 'zod';
import { runExtraction, type ExtractSummary } from '../../pipeline/index.js';
import type { Output } from '../context.js';
import { NonNegativeInt, parseOptions } from '../parse-options.js';
import { withStore } from '../with-store.js';

const ExtractFlags = z.object({
  store: z.string().optional(),
  all: z.boolean().default(false),
  workers: NonNegativeInt.optional(),
  json: z.boolean().default(false),
  quiet: z.boolean().default(false),
});

export function describeExtraction(summary: ExtractSummary): string {
  if (summary.documents === 0 && summary.failures.length === 0)
    return 'Extraction: every document is up to date.';
  const rate = summary.seconds > 0 ? (summary.documents / summary.seconds).toFixed(0) : '–';
  return (
    `Extracted ${summary.documents} document(s) in ${summary.seconds.toFixed(1)}s (${rate} docs/s, ` +
    `${summary.workers || 'no'} worker thread(s)): ${summary.mentions} names, ${summary.dates} dates, ` +
    `${summary.quotes} quotes` +
    (summary.failures.length ? `; ${summary.failures.length} document(s) failed` : '.')
  );
}

/** `crosscheck extract`. */
export async function extractDocuments(
  output: Output,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(ExtractFlags, { ...command.optsWithGlobals(), ...raw });
  const summary = await withStore(flags, (store) =>
    runExtraction(store, {
      all: flags.all,
      ...(flags.workers !== undefined && { workers: flags.workers }),
      onProgress: (p) => {
        if (!flags.quiet && !flags.json) output.err(`extract: ${p.done}/${p.total} documents`);
      },
    }),
  );
  if (flags.json) output.json(summary);
  else {
    output.out(describeExtraction(summary));
    for (const f of summary.failures.slice(0, 20))
      output.out(`  FAILED ${f.documentId}: ${f.reason}`);
  }
  if (summary.failures.length > 0) process.exitCode = 2;
}
