/*
 * Mentions as names, readings and spans (migration 12 of both stores). A document's mentions
 * repeat a few tens of thousands of names: at 100,000 e-mails 1.9 million rows held 74,872
 * distinct (type, normalized) names and 110 distinct (rule, confidence, place) readings, and each
 * row spelt out its name three times (as found, normalized, folded), its rule and its gazetteer
 * entry, and both indexes repeated the name: 380 of 1,761 MB.
 *
 * Now `mention_names` holds each (type, normalized name) once, `mention_readings` each way a
 * name was read (the rule, its confidence, the gazetteer entry) once, and `mention_spans` each
 * mention's offsets, the two ids, and its text only where it differs from the normalized name (a
 * third of them). One id per name keeps a name's mentions together, in document order, in the
 * spans' index by name: a name's first mentions are read without sorting all of them.
 *
 * The view `mentions` joins them back into the old table's columns, so every read is written as
 * before (a few that group many mentions read the tables: analysis-sql.ts); writes go to the
 * three tables. Every span has both entries, so the view has the old table's rows exactly.
 *
 * The SQL here is what both backends accept; each migration adds its own column types.
 */

import { foldForMatch } from '../core/index.js';
import type { Mention } from '../extract/index.js';

type Value = string | number | null;

/** A table of entries the spans refer to by id (names, readings), each entry stored once. */
export interface MentionDictionary {
  table: 'mention_names' | 'mention_readings';
  columns: readonly string[];
  /** How many leading columns identify an entry; any others follow from them. */
  keyColumns: number;
  /**
   * The condition finding an entry by its key columns' values (one `?` each): the expressions of
   * the table's unique index, so that the lookup reads it.
   */
  match: string;
  values(mention: Mention): Value[];
  /** entryKey of the mention's values, without working out the values that follow from others. */
  keyOf(mention: Mention): string;
}

/**
 * An entry's key: its key columns, NULL and '' alike (as the unique index has them). Between
 * values, a character no name, rule or code holds.
 */
export function entryKey(dictionary: MentionDictionary, values: readonly unknown[]): string {
  return values
    .slice(0, dictionary.keyColumns)
    .map((value) => String(value ?? ''))
    .join('\u0000');
}

/** The name a mention refers to: its folded form follows from it. */
export const MENTION_NAMES: MentionDictionary = {
  table: 'mention_names',
  columns: ['type', 'normalized', 'folded'],
  keyColumns: 2,
  match: 'type = ? AND normalized = ?',
  values: (m) => [m.type, m.normalized, foldForMatch(m.normalized)],
  keyOf: (m) => `${m.type}\u0000${m.normalized}`,
};

const readingValues = (m: Mention): Value[] => [
  m.source,
  m.confidence,
  m.geo?.gazetteerId ?? null,
  m.geo?.lat ?? null,
  m.geo?.lon ?? null,
  m.geo?.country ?? null,
  m.geo?.admin1 ?? null,
];

/** How a name was read: the rule, its confidence, and the gazetteer entry of a place. */
export const MENTION_READINGS: MentionDictionary = {
  table: 'mention_readings',
  columns: ['source', 'confidence', 'gazetteer_id', 'lat', 'lon', 'country', 'admin1'],
  keyColumns: 7,
  match: `source = ? AND confidence = CAST(? AS DOUBLE PRECISION)
    AND coalesce(gazetteer_id, '') = coalesce(?, '')
    AND coalesce(lat, 1000) = coalesce(CAST(? AS DOUBLE PRECISION), 1000)
    AND coalesce(lon, 1000) = coalesce(CAST(? AS DOUBLE PRECISION), 1000)
    AND coalesce(country, '') = coalesce(?, '') AND coalesce(admin1, '') = coalesce(?, '')`,
  values: readingValues,
  keyOf: (m) => entryKey(MENTION_READINGS, readingValues(m)),
};

/** In the order of the spans' id columns. */
export const MENTION_DICTIONARIES = [MENTION_NAMES, MENTION_READINGS] as const;

/** The columns of `mention_spans` after document_key and seq. */
export const MENTION_SPAN_COLUMNS = [
  'start_offset',
  'end_offset',
  'name_id',
  'reading_id',
  'text',
] as const;

/** A span's values, given its name's and reading's ids (MENTION_DICTIONARIES order). */
export function mentionSpanValues(m: Mention, ids: readonly number[]): Value[] {
  return [m.start, m.end, ids[0]!, ids[1]!, m.text === m.normalized ? null : m.text];
}

