import { round, type BenchRow } from './measure.js';
import { preparedStore, type StoreBenchOptions } from './prepared-store.js';
import { runStage } from './stage-runner.js';

/**
 * Entity resolution over the generated corpus: the corpus ingested and extracted once (cached),
 * then `runResolution` timed in a process of its own, so its peak memory is resolution's alone.
 */
export async function benchResolve(options: StoreBenchOptions): Promise<BenchRow[]> {
  const store = await preparedStore({ ...options, upTo: 'extract' });
  try {
    const f = await runStage({ stage: 'resolve', store: store.path });
    const mentions = f.counts.mentions ?? 0;
    options.log(
      `  resolve: ${mentions} mentions of ${f.documents} documents into ${f.counts.entities} entities in ${f.seconds.toFixed(1)}s`,
    );
    return [
      { part: 'resolve', metric: 'documents', value: f.documents, unit: 'docs' },
      { part: 'resolve', metric: 'entity mentions', value: mentions, unit: 'mentions' },
      { part: 'resolve', metric: 'resolved entities', value: f.counts.entities ?? 0, unit: '' },
      { part: 'resolve', metric: 'merges', value: f.counts.merges ?? 0, unit: '' },
      { part: 'resolve', metric: 'time', value: round(f.seconds, 2), unit: 's' },
      // The machine is often shared: CPU time compares runs where wall time cannot.
      {
        part: 'resolve',
        metric: 'cpu time',
        value: round(f.cpuSeconds ?? Number.NaN, 2),
        unit: 's',
      },
      {
        part: 'resolve',
        metric: 'throughput',
        value: round(mentions / f.seconds),
        unit: 'mentions/s',
      },
      {
        part: 'resolve',
        metric: 'throughput',
        value: round(f.documents / f.seconds),
        unit: 'docs/s',
      },
      { part: 'resolve', metric: 'peak rss (process)', value: round(f.peakRssMB), unit: 'MB' },
    ];
  } finally {
    store.dispose();
  }
}
