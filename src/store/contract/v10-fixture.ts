import { expect } from 'vitest';
import type { ResolvedEntity } from '../../resolve/index.js';
import type { Store } from '../store.js';
import { DEBRIEF, PUBLIC } from './tlp-fixtures.js';
import { V6_ENTITY } from './v6-fixture.js';

/*
 * What a store written before extraction and entity rows were keyed by the document's integer key
 * (schema v10) holds, as SQL with positional `?`: each backend's test writes V6_DOCUMENTS and
 * these rows into a v10 schema with its own driver, opens the store (which migrates to the
 * latest), and checks the result with expectMigratedFromV10. One row of each keyed table names a
 * document the store never held: the migration drops it.
 */

const GONE = 'f'.repeat(64);
const RED = 4;

const at = (text: string, needle: string): [number, number] => {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture text lacks ${needle}`);
  return [start, start + needle.length];
};

/** The v6 case's entity, with the third mention the rows below give it. */
export const V10_ENTITY: ResolvedEntity = { ...V6_ENTITY, mentionCount: 3 };

const mention = (
  documentId: string,
  seq: number,
  span: [number, number],
  text: string,
  type: string,
  normalized: string,
  folded: string,
) => ({
  sql: `INSERT INTO mentions (document_id, seq, start_offset, end_offset, text, type, normalized,
          folded, confidence, source, lat, lon, country, admin1, gazetteer_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  params: [
    ...[documentId, seq, ...span, text, type, normalized, folded, 0.9, 'lexicon'],
    ...(type === 'place'
      ? [31.72, -106.46, 'MX', '06', 'geonames:4013708']
      : [null, null, null, null, null]),
  ],
});

