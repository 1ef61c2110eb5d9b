import { describe, expect, it } from 'vitest';
import { alignPassages } from './align.js';
import { seededRandom } from './hash.js';
import { resolveReuseOptions } from './options.js';
import { distinctCount, mightReuse, ShingleSet } from './precheck.js';
import { prepareText } from './prepare.js';
import { ReuseVerifier } from './report.js';
import { ReuseIndex } from './reuse-index.js';
import { exactJaccard } from './similarity.js';
import { SyntheticCorpus } from './synthetic.js';

const OPTIONS = resolveReuseOptions();

const SYLLABLES = ['ka', 'lo', 'mi', 'ru', 'te', 'san', 'vo', 'bel', 'ni', 'dor', 'pa', 'zu'];

/** Invented words, so that two texts share nothing unless a test plants it. */
function words(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  const pick = () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
  return Array.from({ length: count }, () => pick() + pick() + pick());
}

/** What verification decides for two texts, and what the pre-check says of them. */
function judge(textA: string, textB: string): { kept: boolean; mightReuse: boolean } {
  const a = prepareText(textA, OPTIONS.shingleWords);
  const b = prepareText(textB, OPTIONS.shingleWords);
  const passages = alignPassages(a, b, {
    shingleWords: OPTIONS.shingleWords,
    minWords: OPTIONS.minPassageWords,
    maxGapWords: OPTIONS.maxGapWords,
  });
  const nearDuplicate =
    exactJaccard(a.shingles.primary, b.shingles.primary) >= OPTIONS.nearDuplicateSimilarity;
  const set = new ShingleSet().fill(a.shingles.primary);
  const bDistinct = distinctCount(b.shingles.primary, new ShingleSet());
  return {
    kept: passages.length > 0 || nearDuplicate,
    mightReuse: mightReuse(set, b.shingles.primary, bDistinct, OPTIONS),
  };
}

/** Four 5-word runs, each followed by `gap` words of its own in each text: 20 matching words. */
function brokenPassage(gap: number): { a: string; b: string } {
  const runs = [0, 1, 2, 3].map((i) => words(100 + i, 5));
  const a: string[] = [...words(1, 200)];
  const b: string[] = [...words(2, 200)];
  runs.forEach((run, i) => {
    a.push(...run, ...(i < 3 ? words(200 + i, gap) : []));
    b.push(...run, ...(i < 3 ? words(300 + i, gap) : []));
  });
  a.push(...words(3, 200));
  b.push(...words(4, 200));
  return { a: a.join(' '), b: b.join(' ') };
}

describe('ShingleSet', () => {
  it('holds each distinct hash once, including 0, and answers membership', () => {
    const set = new ShingleSet().fill(Uint32Array.from([0, 7, 7, 4_294_967_295, 1024, 0]));
    expect(set.size).toBe(4);
    for (const hash of [0, 7, 4_294_967_295, 1024]) expect(set.has(hash)).toBe(true);
    for (const hash of [1, 2048, 4_294_967_294]) expect(set.has(hash)).toBe(false);
  });

  it('forgets the previous contents when refilled, larger or smaller', () => {
    const set = new ShingleSet();
    const many = Uint32Array.from({ length: 5000 }, (_, i) => i * 2654435761);
    set.fill(many);
    expect(set.size).toBe(5000);
    set.fill(Uint32Array.from([3]));
    expect(set.size).toBe(1);
    expect(set.has(many[10]!)).toBe(false);
    expect(set.has(3)).toBe(true);
  });
});

describe('mightReuse', () => {
  it('lets through a 20-word passage broken by substitutions as long as alignment bridges', () => {
    const { a, b } = brokenPassage(OPTIONS.maxGapWords);
    expect(judge(a, b)).toEqual({ kept: true, mightReuse: true });
  });

  it('rules out texts whose shared runs are too far apart to chain', () => {
    const { a, b } = brokenPassage(OPTIONS.maxGapWords + 1);
    expect(judge(a, b)).toEqual({ kept: false, mightReuse: false });
  });

  it('rules out texts that share only a stock phrase shorter than a passage', () => {
    const phrase = words(9, 12);
    const a = [...words(1, 150), ...phrase, ...words(3, 150)].join(' ');
    const b = [...words(2, 150), ...phrase, ...words(4, 150)].join(' ');
    expect(judge(a, b)).toEqual({ kept: false, mightReuse: false });
  });

  it('lets through near-duplicates that share no passage', () => {
    // Fifteen-word units in reverse order: most shingles shared (similarity ≈ 0.56), but no two
    // units chain, so no run reaches twenty words.
    const units = Array.from({ length: 20 }, (_, i) => words(500 + i, 15));
    const a = units.flat().join(' ');
    const b = [...units].reverse().flat().join(' ');
    expect(judge(a, b)).toEqual({ kept: true, mightReuse: true });
  });

  it('lets through a pair on similarity alone when no stretch of shared shingles is long', () => {
    // Shared hashes nine positions apart: each covers five words, never twenty in a row.
    const shared = Uint32Array.from({ length: 30 }, (_, i) => 1000 + i);
    const a = new ShingleSet().fill(shared);
    const spaced = (filler: (i: number) => number) =>
      Uint32Array.from({ length: shared.length * 9 }, (_, p) =>
        p % 9 === 0 ? shared[p / 9]! : filler(p),
      );
    // One filler hash repeated: 31 distinct in b, 30 of them shared, similarity 30/31.
    const repeated = spaced(() => 7);
    expect(mightReuse(a, repeated, distinctCount(repeated, new ShingleSet()), OPTIONS)).toBe(true);
    // Every filler distinct: 30 of 270 shared, similarity 0.11.
    const varied = spaced((p) => 5000 + p);
    expect(mightReuse(a, varied, distinctCount(varied, new ShingleSet()), OPTIONS)).toBe(false);
  });

  it('never rules out a pair that verification keeps, over a corpus with planted reuse', () => {
    // Zipf-distributed invented words recur by chance, as real phrases do; reprints add brackets,
    // quotation marks and case changes; near-duplicates replace one word in 25.
    const corpus = new SyntheticCorpus({
      documents: 600,
      seed: 7,
      wordsPerDocument: 200,
      passageGroupRate: 0.05,
      nearDuplicateRate: 0.03,
    });
    // Every document also signs off with one of 30 stock ten-word lines, as e-mails do: pairs
    // that share only that line become candidates, which the pre-check should rule out.
    const signOffs = Array.from({ length: 30 }, (_, i) => words(700 + i, 10).join(' '));
    const index = new ReuseIndex();
    const texts = new Map<string, string>();
    for (let n = 0; n < corpus.size; n += 1) {
      const text = `${corpus.text(n)}\n\n${signOffs[n % signOffs.length]!}`;
      texts.set(corpus.id(n), text);
      index.add({ id: corpus.id(n), text, date: corpus.date(n) });
    }
    const unscreened = new ReuseVerifier(
      index.options,
      (text) => prepareText(text, index.options.shingleWords),
      (id) => index.dateOf(id),
    );
    for (const { a, b } of index.candidates()) {
      unscreened.check(a, texts.get(a)!, b, texts.get(b)!);
    }
    const screened = index.verify((id) => texts.get(id)!);
    const expected = unscreened.report((id) => texts.get(id)!);
    expect(expected.pairs.length).toBeGreaterThan(20);
    expect(screened).toEqual(expected);
    // And the pre-check did rule out most, or this test would prove nothing.
    const { candidates, aligned } = index.verification;
    expect(aligned).toBeLessThan(candidates / 2);
    index.close();
  });
});
