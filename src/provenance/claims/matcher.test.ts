import { describe, expect, it } from 'vitest';
import { DenseUnionFind } from '../../core/index.js';
import { KeyTable } from './key-table.js';
import { matchStatements, sameWords } from './matcher.js';
import { resolveTraceOptions, type ResolvedTraceOptions } from './options.js';
import { shingleKeys } from './statements.js';

const OPTIONS = resolveTraceOptions();

/**
 * The matcher as it was written first, on a Set of keys per statement and a Map of every key's
 * postings: the reference the flat tables must agree with, pair for pair.
 */
function referencePairs(keySets: Array<Set<number>>, options: ResolvedTraceOptions): string[] {
  const postings = new Map<number, number[]>();
  keySets.forEach((keys, s) => {
    for (const key of keys) postings.set(key, [...(postings.get(key) ?? []), s]);
  });
  const pairs: string[] = [];
  keySets.forEach((keys, s) => {
    if (keys.size === 0) return;
    const checked = new Set([s]);
    const anchors = [...keys].sort((x, y) => x - y).slice(0, options.anchors);
    for (const anchor of anchors) {
      const list = postings.get(anchor)!;
      for (const other of list.slice(0, options.maxPostings)) {
        if (checked.has(other)) continue;
        checked.add(other);
        const [small, large] =
          keys.size <= keySets[other]!.size ? [keys, keySets[other]!] : [keySets[other]!, keys];
        let shared = 0;
        for (const key of small) if (large.has(key)) shared += 1;
        if (shared >= options.minSharedShingles || shared / small.size >= options.minContainment) {
          pairs.push(`${s}-${other}`);
        }
      }
    }
  });
  return pairs.sort();
}

/** Sentences from a small vocabulary, many of them copies, trims and splices of each other. */
function sentences(count: number, seed: number, copies = 0.5): string[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const vocabulary = Array.from({ length: 40 }, (_, i) => `word${i}`);
  const made: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const base =
      made.length > 0 && next() < copies ? made[Math.floor(next() * made.length)]! : null;
    if (base) {
      const words = base.split(' ');
      const from = Math.floor(next() * (words.length / 3));
      const to = words.length - Math.floor(next() * (words.length / 3));
      made.push([...words.slice(from, to), vocabulary[Math.floor(next() * 40)]!].join(' '));
    } else {
      const length = 2 + Math.floor(next() * 25);
      made.push(Array.from({ length }, () => vocabulary[Math.floor(next() * 40)]!).join(' '));
    }
  }
  return made;
}

describe('matchStatements', () => {
  it('finds exactly the pairs the set-and-map matcher found', () => {
    for (const options of [OPTIONS, { ...OPTIONS, anchors: 3, maxPostings: 4 }]) {
      const table = new KeyTable();
      const keySets: Array<Set<number>> = [];
      for (const text of sentences(600, 5)) {
        const keys = shingleKeys(text, options);
        table.add(keys);
        keySets.push(new Set(keys));
      }
      const pairs: string[] = [];
      matchStatements(table, options, (a, b) => void pairs.push(`${a}-${b}`));
      expect(pairs.length).toBeGreaterThan(100);
      expect(pairs.sort()).toEqual(referencePairs(keySets, options));
    }
  });

  it('makes the same sets as the set-and-map matcher when skipping what is already joined', () => {
    const options = { ...OPTIONS, anchors: 4, maxPostings: 6 };
    const table = new KeyTable();
    const keySets: Array<Set<number>> = [];
    // Many copies of few sentences: big sets, whose lists end up wholly joined.
    for (const text of sentences(1500, 11, 0.9)) {
      const keys = shingleKeys(text, options);
      table.add(keys);
      keySets.push(new Set(keys));
    }
    const setsOf = (pairs: Iterable<[number, number]>) => {
      const union = new DenseUnionFind();
      for (let i = 0; i < table.size; i += 1) union.add();
      for (const [a, b] of pairs) union.union(a, b);
      return Array.from({ length: table.size }, (_, i) => union.find(i));
    };
    const union = new DenseUnionFind();
    for (let i = 0; i < table.size; i += 1) union.add();
    let verified = 0;
    matchStatements(
      table,
      options,
      (a, b) => void union.union(a, b),
      (a, b) => {
        verified += 1;
        return union.find(a) === union.find(b);
      },
    );
    const reference = referencePairs(keySets, options).map(
      (pair) => pair.split('-').map(Number) as [number, number],
    );
    const expected = setsOf(reference);
    const found = Array.from({ length: table.size }, (_, i) => union.find(i));
    // Same partition: statements together in one are together in the other, and vice versa.
    for (let i = 0; i < table.size; i += 1) {
      expect(found[i] === found[0]).toBe(expected[i] === expected[0]);
      expect(found[i] === found[expected.indexOf(expected[i]!)]).toBe(true);
      expect(expected[i] === expected[found.indexOf(found[i]!)]).toBe(true);
    }
    const sizes = new Map<number, number>();
    for (const root of found) sizes.set(root, (sizes.get(root) ?? 0) + 1);
    const largest = Math.max(...sizes.values());
    expect(largest).toBeGreaterThan(100);
    expect(verified).toBeGreaterThan(0);
  });

  it('skips pairs already known to match', () => {
    const table = new KeyTable();
    for (const text of ['one two three four five', 'one two three four five']) {
      table.add(shingleKeys(text, OPTIONS));
    }
    const pairs: Array<[number, number]> = [];
    matchStatements(
      table,
      OPTIONS,
      (a, b) => void pairs.push([a, b]),
      () => true,
    );
    expect(pairs).toEqual([]);
    matchStatements(table, OPTIONS, (a, b) => void pairs.push([a, b]));
    expect(pairs).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
});

describe('sameWords', () => {
  const table = new KeyTable();
  const add = (text: string) => table.add(shingleKeys(text, OPTIONS));
  const full = add('close to six hundred federal agents work out of the consulate in town');
  const trimmed = add('six hundred federal agents work out of the consulate');
  const other = add('the governor denied every word of the report on friday');
  const short = add('too short');

  it('matches a trimmed copy and not different words', () => {
    expect(sameWords(table, full, trimmed, OPTIONS)).toBe(true);
    expect(sameWords(table, trimmed, full, OPTIONS)).toBe(true);
    expect(sameWords(table, full, other, OPTIONS)).toBe(false);
  });

  it('never matches a statement too short to have keys', () => {
    expect(sameWords(table, short, short, OPTIONS)).toBe(false);
  });
});

describe('shingleKeys', () => {
  it('returns distinct keys in ascending order', () => {
    const keys = Array.from(shingleKeys('a b c a b c a b c d e f', OPTIONS));
    expect(keys).toEqual([...new Set(keys)].sort((x, y) => x - y));
    expect(keys.length).toBeLessThan(10);
    expect(keys.every((k) => Number.isSafeInteger(k) && k >= 0)).toBe(true);
  });
});
