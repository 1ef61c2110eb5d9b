import { describe, expect, it } from 'vitest';
import { computeSlopes, storePer1000MB } from './slopes.js';
import type { SizeResult, Stage, StageFigures } from './stage-figures.js';

const MB = 1024 * 1024;

function stage(
  name: Stage,
  documents: number,
  seconds: number,
  peakRssMB: number,
  storeMB: number,
  p99?: number,
): StageFigures {
  return {
    stage: name,
    documents,
    seconds,
    bytes: 0,
    peakRssMB,
    storeBytes: storeMB * MB,
    latency: p99 === undefined ? null : { p50: p99 / 2, p95: p99, p99, queries: 10 },
    counts: {},
  };
}

function size(docs: number, stages: StageFigures[], endToEndSeconds: number): SizeResult {
  return { docs, stages, endToEndSeconds, loadBefore: '0, 0, 0', loadAfter: '0, 0, 0' };
}

describe('computeSlopes', () => {
  const small = size(
    10_000,
    [stage('ingest', 10_000, 10, 300, 30), stage('search', 10_000, 1, 150, 30, 5)],
    20,
  );
  const large = size(
    100_000,
    [stage('ingest', 100_000, 100, 450, 320), stage('search', 100_000, 2, 160, 320, 50)],
    400,
  );

  it('gives exponent 1 for time growing as fast as the corpus, 2 for its square', () => {
    const slopes = computeSlopes([large, small]);
    const ingest = slopes.find((s) => s.stage === 'ingest')!;
    expect(ingest).toMatchObject({
      fromDocs: 10_000,
      toDocs: 100_000,
      sizeRatio: 10,
      timeRatio: 10,
    });
    expect(ingest.exponent).toBeCloseTo(1, 10);
    expect(ingest.rssDeltaMB).toBe(150);
    expect(ingest.cpuExponent).toBeNull();
    expect(ingest.storePer1000DeltaMB).toBeCloseTo(0.2, 10);
    const endToEnd = slopes.find((s) => s.stage === 'end-to-end')!;
    expect(endToEnd.timeRatio).toBe(20);
    expect(endToEnd.exponent).toBeCloseTo(Math.log(20) / Math.log(10), 10);
  });

  it('reports the p99 ratio for search only', () => {
    const slopes = computeSlopes([small, large]);
    expect(slopes.find((s) => s.stage === 'search')!.p99Ratio).toBe(10);
    expect(slopes.find((s) => s.stage === 'ingest')!.p99Ratio).toBeNull();
  });

  it('has nothing to compare for a single size, and pairs consecutive sizes for three', () => {
    expect(computeSlopes([small])).toEqual([]);
    const middle = size(50_000, [stage('ingest', 50_000, 40, 400, 160)], 100);
    const pairs = computeSlopes([small, large, middle])
      .filter((s) => s.stage === 'ingest')
      .map((s) => [s.fromDocs, s.toDocs]);
    expect(pairs).toEqual([
      [10_000, 50_000],
      [50_000, 100_000],
    ]);
  });
});

describe('computeSlopes with CPU time', () => {
  it('gives a CPU exponent when both sizes recorded CPU time', () => {
    const a = size(1000, [{ ...stage('extract', 1000, 10, 300, 3), cpuSeconds: 15 }], 10);
    const b = size(10_000, [{ ...stage('extract', 10_000, 300, 300, 30), cpuSeconds: 150 }], 300);
    const [extract] = computeSlopes([a, b]);
    expect(extract!.cpuExponent).toBeCloseTo(1, 10);
    expect(extract!.exponent).toBeCloseTo(Math.log10(30), 10);
  });
});

describe('storePer1000MB', () => {
  it('divides the store by thousands of documents', () => {
    expect(storePer1000MB(335 * MB, 100_000)).toBeCloseTo(3.35, 10);
    expect(storePer1000MB(MB, 0)).toBeNaN();
  });
});
