import type {
  Claim,
  DateMention,
  Extraction,
  Figure,
  Mention,
  Quote,
  SourceCited,
} from '../extract/index.js';

/*
 * How each part of an Extraction maps to a table, shared by both backends: the column list (in
 * insert order, after document_key and seq) and the conversions both ways. Every table has
 * (document_key, seq) as its key, seq being the position in the extraction's array.
 */

type Value = string | number | null;
type Row = Record<string, unknown>;

/** How one part of an Extraction is read back. */
export interface ExtractionReadTable<T> {
  /** What reads select from, with `columns`: the table itself, or a view over its tables. */
  table: string;
  /** Where rows are written and deleted, by (document_key, seq), when not `table` itself. */
  storedTable?: string;
  columns: readonly string[];
  fromRow(row: Row): T;
}

/** A part written as it is read: one row of `columns` per item. */
export interface ExtractionTable<T> extends ExtractionReadTable<T> {
  toValues(item: T): Value[];
}

/** Where a part's rows are written and deleted. */
export const storedTableOf = (table: { table: string; storedTable?: string }): string =>
  table.storedTable ?? table.table;

const num = (v: unknown): number => Number(v);
const str = (v: unknown): string => String(v);
const optStr = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Read through the view over names, readings and spans (see mention-rows.ts). */
const mentions: ExtractionReadTable<Mention> = {
  table: 'mentions',
  storedTable: 'mention_spans',
  columns: [
    'start_offset',
    'end_offset',
    'text',
    'type',
    'normalized',
    'folded',
    'confidence',
    'source',
    'lat',
    'lon',
    'country',
    'admin1',
    'gazetteer_id',
  ],
  fromRow: (r) => ({
    start: num(r.start_offset),
    end: num(r.end_offset),
    text: str(r.text),
    type: str(r.type) as Mention['type'],
    normalized: str(r.normalized),
    confidence: num(r.confidence),
    source: str(r.source),
    ...(r.lat !== null &&
      r.lat !== undefined && {
        geo: {
          lat: num(r.lat),
          lon: num(r.lon),
          country: str(r.country),
          ...(r.admin1 !== null && r.admin1 !== undefined && { admin1: str(r.admin1) }),
          gazetteerId: str(r.gazetteer_id),
        },
      }),
  }),
};

const dates: ExtractionTable<DateMention> = {
  table: 'date_mentions',
  columns: ['start_offset', 'end_offset', 'text', 'value', 'precision', 'relative'],
  toValues: (d) => [d.start, d.end, d.text, d.value, d.precision, d.relative ? 1 : 0],
  fromRow: (r) => ({
    start: num(r.start_offset),
    end: num(r.end_offset),
    text: str(r.text),
    value: str(r.value),
    precision: str(r.precision) as DateMention['precision'],
    relative: num(r.relative) === 1,
  }),
};

const figures: ExtractionTable<Figure> = {
  table: 'figures',
  columns: ['start_offset', 'end_offset', 'text', 'value', 'unit', 'about'],
  toValues: (f) => [f.start, f.end, f.text, f.value, f.unit, f.about],
  fromRow: (r) => ({
    start: num(r.start_offset),
    end: num(r.end_offset),
    text: str(r.text),
    value: num(r.value),
    unit: optStr(r.unit),
    about: optStr(r.about),
  }),
};

const quotes: ExtractionTable<Quote> = {
  table: 'quotes',
  columns: [
    'start_offset',
    'end_offset',
    'text',
    'speaker',
    'speaker_start',
    'speaker_end',
    'verb',
    'said_on',
  ],
  toValues: (q) => [
    q.start,
    q.end,
    q.text,
    q.speaker,
    q.speakerStart ?? null,
    q.speakerEnd ?? null,
    q.verb,
    q.saidOn,
  ],
  fromRow: (r) => ({
    start: num(r.start_offset),
    end: num(r.end_offset),
    text: str(r.text),
    speaker: optStr(r.speaker),
    ...(r.speaker_start !== null &&
      r.speaker_start !== undefined && { speakerStart: num(r.speaker_start) }),
    ...(r.speaker_end !== null &&
      r.speaker_end !== undefined && { speakerEnd: num(r.speaker_end) }),
    verb: optStr(r.verb),
    saidOn: optStr(r.said_on),
  }),
};

const claims: ExtractionTable<Claim> = {
  table: 'claims',
  columns: ['start_offset', 'end_offset', 'text', 'speaker', 'verb'],
  toValues: (c) => [c.start, c.end, c.text, c.speaker, c.verb],
  fromRow: (r) => ({
    start: num(r.start_offset),
    end: num(r.end_offset),
    text: str(r.text),
    speaker: optStr(r.speaker),
    verb: str(r.verb),
  }),
};

const citations: ExtractionTable<SourceCited> = {
  table: 'citations',
  columns: ['start_offset', 'end_offset', 'name', 'cue'],
  toValues: (c) => [c.start, c.end, c.name, c.cue],
  fromRow: (r) => ({
    start: num(r.start_offset),
    end: num(r.end_offset),
    name: str(r.name),
    cue: str(r.cue),
  }),
};

/** The parts written as they are read, in a fixed order (mentions are written by name and span). */
export const PLAIN_EXTRACTION_TABLES = {
  dates,
  figures,
  quotes,
  claims,
  sourcesCited: citations,
} as const satisfies {
  [K in Exclude<keyof Extraction, 'mentions'>]: ExtractionTable<Extraction[K][number]>;
};

export type PlainExtractionField = keyof typeof PLAIN_EXTRACTION_TABLES;
export const PLAIN_EXTRACTION_FIELDS = Object.keys(
  PLAIN_EXTRACTION_TABLES,
) as PlainExtractionField[];

/** Extraction fields and how each is read, in a fixed order. */
export const EXTRACTION_TABLES = {
  mentions,
  ...PLAIN_EXTRACTION_TABLES,
} as const satisfies { [K in keyof Extraction]: ExtractionReadTable<Extraction[K][number]> };

export type ExtractionField = keyof typeof EXTRACTION_TABLES;
export const EXTRACTION_FIELDS = Object.keys(EXTRACTION_TABLES) as ExtractionField[];

/** Every table extraction results are stored in, the mentions' dictionaries last. */
export const EXTRACTION_STORED_TABLES = [
  ...EXTRACTION_FIELDS.map((field) => storedTableOf(EXTRACTION_TABLES[field])),
  'mention_names',
  'mention_readings',
];

/**
 * Splits one batch's rows of each extraction table (read ordered by document_id, seq) into each
 * document's Extraction, so a batch of documents costs one query per table. Tables not read are
 * left empty.
 */
export function groupExtractions(
  documentIds: readonly string[],
  rowsByField: Partial<Record<ExtractionField, readonly Row[]>>,
): Map<string, Extraction> {
  // Written out rather than extract's emptyExtraction(): importing a value from extract's index
  // loads its recognisers (~1 s and ~60 MB) in every search thread that opens a store.
  const grouped = new Map<string, Extraction>(
    documentIds.map((id) => [
      id,
      { mentions: [], dates: [], figures: [], quotes: [], claims: [], sourcesCited: [] },
    ]),
  );
  for (const field of EXTRACTION_FIELDS) {
    const { fromRow } = EXTRACTION_TABLES[field];
    for (const row of rowsByField[field] ?? []) {
      const extraction = grouped.get(String(row.document_id));
      if (extraction) (extraction[field] as unknown[]).push(fromRow(row));
    }
  }
  return grouped;
}
