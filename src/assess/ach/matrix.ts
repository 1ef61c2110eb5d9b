import type {
  AchMark,
  AchMatrix,
  AchRow,
  AchScore,
  Consistency,
  Evidence,
  Hypothesis,
} from './types.js';
import { evidenceWeight } from './weights.js';

/**
 * Analysis of Competing Hypotheses (Heuer, "Psychology of Intelligence Analysis", 1999, ch. 8):
 * lay every piece of evidence against every hypothesis and rank the hypotheses by how much
 * evidence argues *against* them, not how much fits — consistent evidence is usually consistent
 * with several hypotheses and proves little, while one solid inconsistency can rule one out.
 *
 * Scores are sums of row weights (weights.ts) over inconsistent marks; the least inconsistent
 * hypothesis ranks first. Unmarked cells count as neutral. Pure: same input, same matrix.
 */
export function achMatrix(
  hypotheses: readonly Hypothesis[],
  evidence: readonly Evidence[],
  marks: readonly AchMark[],
): AchMatrix {
  const cell = new Map<string, Consistency>();
  for (const m of marks) cell.set(`${m.hypothesisId}\u0000${m.evidenceId}`, m.mark);
  const markOf = (h: Hypothesis, e: Evidence) => cell.get(`${h.id}\u0000${e.id}`) ?? 'neutral';

  const rows: AchRow[] = evidence.map((e) => {
    const rowMarks: Record<string, Consistency> = {};
    for (const h of hypotheses) rowMarks[h.id] = markOf(h, e);
    const distinct = new Set(Object.values(rowMarks));
    return {
      evidenceId: e.id,
      weight: evidenceWeight(e),
      marks: rowMarks,
      diagnostic: distinct.size > 1,
    };
  });

  const scores: AchScore[] = hypotheses.map((h) => {
    let inconsistency = 0;
    let consistency = 0;
    const inconsistentEvidence: string[] = [];
    for (const row of rows) {
      const mark = row.marks[h.id];
      if (mark === 'inconsistent') {
        inconsistency += row.weight;
        inconsistentEvidence.push(row.evidenceId);
      } else if (mark === 'consistent') {
        consistency += row.weight;
      }
    }
    return {
      hypothesisId: h.id,
      inconsistency: round(inconsistency),
      consistency: round(consistency),
      inconsistentEvidence,
      rank: 0,
    };
  });
  // Stable sort: equal scores keep the analyst's order of hypotheses.
  scores.sort((a, b) => a.inconsistency - b.inconsistency);
  scores.forEach((s, i) => {
    s.rank =
      i > 0 && s.inconsistency === scores[i - 1]!.inconsistency ? scores[i - 1]!.rank : i + 1;
  });
  return { hypotheses: [...hypotheses], rows, scores };
}

/** Sums of decimal weights, rounded so that 0.6 + 0.8 compares equal to 1.4. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
