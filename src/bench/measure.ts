/** Peak resident memory of this process so far, in MB (the kernel's high-water mark). */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function rssMB(): number {
  return process.memoryUsage().rss / (1024 * 1024);
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)]!;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export interface BenchRow {
  part: string;
  metric: string;
  value: number | string;
  unit: string;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

/** Exact nearest-rank percentiles of unsorted latencies (the input is left as it is). */
export function percentiles(latenciesMs: readonly number[]): Percentiles {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

/** The 1, 5 and 15 minute load averages, as `uptime` prints them: the machine is shared. */
export function machineLoad(loadavg: readonly number[]): string {
  return loadavg
    .slice(0, 3)
    .map((l) => l.toFixed(2))
    .join(', ');
}
