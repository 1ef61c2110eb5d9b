import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { runExtraction } from '../pipeline/index.js';
import { openStore, type Store } from '../store/index.js';
import { contentId, type Language } from '../core/index.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { BENCH_DIR } from './corpus-cache.js';
import { generateArticleTexts } from './corpus/index.js';
import { peakRssMB, round, type BenchRow } from './measure.js';

const SEEDS_DIR = resolve(process.env.CROSSCHECK_SEEDS ?? '../shared/corpus/seeds');

async function fill(
  store: Store,
  texts: Array<{ text: string; language: Language }>,
): Promise<number> {
  const run = await store.startRun(['bench']);
  let bytes = 0;
  for (let i = 0; i < texts.length; i += 500) {
    const slice = texts.slice(i, i + 500);
    await store.writeBatch({
      runId: run.id,
      items: slice.map(({ text, language }, j) => {
        bytes += Buffer.byteLength(text);
        return {
          parent: null,
          document: {
            id: contentId(`${i + j}\n${text}`),
            kind: 'text',
            title: text.slice(0, 60),
            text,
            language,
            publishedAt: null,
            byline: null,
            mimeType: 'text/plain',
            sizeBytes: Buffer.byteLength(text),
            origin: `bench/${i + j}.txt`,
            email: null,
            intel: null,
            metadata: {},
          },
        };
      }),
      failures: [],
      completedFiles: [],
    });
  }
  return bytes;
}

/**
 * Extraction throughput on article-sized texts, through the same worker-thread pool as
 * `crosscheck extract`: once on one thread and once with every core, so the gain from the
 * workers is measured, not assumed. Runs on generated articles and on the seed articles.
 */
export async function benchExtract(options: {
  docs: number;
  seed: number;
  log: (l: string) => void;
}): Promise<BenchRow[]> {
  const generated = generateArticleTexts(Math.min(options.docs, 5_000), options.seed).map(
    (text) => ({
      text,
      language: (/\b(el|la|los|que|de)\b/.test(text.slice(0, 400)) ? 'es' : 'en') as Language,
    }),
  );
  const corpora: Array<{ name: string; texts: Array<{ text: string; language: Language }> }> = [
    { name: 'generated', texts: generated },
  ];
  try {
    const seeds = readdirSync(SEEDS_DIR).map((f) => readFileSync(join(SEEDS_DIR, f), 'utf8'));
    // The five seeds repeated (each copy a distinct document) to a measurable amount of work.
    const copies = Math.ceil(1000 / seeds.length);
    corpora.push({
      name: 'seeds ×' + copies,
      texts: Array.from({ length: copies }, (_, i) =>
        seeds.map((t) => ({ text: `${t}\n${i}`, language: 'en' as Language })),
      ).flat(),
    });
  } catch {
    options.log(`  extract: no seed corpus at ${SEEDS_DIR}; measuring generated articles only`);
  }
  const rows: BenchRow[] = [];
  for (const corpus of corpora) {
    for (const workers of [0, availableParallelism()]) {
      const dir = mkdtempSync(join(BENCH_DIR, 'extract-'));
      const store = await openStore(join(dir, 'store.sqlite'));
      try {
        const bytes = await fill(store, corpus.texts);
        const summary = await runExtraction(store, { workers });
        const label = `${corpus.name}, ${workers === 0 ? '1 thread' : `${summary.workers} workers`}`;
        options.log(
          `  extract: ${label}: ${summary.documents} docs in ${summary.seconds.toFixed(1)}s`,
        );
        rows.push(
          {
            part: 'extract',
            metric: `${label}: documents`,
            value: summary.documents,
            unit: 'docs',
          },
          {
            part: 'extract',
            metric: `${label}: mean size`,
            value: round(bytes / summary.documents / 1024, 1),
            unit: 'KB',
          },
          {
            part: 'extract',
            metric: `${label}: throughput`,
            value: round(summary.documents / summary.seconds),
            unit: 'docs/s',
          },
          {
            part: 'extract',
            metric: `${label}: throughput`,
            value: round(bytes / 1024 / 1024 / summary.seconds, 2),
            unit: 'MB/s',
          },
        );
      } finally {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  rows.push({
    part: 'extract',
    metric: 'peak rss (main thread process)',
    value: round(peakRssMB()),
    unit: 'MB',
  });
  return rows;
}
