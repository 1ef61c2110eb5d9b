import { describe, expect, it } from 'vitest';
import { AnchorPostings } from './anchor-postings.js';
import { KeyTable } from './key-table.js';

function tableOf(statements: number[][]): KeyTable {
  const table = new KeyTable();
  for (const keys of statements) table.add(keys);
  return table;
}

function postingsOf(postings: AnchorPostings, key: number): number[] | null {
  const id = postings.idOf(key);
  return id < 0 ? null : Array.from(postings.list.subarray(postings.from(id), postings.to(id)));
}

describe('AnchorPostings', () => {
  // Anchors are each statement's 2 smallest keys: 10, 20 | 20, 30 | 5, 10 | none.
  const table = tableOf([[10, 20, 40], [20, 30, 40, 50], [5, 10, 20], []]);

  it('lists, for every anchor key, every statement holding it, ascending', () => {
    const postings = new AnchorPostings(table, 2, 64);
    expect(postingsOf(postings, 10)).toEqual([0, 2]);
    // 20 is an anchor of statements 0 and 1, and an ordinary key of 2: all three hold it.
    expect(postingsOf(postings, 20)).toEqual([0, 1, 2]);
    expect(postingsOf(postings, 30)).toEqual([1]);
    expect(postingsOf(postings, 5)).toEqual([2]);
  });

  it('indexes no key that is nobody’s anchor', () => {
    const postings = new AnchorPostings(table, 2, 64);
    expect(postings.idOf(40)).toBe(-1);
    expect(postings.idOf(50)).toBe(-1);
    expect(postings.idOf(7)).toBe(-1);
  });

  it('keeps only the first maxPostings statements of a list', () => {
    const postings = new AnchorPostings(table, 2, 2);
    expect(postingsOf(postings, 20)).toEqual([0, 1]);
    expect(postingsOf(postings, 10)).toEqual([0, 2]);
  });

  it('tells apart keys whose low 32 bits collide', () => {
    const low = 12345;
    const keys = [low, low + 2 ** 32, low + 2 ** 33, low + 2 ** 52];
    const postings = new AnchorPostings(tableOf(keys.map((k) => [k])), 1, 64);
    keys.forEach((k, i) => expect(postingsOf(postings, k)).toEqual([i]));
  });

  it('agrees with a map of every key on random tables', () => {
    let state = 99;
    const next = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const statements: number[][] = [];
    for (let s = 0; s < 500; s += 1) {
      const keys = new Set<number>();
      const length = Math.floor(next() * 15);
      while (keys.size < length) keys.add(Math.floor(next() * 300) * 2 ** 30 + 1);
      statements.push([...keys].sort((a, b) => a - b));
    }
    const anchors = 4;
    const maxPostings = 5;
    const postings = new AnchorPostings(tableOf(statements), anchors, maxPostings);
    const all = new Map<number, number[]>();
    statements.forEach((keys, s) => {
      for (const k of keys) all.set(k, [...(all.get(k) ?? []), s]);
    });
    const anchorKeys = new Set(statements.flatMap((keys) => keys.slice(0, anchors)));
    for (const [key, list] of all) {
      expect(postingsOf(postings, key)).toEqual(
        anchorKeys.has(key) ? list.slice(0, maxPostings) : null,
      );
    }
  });
});
