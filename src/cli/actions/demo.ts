import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { CrosscheckError } from '../../core/index.js';
import { defaultIngestOptions } from '../../ingest/index.js';
import { runIngestPipeline } from '../../pipeline/index.js';
import { openStore } from '../../store/index.js';
import type { Output } from '../context.js';
import { parseOptions } from '../parse-options.js';
import { storeLocation } from '../with-store.js';
import { describeExtraction } from './extract.js';
import { ServeFlags, serveUntilStopped } from './serve.js';

/** The bundled, fictional sample corpus, found relative to this file in src/ or dist/. */
export const SAMPLE_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../sample/corpus',
);

/** `crosscheck demo`: ingest the sample corpus, then serve the workbench. */
export async function runDemo(
  output: Output,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(ServeFlags, { ...command.optsWithGlobals(), ...raw });
  if (!existsSync(SAMPLE_DIR)) {
    throw new CrosscheckError('FILE_NOT_FOUND', `The sample corpus is missing`, {
      file: SAMPLE_DIR,
      hint: 'Run from a complete checkout of Crosscheck.',
    });
  }
  const store = await openStore(storeLocation(flags), { searchWorkers: flags.searchWorkers });
  try {
    output.out(`Ingesting the sample corpus from ${SAMPLE_DIR} …`);
    const { summary, extraction, analysis } = await runIngestPipeline(store, [SAMPLE_DIR], {
      ingest: defaultIngestOptions(),
    });
    const stats = await store.stats();
    output.out(
      `Sample corpus: ${summary.stored} new document(s), ${summary.skippedFiles} file(s) already ingested, ` +
        `${summary.failures.length} failure(s); the store now holds ${stats.documents} document(s).`,
    );
    for (const f of summary.failures) output.out(`  FAILED ${f.path}: ${f.reason}`);
    if (extraction) output.out(describeExtraction(extraction));
    if (analysis) {
      output.out(
        `Analysis: ${analysis.resolution.entities} entities, ${analysis.reuse.pairs} document pair(s) sharing ` +
          `passages, ${analysis.claims.clusters} quotes and claims traced (${analysis.claims.circular} circular).`,
      );
    }
    await serveUntilStopped(store, { ...flags, storeLabel: storeLocation(flags) }, output);
  } finally {
    await store.close();
  }
}
