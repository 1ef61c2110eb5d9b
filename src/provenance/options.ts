import { UsageError } from '../core/index.js';
import type { Banding } from './lsh.js';

export interface ReuseOptions {
  /** Words per shingle (Broder's w-shingles). Default 5. */
  shingleWords?: number;
  /** Shortest shared passage reported, in matching words. Default 20, the gold rule. */
  minPassageWords?: number;
  /**
   * Winnowing window, in shingles. Default minPassageWords − shingleWords + 1 (16), the largest
   * window that still guarantees every passage of minPassageWords words shares a fingerprint.
   */
  winnowWindow?: number;
  /**
   * MinHash LSH bands × rows for near-duplicate documents. Default 25 × 5 (125 permutations):
   * the S-curve's midpoint is J ≈ 0.53, a pair at J = 0.7 becomes a candidate with p ≈ 0.99, one
   * at J = 0.3 with p ≈ 0.06.
   */
  banding?: Banding;
  /** Exact shingle Jaccard at or above which a verified pair is a near-duplicate. Default 0.5. */
  nearDuplicateSimilarity?: number;
  /** Unmatched words bridged inside one passage (editorial substitutions). Default 3. */
  maxGapWords?: number;
  /**
   * A fingerprint shared by more documents than this (boilerplate, or a quote everyone ran) yields
   * a star of pairs around the document with the smallest id (not the first added, so that the
   * result does not depend on reading order) instead of every pair: linear, not quadratic, and
   * still enough to put every carrier into the passage group. Default 32.
   */
  maxCliqueDocuments?: number;
  /** Longest bracketed insertion ignored for matching, in characters. Default 120. */
  maxBracketChars?: number;
  /** Seed for the MinHash permutations. */
  seed?: number;
}

export type ResolvedReuseOptions = Required<ReuseOptions>;

export function resolveReuseOptions(options: ReuseOptions = {}): ResolvedReuseOptions {
  const shingleWords = options.shingleWords ?? 5;
  const minPassageWords = options.minPassageWords ?? 20;
  const resolved: ResolvedReuseOptions = {
    shingleWords,
    minPassageWords,
    winnowWindow: options.winnowWindow ?? Math.max(1, minPassageWords - shingleWords + 1),
    banding: options.banding ?? { bands: 25, rows: 5 },
    nearDuplicateSimilarity: options.nearDuplicateSimilarity ?? 0.5,
    maxGapWords: options.maxGapWords ?? 3,
    maxCliqueDocuments: options.maxCliqueDocuments ?? 32,
    maxBracketChars: options.maxBracketChars ?? 120,
    seed: options.seed ?? 0x5eed,
  };
  const positive: Array<[string, number]> = [
    ['shingleWords', resolved.shingleWords],
    ['minPassageWords', resolved.minPassageWords],
    ['winnowWindow', resolved.winnowWindow],
    ['banding.bands', resolved.banding.bands],
    ['banding.rows', resolved.banding.rows],
    ['maxCliqueDocuments', resolved.maxCliqueDocuments],
  ];
  for (const [name, value] of positive) {
    if (!Number.isInteger(value) || value < 1) {
      throw new UsageError('INVALID_ARGUMENT', `reuse option ${name} must be a positive integer`, {
        hint: `got ${value}`,
      });
    }
  }
  if (resolved.minPassageWords < resolved.shingleWords) {
    throw new UsageError('INVALID_ARGUMENT', 'minPassageWords is shorter than one shingle', {
      hint: `use minPassageWords ≥ shingleWords (${resolved.shingleWords})`,
    });
  }
  return resolved;
}
