import { foldForMatch } from '../core/index.js';
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
 * insert order, after document_id and seq) and the conversions both ways. Every table has
 * (document_id, seq) as its key, seq being the position in the extraction's array.
 */

type Value = string | number | null;
type Row = Record<string, unknown>;

export interface ExtractionTable<T> {
  table: string;
  columns: readonly string[];
  toValues(item: T): Value[];
  fromRow(row: Row): T;
}

const num = (v: unknown): number => Number(v);
const str = (v: unknown): string => String(v);
const optStr = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

const mentions: ExtractionTable<Mention> = {
  table: 'mentions',
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
  toValues: (m) => [
    m.start,
    m.end,
    m.text,
    m.type,
    m.normalized,
    foldForMatch(m.normalized),
    m.confidence,
    m.source,
    m.geo?.lat ?? null,
    m.geo?.lon ?? null,
    m.geo?.country ?? null,
    m.geo?.admin1 ?? null,
    m.geo?.gazetteerId ?? null,
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

/** Extraction fields and their tables, in a fixed order. */
export const EXTRACTION_TABLES = {
  mentions,
  dates,
  figures,
  quotes,
  claims,
  sourcesCited: citations,
} as const satisfies { [K in keyof Extraction]: ExtractionTable<Extraction[K][number]> };

export type ExtractionField = keyof typeof EXTRACTION_TABLES;
export const EXTRACTION_FIELDS = Object.keys(EXTRACTION_TABLES) as ExtractionField[];

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
