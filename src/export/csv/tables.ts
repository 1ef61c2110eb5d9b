import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { Store } from '../../store/index.js';
import { inScope } from '../scope.js';
import type { ExportSnapshot } from '../snapshot.js';
import { write } from '../write.js';
import { csvRow, type CsvValue } from './csv-format.js';

/** One table: its header, then its rows, produced lazily so large tables stream. */
export interface CsvTable {
  name: string;
  header: string[];
  rows: (store: Store, snapshot: ExportSnapshot) => AsyncIterable<CsvValue[]>;
}

const ALIAS_SEPARATOR = ' | ';

export const CSV_TABLES: CsvTable[] = [
  {
    name: 'documents',
    header: [
      'id',
      'kind',
      'title',
      'published_at',
      'language',
      'byline',
      'origin',
      'ingested_at',
      'tlp',
    ],
    async *rows(_store, snapshot) {
      for (const d of snapshot.documents) {
        yield [
          d.id,
          d.kind,
          d.title,
          d.publishedAt,
          d.language,
          d.byline,
          d.origins[0],
          d.ingestedAt,
          d.tlp,
        ];
      }
    },
  },
  {
    name: 'entities',
    header: [
      'id',
      'type',
      'name',
      'aliases',
      'mentions',
      'documents',
      'latitude',
      'longitude',
      'country',
    ],
    async *rows(_store, snapshot) {
      for (const { entity, mentionsByDocument, geo } of snapshot.entities) {
        const aliases = entity.aliases.map((a) => a.name).filter((n) => n !== entity.name);
        const mentions = [...mentionsByDocument.values()].reduce((a, b) => a + b, 0);
        yield [
          entity.id,
          entity.type,
          entity.name,
          aliases.join(ALIAS_SEPARATOR),
          mentions,
          mentionsByDocument.size,
          geo?.lat,
          geo?.lon,
          geo?.country,
        ];
      }
    },
  },
  {
    name: 'mentions',
    header: ['entity_id', 'entity_name', 'document_id', 'start', 'end', 'text'],
    async *rows(store, snapshot) {
      for (const { entity } of snapshot.entities) {
        const mentions = await store.listEntityMentionsById(entity.id, { limit: 100_000 });
        const sorted = mentions
          .filter((m) => inScope(snapshot.scope, m.documentId))
          .sort((a, b) =>
            a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.start - b.start,
          );
        for (const m of sorted)
          yield [entity.id, entity.name, m.documentId, m.start, m.end, m.text];
      }
    },
  },
  {
    name: 'claims',
    header: [
      'id',
      'kind',
      'speaker',
      'text',
      'admiralty',
      'reliability',
      'credibility',
      'derived_admiralty',
      'documents',
      'independent_origins',
      'circular',
      'earliest_document',
      'earliest_date',
      'origin',
    ],
    async *rows(_store, snapshot) {
      for (const { cluster: c, assessment: a } of snapshot.claims) {
        yield [
          c.id,
          c.kind,
          c.speaker,
          c.text,
          a.code,
          a.reliability.value,
          a.credibility.value,
          a.derivedCode,
          c.documents.length,
          c.independentOrigins,
          c.circular,
          c.earliest.documentId,
          c.earliest.date,
          c.origin.description,
        ];
      }
    },
  },
  {
    name: 'figures',
    header: ['document_id', 'start', 'end', 'text', 'value', 'unit', 'about'],
    async *rows(store, snapshot) {
      for (const document of snapshot.documents) {
        const stored = await store.getExtraction(document.id);
        for (const f of stored?.extraction.figures ?? []) {
          yield [document.id, f.start, f.end, f.text, f.value, f.unit, f.about];
        }
      }
    },
  },
  {
    name: 'events',
    header: ['document_id', 'document_title', 'date', 'precision', 'text', 'start', 'end'],
    async *rows(_store, snapshot) {
      for (const e of snapshot.events) {
        yield [e.documentId, e.documentTitle, e.value, e.precision, e.text, e.start, e.end];
      }
    },
  },
];

export async function writeCsvTable(
  table: CsvTable,
  store: Store,
  snapshot: ExportSnapshot,
  out: Writable,
): Promise<number> {
  await write(out, csvRow(table.header));
  let rows = 0;
  for await (const row of table.rows(store, snapshot)) {
    await write(out, csvRow(row));
    rows++;
  }
  return rows;
}

/** Writes every table as `<dir>/<table>.csv`; returns the rows written per table. */
export async function writeCsvTables(
  store: Store,
  snapshot: ExportSnapshot,
  dir: string,
): Promise<Record<string, number>> {
  await mkdir(dir, { recursive: true });
  const counts: Record<string, number> = {};
  for (const table of CSV_TABLES) {
    const out = createWriteStream(join(dir, `${table.name}.csv`));
    counts[table.name] = await writeCsvTable(table, store, snapshot, out);
    out.end();
    await finished(out);
  }
  return counts;
}
