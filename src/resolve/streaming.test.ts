import { describe, expect, it } from 'vitest';
import { EntityResolver, type AnalystDecisions, type ResolveDocument } from './index.js';
import { IntList } from './int-list.js';
import { doc, entityOf } from './test-helpers.js';

const rulesOnly = { knownAliases: [] };

/** Three documents: a name written as a surface ("Chapo Guzmán"), a merge by alias, a one-word name. */
const corpus = (): ResolveDocument[] => [
  doc('a', 'Joaquín Guzmán Loera, known as El Chapo, was extradited.', [
    ['Joaquín Guzmán Loera', 'person'],
    ['El Chapo', 'person'],
  ]),
  doc('b', 'Chapo Guzmán, alias Shorty, ran the Sinaloa cartel with Ismael Zambada.', [
    ['Chapo Guzmán', 'person', 'Joaquín Guzmán Loera'],
    ['Shorty', 'person'],
    ['Sinaloa cartel', 'organization'],
    ['Ismael Zambada', 'person'],
  ]),
  doc('c', 'Zambada and the Sinaloa cartel; Guzmán Loera again.', [
    ['Zambada', 'person'],
    ['Sinaloa cartel', 'organization'],
    ['Guzmán Loera', 'person'],
  ]),
];

const decisions: AnalystDecisions = {
  merges: [{ keys: ['person:ismael zambada', 'person:shorty'] }],
  splits: [
    { entity: 'person:joaquin guzman loera', name: 'Chapo Guzmán' },
    { entity: 'organization:sinaloa cartel', mention: { documentId: 'c', start: 16, end: 30 } },
  ],
  renames: [{ entity: 'person:ismael zambada', name: 'Ismael “El Mayo” Zambada' }],
};

function resolver(given: AnalystDecisions = {}): EntityResolver {
  const r = new EntityResolver(given, rulesOnly);
  for (const document of corpus()) r.add(document);
  return r;
}

describe('finishStreaming', () => {
  it('gives what finish gives, in the same order, on every reading', () => {
    for (const given of [{}, decisions]) {
      const whole = resolver(given).finish();
      const streamed = resolver(given).finishStreaming();
      for (let reading = 0; reading < 2; reading += 1) {
        expect([...streamed.entities]).toEqual(whole.entities);
        expect([...streamed.assignments]).toEqual(whole.assignments);
      }
      expect(streamed.entityCount).toBe(whole.entities.length);
      expect(streamed.merges).toEqual(whole.merges);
      expect(streamed.unappliedDecisions).toEqual(whole.unappliedDecisions);
    }
  });

  it('still sends a surface split off by name, and a pinned mention, to entities of their own', () => {
    const r = resolver(decisions).finish();
    expect(r.unappliedDecisions).toEqual([]);
    expect(entityOf(r, 'b', 0).id).toBe('person:chapo guzman');
    expect(entityOf(r, 'a', 0).id).toBe('person:joaquin guzman loera');
    expect(entityOf(r, 'c', 1).id).toBe('organization:sinaloa cartel@c:16');
    expect(entityOf(r, 'b', 2).id).toBe('organization:sinaloa cartel');
    // Merged by decision, then renamed: "Shorty" and Ismael Zambada are one, under the new name.
    expect(entityOf(r, 'b', 1).id).toBe(entityOf(r, 'b', 3).id);
    expect(entityOf(r, 'b', 1).name).toBe('Ismael “El Mayo” Zambada');
  });

  it('keeps the positions extraction gave, also when they are not 0, 1, 2 …', () => {
    const renumbered = (document: ResolveDocument, seqs: number[]): ResolveDocument => ({
      ...document,
      mentions: document.mentions.map((m, i) => ({ ...m, seq: seqs[i]! })),
    });
    const [a, b, c] = corpus();
    const r = new EntityResolver({}, rulesOnly);
    // In order first, then out of order: the ledger starts keeping positions from there.
    r.add(a!);
    r.add(renumbered(b!, [7, 3, 9, 11]));
    r.add(renumbered(c!, [2, 1, 0]));
    const { assignments, entities } = r.finish();
    expect(assignments.map((x) => `${x.documentId}${x.seq}`)).toEqual([
      'a0',
      'a1',
      'b7',
      'b3',
      'b9',
      'b11',
      'c2',
      'c1',
      'c0',
    ]);
    const inOrder = resolver().finish();
    expect(assignments.map((x) => x.entityId)).toEqual(inOrder.assignments.map((x) => x.entityId));
    expect(entities).toEqual(inOrder.entities);
  });

  it("gives the same resolution when documents have a store's ids (64 hex digits, kept packed)", () => {
    const long = (id: string): string => id.repeat(64);
    const withStoreIds = (given: AnalystDecisions): AnalystDecisions =>
      JSON.parse(
        JSON.stringify(given).replace(
          /"documentId":"(\w)"/g,
          (_, id: string) => `"documentId":"${long(id)}"`,
        ),
      ) as AnalystDecisions;
    for (const given of [{}, decisions]) {
      const short = resolver(given).finish();
      const r = new EntityResolver(withStoreIds(given), rulesOnly);
      for (const document of corpus()) {
        r.add({
          ...document,
          id: long(document.id),
          mentions: document.mentions.map((m) => ({ ...m, documentId: long(m.documentId) })),
        });
      }
      const packed = JSON.stringify(r.finish()).replace(/\b([abc])\1{63}\b/g, '$1');
      expect(JSON.parse(packed)).toEqual(short);
    }
  });

  it('counts each document once per entity however many mentions it has there', () => {
    const r = resolver().finish();
    const cartel = r.entities.find((e) => e.id === 'organization:sinaloa cartel');
    expect(cartel).toMatchObject({ mentionCount: 2, documentCount: 2 });
    const guzman = entityOf(r, 'a', 0);
    expect(guzman.documentCount).toBe(
      new Set(r.assignments.filter((x) => x.entityId === guzman.id).map((x) => x.documentId)).size,
    );
  });
});

describe('IntList', () => {
  it('keeps every value across its chunks', () => {
    const list = new IntList();
    const n = 70_000 * 3;
    for (let i = 0; i < n; i += 1) list.push((i * 2654435761) | 0);
    expect(list.length).toBe(n);
    for (const i of [0, 1, 65_535, 65_536, 131_072, n - 1]) {
      expect(list.get(i)).toBe((i * 2654435761) | 0);
    }
    expect(() => list.get(n)).toThrow(RangeError);
  });
});
