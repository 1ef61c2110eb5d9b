import { describe, expect, it } from 'vitest';
import type { TlpLevel } from '../../core/index.js';
import type { ParsedDocument } from '../../ingest/index.js';
import type { Resolution, ResolvedEntity } from '../../resolve/index.js';
import { FACET_SAMPLE } from '../search-facets.js';
import type { Store } from '../store.js';
import type { StoreFactory } from './documents.contract.js';
import { ARTICLE_EN, ARTICLE_ES, EMAIL, item, makeDocument, writeDocuments } from './fixtures.js';

/** An article with a byline: its source is the outlet. */
const BYLINED = makeDocument('Juarez checkpoint\nSoldiers set up a checkpoint in Ciudad Juarez.', {
  byline: 'El Diario',
});
/** A plain e-mail (no intel block): its source is the sender's address, lower-cased. */
const MEMO = makeDocument('Juarez memo\nThe Juarez cartel moved the meeting to Ciudad Juarez.', {
  kind: 'email',
  email: {
    messageId: '<m1@meridian.example>',
    inReplyTo: null,
    references: [],
    threadId: '<m1@meridian.example>',
    from: 'Desk Editor <Desk@Meridian.example>',
    to: [],
    cc: [],
    subject: 'Juarez memo',
    sentAt: null,
  },
});
/** Marked AMBER: a GREEN reader must not count its entity or its source. */
const SECRET = makeDocument('Juarez informant\nThe informant Raul Vega met the Juarez cartel.', {
  byline: 'Hidden Outlet',
});

const entity = (
  id: string,
  type: ResolvedEntity['type'],
  name: string,
  documents: string[],
): ResolvedEntity => ({
  id,
  type,
  name,
  aliases: [{ name, documents, rule: 'canonical' }],
  mentionCount: documents.length,
  documentCount: documents.length,
});

const CIUDAD = 'place:ciudad juarez';
const CARTEL = 'organization:juarez cartel';
const GUERO = 'person:el guero';
const VEGA = 'person:raul vega';

const MENTIONS: Record<string, string[]> = {
  [CIUDAD]: [ARTICLE_EN.id, BYLINED.id, MEMO.id],
  [CARTEL]: [ARTICLE_EN.id, MEMO.id, SECRET.id],
  [GUERO]: [ARTICLE_ES.id],
  [VEGA]: [SECRET.id],
};

const resolution: Resolution = {
  entities: [
    entity(CARTEL, 'organization', 'Juárez Cartel', MENTIONS[CARTEL]!),
    entity(GUERO, 'person', 'El Güero', MENTIONS[GUERO]!),
    entity(CIUDAD, 'place', 'Ciudad Juárez', MENTIONS[CIUDAD]!),
    entity(VEGA, 'person', 'Raul Vega', MENTIONS[VEGA]!),
  ].sort((a, b) => a.id.localeCompare(b.id)),
  assignments: Object.entries(MENTIONS).flatMap(([entityId, documents], n) =>
    documents.map((documentId) => ({ documentId, seq: n, entityId })),
  ),
  merges: [],
  unappliedDecisions: [],
};

async function seeded(open: StoreFactory): Promise<Store> {
  const store = await open();
  const run = await store.startRun(['fixtures']);
  const marked: Array<[typeof ARTICLE_EN, TlpLevel]> = [
    [ARTICLE_EN, 'CLEAR'],
    [ARTICLE_ES, 'CLEAR'],
    [EMAIL, 'GREEN'],
    [BYLINED, 'CLEAR'],
    [MEMO, 'CLEAR'],
    [SECRET, 'AMBER'],
  ];
  await store.writeBatch({
    runId: run.id,
    items: marked.map(([d, tlp]) => ({ ...item(d), tlp })),
    failures: [],
    completedFiles: [],
  });
  await store.replaceResolution(resolution);
  return store;
}

const ids = (hits: { id: string }[]) => hits.map((h) => h.id).sort();
const sorted = (docs: { id: string }[]) => docs.map((d) => d.id).sort();
const ALL = 'juarez OR secretaria';

const sentBy = (from: string, n: number): ParsedDocument['email'] => ({
  messageId: `<s${n}@example.org>`,
  inReplyTo: null,
  references: [],
  threadId: `<s${n}@example.org>`,
  from,
  to: [],
  cc: [],
  subject: null,
  sentAt: null,
});
const intelCoded = (code: string | null): ParsedDocument['intel'] => ({
  code,
  publication: null,
  attribution: null,
  sourceDescription: null,
  sourceReliability: null,
  itemCredibility: null,
  specialHandling: null,
  sourceHandler: null,
  subjectType: null,
  subjectCountry: null,
  subjectTopic: null,
  fields: {},
});

