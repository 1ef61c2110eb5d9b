import { z } from 'zod';

/*
 * Traffic Light Protocol 2.0 markings (FIRST, https://www.first.org/tlp/). Each document carries
 * one; a reader's clearance is the most restrictive marking they may see. Stores keep the rank (an
 * integer) so that "visible to this clearance" is one indexed comparison: `tlp_rank <= clearance`.
 */

/** Least to most restrictive: the index is the rank. */
export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

/** The marking of a document nobody marked: public, so stores from before markings keep working. */
export const DEFAULT_TLP: TlpLevel = 'CLEAR';

/**
 * Accepts the level names as written in TLP 2.0, case-insensitive, with `TLP:` in front or not,
 * and `WHITE` (TLP 1.0's name for CLEAR).
 */
export const TlpLevelSchema = z
  .string()
  .trim()
  .transform((value) =>
    value
      .toUpperCase()
      .replace(/^TLP:/, '')
      .replace(/^WHITE$/, 'CLEAR'),
  )
  .pipe(z.enum(TLP_LEVELS, { error: () => `expected one of ${TLP_LEVELS.join(', ')}` }));

export function isTlpLevel(value: unknown): value is TlpLevel {
  return typeof value === 'string' && (TLP_LEVELS as readonly string[]).includes(value);
}

export function tlpRank(level: TlpLevel): number {
  return TLP_LEVELS.indexOf(level);
}

/** The level of a stored rank; ranks outside the scale (a damaged row) count as RED. */
export function tlpFromRank(rank: number): TlpLevel {
  return TLP_LEVELS[rank] ?? 'RED';
}

/** Whether a reader cleared for `clearance` may see something marked `marking`. */
export function tlpAllows(clearance: TlpLevel, marking: TlpLevel): boolean {
  return tlpRank(marking) <= tlpRank(clearance);
}

/** The more restrictive of two markings: re-ingesting a document never lowers its marking. */
export function stricterTlp(a: TlpLevel, b: TlpLevel): TlpLevel {
  return tlpRank(a) >= tlpRank(b) ? a : b;
}