export const V10_ROWS: Array<{ sql: string; params: unknown[] }> = [
  { sql: 'UPDATE documents SET tlp_rank = ? WHERE id = ?', params: [RED, DEBRIEF.id] },
  ...[PUBLIC.id, DEBRIEF.id, GONE].map((id) => ({
    sql: 'INSERT INTO extractions (document_id, extractor_version, extracted_at) VALUES (?, ?, ?)',
    params: [id, 'v10', '2026-11-01T09:00:00.000Z'],
  })),
  mention(
    PUBLIC.id,
    0,
    at(PUBLIC.text, 'Ciudad Juárez'),
    'Ciudad Juárez',
    'place',
    'Ciudad Juárez',
    'ciudad juarez',
  ),
  mention(
    PUBLIC.id,
    1,
    at(PUBLIC.text, 'Juárez cartel'),
    'Juárez cartel',
    'organization',
    'Juárez Cartel',
    'juarez cartel',
  ),
  mention(
    DEBRIEF.id,
    0,
    at(DEBRIEF.text, 'Juárez cartel'),
    'Juárez cartel',
    'organization',
    'Juárez Cartel',
    'juarez cartel',
  ),
  mention(
    DEBRIEF.id,
    1,
    at(DEBRIEF.text, 'La Empresa'),
    'La Empresa',
    'organization',
    'La Empresa',
    'la empresa',
  ),
  mention(GONE, 0, [0, 6], 'Nobody', 'person', 'Nobody', 'nobody'),
  {
    sql: `INSERT INTO date_mentions (document_id, seq, start_offset, end_offset, text, value,
            precision, relative) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    params: [
      DEBRIEF.id,
      0,
      ...at(DEBRIEF.text, '9 September 2011'),
      '9 September 2011',
      '2011-09-09',
      'day',
      0,
    ],
  },
  {
    sql: `INSERT INTO entities (id, type, name, folded_name, mention_count, document_count, data)
          VALUES (?, ?, ?, ?, ?, ?, ?)`,
    params: [
      V10_ENTITY.id,
      'organization',
      'Juárez Cartel',
      'juarez cartel',
      3,
      2,
      JSON.stringify(V10_ENTITY),
    ],
  },
  ...V10_ENTITY.aliases.map((alias, seq) => ({
    sql: 'INSERT INTO entity_aliases (entity_id, seq, name, folded, rule) VALUES (?, ?, ?, ?, ?)',
    params: [V10_ENTITY.id, seq, alias.name, ['juarez cartel', 'la empresa'][seq], alias.rule],
  })),
  ...[
    [PUBLIC.id, 1],
    [DEBRIEF.id, 0],
    [DEBRIEF.id, 1],
    [GONE, 0],
  ].map(([id, seq]) => ({
    sql: 'INSERT INTO mention_entities (document_id, seq, entity_id) VALUES (?, ?, ?)',
    params: [id, seq, V10_ENTITY.id],
  })),
  ...[
    ['Juárez Cartel', PUBLIC.id],
    ['Juárez Cartel', DEBRIEF.id],
    ['La Empresa', DEBRIEF.id],
    ['Nobody', GONE],
  ].map(([name, id]) => ({
    sql: 'INSERT INTO entity_alias_documents (entity_id, name, document_id) VALUES (?, ?, ?)',
    params: [V10_ENTITY.id, name, id],
  })),
];

export async function expectMigratedFromV10(store: Store): Promise<void> {
  const publicExtraction = (await store.getExtraction(PUBLIC.id))?.extraction;
  expect(
    publicExtraction?.mentions.map((m) => [PUBLIC.text.slice(m.start, m.end), m.type]),
  ).toEqual([
    ['Ciudad Juárez', 'place'],
    ['Juárez cartel', 'organization'],
  ]);
  expect(publicExtraction?.mentions[0]?.geo).toEqual({
    lat: 31.72,
    lon: -106.46,
    country: 'MX',
    admin1: '06',
    gazetteerId: 'geonames:4013708',
  });
  expect((await store.getExtraction(DEBRIEF.id))?.extraction.dates.map((d) => d.value)).toEqual([
    '2011-09-09',
  ]);

  const read: Array<[string, number]> = [];
  for await (const document of store.iterateExtractedDocuments({ batchSize: 1 }))
    read.push([document.id, document.extraction.extraction.mentions.length]);
  // The extraction row of the document never stored names nothing to read.
  expect(read).toEqual(
    [
      [PUBLIC.id, 2],
      [DEBRIEF.id, 2],
    ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
  );

  const mentions = await store.listEntityMentionsById(V10_ENTITY.id);
  expect(mentions.map((m) => [m.documentId, m.text])).toEqual(
    [
      [PUBLIC.id, 'Juárez cartel'],
      [DEBRIEF.id, 'Juárez cartel'],
      [DEBRIEF.id, 'La Empresa'],
    ].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0)),
  );

  // The alias documents kept their documents through the new key: a CLEAR reader sees the
  // cartel under the name the public article uses, with that article alone.
  const clear = (await store.restrictedTo('CLEAR').getResolvedEntity('Juárez Cartel'))?.entity;
  expect(clear?.aliases.map((a) => [a.name, a.documents])).toEqual([
    ['Juárez Cartel', [PUBLIC.id]],
  ]);
  expect([clear?.mentionCount, clear?.documentCount]).toEqual([1, 1]);

  // Each name's documents moved out of the entity's JSON (migration 13): read back from
  // entity_alias_documents, all of them or the first stored, beside the count.
  expect((await store.getResolvedEntity(V10_ENTITY.id))?.entity).toEqual({
    ...V10_ENTITY,
    aliases: V10_ENTITY.aliases.map((alias) => ({
      ...alias,
      documentCount: alias.documents.length,
    })),
  });
  const listed = await store.getResolvedEntity(V10_ENTITY.id, { documentsPerName: 1 });
  expect(listed?.entity.aliases.map((a) => [a.name, a.documents, a.documentCount])).toEqual([
    ['Juárez Cartel', [PUBLIC.id], 2],
    ['La Empresa', [DEBRIEF.id], 1],
  ]);

  // Written again after the migration, a document's extraction replaces its old rows.
  await store.writeExtractions([
    { documentId: PUBLIC.id, extractorVersion: 'v11', extraction: { ...NONE } },
  ]);
  expect((await store.getExtraction(PUBLIC.id))?.extraction).toEqual(NONE);
}

const NONE = { mentions: [], dates: [], figures: [], quotes: [], claims: [], sourcesCited: [] };
