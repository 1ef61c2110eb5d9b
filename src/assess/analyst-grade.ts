import { foldForMatch } from '../core/index.js';
import type { Credibility, Reliability } from './admiralty.js';

/** A grade an analyst gave: who, when and why are part of it, so it can be audited. */
export interface AnalystGrade {
  reliability?: Reliability;
  credibility?: Credibility;
  analyst: string;
  /** ISO date-time the grade was given. */
  at: string;
  reason: string;
}

/**
 * The analyst's grade for the first of `names` (a speaker, a source code, a document id) found in
 * `grades`, by exact key first, then by folded key ("mx1" = "MX1").
 */
export function findSourceGrade(
  grades: ReadonlyMap<string, AnalystGrade>,
  names: ReadonlyArray<string | null>,
): { name: string; grade: AnalystGrade } | null {
  const present = names.filter((n): n is string => n !== null);
  for (const name of present) {
    const grade = grades.get(name);
    if (grade) return { name, grade };
  }
  const folded = new Map<string, { name: string; grade: AnalystGrade }>();
  for (const [key, grade] of grades) folded.set(foldForMatch(key), { name: key, grade });
  for (const name of present) {
    const hit = folded.get(foldForMatch(name));
    if (hit) return hit;
  }
  return null;
}
