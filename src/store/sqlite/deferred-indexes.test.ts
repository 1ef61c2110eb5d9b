import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../extract/index.js';
import { makeDocument, writeDocuments } from '../contract/fixtures.js';
import type { Store } from '../store.js';
import type { ExtractionRecord, StoredDocument } from '../types.js';
import { deferIndexes } from './deferred-indexes.js';
import { SqliteStore } from './sqlite-store.js';

/*
 * Bulk extraction without the extraction tables' secondary indexes (SqliteStore's
 * iterateDocumentsToExtract, where the measurements are). The threshold is lowered to 10
 * documents so that 40 make a bulk extraction.
 */

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-deferred-'));
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const VERSION = 'rules-test-1';
const TABLES = [
  'extractions',
  'mention_spans',
  'date_mentions',
  'figures',
  'quotes',
  'claims',
  'citations',
];

const SPEAKERS = ['Ana López', 'Pedro Ruiz', 'Marta Gómez', 'John Carver'];
const PLACES = ['Ciudad Juárez', 'Tijuana', 'Monterrey', 'Culiacán'];
const DOCUMENTS = Array.from({ length: 40 }, (_, n) =>
  makeDocument(
    `Seizure report ${n}\nFederal agents met prosecutors in ${PLACES[n % 4]} on ${(n % 27) + 1} ` +
      `March 2024. "We seized ${n * 10} kilos of cocaine at the border," said Commander ` +
      `${SPEAKERS[n % 4]}. According to Reuters, the Sinaloa Cartel moved $${n + 2} million ` +
      `through ${PLACES[(n + 1) % 4]}.`,
    { publishedAt: '2024-03-30' },
  ),
);
const RECORDS: ExtractionRecord[] = DOCUMENTS.map((d) => ({
  documentId: d.id,
  extractorVersion: VERSION,
  extraction: extractDocument({
    id: d.id,
    text: d.text,
    language: 'en',
    publishedAt: '2024-03-30',
  }),
}));

/** The schema of the extraction tables (and whether any indexes are recorded as deferred). */
function schema(file: string): unknown[] {
  const raw = new Database(file, { readonly: true });
  try {
    return raw
      .prepare(
        `SELECT type, name, tbl_name, sql FROM sqlite_master
         WHERE tbl_name IN (${TABLES.map(() => '?').join(', ')}) OR name = 'deferred_indexes'
         ORDER BY name`,
      )
      .all(...TABLES);
  } finally {
    raw.close();
  }
}

const indexNames = (file: string) =>
  (schema(file) as Array<{ type: string; name: string }>)
    .filter((o) => o.type === 'index' && !o.name.startsWith('sqlite_autoindex'))
    .map((o) => o.name);

const ALL_INDEXES = [
  'citations_name',
  'claims_speaker',
  'date_mentions_value',
  'extractions_version',
  'mention_spans_name',
  'quotes_speaker',
];

async function seeded(
  options: { bulk?: boolean } = {},
): Promise<{ file: string; store: SqliteStore }> {
  const file = join(dir, `store-${counter++}.sqlite`);
  const store = new SqliteStore(
    file,
    undefined,
    options.bulk ? { bulkExtractionDocuments: 10 } : {},
  );
  await writeDocuments(store, DOCUMENTS);
  return { file, store };
}

/** What the reads over extraction results answer (extraction times left out: they differ). */
async function reads(store: Store): Promise<unknown> {
  const extracted: unknown[] = [];
  for await (const d of store.iterateExtractedDocuments({ batchSize: 7 })) extracted.push(d);
  const extractions = await Promise.all(DOCUMENTS.map((d) => store.getExtraction(d.id)));
  const entities = await store.listEntities({});
  return withoutTimes({
    extracted,
    extractions,
    entities,
    byType: await store.listEntities({ type: 'person', contains: 'lóp' }),
    mentions: await Promise.all(
      entities.entities.slice(0, 6).map((e) => store.getEntityMentions(e.type, e.name)),
    ),
    coOccurring: await Promise.all(
      entities.entities.slice(0, 3).map((e) => store.listCoOccurring(e.type, e.name)),
    ),
    events: await store.listDatedEvents({}),
    places: await store.listPlaces({}),
    search: await store.search({ text: 'agents', entities: [SPEAKERS[0]!] }),
    facets: await store.searchFacets({ text: 'kilos' }),
  });
}

const withoutTimes = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'extractedAt' ? null : v)));

/** A store extracted the ordinary way (too few documents for a bulk extraction). */
async function reference(): Promise<{ file: string; answers: unknown }> {
  const { file, store } = await seeded();
  for await (const document of store.iterateDocumentsToExtract(VERSION)) void document;
  await store.writeExtractions(RECORDS);
  expect(indexNames(file)).toEqual(ALL_INDEXES);
  const answers = await reads(store);
  await store.close();
  return { file, answers };
}

const documentsToExtract = async (iterator: AsyncIterator<StoredDocument>) => {
  const first = await iterator.next();
  expect(first.done).toBe(false);
};

