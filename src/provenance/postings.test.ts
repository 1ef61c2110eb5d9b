import { describe, expect, it } from 'vitest';
import { seededRandom } from './hash.js';
import { PostingTable } from './postings.js';

const groupsOf = (table: PostingTable): number[][] =>
  [...table.groups()].map((g) => [...g]).sort((x, y) => x[0]! - y[0]! || x.length - y.length);

describe('PostingTable', () => {
  it('groups documents sharing both halves of a key, in every hash range', () => {
    const table = new PostingTable();
    table.add(0xffff0001, 7, 1);
    table.add(0xffff0001, 7, 4);
    table.add(0xffff0001, 8, 5); // same primary, other check: not the same key
    table.add(0x00000002, 1, 2);
    table.add(0x00000002, 1, 3);
    table.add(0x00000002, 1, 3); // one document counts once
    table.add(0x80000000, 9, 6); // alone
    expect(groupsOf(table)).toEqual([
      [1, 4],
      [2, 3],
    ]);
    expect(table.size).toBe(7);
  });

  it('agrees with a Map on many random postings spanning several chunks', () => {
    const random = seededRandom(1);
    const table = new PostingTable();
    const expected = new Map<string, Set<number>>();
    for (let i = 0; i < 1_200_000; i += 1) {
      const primary = Math.floor(random() * 2 ** 32);
      const key = i % 1000 === 0 ? 12345 : primary; // one popular key, the rest mostly unique
      const document = Math.floor(random() * 50_000);
      table.add(key, 1, document);
      const set = expected.get(String(key)) ?? new Set<number>();
      set.add(document);
      expected.set(String(key), set);
    }
    const want = [...expected.values()]
      .filter((s) => s.size > 1)
      .map((s) => [...s].sort((x, y) => x - y))
      .sort((x, y) => x[0]! - y[0]! || x.length - y.length);
    expect(groupsOf(table)).toEqual(want);
  });
});
