import { describe, expect, it } from 'vitest';
import type { ClaimCluster, ClaimMember } from '../../provenance/index.js';
import { LISTED_PER_CLAIM, fullCluster, listedCluster, listedEntity } from './wire-lists.js';

/*
 * A quote reprinted by 30 outlets, as tracing would leave it: one member, one document, one link
 * and one reason per outlet, the outlets resting on two origins. The 30th outlet is the one whose
 * page asks for its claims.
 */
const WORDS = 'jamás recibió la orden de dejar cruzar las armas';
const ids = Array.from({ length: 30 }, (_, i) => `doc${String(i).padStart(2, '0')}`);
const last = ids[29]!;

const member = (documentId: string): ClaimMember => ({
  documentId,
  start: 100,
  end: 100 + WORDS.length,
  text: WORDS,
  kind: 'quote',
  speaker: 'Hope MacAllister',
  date: '2011-06-15',
  saidOn: null,
  citedSource: null,
  citedCue: null,
  citedScope: null,
  encloses: false,
});

const cluster: ClaimCluster = {
  id: 'c0ffee',
  kind: 'quote',
  text: WORDS,
  speaker: 'Hope MacAllister',
  members: ids.map(member),
  documents: ids.map((id) => ({ id, title: `Report ${id}`, date: '2011-06-15', kind: 'email' })),
  earliest: { documentId: ids[0]!, date: '2011-06-15' },
  origin: {
    speaker: 'Hope MacAllister',
    documentId: ids[0]!,
    date: '2011-06-15',
    datedBy: 'document',
    description: 'First printed by doc00',
  },
  chain: ids.slice(1).map((id) => ({ from: ids[0]!, to: id, relation: 'quotes' as const })),
  originGroups: [
    { speaker: 'Hope MacAllister', documentIds: ids.slice(0, 29) },
    { speaker: null, documentIds: [last] },
  ],
  independentOrigins: 2,
  circular: true,
  reasoning: ids.map((id) => ({
    documentId: id,
    reason: 'attributes-to' as const,
    basedOn: 'Hope MacAllister',
    explanation: `${id} quotes Hope MacAllister`,
  })),
  summary: '30 documents, 2 independent origins',
};

describe('listedCluster', () => {
  it('lists the first entries of each per-document list and counts them all', () => {
    const listed = listedCluster(cluster);
    expect(listed.members.map((m) => m.documentId)).toEqual(ids.slice(0, LISTED_PER_CLAIM));
    expect(listed.documents.map((d) => d.id)).toEqual(ids.slice(0, LISTED_PER_CLAIM));
    expect(listed.chain).toEqual(cluster.chain.slice(0, LISTED_PER_CLAIM));
    expect(listed.reasoning).toEqual(cluster.reasoning.slice(0, LISTED_PER_CLAIM));
    expect(listed.originGroups.map((g) => g.documentIds)).toEqual([
      ids.slice(0, LISTED_PER_CLAIM),
      [last],
    ]);
    expect([listed.memberCount, listed.documentCount]).toEqual([30, 30]);
    expect([listed.independentOrigins, listed.circular]).toEqual([2, true]);
  });

  it('keeps everything about the listed document, even past the first entries', () => {
    const listed = listedCluster(cluster, { documentId: last });
    expect(listed.members.map((m) => m.documentId)).toEqual([
      ...ids.slice(0, LISTED_PER_CLAIM),
      last,
    ]);
    expect(listed.documents.at(-1)!.id).toBe(last);
    expect(listed.chain.at(-1)).toEqual({ from: ids[0], to: last, relation: 'quotes' });
    expect(listed.reasoning.at(-1)!.documentId).toBe(last);
    expect(listed.originGroups[0]!.documentIds).toHaveLength(LISTED_PER_CLAIM);
  });

  it('gives one claim whole, with the same counts', () => {
    const whole = fullCluster(cluster);
    expect(whole.members).toHaveLength(30);
    expect(whole.chain).toHaveLength(29);
    expect([whole.memberCount, whole.documentCount]).toEqual([30, 30]);
  });
});

describe('listedEntity', () => {
  it("lists each name's first documents beside how many there are", () => {
    const entity = listedEntity({
      id: 'person:joaquin guzman',
      type: 'person',
      name: 'Joaquín Guzmán',
      aliases: [
        { name: 'El Chapo', documents: ids, documentCount: 30, rule: 'alias-table' },
        { name: 'Joaquín Guzmán', documents: [last], documentCount: 1, rule: 'canonical' },
      ],
      mentionCount: 45,
      documentCount: 30,
    });
    expect(entity.aliases.map((a) => [a.documents.length, a.documentCount])).toEqual([
      [20, 30],
      [1, 1],
    ]);
    expect(entity.documentCount).toBe(30);
  });
});
