import { expect } from 'vitest';
import type { ResolvedEntity } from '../../resolve/index.js';
import type { Store } from '../store.js';
import { DEBRIEF, PUBLIC } from './tlp-fixtures.js';

/*
 * What a store written before TLP markings (schema v6) holds, as plain rows: each backend's test
 * writes them with its own driver into a v6 schema, opens the store (which migrates to the latest), and
 * checks the result with expectMigratedFromV6.
 */

export const V6_DOCUMENTS = [PUBLIC, DEBRIEF].map((d) => ({
  id: d.id,
  kind: d.kind,
  title: d.title,
  body: d.text,
  language: d.language,
  mime_type: d.mimeType,
  size_bytes: d.sizeBytes,
  ingested_at: '2026-01-05T09:00:00.000Z',
}));

export const V6_ENTITY: ResolvedEntity = {
  id: 'organization:juarez cartel',
  type: 'organization',
  name: 'Juárez Cartel',
  aliases: [
    { name: 'Juárez Cartel', documents: [PUBLIC.id, DEBRIEF.id].sort(), rule: 'canonical' },
    { name: 'La Empresa', documents: [DEBRIEF.id], rule: 'alias-evidence:known as' },
  ],
  mentionCount: 2,
  documentCount: 2,
};

/** entity_aliases rows: (entity_id, seq, name, folded, rule). */
export const V6_ALIASES: Array<[string, number, string, string, string]> = [
  [V6_ENTITY.id, 0, 'Juárez Cartel', 'juarez cartel', 'canonical'],
  [V6_ENTITY.id, 1, 'La Empresa', 'la empresa', 'alias-evidence:known as'],
];

/** mention_entities rows: (document_id, seq, entity_id). */
export const V6_MENTION_ENTITIES: Array<[string, number, string]> = [
  [PUBLIC.id, 0, V6_ENTITY.id],
  [DEBRIEF.id, 0, V6_ENTITY.id],
];

/**
 * Analysts' records as v6 stored them (no writer's clearance), as SQL with positional `?`: a
 * grade, an entity decision, a hypothesis and its mark, all about what every reader sees.
 */
export const V6_ANALYST_ROWS: Array<{ sql: string; params: unknown[] }> = [
  {
    sql: `INSERT INTO analyst_grades (subject_type, subject_id, reliability, credibility, analyst, at, reason)
          VALUES (?, ?, ?, ?, ?, ?, ?)`,
    params: ['source', 'Juárez Cartel', 'C', null, 'chief', '2026-01-05T10:00:00.000Z', 'v6 grade'],
  },
  {
    sql: 'INSERT INTO entity_decisions (kind, data, analyst, at, reason) VALUES (?, ?, ?, ?, ?)',
    params: [
      'rename',
      JSON.stringify({ entity: V6_ENTITY.id, name: 'The Cartel' }),
      'chief',
      '2026-01-05T10:01:00.000Z',
      'v6 decision',
    ],
  },
  {
    sql: 'INSERT INTO hypotheses (id, text, analyst, at, position) VALUES (?, ?, ?, ?, ?)',
    params: ['h000001', 'v6 hypothesis', 'chief', '2026-01-05T10:02:00.000Z', 0],
  },
  {
    sql: `INSERT INTO hypothesis_marks (hypothesis_id, claim_id, mark, analyst, at, reason)
          VALUES (?, ?, ?, ?, ?, ?)`,
    params: ['h000001', 'aaaa0000', 'consistent', 'chief', '2026-01-05T10:03:00.000Z', 'v6 mark'],
  },
];

export async function expectMigratedFromV6(store: Store): Promise<void> {
  // Analysts' records from before writers' clearances were kept count as RED (migration 8): the
  // full store shows them as before, restricted views do not.
  const records = [
    await store.listAnalystGrades(),
    await store.listEntityDecisions(),
    await store.listHypotheses(),
    await store.listHypothesisMarks(),
  ];
  expect(records.map((list) => list.map((r) => r.clearance))).toEqual([
    ['RED'],
    ['RED'],
    ['RED'],
    ['RED'],
  ]);
  const amberStrict = store.restrictedTo('AMBER+STRICT');
  expect([
    await amberStrict.listAnalystGrades(),
    await amberStrict.listEntityDecisions(),
    await amberStrict.listHypotheses(),
    await amberStrict.listHypothesisMarks(),
  ]).toEqual([[], [], [], []]);

  // Documents from before markings are CLEAR: every reader sees them, as before.
  expect((await store.getDocument(PUBLIC.id))?.tlp).toBe('CLEAR');
  const clear = store.restrictedTo('CLEAR');
  expect((await clear.search({ text: 'tlacuache' })).total).toBe(1);
  expect((await clear.stats()).documents).toBe(2);
  expect((await clear.listResolvedEntities({ contains: 'empresa' })).total).toBe(1);

  // The aliases' documents were carried into v7: once the debrief is marked RED, the name only it
  // holds disappears from restricted views.
  expect(await store.setDocumentTlp(DEBRIEF.id, 'RED')).toBe(true);
  const amber = store.restrictedTo('AMBER');
  expect((await amber.listResolvedEntities({ contains: 'empresa' })).total).toBe(0);
  const cartel = await amber.getResolvedEntity(V6_ENTITY.id);
  expect(cartel?.entity.aliases.map((a) => a.name)).toEqual(['Juárez Cartel']);
  expect(cartel?.entity.documentCount).toBe(1);
  expect((await store.getResolvedEntity(V6_ENTITY.id))?.entity).toEqual({
    ...V6_ENTITY,
    aliases: V6_ENTITY.aliases.map((a) => ({ ...a, documentCount: a.documents.length })),
  });
}
