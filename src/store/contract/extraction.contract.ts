import { describe, expect, it } from 'vitest';
import type { Extraction, Mention } from '../../extract/index.js';
import type { Store } from '../store.js';
import type { ExtractedDocument } from '../types.js';
import type { StoreFactory } from './documents.contract.js';
import {
  ARTICLE_EN,
  ARTICLE_ES,
  ATTACHMENT,
  EMAIL,
  NOTHING_FOUND,
  item,
  writeDocuments,
} from './fixtures.js';

const text = ARTICLE_EN.text;
const span = (needle: string) => {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture text lacks ${needle}`);
  return { start, end: start + needle.length, text: needle };
};

/** A hand-made extraction of ARTICLE_EN with one of everything. */
export const ARTICLE_EN_EXTRACTION: Extraction = {
  mentions: [
    {
      ...span('Ciudad Juárez'),
      type: 'place',
      normalized: 'Ciudad Juárez',
      confidence: 0.95,
      source: 'gazetteer',
      geo: {
        lat: 31.72,
        lon: -106.46,
        country: 'MX',
        admin1: '06',
        gazetteerId: 'geonames:4013708',
      },
    },
    {
      ...span('VCF'),
      type: 'organization',
      normalized: 'Juárez Cartel',
      confidence: 0.9,
      source: 'lexicon',
    },
  ],
  dates: [{ ...span('Tuesday'), value: '2011-04-19', precision: 'day', relative: true }],
  figures: [{ ...span('two officials'), value: 2, unit: 'officials', about: 'officials' }],
  quotes: [],
  claims: [{ ...span('The Juárez cartel, known as VCF'), speaker: null, verb: 'discussed' }],
  sourcesCited: [
    {
      start: span('according to').start,
      end: span('two officials').end,
      name: 'two officials',
      cue: 'according to',
    },
  ],
};

const emailSpan = (needle: string) => {
  const start = EMAIL.text.indexOf(needle);
  if (start < 0) throw new Error(`fixture text lacks ${needle}`);
  return { start, end: start + needle.length, text: needle };
};

/** The e-mail's extraction: a quote with its speaker's offsets, a place without coordinates. */
const EMAIL_EXTRACTION: Extraction = {
  mentions: [
    {
      ...emailSpan('Juarez'),
      type: 'place',
      normalized: 'Ciudad Juárez',
      confidence: 0.6,
      source: 'lexicon',
    },
  ],
  dates: [],
  figures: [],
  quotes: [
    {
      ...emailSpan('The plaza in Juarez is being negotiated.'),
      speaker: 'Mexican diplomat',
      speakerStart: 0,
      speakerEnd: 4,
      verb: null,
      saidOn: '2010-04-19',
    },
  ],
  claims: [],
  sourcesCited: [],
};

/**
 * What iterateExtractedDocuments must yield, read the slow way: every document, then its
 * extraction; in insertion order (iterateDocuments'), to be sorted by id.
 */
async function oneByOne(store: Store): Promise<ExtractedDocument[]> {
  const read: ExtractedDocument[] = [];
  for await (const d of store.iterateDocuments({ batchSize: 2 })) {
    const extraction = await store.getExtraction(d.id);
    if (!extraction) continue;
    read.push({
      id: d.id,
      kind: d.kind,
      title: d.title,
      text: d.text,
      publishedAt: d.publishedAt,
      origin: d.origins[0] ?? null,
      intel: d.intel ? { code: d.intel.code } : null,
      extraction,
    });
  }
  return read;
}

const byId = (a: { id: string }, b: { id: string }): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

async function inBatches(store: Store, batchSize: number): Promise<ExtractedDocument[]> {
  const read: ExtractedDocument[] = [];
  for await (const d of store.iterateExtractedDocuments({ batchSize })) read.push(d);
  return read;
}

export function extractionContract(open: StoreFactory): void {
  describe('extraction results', () => {
    it('reads extracted documents in batches, in id order, exactly as document by document, views included', async () => {
      const store = await open();
      const run = await store.startRun(['x']);
      await store.writeBatch({
        runId: run.id,
        items: [
          item(ARTICLE_EN),
          item(ARTICLE_ES),
          { ...item(EMAIL), tlp: 'AMBER' },
          item(ATTACHMENT),
        ],
        failures: [],
        completedFiles: [],
      });
      // Found again elsewhere: its first origin stays the one it was first found at.
      await store.writeBatch({
        runId: run.id,
        items: [item({ ...ARTICLE_EN, origin: 'mirror/agents.txt' })],
        failures: [],
        completedFiles: [],
      });
      await store.writeExtractions([
        { documentId: ARTICLE_EN.id, extractorVersion: 'v1', extraction: ARTICLE_EN_EXTRACTION },
        { documentId: EMAIL.id, extractorVersion: 'v1', extraction: EMAIL_EXTRACTION },
        {
          documentId: ARTICLE_ES.id,
          extractorVersion: 'v0',
          extraction: NOTHING_FOUND,
        },
      ]);
      // The attachment was never extracted: skipped.
      const inserted = await oneByOne(store);
      expect(inserted.map((d) => d.id)).toEqual([ARTICLE_EN.id, ARTICLE_ES.id, EMAIL.id]);
      expect(inserted[0]!.origin).toBe(ARTICLE_EN.origin);
      expect(inserted[2]!.intel).toEqual({ code: 'MX7' });
      // In id order, not insertion order: the analyses read them so, and give the same answer
      // however the documents were ingested (parallel parsing stores them in varying order).
      const expected = [...inserted].sort(byId);
      expect(expected.map((d) => d.id)).not.toEqual(inserted.map((d) => d.id));
      for (const batchSize of [1, 2, 500])
        expect(await inBatches(store, batchSize)).toEqual(expected);

      // Only the tables asked for are read; the others come back empty.
      const some: ExtractedDocument<'quotes' | 'mentions'>[] = [];
      for await (const d of store.iterateExtractedDocuments({
        batchSize: 2,
        fields: ['quotes', 'mentions'],
      }))
        some.push(d);
      expect(expected.some((d) => d.extraction.extraction.dates.length > 0)).toBe(true);
      expect(some).toEqual(
        expected.map((d) => ({
          ...d,
          extraction: {
            ...d.extraction,
            extraction: {
              ...NOTHING_FOUND,
              quotes: d.extraction.extraction.quotes,
              mentions: d.extraction.extraction.mentions,
            },
          },
        })),
      );

      // A reader cleared GREEN sees neither the AMBER e-mail nor its extraction.
      const green = store.restrictedTo('GREEN');
      const visible = (await oneByOne(green)).sort(byId);
      expect(visible.map((d) => d.id).sort()).toEqual([ARTICLE_EN.id, ARTICLE_ES.id].sort());
      expect(await inBatches(green, 1)).toEqual(visible);
      expect(await inBatches(green, 500)).toEqual(visible);
      await store.close();
    });

    it('stores an extraction and reads every field back, offsets intact', async () => {
      const store = await open();
      const run = await store.startRun(['x']);
      await store.writeBatch({
        runId: run.id,
        items: [item(ARTICLE_EN), item(ARTICLE_ES)],
        failures: [],
        completedFiles: [],
      });
      expect(await store.countDocumentsToExtract('v1')).toBe(2);
      await store.writeExtractions([
        { documentId: ARTICLE_EN.id, extractorVersion: 'v1', extraction: ARTICLE_EN_EXTRACTION },
      ]);
      const stored = await store.getExtraction(ARTICLE_EN.id);
      expect(stored?.extractorVersion).toBe('v1');
      expect(stored?.extraction).toEqual(ARTICLE_EN_EXTRACTION);
      for (const m of stored!.extraction.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(await store.getExtraction(ARTICLE_ES.id)).toBeNull();
      await store.close();
    });

    it('refuses results for a document it does not hold, and keeps the whole batch out', async () => {
      const store = await open();
      const run = await store.startRun(['x']);
      await store.writeBatch({
        runId: run.id,
        items: [item(ARTICLE_EN)],
        failures: [],
        completedFiles: [],
      });
      const missing = 'f'.repeat(64);
      await expect(
        store.writeExtractions([
          { documentId: ARTICLE_EN.id, extractorVersion: 'v1', extraction: ARTICLE_EN_EXTRACTION },
          { documentId: missing, extractorVersion: 'v1', extraction: ARTICLE_EN_EXTRACTION },
        ]),
      ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(missing) });
      expect(await store.getExtraction(ARTICLE_EN.id)).toBeNull();
      expect(await store.countDocumentsToExtract('v1')).toBe(1);
      await store.close();
    });

    it('reads every mention back as written when names are shared, rewritten, or written by a failed batch', async () => {
      const store = await open();
      await writeDocuments(store, [ARTICLE_EN, ARTICLE_ES]);
      const [juarez, vcf] = ARTICLE_EN_EXTRACTION.mentions as [Mention, Mention];
      // New names (another rule, another place, no admin1) go in with a batch that fails: the
      // names it wrote are rolled back with it, and must not be taken for names stored.
      const newNames: Extraction = {
        ...ARTICLE_EN_EXTRACTION,
        mentions: [
          { ...vcf, source: 'cartel-phrase:lexicon', confidence: 0.7 },
          { ...juarez, geo: { lat: 31.7, lon: -106.4, country: 'MX', gazetteerId: 'curated:x' } },
          { ...juarez, text: 'Cd. Juárez' },
          juarez,
        ],
      };
      await expect(
        store.writeExtractions([
          { documentId: ARTICLE_ES.id, extractorVersion: 'v1', extraction: newNames },
          { documentId: 'f'.repeat(64), extractorVersion: 'v1', extraction: newNames },
        ]),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await store.writeExtractions([
        { documentId: ARTICLE_EN.id, extractorVersion: 'v1', extraction: ARTICLE_EN_EXTRACTION },
        { documentId: ARTICLE_ES.id, extractorVersion: 'v1', extraction: newNames },
      ]);
      expect((await store.getExtraction(ARTICLE_ES.id))?.extraction).toEqual(newNames);
      expect((await store.getExtraction(ARTICLE_EN.id))?.extraction).toEqual(ARTICLE_EN_EXTRACTION);
      // Written again, in another order: the same names, no stale row left behind.
      const rewritten: Extraction = { ...newNames, mentions: [...newNames.mentions].reverse() };
      await store.writeExtractions([
        { documentId: ARTICLE_ES.id, extractorVersion: 'v2', extraction: rewritten },
      ]);
      expect((await store.getExtraction(ARTICLE_ES.id))?.extraction).toEqual(rewritten);
      const names = await store.listEntities({ type: 'place' });
      expect(names.entities.map((e) => [e.name, e.mentions, e.documents])).toEqual([
        ['Ciudad Juárez', 4, 2],
      ]);
      await store.close();
    });

    it('compacts away what rewritten rows left free, keeping every row, on the full store only', async () => {
      const store = await open();
      const run = await store.startRun(['x']);
      await store.writeBatch({
        runId: run.id,
        items: [item(ARTICLE_EN), item(ARTICLE_ES), item(EMAIL)],
        failures: [],
        completedFiles: [],
      });
      // Many mentions for the first document, then the others', then the first's taken away:
      // its rows leave free space before rows that stay.
      const many: Extraction = {
        ...NOTHING_FOUND,
        mentions: Array.from({ length: 3000 }, (_, i) => ({
          ...ARTICLE_EN_EXTRACTION.mentions[1]!,
          normalized: `Organización número ${i} de la lista de prueba`,
        })),
      };
      await store.writeExtractions([
        { documentId: ARTICLE_EN.id, extractorVersion: 'v1', extraction: many },
      ]);
      await store.writeExtractions([
        { documentId: ARTICLE_ES.id, extractorVersion: 'v1', extraction: ARTICLE_EN_EXTRACTION },
        { documentId: EMAIL.id, extractorVersion: 'v1', extraction: many },
      ]);
      await store.writeExtractions([
        { documentId: ARTICLE_EN.id, extractorVersion: 'v1', extraction: NOTHING_FOUND },
      ]);
      await expect(store.restrictedTo('CLEAR').compact()).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });

      const { beforeBytes, afterBytes } = await store.compact();
      expect(afterBytes).toBeGreaterThan(0);
      expect(afterBytes).toBeLessThan(beforeBytes);
      expect((await store.stats()).storeBytes).toBe(afterBytes);
      expect((await store.getExtraction(ARTICLE_ES.id))?.extraction).toEqual(ARTICLE_EN_EXTRACTION);
      expect((await store.getExtraction(EMAIL.id))?.extraction.mentions).toHaveLength(3000);
      expect((await store.getExtraction(ARTICLE_EN.id))?.extraction).toEqual(NOTHING_FOUND);
      expect((await store.search({ text: 'Juárez' })).total).toBeGreaterThan(0);
      await store.close();
    });

    it('replaces a document’s extraction whole and tracks what needs re-extracting', async () => {
      const store = await open();
      const run = await store.startRun(['x']);
      await store.writeBatch({
        runId: run.id,
        items: [item(ARTICLE_EN), item(ARTICLE_ES)],
        failures: [],
        completedFiles: [],
      });
      await store.writeExtractions([
        { documentId: ARTICLE_EN.id, extractorVersion: 'v1', extraction: ARTICLE_EN_EXTRACTION },
        {
          documentId: ARTICLE_ES.id,
          extractorVersion: 'v1',
          extraction: NOTHING_FOUND,
        },
      ]);
      expect(await store.countDocumentsToExtract('v1')).toBe(0);
      expect(await store.countDocumentsToExtract('v2')).toBe(2);
      const smaller: Extraction = {
        ...ARTICLE_EN_EXTRACTION,
        mentions: ARTICLE_EN_EXTRACTION.mentions.slice(1),
        figures: [],
      };
      await store.writeExtractions([
        { documentId: ARTICLE_EN.id, extractorVersion: 'v2', extraction: smaller },
      ]);
      expect((await store.getExtraction(ARTICLE_EN.id))?.extraction).toEqual(smaller);
      const pending: string[] = [];
      for await (const d of store.iterateDocumentsToExtract('v2', { batchSize: 1 }))
        pending.push(d.id);
      expect(pending).toEqual([ARTICLE_ES.id]);
      await store.close();
    });

    it('puts a place at the gazetteer entry most of its visible mentions were given', async () => {
      const store = await open();
      await writeDocuments(store, [ARTICLE_EN, ARTICLE_ES, EMAIL]);
      const name = 'Apatzingán';
      const michoacan = {
        lat: 19.08864,
        lon: -102.35704,
        country: 'MX',
        admin1: '16',
        gazetteerId: 'geonames:MX.16.006:Apatzingán',
      };
      const tabasco = {
        lat: 17.60892,
        lon: -91.0648,
        country: 'MX',
        admin1: '27',
        gazetteerId: 'geonames:MX.27.001:Apatzingán',
      };
      const mentions = (...geos: Array<typeof michoacan | undefined>): Extraction => ({
        ...NOTHING_FOUND,
        mentions: geos.map((geo, i) => ({
          start: i * 20,
          end: i * 20 + name.length,
          text: name,
          type: 'place',
          normalized: name,
          confidence: 0.9,
          source: 'gazetteer',
          ...(geo && { geo }),
        })),
      });
      await store.writeExtractions([
        { documentId: ARTICLE_EN.id, extractorVersion: 'v1', extraction: mentions(michoacan) },
        {
          documentId: ARTICLE_ES.id,
          extractorVersion: 'v1',
          extraction: mentions(tabasco, tabasco, undefined),
        },
        {
          documentId: EMAIL.id,
          extractorVersion: 'v1',
          extraction: mentions(michoacan, michoacan),
        },
      ]);
      // Three mentions at Michoacán against two at Tabasco: neither min(lat) nor min(lon) alone.
      expect(await store.listPlaces()).toEqual([
        {
          name,
          lat: michoacan.lat,
          lon: michoacan.lon,
          country: 'MX',
          admin1: '16',
          gazetteerId: michoacan.gazetteerId,
          mentions: 6,
          documents: 3,
        },
      ]);
      // Without the e-mail, Tabasco has the most.
      await store.setDocumentTlp(EMAIL.id, 'RED');
      expect(await store.restrictedTo('AMBER').listPlaces()).toEqual([
        expect.objectContaining({
          lat: tabasco.lat,
          lon: tabasco.lon,
          admin1: '27',
          mentions: 4,
          documents: 2,
        }),
      ]);
      await store.close();
    });

    it('counts the names beside a name over its first documents when asked to sample', async () => {
      const store = await open();
      // Stored in this order: the English article first.
      await writeDocuments(store, [ARTICLE_EN, ARTICLE_ES, EMAIL]);
      const named = (...names: Array<[Mention['type'], string]>): Extraction => ({
        ...NOTHING_FOUND,
        mentions: names.map(([type, normalized], i) => ({
          start: i * 30,
          end: i * 30 + normalized.length,
          text: normalized,
          type,
          normalized,
          confidence: 0.9,
          source: 'lexicon',
        })),
      });
      const cartel: [Mention['type'], string] = ['organization', 'Juárez Cartel'];
      await store.writeExtractions([
        {
          documentId: ARTICLE_EN.id,
          extractorVersion: 'v1',
          extraction: named(cartel, ['place', 'Ciudad Juárez']),
        },
        {
          documentId: ARTICLE_ES.id,
          extractorVersion: 'v1',
          extraction: named(cartel, ['place', 'Culiacán']),
        },
        {
          documentId: EMAIL.id,
          extractorVersion: 'v1',
          extraction: named(cartel, ['place', 'Culiacán']),
        },
      ]);
      const beside = async (sample?: number) =>
        (await store.listCoOccurring('organization', 'Juárez Cartel', { sample })).map((e) => [
          e.name,
          e.documents,
        ]);
      expect(await beside()).toEqual([
        ['Culiacán', 2],
        ['Ciudad Juárez', 1],
      ]);
      expect(await beside(1)).toEqual([['Ciudad Juárez', 1]]);
      expect(await beside(2)).toEqual([
        ['Ciudad Juárez', 1],
        ['Culiacán', 1],
      ]);
      await store.close();
    });

    it('answers the timeline, map and entity views', async () => {
      const store = await open();
      const run = await store.startRun(['x']);
      await store.writeBatch({
        runId: run.id,
        items: [item(ARTICLE_EN), item(ARTICLE_ES)],
        failures: [],
        completedFiles: [],
      });
      const es = ARTICLE_ES.text;
      const at = (needle: string) => ({
        start: es.indexOf(needle),
        end: es.indexOf(needle) + needle.length,
        text: needle,
      });
      await store.writeExtractions([
        { documentId: ARTICLE_EN.id, extractorVersion: 'v1', extraction: ARTICLE_EN_EXTRACTION },
        {
          documentId: ARTICLE_ES.id,
          extractorVersion: 'v1',
          extraction: {
            mentions: [
              {
                ...at('Culiacán'),
                type: 'place',
                normalized: 'Culiacán',
                confidence: 0.9,
                source: 'gazetteer',
                geo: {
                  lat: 24.8,
                  lon: -107.39,
                  country: 'MX',
                  admin1: '25',
                  gazetteerId: 'geonames:4012176',
                },
              },
              {
                ...at('Secretaría de la Defensa Nacional'),
                type: 'organization',
                normalized: 'Secretaría de la Defensa Nacional',
                confidence: 0.9,
                source: 'lexicon',
              },
            ],
            dates: [{ ...at('nueve meses'), value: '2011-06', precision: 'month', relative: true }],
            figures: [],
            quotes: [],
            claims: [],
            sourcesCited: [],
          },
        },
      ]);
      const events = await store.listDatedEvents();
      expect(events.map((e) => e.value)).toEqual(['2011-04-19', '2011-06']);
      expect(events[0]).toMatchObject({
        documentId: ARTICLE_EN.id,
        documentTitle: ARTICLE_EN.title,
        precision: 'day',
        text: 'Tuesday',
      });
      expect(
        (await store.listDatedEvents({ from: '2011-05', to: '2011-12' })).map((e) => e.value),
      ).toEqual(['2011-06']);

      const places = await store.listPlaces();
      expect(places.map((p) => p.name)).toEqual(['Ciudad Juárez', 'Culiacán']);
      expect(places[1]).toMatchObject({
        lat: 24.8,
        lon: -107.39,
        country: 'MX',
        admin1: '25',
        mentions: 1,
        documents: 1,
      });

      const all = await store.listEntities();
      expect(all.total).toBe(4);
      const found = await store.listEntities({ contains: 'secretaria' });
      expect(found.entities.map((e) => e.name)).toEqual(['Secretaría de la Defensa Nacional']);
      expect(
        (await store.listEntities({ type: 'place' })).entities.map((e) => e.name).sort(),
      ).toEqual(['Ciudad Juárez', 'Culiacán']);
      expect((await store.listEntities({ contains: '100%_' })).total).toBe(0);
      const both = await store.listEntities({ type: 'place', contains: 'juarez' });
      expect([both.total, both.entities.map((e) => e.name)]).toEqual([1, ['Ciudad Juárez']]);
      const exact = await store.listEntities({ type: 'place', name: 'Culiacán' });
      expect([exact.total, exact.entities.map((e) => e.name)]).toEqual([1, ['Culiacán']]);
      expect((await store.listEntities({ type: 'person', name: 'Culiacán' })).total).toBe(0);

      const mentions = await store.getEntityMentions('organization', 'Juárez Cartel');
      expect(mentions).toEqual([
        {
          documentId: ARTICLE_EN.id,
          documentTitle: ARTICLE_EN.title,
          documentDate: ARTICLE_EN.publishedAt,
          start: ARTICLE_EN.text.indexOf('VCF'),
          end: ARTICLE_EN.text.indexOf('VCF') + 3,
          text: 'VCF',
        },
      ]);
      expect(await store.listCoOccurring('organization', 'Juárez Cartel')).toEqual([
        { type: 'place', name: 'Ciudad Juárez', mentions: 1, documents: 1 },
      ]);
      await store.close();
    });
  });
}
