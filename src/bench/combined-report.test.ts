import { describe, expect, it } from 'vitest';
import { formatCombinedReport, stageRows, STAGE_HEADER } from './combined-report.js';
import type { SizeResult, StageFigures } from './stage-figures.js';

const MB = 1024 * 1024;

const ingest: StageFigures = {
  stage: 'ingest',
  documents: 1000,
  seconds: 2,
  bytes: 4 * MB,
  peakRssMB: 300,
  storeBytes: 5 * MB,
  latency: null,
  counts: { failures: 0 },
};
const search: StageFigures = {
  ...ingest,
  stage: 'search',
  seconds: 0.5,
  bytes: 0,
  peakRssMB: 150,
  latency: { p50: 1, p95: 2, p99: 3, queries: 240 },
  counts: {},
};
const result = (docs: number, scale: number): SizeResult => ({
  docs,
  stages: [
    { ...ingest, documents: docs, seconds: 2 * scale },
    { ...search, documents: docs },
  ],
  endToEndSeconds: 3 * scale,
  loadBefore: '1.00, 1.00, 1.00',
  loadAfter: '2.00, 1.00, 1.00',
});

describe('stageRows', () => {
  it('gives rates for processing stages, latencies for search, and an end-to-end row', () => {
    const rows = stageRows([result(1000, 1)]);
    expect(rows).toHaveLength(3);
    const at = (row: number, column: (typeof STAGE_HEADER)[number]) =>
      rows[row]![STAGE_HEADER.indexOf(column)];
    expect(at(0, 'docs/s')).toBe(500);
    expect(at(0, 'MB/s')).toBe(2);
    expect(at(0, 'store MB/1k docs')).toBe(5);
    expect(at(0, 'p99 ms')).toBeNull();
    expect(at(1, 'docs/s')).toBeNull();
    expect(at(1, 'p99 ms')).toBe(3);
    expect(at(2, 'stage')).toBe('end-to-end');
    expect(at(2, 'peak RSS MB')).toBe(300);
    expect(at(2, 'notes')).toBe('load 1.00, 1.00, 1.00 → 2.00, 1.00, 1.00');
  });
});

describe('formatCombinedReport', () => {
  it('adds the slopes only when there are two sizes or more', () => {
    expect(formatCombinedReport([result(1000, 1)])).not.toContain('Scale slopes');
    const report = formatCombinedReport([result(1000, 1), result(10_000, 20)]);
    expect(report).toContain('Scale slopes');
    expect(report).toMatch(/ingest\s+1,000 → 10,000\s+10\s+20\s+1\.3/);
  });
});
