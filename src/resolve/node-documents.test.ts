import { describe, expect, it } from 'vitest';
import { Ledger } from './ledger.js';
import { NodeDocuments, sortedIds } from './node-documents.js';

/** Documents `z`, `a`, `m` (in that input order) with the nodes their mentions carry. */
function ledger(): Ledger {
  const l = new Ledger(false);
  const add = (id: string, nodes: number[]) => {
    l.addDocument(id);
    nodes.forEach((node, seq) => l.addMention(seq, node, -1));
  };
  add('z', [0, 2, 0]);
  add('a', [2, 2]);
  add('m', [0]);
  return l;
}

describe('NodeDocuments', () => {
  it('reads where each node was seen from the ledger, ids sorted, each once', () => {
    const seenIn = new NodeDocuments(ledger(), 4, new Map());
    expect(seenIn.ids(0)).toEqual(['m', 'z']);
    expect(seenIn.ids(2)).toEqual(['a', 'z']);
    expect(seenIn.seen(1)).toBe(false);
    expect(seenIn.ids(1)).toEqual([]);
    expect(seenIn.seen(3)).toBe(false);
  });

  it('adds the documents decisions gave a node, also a node made after the ledger was read', () => {
    const seenIn = new NodeDocuments(
      ledger(),
      5,
      new Map([
        [1, [2]],
        [4, [1, 0]],
        [0, [0]],
      ]),
    );
    expect(seenIn.ids(1)).toEqual(['m']);
    expect(seenIn.seen(4)).toBe(true);
    expect(seenIn.ids(4)).toEqual(['a', 'z']);
    expect(seenIn.ids(0)).toEqual(['m', 'z']);
  });

  it('sorts ids of positions and drops repeats', () => {
    expect(sortedIds(ledger(), [0, 2, 1, 0])).toEqual(['a', 'm', 'z']);
  });
});
