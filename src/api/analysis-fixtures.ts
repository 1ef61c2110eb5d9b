import type { EntityType, GeoPoint, Mention } from '../extract/index.js';
import type { ParsedDocument } from '../ingest/index.js';
import type { ReuseReport } from '../provenance/index.js';
import type { ExtractionRecord, Store } from '../store/index.js';
import { ARTICLE_EN, ARTICLE_ES, EMAIL, testDocument } from './test-fixtures.js';

/*
 * Hand-written extraction and reuse results for the API's tests: what the extract and provenance
 * stages would find in the fixture documents, written out so the tests do not depend on them.
 */

const PASSAGE = 'Federal agents met prosecutors in Ciudad Juárez on Tuesday';

/** An article reprinting a passage of ARTICLE_EN a year later. */
export const REPRINT = testDocument(
  `Border roundup\nAs the Ledger reported, ${PASSAGE}. Officials declined to comment.`,
  { publishedAt: '2012-05-01' },
);

const JUAREZ: GeoPoint = {
  lat: 31.72024,
  lon: -106.46084,
  country: 'MX',
  admin1: '06',
  gazetteerId: 'geonames:MX.06.037:Ciudad Juárez',
};

/** A mention of `text` where it first occurs in the document (after `from`). */
function mention(
  document: ParsedDocument,
  text: string,
  type: EntityType,
  normalized = text,
  options: { geo?: GeoPoint; from?: number } = {},
): Mention {
  const start = document.text.indexOf(text, options.from ?? 0);
  if (start === -1) throw new Error(`fixture: "${text}" is not in ${document.title}`);
  return {
    start,
    end: start + text.length,
    text,
    type,
    normalized,
    confidence: 0.9,
    source: 'fixture',
    ...(options.geo && { geo: options.geo }),
  };
}

function span(document: ParsedDocument, text: string) {
  const start = document.text.indexOf(text);
  if (start === -1) throw new Error(`fixture: "${text}" is not in ${document.title}`);
  return { start, end: start + text.length, text };
}

const empty = { dates: [], figures: [], quotes: [], claims: [], sourcesCited: [] };

export const EXTRACTIONS: ExtractionRecord[] = [
  {
    documentId: ARTICLE_EN.id,
    extractorVersion: 'fixture-1',
    extraction: {
      ...empty,
      mentions: [
        mention(ARTICLE_EN, 'Ciudad Juárez', 'place', 'Ciudad Juárez', { geo: JUAREZ }),
        mention(ARTICLE_EN, 'Ciudad Juárez', 'place', 'Ciudad Juárez', {
          geo: JUAREZ,
          from: 30,
        }),
      ],
      dates: [
        { ...span(ARTICLE_EN, 'Tuesday'), value: '2011-04-19', precision: 'day', relative: true },
      ],
      figures: [{ ...span(ARTICLE_EN, 'two officials'), value: 2, unit: 'officials', about: null }],
      quotes: [],
    },
  },
  {
    documentId: ARTICLE_ES.id,
    extractorVersion: 'fixture-1',
    extraction: {
      ...empty,
      mentions: [
        mention(ARTICLE_ES, 'Secretaría de la Defensa Nacional', 'organization'),
        mention(ARTICLE_ES, 'Juárez', 'place', 'Ciudad Juárez', { geo: JUAREZ }),
      ],
      dates: [],
      quotes: [
        {
          ...span(ARTICLE_ES, 'confirmó la detención en Juárez'),
          speaker: 'Secretaría de la Defensa Nacional',
          verb: 'dijo',
          saidOn: '2012-03-02',
        },
      ],
    },
  },
  {
    documentId: EMAIL.id,
    extractorVersion: 'fixture-1',
    extraction: {
      ...empty,
      mentions: [
        mention(EMAIL, 'Juarez', 'place', 'Ciudad Juárez', { geo: JUAREZ }),
        mention(EMAIL, 'MX7', 'person'),
      ],
      dates: [],
    },
  },
  {
    documentId: REPRINT.id,
    extractorVersion: 'fixture-1',
    extraction: {
      ...empty,
      mentions: [
        mention(REPRINT, 'Ciudad Juárez', 'place', 'Ciudad Juárez', { geo: JUAREZ }),
        mention(REPRINT, 'Ledger', 'organization', 'Border Ledger'),
      ],
    },
  },
];

const inArticle = span(ARTICLE_EN, PASSAGE);
const inReprint = span(REPRINT, PASSAGE);

export const REUSE: ReuseReport = {
  pairs: [
    {
      a: ARTICLE_EN.id,
      b: REPRINT.id,
      similarity: 0.4,
      nearDuplicate: false,
      passages: [
        {
          text: PASSAGE,
          aStart: inArticle.start,
          aEnd: inArticle.end,
          bStart: inReprint.start,
          bEnd: inReprint.end,
          words: 9,
        },
      ],
    },
  ],
  passages: [
    {
      text: PASSAGE,
      words: 9,
      occurrences: [
        {
          documentId: ARTICLE_EN.id,
          start: inArticle.start,
          end: inArticle.end,
          date: '2011-04-19',
        },
        { documentId: REPRINT.id, start: inReprint.start, end: inReprint.end, date: '2012-05-01' },
      ],
    },
  ],
};

/** Writes the extraction and reuse results above into a store holding the fixture documents. */
export async function storeAnalysis(store: Store): Promise<void> {
  await store.writeExtractions(EXTRACTIONS);
  await store.replaceReuse(REUSE);
}