/**
 * Documents (all matching SOURCE_QUERY) covering every rule of a source: intel code over sender
 * over byline, blanks skipped, each stored with the document in one write (document row first).
 */
export const SOURCED = {
  /** Byline only, padded: "Wire Desk". */
  wire: makeDocument('Ocelot wire\nAn ocelot crossed the border.', { byline: '  Wire Desk ' }),
  /** Sender over byline, the address lower-cased: "field@example.org". */
  mail: makeDocument('Ocelot mail\nThe ocelot permit is late.', {
    kind: 'email',
    byline: 'Mail Outlet',
    email: sentBy('Field Office <Field@Example.org>', 1),
  }),
  /** Intel code over sender and byline, trimmed: "SA4". */
  report: makeDocument('Ocelot report\nThe source says the ocelot was sold.', {
    kind: 'email',
    byline: 'Report Outlet',
    email: sentBy('desk@example.org', 2),
    intel: intelCoded(' SA4 '),
  }),
  /** Blank code and sender: the byline, "Blank Outlet". */
  blank: makeDocument('Ocelot blank\nAn ocelot note with blank headers.', {
    kind: 'email',
    byline: 'Blank Outlet',
    email: sentBy('   ', 3),
    intel: intelCoded(''),
  }),
  /** Nothing to go by: no source. */
  none: makeDocument('Ocelot none\nAn ocelot note from nobody.'),
};
export const SOURCE_QUERY = 'ocelot';
export const SOURCED_AS_WRITTEN: Array<[ParsedDocument, string | null]> = [
  [SOURCED.wire, 'Wire Desk'],
  [SOURCED.mail, 'field@example.org'],
  [SOURCED.report, 'SA4'],
  [SOURCED.blank, 'Blank Outlet'],
  [SOURCED.none, null],
];

/**
 * The source facet of SOURCE_QUERY counts exactly `expected` (document → source, null: none),
 * and filtering on each source finds exactly its documents.
 */
export async function expectSources(
  store: Store,
  expected: Array<[ParsedDocument, string | null]>,
): Promise<void> {
  const bySource = new Map<string, string[]>();
  for (const [document, source] of expected)
    if (source !== null) bySource.set(source, [...(bySource.get(source) ?? []), document.id]);
  const counted = (await store.searchFacets({ text: SOURCE_QUERY })).sources;
  expect(new Map(counted.map((s) => [s.source, s.count]))).toEqual(
    new Map([...bySource].map(([source, documents]) => [source, documents.length])),
  );
  for (const [source, documents] of bySource)
    expect(ids((await store.search({ text: SOURCE_QUERY, sources: [source] })).hits)).toEqual(
      documents.sort(),
    );
}

/** Raw SQL (`?` slots) on a store's tables, as a writer other than the store would run it. */
export type RawSql = (sql: string, params: unknown[]) => Promise<void>;

export interface SourceStoreHarness {
  /** A new empty store, and raw SQL on its tables. */
  open(): Promise<{ store: Store; sql: RawSql; close(): Promise<void> }>;
  /**
   * A store left by the release before sources were stored (schema 9 of either backend) holding
   * `documents` as that release wrote them, opened (and so migrated) by this one.
   */
  migrated(documents: ParsedDocument[]): Promise<Store>;
}

/**
 * Sources are stored when written: what the store keeps must follow every change to a document's
 * byline, e-mail sender or intel code (whoever makes it), and be filled in for stores written
 * before they were kept. Needs raw access to the tables, so each backend's tests run it.
 */
