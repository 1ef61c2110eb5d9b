import type { SizeResult, Stage } from './stage-figures.js';

/** How one stage's figures grew from one corpus size to the next. */
export interface Slope {
  stage: Stage | 'end-to-end';
  fromDocs: number;
  toDocs: number;
  sizeRatio: number;
  timeRatio: number;
  /**
   * Growth exponent k in time ∝ size^k: 1 is linear, above 1 worse than linear. Computed from
   * two points only, so it is a slope, not a fit.
   */
  exponent: number;
  /** The same exponent from CPU time, which the machine's other users move far less. */
  cpuExponent: number | null;
  /** Peak resident memory at the larger size minus at the smaller, in MB. */
  rssDeltaMB: number | null;
  /** Store on disk per 1,000 documents, larger size minus smaller, in MB. */
  storePer1000DeltaMB: number | null;
  /** Search only: p99 at the larger size over p99 at the smaller. */
  p99Ratio: number | null;
}

const exponentOf = (timeRatio: number, sizeRatio: number) =>
  sizeRatio === 1 ? NaN : Math.log(timeRatio) / Math.log(sizeRatio);

export const storePer1000MB = (storeBytes: number, documents: number): number =>
  documents === 0 ? NaN : storeBytes / 1024 / 1024 / (documents / 1000);

/** Slopes between each pair of consecutive sizes (sorted by size), stage by stage. */
export function computeSlopes(results: readonly SizeResult[]): Slope[] {
  const sorted = [...results].sort((a, b) => a.docs - b.docs);
  const slopes: Slope[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const [small, large] = [sorted[i - 1]!, sorted[i]!];
    const sizeRatio = large.docs / small.docs;
    for (const a of small.stages) {
      const b = large.stages.find((s) => s.stage === a.stage);
      if (!b) continue;
      const timeRatio = b.seconds / a.seconds;
      slopes.push({
        stage: a.stage,
        fromDocs: small.docs,
        toDocs: large.docs,
        sizeRatio,
        timeRatio,
        exponent: exponentOf(timeRatio, sizeRatio),
        cpuExponent:
          a.cpuSeconds !== undefined && b.cpuSeconds !== undefined
            ? exponentOf(b.cpuSeconds / a.cpuSeconds, sizeRatio)
            : null,
        rssDeltaMB: b.peakRssMB - a.peakRssMB,
        storePer1000DeltaMB:
          storePer1000MB(b.storeBytes, b.documents) - storePer1000MB(a.storeBytes, a.documents),
        p99Ratio: a.latency && b.latency ? b.latency.p99 / a.latency.p99 : null,
      });
    }
    const timeRatio = large.endToEndSeconds / small.endToEndSeconds;
    slopes.push({
      stage: 'end-to-end',
      fromDocs: small.docs,
      toDocs: large.docs,
      sizeRatio,
      timeRatio,
      exponent: exponentOf(timeRatio, sizeRatio),
      cpuExponent: null,
      rssDeltaMB: null,
      storePer1000DeltaMB: null,
      p99Ratio: null,
    });
  }
  return slopes;
}