/**
 * The ids of the dictionary entries a store handle wrote or found, by their keys. An entry is
 * never changed or deleted once written, so an id stays right for as long as the handle is
 * open, less those a rolled-back write made (the SQLite store clears it then). 74,872 names and
 * 110 readings at 100,000 e-mails; each saves a lookup for every later mention.
 */
export class MentionIdCache {
  private readonly ids = MENTION_DICTIONARIES.map(() => new Map<string, number>());

  /**
   * A mention's ids, in MENTION_DICTIONARIES order; `unknown` gives the id of an entry not seen
   * yet (writing it, or finding it written by another handle).
   */
  spanIds(
    mention: Mention,
    unknown: (dictionary: MentionDictionary, values: Value[]) => number,
  ): number[] {
    return MENTION_DICTIONARIES.map((dictionary, at) => {
      const ids = this.ids[at]!;
      const key = dictionary.keyOf(mention);
      let id = ids.get(key);
      if (id === undefined) {
        id = unknown(dictionary, dictionary.values(mention));
        ids.set(key, id);
      }
      return id;
    });
  }

  has(dictionary: MentionDictionary, key: string): boolean {
    return this.ids[MENTION_DICTIONARIES.indexOf(dictionary)]!.has(key);
  }

  set(dictionary: MentionDictionary, key: string, id: number): void {
    this.ids[MENTION_DICTIONARIES.indexOf(dictionary)]!.set(key, id);
  }

  clear(): void {
    for (const ids of this.ids) ids.clear();
  }
}

/** A reading's unique key: every column, NULLs made comparable (MENTION_READINGS.match). */
const MENTION_READING_KEY = `source, confidence, coalesce(gazetteer_id, ''),
  coalesce(lat, 1000), coalesce(lon, 1000), coalesce(country, ''), coalesce(admin1, '')`;

const READING_COLUMNS = MENTION_READINGS.columns.join(', ');

export const MENTIONS_VIEW = `
  CREATE VIEW mentions AS
    SELECT s.document_key, s.seq, s.start_offset, s.end_offset,
      coalesce(s.text, n.normalized) AS text, n.type, n.normalized, n.folded, r.confidence,
      r.source, r.lat, r.lon, r.country, r.admin1, r.gazetteer_id, s.name_id, s.reading_id
    FROM mention_spans s
    LEFT JOIN mention_names n ON n.id = s.name_id
    LEFT JOIN mention_readings r ON r.id = s.reading_id`;

/**
 * Moves the rows of the old table `old_mentions` into the new tables (created empty, without
 * their secondary indexes), then drops it and makes the view. The spans' index by name is each
 * migration's own.
 */
export const MOVE_OLD_MENTIONS = `
  CREATE UNIQUE INDEX mention_names_key ON mention_names (type, normalized);
  CREATE INDEX mention_names_folded ON mention_names (folded);
  CREATE UNIQUE INDEX mention_readings_key ON mention_readings (${MENTION_READING_KEY});
  INSERT INTO mention_names (type, normalized, folded)
    SELECT type, normalized, min(folded) FROM old_mentions GROUP BY type, normalized;
  INSERT INTO mention_readings (${READING_COLUMNS})
    SELECT DISTINCT ${READING_COLUMNS} FROM old_mentions;
  INSERT INTO mention_spans (document_key, seq, start_offset, end_offset, name_id, reading_id, text)
    SELECT m.document_key, m.seq, m.start_offset, m.end_offset, n.id, r.id,
      CASE WHEN m.text = m.normalized THEN NULL ELSE m.text END
    FROM old_mentions m
    JOIN mention_names n ON n.type = m.type AND n.normalized = m.normalized
    JOIN mention_readings r ON r.source = m.source AND r.confidence = m.confidence
      AND coalesce(r.gazetteer_id, '') = coalesce(m.gazetteer_id, '')
      AND coalesce(r.lat, 1000) = coalesce(m.lat, 1000)
      AND coalesce(r.lon, 1000) = coalesce(m.lon, 1000)
      AND coalesce(r.country, '') = coalesce(m.country, '')
      AND coalesce(r.admin1, '') = coalesce(m.admin1, '');
  DROP TABLE old_mentions;
  ${MENTIONS_VIEW};`;