export function storedSourcesContract(harness: SourceStoreHarness): void {
  describe('stored sources', () => {
    it('follows every change to a byline, sender or intel code, and deleted documents', async () => {
      const { store, sql, close } = await harness.open();
      try {
        await writeDocuments(store, Object.values(SOURCED));
        const now = new Map(SOURCED_AS_WRITTEN);
        const expectNow = () => expectSources(store, [...now]);
        await expectNow();

        await sql('UPDATE emails SET from_addr = ? WHERE document_id = ?', [
          'New Desk <NEW@example.org>',
          SOURCED.mail.id,
        ]);
        now.set(SOURCED.mail, 'new@example.org');
        await expectNow();

        await sql('UPDATE intel_reports SET code = ? WHERE document_id = ?', [
          'SA9',
          SOURCED.report.id,
        ]);
        now.set(SOURCED.report, 'SA9');
        await expectNow();
        await sql('DELETE FROM intel_reports WHERE document_id = ?', [SOURCED.report.id]);
        now.set(SOURCED.report, 'desk@example.org');
        await expectNow();
        await sql('DELETE FROM emails WHERE document_id = ?', [SOURCED.report.id]);
        now.set(SOURCED.report, 'Report Outlet');
        await expectNow();

        await sql('UPDATE documents SET byline = ? WHERE id = ?', ['Night Desk', SOURCED.wire.id]);
        now.set(SOURCED.wire, 'Night Desk');
        await expectNow();

        // A report arriving after its document outranks the byline; a blank one does not.
        await sql('INSERT INTO intel_reports (document_id, code) VALUES (?, ?)', [
          SOURCED.none.id,
          'MX2',
        ]);
        now.set(SOURCED.none, 'MX2');
        await expectNow();
        await sql('UPDATE intel_reports SET code = ? WHERE document_id = ?', [
          ' ',
          SOURCED.blank.id,
        ]);
        await expectNow();

        await sql('DELETE FROM document_origins WHERE document_id = ?', [SOURCED.blank.id]);
        await sql('DELETE FROM documents WHERE id = ?', [SOURCED.blank.id]);
        now.delete(SOURCED.blank);
        await expectNow();
        expect(await store.checkIntegrity()).toEqual({ ok: true, problems: [] });
      } finally {
        await close();
      }
    });

    it("fills in the sources of a store's documents written before they were stored", async () => {
      const store = await harness.migrated(Object.values(SOURCED));
      try {
        await expectSources(store, SOURCED_AS_WRITTEN);
        // Written after the migration, a document is counted like those before it.
        const later = makeDocument('Ocelot later\nAnother ocelot, by wire.', {
          byline: 'Wire Desk',
        });
        await writeDocuments(store, [later]);
        await expectSources(store, [...SOURCED_AS_WRITTEN, [later, 'Wire Desk']]);
        expect(await store.checkIntegrity()).toEqual({ ok: true, problems: [] });
      } finally {
        await store.close();
      }
    });
  });
}

