import { describe, expect, it } from 'vitest';
import { KeyTable, sharedKeys } from './key-table.js';

/** A small seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Distinct ascending keys drawn from [0, range), some of them beyond 32 bits like real keys. */
function sortedKeys(next: () => number, count: number, range: number): number[] {
  const keys = new Set<number>();
  while (keys.size < count) keys.add(Math.floor(next() * range) * 2 ** 21 + (keys.size % 7));
  return [...keys].sort((a, b) => a - b);
}

describe('KeyTable', () => {
  it('grows past its first arrays, and lets its keys go when released', () => {
    const table = new KeyTable();
    for (let i = 0; i < 5_000; i += 1) table.add([i, i + 0.5, i + 2]);
    expect(table.size).toBe(5_000);
    expect(table.keysOf(4_999)).toEqual([4_999, 4_999.5, 5_001]);
    table.release();
    expect(table.size).toBe(0);
    expect(table.keys.length).toBe(0);
    expect(table.add([7])).toBe(0);
    expect(table.keysOf(0)).toEqual([7]);
  });

  it('keeps every key when trimmed to its size, and grows again after', () => {
    const table = new KeyTable();
    for (let i = 0; i < 3_000; i += 1) table.add(i % 5 === 0 ? [] : [i, i + 0.25]);
    table.trim();
    expect(table.keys.length).toBe(2_400 * 2);
    expect(table.keysOf(2_999)).toEqual([2_999, 2_999.25]);
    expect(table.length(2_995)).toBe(0);
    expect(table.add([9_000])).toBe(3_000);
    expect(table.keysOf(3_000)).toEqual([9_000]);
    expect(table.keysOf(1)).toEqual([1, 1.25]);
  });

  it('numbers statements densely and returns each one’s keys, empty ones included', () => {
    const table = new KeyTable();
    expect(table.add([1, 5, 9])).toBe(0);
    expect(table.add([])).toBe(1);
    expect(table.add([2 ** 52 + 3, 2 ** 53 - 1])).toBe(2);
    expect(table.size).toBe(3);
    expect(table.keysOf(0)).toEqual([1, 5, 9]);
    expect(table.length(1)).toBe(0);
    expect(table.keysOf(2)).toEqual([2 ** 52 + 3, 2 ** 53 - 1]);
    expect(table.start(2)).toBe(table.end(1));
  });

  it('grows past its first allocation without losing keys', () => {
    const table = new KeyTable();
    const next = random(7);
    const all: number[][] = [];
    for (let i = 0; i < 3000; i += 1) {
      const keys = sortedKeys(next, Math.floor(next() * 12), 1e6);
      all.push(keys);
      table.add(keys);
    }
    expect(table.size).toBe(3000);
    all.forEach((keys, i) => expect(table.keysOf(i)).toEqual(keys));
  });
});

describe('sharedKeys', () => {
  const count = (a: number[], b: number[], enough = Infinity) => {
    const table = new KeyTable();
    table.add(a);
    table.add(b);
    return sharedKeys(
      table.keys,
      table.start(0),
      table.end(0),
      table.start(1),
      table.end(1),
      enough,
    );
  };

  it('counts the keys two ascending ranges share, in either order', () => {
    expect(count([1, 3, 5, 7], [2, 3, 4, 7, 9])).toBe(2);
    expect(count([2, 3, 4, 7, 9], [1, 3, 5, 7])).toBe(2);
    expect(count([], [1, 2])).toBe(0);
    expect(count([1, 2], [3, 4])).toBe(0);
  });

  it('stops counting at `enough`', () => {
    expect(count([1, 2, 3, 4, 5], [1, 2, 3, 4, 5], 3)).toBe(3);
  });

  it('agrees with a set intersection, by merge and by galloping (a short range in a long one)', () => {
    const next = random(42);
    for (let round = 0; round < 400; round += 1) {
      const long = sortedKeys(next, 1 + Math.floor(next() * 300), 2000);
      const shortLength = round % 2 === 0 ? 1 + Math.floor(next() * 10) : long.length;
      const pool = [...long, ...sortedKeys(next, 40, 2000)];
      const short = [
        ...new Set(
          Array.from({ length: shortLength }, () => pool[Math.floor(next() * pool.length)]!),
        ),
      ].sort((a, b) => a - b);
      const inLong = new Set(long);
      const expected = short.filter((k) => inLong.has(k)).length;
      expect(count(short, long)).toBe(expected);
      expect(count(long, short)).toBe(expected);
      expect(count(short, long, 2)).toBe(Math.min(expected, 2));
    }
  });
});
