import { describe, expect, it } from 'vitest';
import { IntLists } from './int-lists.js';

/** (key, value) pairs: which passage groups each of five statements sits in. */
const pairs: Array<[number, number]> = [
  [3, 7],
  [0, 2],
  [3, 1],
  [0, 9],
  [3, 7],
  [4, 0],
  [3, 4],
];

function build(options: { sortedUnique?: boolean } = {}, skipKey = -2): IntLists {
  return IntLists.build(
    5,
    pairs.length,
    (i) => (pairs[i]![0] === skipKey ? -1 : pairs[i]![0]),
    (i) => pairs[i]![1],
    options,
  );
}

const listed = (lists: IntLists, keys: number): number[][] =>
  Array.from({ length: keys }, (_, key) => Array.from(lists.of(key)));

describe('IntLists', () => {
  it("keeps each key's values in the order the pairs came", () => {
    expect(listed(build(), 5)).toEqual([[2, 9], [], [], [7, 1, 7, 4], [0]]);
  });

  it('sorts each list and keeps each value once when asked', () => {
    expect(listed(build({ sortedUnique: true }), 5)).toEqual([[2, 9], [], [], [1, 4, 7], [0]]);
  });

  it('leaves out pairs with a negative key, and has nothing for keys beyond its range', () => {
    const lists = build({ sortedUnique: true }, 3);
    expect(listed(lists, 5)).toEqual([[2, 9], [], [], [], [0]]);
    expect(Array.from(lists.of(5))).toEqual([]);
    expect(Array.from(lists.of(1_000))).toEqual([]);
  });

  it('is empty for no pairs', () => {
    const lists = IntLists.build(
      3,
      0,
      () => 0,
      () => 0,
    );
    expect(listed(lists, 3)).toEqual([[], [], []]);
  });
});
