import { describe, expect, it } from 'vitest';
import { EntityDrafts } from './entity-drafts.js';
import { Ledger } from './ledger.js';
import { NameGraph } from './name-graph.js';

describe('EntityDrafts', () => {
  it('counts mentions and documents per entity and lists its members by key', () => {
    const graph = new NameGraph();
    const zeta = graph.node('person', 'Zeta Ruiz', null);
    const alfa = graph.node('person', 'Alfa Ruiz', null);
    const solo = graph.node('person', 'Solo', 'd1');
    const unseen = graph.node('organization', 'Unseen Office', null, true);
    graph.link(zeta, alfa, 'test');
    const ledger = new Ledger(false);
    ledger.addDocument('d1');
    [zeta, alfa, solo, zeta].forEach((node, seq) => ledger.addMention(seq, node, -1));
    ledger.addDocument('d2');
    ledger.addMention(0, alfa, -1);

    const drafts = new EntityDrafts(graph, ledger, (_d, _s, node) => graph.find(node));
    const ruiz = graph.find(zeta);
    expect(drafts.roots()).toEqual([ruiz, solo].sort((a, b) => a - b));
    expect([drafts.mentionCount[ruiz], drafts.documentCount[ruiz]]).toEqual([4, 2]);
    expect([drafts.mentionCount[solo], drafts.documentCount[solo]]).toEqual([1, 1]);
    expect(Array.from(drafts.membersOf(ruiz))).toEqual([alfa, zeta]);
    expect(drafts.isEntity(unseen)).toBe(false);
  });
});
