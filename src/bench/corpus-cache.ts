import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusFormat } from './corpus/index.js';

const CORPUS_CLI = fileURLToPath(new URL('./corpus-cli.js', import.meta.url));

export const BENCH_DIR = resolve(process.env.CROSSCHECK_BENCH_DIR ?? 'bench-output');

/**
 * Generated corpora are kept under bench-output/ by size, seed and format: generating a
 * million documents takes a while, and the same arguments always give the same bytes.
 */
export async function corpusFolder(
  docs: number,
  seed: number,
  format: CorpusFormat,
  log: (line: string) => void,
): Promise<string> {
  const out = join(BENCH_DIR, `corpus-${format}-${docs}-${seed}`);
  const manifest = join(out, 'manifest.json');
  if (existsSync(manifest)) {
    const recorded = JSON.parse(readFileSync(manifest, 'utf8')) as { options?: { docs?: number } };
    if (recorded.options?.docs === docs) return join(out, 'docs');
  }
  log(`generating ${docs} documents (${format}, seed ${seed}) into ${out} …`);
  const started = performance.now();
  // In a child process, so the generator's memory never counts in the measured process's peak.
  execFileSync(
    process.execPath,
    [
      CORPUS_CLI,
      '--docs',
      String(docs),
      '--seed',
      String(seed),
      '--format',
      format,
      '--out',
      out,
      '--force',
      '--quiet',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  log(`  generated in ${((performance.now() - started) / 1000).toFixed(1)}s`);
  // The documents only: ground-truth.jsonl and manifest.json beside them are not reporting.
  return join(out, 'docs');
}
