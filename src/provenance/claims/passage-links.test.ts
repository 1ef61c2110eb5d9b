import { describe, expect, it } from 'vitest';
import { DenseUnionFind } from '../../core/index.js';
import { joinWithinPassages } from './passage-links.js';
import type { PassageLink } from './statements.js';

/** The joins as first written, every pair of a passage's links: the reference for the sets. */
function referenceJoins(links: PassageLink[], minOverlap: number): Array<[number, number]> {
  const joins: Array<[number, number]> = [];
  const byGroup = new Map<number, PassageLink[]>();
  for (const link of links) byGroup.set(link.group, [...(byGroup.get(link.group) ?? []), link]);
  for (const group of byGroup.values()) {
    group.sort((x, y) => x.lo - y.lo);
    for (let i = 0; i < group.length; i += 1) {
      const a = group[i]!;
      for (let j = i + 1; j < group.length && group[j]!.lo < a.hi; j += 1) {
        const b = group[j]!;
        if (b.documentId === a.documentId) continue;
        const overlap = Math.min(a.hi, b.hi) - b.lo;
        const shorter = Math.max(1e-9, Math.min(a.hi - a.lo, b.hi - b.lo));
        if (overlap / shorter >= minOverlap) joins.push([a.statement, b.statement]);
      }
    }
  }
  return joins;
}

/** Each statement's set, named by its smallest member. */
function sets(statements: number, joins: Iterable<[number, number]>): number[] {
  const union = new DenseUnionFind();
  for (let i = 0; i < statements; i += 1) union.add();
  for (const [a, b] of joins) union.union(a, b);
  const smallest = new Map<number, number>();
  for (let i = 0; i < statements; i += 1) {
    const root = union.find(i);
    if (!smallest.has(root)) smallest.set(root, i);
  }
  return Array.from({ length: statements }, (_, i) => smallest.get(union.find(i))!);
}

function joinsOf(links: PassageLink[], minOverlap?: number): Array<[number, number]> {
  const joins: Array<[number, number]> = [];
  joinWithinPassages(links, (a, b) => void joins.push([a, b]), minOverlap);
  return joins;
}

describe('joinWithinPassages', () => {
  const link = (statement: number, documentId: string, lo: number, hi: number, group = 0) => ({
    group,
    statement,
    documentId,
    lo,
    hi,
  });

  it('joins the same stretch of a passage in two documents, not two stretches of one', () => {
    const links = [
      link(0, 'a', 0.1, 0.3),
      link(1, 'b', 0.12, 0.31),
      link(2, 'b', 0.6, 0.9),
      link(3, 'a', 0.1, 0.3, 1),
    ];
    expect(sets(4, joinsOf(links))).toEqual([0, 0, 2, 3]);
  });

  it('joins whole reprints of many documents into one set, and a document to itself never', () => {
    const links = Array.from({ length: 50 }, (_, i) => link(i, `d${i % 25}`, 0, 1));
    expect(new Set(sets(50, joinsOf(links)))).toEqual(new Set([0]));
    const alone = [link(0, 'a', 0, 1), link(1, 'a', 0, 1)];
    expect(sets(2, joinsOf(alone))).toEqual([0, 1]);
  });

  it('makes the same sets as comparing every pair, on random passages', () => {
    let state = 3;
    const next = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    for (let round = 0; round < 300; round += 1) {
      // Few places and few documents, so that places, documents and both repeat.
      const places = Array.from({ length: 1 + Math.floor(next() * 8) }, () => {
        const lo = Math.floor(next() * 10) / 10;
        // Now and then an empty span, which joins nothing unless the threshold is 0.
        const length = next() < 0.1 ? 0 : Math.floor(1 + next() * 6) / 10;
        return { lo, hi: Math.min(1, lo + length) };
      });
      const documents = 1 + Math.floor(next() * 6);
      const links = Array.from({ length: 1 + Math.floor(next() * 40) }, (_, statement) => {
        const place = places[Math.floor(next() * places.length)]!;
        const group = Math.floor(next() * 2);
        return link(statement, `d${Math.floor(next() * documents)}`, place.lo, place.hi, group);
      });
      for (const minOverlap of [0.3, 0.9, 0]) {
        expect(sets(links.length, joinsOf(links, minOverlap))).toEqual(
          sets(links.length, referenceJoins(links, minOverlap)),
        );
      }
    }
  });
});