export function searchFacetsContract(open: StoreFactory): void {
  describe('search by entity and source', () => {
    it('keeps documents mentioning ALL the chosen entities', async () => {
      const store = await seeded(open);
      const search = (entities: string[]) => store.search({ text: ALL, entities });
      expect(ids((await search([CIUDAD])).hits)).toEqual(sorted([ARTICLE_EN, BYLINED, MEMO]));
      expect(ids((await search([CIUDAD, CARTEL])).hits)).toEqual(sorted([ARTICLE_EN, MEMO]));
      expect((await search([CIUDAD, CARTEL])).total).toBe(2);
      expect((await search([CIUDAD, GUERO])).total).toBe(0);
      expect((await search(['person:nobody'])).total).toBe(0);
      await store.close();
    });

    it('keeps documents from ANY of the chosen sources', async () => {
      const store = await seeded(open);
      const search = (sources: string[]) => store.search({ text: ALL, sources });
      // Intel code first (the e-mail has a sender too), then sender address, then byline.
      expect(ids((await search(['MX7'])).hits)).toEqual([EMAIL.id]);
      expect(ids((await search(['desk@meridian.example'])).hits)).toEqual([MEMO.id]);
      expect(ids((await search(['El Diario', 'MX7'])).hits)).toEqual(sorted([BYLINED, EMAIL]));
      expect((await search(['analyst@meridian.example'])).total).toBe(0);
      // Combined with the other filters.
      expect((await store.search({ text: ALL, sources: ['MX7'], kinds: ['text'] })).total).toBe(0);
      await store.close();
    });

    it('counts the top entities and sources among the matches', async () => {
      const store = await seeded(open);
      const facets = await store.searchFacets({ text: ALL });
      expect(facets.sampled).toBe(false);
      expect(facets.entities).toEqual([
        { id: CARTEL, name: 'Juárez Cartel', type: 'organization', count: 3 },
        { id: CIUDAD, name: 'Ciudad Juárez', type: 'place', count: 3 },
        { id: GUERO, name: 'El Güero', type: 'person', count: 1 },
        { id: VEGA, name: 'Raul Vega', type: 'person', count: 1 },
      ]);
      // Ties in code-unit order of the source (the same in both backends).
      expect(facets.sources).toEqual([
        { source: 'El Diario', count: 1 },
        { source: 'Hidden Outlet', count: 1 },
        { source: 'MX7', count: 1 },
        { source: 'desk@meridian.example', count: 1 },
      ]);
      // Language and type facets are unchanged by the new ones.
      expect(facets.kinds).toEqual({ text: 4, email: 2 });
      await store.close();
    });

    it('counts entities with every filter, sources without their own filter', async () => {
      const store = await seeded(open);
      const facets = await store.searchFacets({
        text: ALL,
        entities: [CIUDAD],
        sources: ['El Diario'],
      });
      // Only BYLINED matches both filters: entities are counted over it alone.
      expect(facets.entities).toEqual([
        { id: CIUDAD, name: 'Ciudad Juárez', type: 'place', count: 1 },
      ]);
      // Sources stay visible for the documents mentioning Ciudad Juárez (source filter left out).
      expect(facets.sources).toEqual([
        { source: 'El Diario', count: 1 },
        { source: 'desk@meridian.example', count: 1 },
      ]);
      expect(facets.languages).toEqual({ en: 1 });
      await store.close();
    });

    it('never counts or lists what a restricted reader may not see', async () => {
      const store = await seeded(open);
      const view = store.restrictedTo('GREEN');
      const facets = await view.searchFacets({ text: ALL });
      expect(facets.entities).toEqual([
        { id: CIUDAD, name: 'Ciudad Juárez', type: 'place', count: 3 },
        { id: CARTEL, name: 'Juárez Cartel', type: 'organization', count: 2 },
        { id: GUERO, name: 'El Güero', type: 'person', count: 1 },
      ]);
      expect(facets.sources.map((s) => s.source)).toEqual([
        'El Diario',
        'MX7',
        'desk@meridian.example',
      ]);
      expect((await view.search({ text: ALL, entities: [VEGA] })).total).toBe(0);
      expect((await view.search({ text: ALL, sources: ['Hidden Outlet'] })).total).toBe(0);
      expect((await view.search({ text: ALL, entities: [CARTEL] })).total).toBe(2);
      const clear = await store.restrictedTo('CLEAR').searchFacets({ text: ALL });
      expect(clear.sources.map((s) => s.source)).not.toContain('MX7');
      await store.close();
    });

    it("reads a document's source from the e-mail and intel report stored with it", async () => {
      const store = await open();
      // The document row is written before its e-mail and report: a source taken from it alone
      // would be the byline.
      await writeDocuments(store, Object.values(SOURCED));
      await expectSources(store, SOURCED_AS_WRITTEN);
      expect((await store.searchFacets({ text: SOURCE_QUERY })).sources).toEqual([
        { source: 'Blank Outlet', count: 1 },
        { source: 'SA4', count: 1 },
        { source: 'Wire Desk', count: 1 },
        { source: 'field@example.org', count: 1 },
      ]);
      // Only the winning value is a source: the byline and sender it outranks are not.
      const search = (sources: string[]) => store.search({ text: SOURCE_QUERY, sources });
      expect((await search(['Mail Outlet', 'Report Outlet', 'desk@example.org', ''])).total).toBe(
        0,
      );
      expect(ids((await search(['field@example.org', 'SA4'])).hits)).toEqual(
        sorted([SOURCED.mail, SOURCED.report]),
      );
      // Re-ingest changes nothing.
      await writeDocuments(store, Object.values(SOURCED));
      await expectSources(store, SOURCED_AS_WRITTEN);
      await store.close();
    });

    it('counts entities and sources over the best-ranked matches when there are many', async () => {
      const store = await open();
      const run = await store.startRun(['many']);
      const many = Array.from({ length: FACET_SAMPLE + 5 }, (_, n) =>
        makeDocument(`Bulletin ${n}\nRoutine bulletin number ${n}.`, { byline: 'Wire' }),
      );
      await store.writeBatch({
        runId: run.id,
        items: many.map((d) => item(d)),
        failures: [],
        completedFiles: [],
      });
      await store.replaceResolution({
        entities: [entity('organization:wire', 'organization', 'Wire', [many[0]!.id])],
        assignments: many.map((d) => ({
          documentId: d.id,
          seq: 0,
          entityId: 'organization:wire',
        })),
        merges: [],
        unappliedDecisions: [],
      });
      const facets = await store.searchFacets({ text: 'bulletin' });
      expect(facets.sampled).toBe(true);
      expect(facets.kinds).toEqual({ text: FACET_SAMPLE + 5 });
      expect(facets.sources).toEqual([{ source: 'Wire', count: FACET_SAMPLE }]);
      expect(facets.entities).toEqual([
        { id: 'organization:wire', name: 'Wire', type: 'organization', count: FACET_SAMPLE },
      ]);
      // Exact again once the filters bring the matches under the sample size.
      const few = await store.searchFacets({ text: 'bulletin AND 7' });
      expect(few.sampled).toBe(false);
      await store.close();
    });
  });
}
