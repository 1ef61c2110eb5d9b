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
