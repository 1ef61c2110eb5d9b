import { computeSlopes, storePer1000MB, type Slope } from './slopes.js';
import type { SizeResult, StageFigures } from './stage-figures.js';
import { formatTable, type Cell } from './table.js';

const MB = 1024 * 1024;

/** Claim tracing against the corpus's planted re-quotes, when the analysis was scored. */
function requotes(c: Record<string, number>): string {
  if (c.plantedRequotes === undefined) return '';
  const share = ((c.requotesInSmallClusterShare ?? 0) * 100).toFixed(1);
  return (
    `; planted re-quotes in one cluster (≤ ${c.smallClusterDocuments ?? 0} documents) ` +
    `${c.requotesInSmallCluster ?? 0} of ${c.plantedRequotes} (${share} %), ` +
    `in any one cluster ${c.requotesSharingCluster ?? 0}`
  );
}

/** The figures a stage's row shows besides rates: what it found, so a reader can sanity-check. */
function notes(f: StageFigures): string {
  const c = f.counts;
  switch (f.stage) {
    case 'ingest':
      return `${c.failures ?? 0} failures`;
    case 'extract':
      return `${c.mentions ?? 0} mentions, ${c.workers ?? 0} workers`;
    case 'resolve':
      return `${c.entities ?? 0} entities from ${c.mentions ?? 0} mentions`;
    case 'reuse':
      return `${c.pairs ?? 0} pairs, ${c.passageGroups ?? 0} passages, ${c.aligned ?? 0} of ${c.candidates ?? 0} candidates aligned`;
    case 'analyze':
      return (
        `${c.entities ?? 0} entities, ${c.pairs ?? 0} pairs, ${c.claimClusters ?? 0} claims ` +
        `(the widest carried by ${c.largestClaimDocuments ?? 0} documents); ` +
        `resolve ${c.resolveSeconds ?? 0} s ∥ reuse ${c.reuseSeconds ?? 0} s, then claims ${c.claimSeconds ?? 0} s` +
        requotes(c)
      );
    case 'search':
      return `${f.latency?.queries ?? 0} queries`;
  }
}

export const STAGE_HEADER = [
  'stage',
  'docs',
  'time s',
  'CPU s',
  'docs/s',
  'MB/s',
  'peak RSS MB',
  'store MB/1k docs',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'notes',
] as const;

/** One row per stage per size, then each size's end-to-end time. */
export function stageRows(results: readonly SizeResult[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const r of results) {
    for (const f of r.stages) {
      const search = f.stage === 'search';
      rows.push([
        f.stage,
        f.documents,
        f.seconds,
        f.cpuSeconds ?? null,
        search ? null : f.documents / f.seconds,
        search ? null : f.bytes / MB / f.seconds,
        f.peakRssMB,
        storePer1000MB(f.storeBytes, f.documents),
        f.latency?.p50 ?? null,
        f.latency?.p95 ?? null,
        f.latency?.p99 ?? null,
        notes(f),
      ]);
    }
    rows.push([
      'end-to-end',
      r.docs,
      r.endToEndSeconds,
      r.stages.every((s) => s.cpuSeconds !== undefined)
        ? r.stages.reduce((sum, s) => sum + (s.cpuSeconds ?? 0), 0)
        : null,
      r.docs / r.endToEndSeconds,
      null,
      Math.max(...r.stages.map((s) => s.peakRssMB)),
      null,
      null,
      null,
      null,
      `load ${r.loadBefore} → ${r.loadAfter}`,
    ]);
  }
  return rows;
}

export const SLOPE_HEADER = [
  'stage',
  'docs',
  'size ×',
  'time ×',
  'exponent',
  'CPU exponent',
  'RSS Δ MB',
  'store/1k Δ MB',
  'p99 ×',
] as const;

export function slopeRows(slopes: readonly Slope[]): Cell[][] {
  return slopes.map((s) => [
    s.stage,
    `${s.fromDocs.toLocaleString('en-US')} → ${s.toDocs.toLocaleString('en-US')}`,
    s.sizeRatio,
    Math.round(s.timeRatio * 100) / 100,
    Math.round(s.exponent * 100) / 100,
    s.cpuExponent === null ? null : Math.round(s.cpuExponent * 100) / 100,
    s.rssDeltaMB,
    s.storePer1000DeltaMB === null ? null : Math.round(s.storePer1000DeltaMB * 100) / 100,
    s.p99Ratio === null ? null : Math.round(s.p99Ratio * 100) / 100,
  ]);
}

/** The combined benchmark's printed report: one table of stages, then the slopes if any. */
export function formatCombinedReport(results: readonly SizeResult[]): string {
  const parts = [formatTable(STAGE_HEADER, stageRows(results))];
  const slopes = computeSlopes(results);
  if (slopes.length > 0) {
    parts.push(
      '',
      'Scale slopes (exponent k in time ∝ size^k: 1 is linear):',
      formatTable(SLOPE_HEADER, slopeRows(slopes)),
    );
  }
  return parts.join('\n');
}
