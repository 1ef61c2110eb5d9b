import { ownCopy } from '../core/index.js';
import type { PreparedText } from './prepare.js';

/** A passage two texts share, located in both originals. */
export interface AlignedPassage {
  /** The passage as printed in the first text (bracketed insertions and punctuation included). */
  text: string;
  /** Character span [aStart, aEnd) in the first text, [bStart, bEnd) in the second. */
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  /** Words that match exactly after normalisation (gaps bridged over are not counted). */
  words: number;
}

export interface AlignOptions {
  /** Shingle size the texts were prepared with: seeds are shared shingles. */
  shingleWords: number;
  /** Shortest passage reported, in matching words (the gold rule: 20). */
  minWords: number;
  /**
   * Largest run of unmatched words bridged inside one passage, on either side. Reprints swap an
   * editor's gloss for another ("VCF [the Juarez Cartel]" against "[the Juárez cartel]") or drop
   * a bracketed "[If]"; bridging a few words keeps such a passage whole.
   */
  maxGapWords: number;
  /** Shingles repeated more often than this in the first text are not used as seeds. */
  maxSeedRepeats?: number;
}

/** A maximal run of identical normalised words: [a0, a1) in the first text, [b0, b1) in the second. */
interface Run {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/**
 * Finds every passage of at least `minWords` matching words shared by two texts, tolerant of
 * bracketed insertions, punctuation, case and accents (normalize.ts) and of short substitutions
 * (`maxGapWords`).
 *
 * Seed and extend, as in BLAST and in plagiarism detectors: every shingle of `a` goes into a hash
 * table; each shingle of `b` found there is a seed, extended word by word in both directions to a
 * maximal run; runs on nearly the same diagonal with small gaps are chained into passages. Cost is
 * linear in the two lengths plus the number of seeds, not O(n·m) as a full dynamic-programming
 * alignment would be.
 */
export function alignPassages(
  a: PreparedText,
  b: PreparedText,
  options: AlignOptions,
): AlignedPassage[] {
  const runs = maximalRuns(a, b, options);
  const passages: AlignedPassage[] = [];
  for (const chain of chainRuns(runs, options.maxGapWords)) {
    const words = chain.reduce((sum, run) => sum + (run.a1 - run.a0), 0);
    if (words < options.minWords) continue;
    const first = chain[0]!;
    const last = chain[chain.length - 1]!;
    const aStart = a.tokens.starts[first.a0]!;
    const aEnd = a.tokens.ends[last.a1 - 1]!;
    passages.push({
      // Kept in reports long after the texts are gone: see ownCopy().
      text: ownCopy(a.text.slice(aStart, aEnd)),
      aStart,
      aEnd,
      bStart: b.tokens.starts[first.b0]!,
      bEnd: b.tokens.ends[last.b1 - 1]!,
      words,
    });
  }
  return passages.sort((x, y) => x.aStart - y.aStart || x.bStart - y.bStart);
}

function maximalRuns(a: PreparedText, b: PreparedText, options: AlignOptions): Run[] {
  const k = options.shingleWords;
  const maxRepeats = options.maxSeedRepeats ?? 64;
  const seeds = new Map<number, number[]>();
  const aShingles = a.shingles.primary;
  for (let i = 0; i < aShingles.length; i += 1) {
    const at = seeds.get(aShingles[i]!);
    if (at === undefined) seeds.set(aShingles[i]!, [i]);
    else if (at.length <= maxRepeats) at.push(i);
  }
  const same = (i: number, j: number): boolean =>
    a.wordHashes[i] === b.wordHashes[j] && a.tokens.words[i] === b.tokens.words[j];
  const na = a.wordHashes.length;
  const nb = b.wordHashes.length;
  /** Per diagonal (i − j), the end in `b` of the last run found on it: seeds before it are inside. */
  const coveredUntil = new Map<number, number>();
  const runs: Run[] = [];
  const bShingles = b.shingles.primary;
  for (let j = 0; j < bShingles.length; j += 1) {
    const at = seeds.get(bShingles[j]!);
    if (at === undefined || at.length > maxRepeats) continue;
    for (const i of at) {
      const diagonal = i - j;
      if ((coveredUntil.get(diagonal) ?? -1) > j) continue;
      let matches = true;
      for (let d = 0; d < k && matches; d += 1) matches = same(i + d, j + d);
      if (!matches) continue; // a hash collision, not a shared shingle
      let a0 = i;
      let b0 = j;
      while (a0 > 0 && b0 > 0 && same(a0 - 1, b0 - 1)) {
        a0 -= 1;
        b0 -= 1;
      }
      let a1 = i + k;
      let b1 = j + k;
      while (a1 < na && b1 < nb && same(a1, b1)) {
        a1 += 1;
        b1 += 1;
      }
      runs.push({ a0, a1, b0, b1 });
      coveredUntil.set(diagonal, b1);
    }
  }
  return runs;
}

/**
 * Greedy chaining: runs in order of their position in `b`, each appended to a chain whose last run
 * ends at most `maxGap` words before it in both texts, else starting a chain of its own.
 */
function chainRuns(runs: Run[], maxGap: number): Run[][] {
  runs.sort((x, y) => x.b0 - y.b0 || x.a0 - y.a0);
  const chains: Run[][] = [];
  for (const run of runs) {
    const chain = chains.find((candidate) => {
      const last = candidate[candidate.length - 1]!;
      const gapA = run.a0 - last.a1;
      const gapB = run.b0 - last.b1;
      return gapA >= 0 && gapB >= 0 && gapA <= maxGap && gapB <= maxGap;
    });
    if (chain) chain.push(run);
    else chains.push([run]);
  }
  return chains;
}
