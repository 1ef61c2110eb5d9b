import { runReuseBenchmark } from '../provenance/index.js';
import { round, type BenchRow } from './measure.js';
import { preparedStore, type StoreBenchOptions } from './prepared-store.js';
import { runStage } from './stage-runner.js';

/**
 * Reuse detection at scale on the provenance stage's own synthetic corpus (planted passages with
 * bracketed insertions and punctuation changes), against exact all-pairs comparison on a sample;
 * then, with `stage`, the pipeline's reuse stage (`runReuse`) over the generated corpus in a
 * store, in a process of its own, as `crosscheck analyze` runs it: its peak memory includes
 * reading texts back from the store and writing the result.
 */
export async function benchReuse(
  options: StoreBenchOptions & { stage?: boolean },
): Promise<BenchRow[]> {
  const rows = syntheticReuse(options);
  if (options.stage) rows.push(...(await stageReuse(options)));
  return rows;
}

async function stageReuse(options: StoreBenchOptions): Promise<BenchRow[]> {
  // The extracted store resolution's benchmark caches serves: reuse reads only the texts.
  const store = await preparedStore({ ...options, upTo: 'extract' });
  try {
    const f = await runStage({ stage: 'reuse', store: store.path });
    options.log(
      `  reuse stage: ${f.counts.pairs} pairs of ${f.documents} documents in ${f.seconds.toFixed(1)}s`,
    );
    return [
      { part: 'reuse stage', metric: 'documents', value: f.documents, unit: 'docs' },
      { part: 'reuse stage', metric: 'pairs', value: f.counts.pairs ?? 0, unit: 'pairs' },
      {
        part: 'reuse stage',
        metric: 'passage groups',
        value: f.counts.passageGroups ?? 0,
        unit: '',
      },
      { part: 'reuse stage', metric: 'time', value: round(f.seconds, 2), unit: 's' },
      {
        part: 'reuse stage',
        metric: 'cpu time',
        value: round(f.cpuSeconds ?? Number.NaN, 2),
        unit: 's',
      },
      { part: 'reuse stage', metric: 'peak rss (process)', value: round(f.peakRssMB), unit: 'MB' },
    ];
  } finally {
    store.dispose();
  }
}

function syntheticReuse(options: {
  docs: number;
  seed: number;
  log: (l: string) => void;
}): BenchRow[] {
  const r = runReuseBenchmark({
    docs: options.docs,
    seed: options.seed,
    sampleForExact: Math.min(3000, options.docs),
    progress: (m) => options.log(`  reuse: ${m}`),
  });
  return [
    { part: 'reuse', metric: 'documents', value: r.docs, unit: 'docs' },
    { part: 'reuse', metric: 'detector time', value: round(r.seconds, 1), unit: 's' },
    { part: 'reuse', metric: 'throughput', value: round(r.docsPerSecond), unit: 'docs/s' },
    { part: 'reuse', metric: 'planted pairs', value: r.plantedPairs, unit: 'pairs' },
    { part: 'reuse', metric: 'recall', value: round(r.recall, 4), unit: '' },
    { part: 'reuse', metric: 'precision', value: round(r.precision, 4), unit: '' },
    { part: 'reuse', metric: 'peak rss', value: round(r.peakRssMB), unit: 'MB' },
    {
      part: 'reuse',
      metric: `exact all-pairs, measured on ${r.exactSampleDocs}`,
      value: round(r.exactSampleSeconds, 1),
      unit: 's',
    },
    {
      part: 'reuse',
      metric: 'exact all-pairs, extrapolated',
      value: round(r.exactAllPairsSeconds),
      unit: 's',
    },
    { part: 'reuse', metric: 'speed-up over exact', value: round(r.speedupVsExact), unit: '×' },
    {
      part: 'reuse',
      metric: 'exact baseline recall (sample)',
      value: round(r.exactRecall, 4),
      unit: '',
    },
  ];
}