describe('SqliteStore bulk extraction (deferred indexes)', () => {
  it('drops the extraction indexes while the documents are handed out, and builds them as they were', async () => {
    const ref = await reference();
    const { file, store } = await seeded({ bulk: true });
    const iterator = store.iterateDocumentsToExtract(VERSION)[Symbol.asyncIterator]();
    await documentsToExtract(iterator);
    // The version index stays: a run's rows append to it.
    expect(indexNames(file)).toEqual(['extractions_version']);
    for (let i = 0; i < RECORDS.length; i += 9)
      await store.writeExtractions(RECORDS.slice(i, i + 9));
    // Reads meanwhile answer as the indexed store does.
    expect(await reads(store)).toEqual(ref.answers);
    // The rest of the page already read, then an empty one: the iteration ends.
    while (!(await iterator.next()).done);
    expect(schema(file)).toEqual(schema(ref.file));
    expect(await reads(store)).toEqual(ref.answers);
    expect(await store.checkIntegrity()).toEqual({ ok: true, problems: [] });
    await store.close();
    expect(schema(file)).toEqual(schema(ref.file));
  });

  it('builds the indexes when the caller stops early, or closes the store mid-extraction', async () => {
    const ref = await reference();
    const stopped = await seeded({ bulk: true });
    for await (const document of stopped.store.iterateDocumentsToExtract(VERSION)) {
      expect(indexNames(stopped.file)).toEqual(['extractions_version']);
      await stopped.store.writeExtractions(RECORDS.filter((r) => r.documentId === document.id));
      break;
    }
    expect(schema(stopped.file)).toEqual(schema(ref.file));
    await stopped.store.close();

    const closed = await seeded({ bulk: true });
    const iterator = closed.store.iterateDocumentsToExtract(VERSION)[Symbol.asyncIterator]();
    await documentsToExtract(iterator);
    await closed.store.writeExtractions(RECORDS.slice(0, 20));
    await closed.store.close();
    expect(schema(closed.file)).toEqual(schema(ref.file));
  });

  it('leaves the indexes of a killed process deferred while it lives, and builds them at the next open after', async () => {
    const ref = await reference();
    const { file, store } = await seeded();
    await store.writeExtractions(RECORDS.slice(0, 2));
    await store.close();
    // What a process killed mid-bulk leaves on disk: the indexes dropped and recorded as its.
    const owner = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    await once(owner, 'spawn');
    const raw = new Database(file);
    raw.exec('ANALYZE');
    const stats = () =>
      raw
        .prepare(
          `SELECT * FROM sqlite_stat1 WHERE tbl IN (${TABLES.map(() => '?').join(', ')})
           ORDER BY tbl, idx`,
        )
        .all(...TABLES);
    const statsBefore = stats();
    expect(statsBefore.length).toBeGreaterThan(ALL_INDEXES.length);
    const keep = ['extractions_version'];
    const pid = owner.pid!;
    expect(
      deferIndexes(raw, TABLES, keep, { token: 'killed', pid, host: hostname() }, () => true),
    ).toBe(true);
    expect(stats().length).toBeLessThan(statsBefore.length);
    expect(indexNames(file)).toEqual(keep);

    // Its process still runs (say, an extraction going on beside a search): left to it.
    const beside = new SqliteStore(file);
    expect(indexNames(file)).toEqual(keep);
    expect(await beside.getExtraction(RECORDS[0]!.documentId)).not.toBeNull();
    await beside.close();
    expect(indexNames(file)).toEqual(keep);

    owner.kill('SIGKILL');
    await once(owner, 'exit');
    const next = new SqliteStore(file);
    expect(schema(file)).toEqual(schema(ref.file));
    // The planner's statistics as they were before the indexes went.
    expect(stats()).toEqual(statsBefore);
    raw.close();
    await next.writeExtractions(RECORDS.slice(2));
    expect(await reads(next)).toEqual(ref.answers);
    await next.close();
  });

  it('keeps the indexes for a small extraction, or one that would not double the tables', async () => {
    const small = await seeded();
    for await (const document of small.store.iterateDocumentsToExtract(VERSION)) {
      void document;
      expect(indexNames(small.file)).toEqual(ALL_INDEXES);
    }
    await small.store.close();

    const filled = await seeded({ bulk: true });
    // 21 of 40 documents extracted already: the 19 left would not double the tables.
    await filled.store.writeExtractions(RECORDS.slice(0, 21));
    for await (const document of filled.store.iterateDocumentsToExtract(VERSION)) {
      void document;
      expect(indexNames(filled.file)).toEqual(ALL_INDEXES);
    }
    await filled.store.close();
  });

  it('defers them again for a first extraction resumed after an interruption', async () => {
    const resumed = await seeded({ bulk: true });
    // 10 of 40 documents extracted before the interruption: the 30 left more than double them.
    await resumed.store.writeExtractions(RECORDS.slice(0, 10));
    let deferredDuring: string[] | null = null;
    for await (const document of resumed.store.iterateDocumentsToExtract(VERSION)) {
      void document;
      deferredDuring ??= indexNames(resumed.file);
    }
    expect(deferredDuring).toEqual(['extractions_version']);
    expect(indexNames(resumed.file)).toEqual(ALL_INDEXES);
    await resumed.store.close();
  });
});
