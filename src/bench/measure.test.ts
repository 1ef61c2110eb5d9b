import { describe, expect, it } from 'vitest';
import { machineLoad, percentile, percentiles, round } from './measure.js';

describe('percentile', () => {
  it('takes the nearest rank of sorted values', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
  });

  it('gives the only value of a single sample and NaN for none', () => {
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('percentiles', () => {
  it('sorts a copy, leaving the input as it was', () => {
    const latencies = [30, 10, 20, 40];
    expect(percentiles(latencies)).toEqual({ p50: 20, p95: 40, p99: 40 });
    expect(latencies).toEqual([30, 10, 20, 40]);
  });
});

describe('round and machineLoad', () => {
  it('rounds to the given digits', () => {
    expect(round(1.2345, 2)).toBe(1.23);
    expect(round(1288.35)).toBe(1288.4);
  });

  it('prints three load averages as uptime does', () => {
    expect(machineLoad([2.031, 1.5, 0.25, 9])).toBe('2.03, 1.50, 0.25');
  });
});
