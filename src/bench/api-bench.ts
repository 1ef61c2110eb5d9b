import { buildServer } from '../api/index.js';
import type { Store } from '../store/index.js';
import { percentile, round, type BenchRow } from './measure.js';

/**
 * The search API under load on loopback: a few concurrent clients for a bounded time, requests
 * rotating over realistic queries, every latency recorded so the percentiles are exact. A
 * plain fetch loop rather than a load tool: it needs p95 exactly, and nothing else.
 */
export async function benchApi(
  store: Store,
  queries: readonly string[],
  options: { seconds: number; connections: number; log: (l: string) => void },
): Promise<BenchRow[]> {
  const app = await buildServer({ store, webRoot: null });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const deadline = performance.now() + options.seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const q = queries[next++ % queries.length]!;
      const started = performance.now();
      try {
        const response = await fetch(
          `${address}/api/search?q=${encodeURIComponent(q)}&limit=20&facets=false`,
        );
        await response.arrayBuffer();
        if (!response.ok) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - started);
    }
  };
  try {
    const started = performance.now();
    await Promise.all(Array.from({ length: options.connections }, client));
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    options.log(
      `  api: ${latencies.length} requests in ${elapsed.toFixed(1)}s over ${options.connections} clients`,
    );
    return [
      { part: 'api', metric: 'search requests', value: latencies.length, unit: 'requests' },
      { part: 'api', metric: 'errors', value: errors, unit: 'requests' },
      { part: 'api', metric: 'concurrent clients', value: options.connections, unit: '' },
      {
        part: 'api',
        metric: 'throughput',
        value: round(latencies.length / elapsed),
        unit: 'req/s',
      },
      {
        part: 'api',
        metric: 'latency p50',
        value: round(percentile(latencies, 50), 2),
        unit: 'ms',
      },
      {
        part: 'api',
        metric: 'latency p95',
        value: round(percentile(latencies, 95), 2),
        unit: 'ms',
      },
      {
        part: 'api',
        metric: 'latency p99',
        value: round(percentile(latencies, 99), 2),
        unit: 'ms',
      },
    ];
  } finally {
    await app.close();
  }
}
