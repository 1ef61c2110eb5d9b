import { describe, expect, it } from 'vitest';
import { DenseUnionFind } from '../../core/index.js';
import { seededRandom } from '../hash.js';
import { StatementGroups } from './statement-groups.js';

describe('StatementGroups', () => {
  it('groups statements by their set as a map of arrays would, members ascending', () => {
    const random = seededRandom(7);
    const sets = new DenseUnionFind();
    const statements = 2_000;
    for (let i = 0; i < statements; i += 1) sets.add();
    for (let j = 0; j < 1_500; j += 1) {
      sets.union(Math.floor(random() * statements), Math.floor(random() * statements));
    }
    const expected = new Map<number, number[]>();
    for (let s = 0; s < statements; s += 1) {
      const root = sets.find(s);
      expected.set(root, [...(expected.get(root) ?? []), s]);
    }

    const groups = new StatementGroups(statements, (s) => sets.find(s));
    const actual = new Map<number, number[]>();
    for (let g = 0; g < groups.size; g += 1) actual.set(groups.root(g), [...groups.members(g)]);
    expect(groups.size).toBe(expected.size);
    expect(actual).toEqual(expected);
  });
});
