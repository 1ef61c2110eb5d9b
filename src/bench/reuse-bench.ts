import { runReuseBenchmark } from '../provenance/index.js';
import { round, type BenchRow } from './measure.js';

/**
 * Reuse detection at scale on the provenance stage's own synthetic corpus (planted passages with
 * bracketed insertions and punctuation changes), against exact all-pairs comparison on a sample.
 */
export async function benchReuse(options: {
  docs: number;
  seed: number;
  log: (l: string) => void;
}): Promise<BenchRow[]> {
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
