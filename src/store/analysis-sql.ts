import { andKeyVisible, andVisible, type MaxRank } from './visibility.js';

/*
 * Read-only queries over extraction results, written once in the SQL both backends accept
 * (positional `?` parameters; PostgreSQL's store numbers them). Entity names here are the
 * extractor's normalized names; resolution into canonical entities builds on top of them.
 *
 * Each read takes the reader's highest visible TLP rank (null: the full store) and, when set,
 * gains one condition with one more `?` slot, placed so that slots stay in the order listed.
 */

/** `?` slots: from, to, [max rank], limit. */
export const datedEventsSql = (r: MaxRank) => `
  SELECT d.id AS document_id, d.title AS document_title, m.value, m.precision, m.text,
         m.start_offset, m.end_offset
  FROM date_mentions m JOIN documents d ON d.rowid = m.document_key
  WHERE m.value >= ? AND m.value <= ?${r === null ? '' : ' AND d.tlp_rank <= ?'}
  ORDER BY m.value, d.id, m.seq
  LIMIT ?`;

/** `?` slots: [max rank], limit. Counts come from visible mentions only. */
export const placesSql = (r: MaxRank) => `
  SELECT normalized AS name, min(lat) AS lat, min(lon) AS lon, min(country) AS country,
         min(admin1) AS admin1, min(gazetteer_id) AS gazetteer_id,
         count(*) AS mentions, count(DISTINCT document_key) AS documents
  FROM mentions
  WHERE type = 'place' AND lat IS NOT NULL${andKeyVisible(r, 'document_key')}
  GROUP BY normalized
  ORDER BY mentions DESC, name
  LIMIT ?`;

/** `?` slots: type filter flag, type, name pattern flag, pattern, [max rank]. */
const entityFilter = (r: MaxRank) => `
  WHERE (? = 0 OR type = ?) AND (? = 0 OR folded LIKE ?)${andKeyVisible(r, 'document_key')}`;

/**
 * An entity only mentioned in hidden documents has no visible mention, so it is not grouped at
 * all: it does not exist for that reader. `?` slots: the filter's, limit, offset.
 */
export const entitiesSql = (r: MaxRank) => `
  SELECT type, normalized AS name, count(*) AS mentions, count(DISTINCT document_key) AS documents
  FROM mentions ${entityFilter(r)}
  GROUP BY type, normalized
  ORDER BY documents DESC, mentions DESC, name
  LIMIT ? OFFSET ?`;

export const entitiesCountSql = (r: MaxRank) => `
  SELECT count(*) AS n FROM (
    SELECT 1 FROM mentions ${entityFilter(r)} GROUP BY type, normalized) grouped`;

/** `?` slots: type, name, [max rank], limit. */
export const entityMentionsSql = (r: MaxRank) => `
  SELECT d.id AS document_id, d.title AS document_title, d.published_at AS document_date,
    m.start_offset, m.end_offset, m.text
  FROM mentions m JOIN documents d ON d.rowid = m.document_key
  WHERE m.type = ? AND m.normalized = ?${r === null ? '' : ' AND d.tlp_rank <= ?'}
  ORDER BY d.id, m.seq
  LIMIT ?`;

/** `?` slots: type, name, type, name, [max rank], limit. Only visible documents are counted. */
export const coOccurringSql = (r: MaxRank) => `
  SELECT o.type, o.normalized AS name, count(*) AS mentions, count(DISTINCT o.document_key) AS documents
  FROM mentions o
  WHERE o.document_key IN (SELECT document_key FROM mentions WHERE type = ? AND normalized = ?)
    AND NOT (o.type = ? AND o.normalized = ?)${andKeyVisible(r, 'o.document_key')}
  GROUP BY o.type, o.normalized
  ORDER BY documents DESC, mentions DESC, name
  LIMIT ?`;

/** Numbers `?` placeholders as `$1, $2, …` for PostgreSQL (these queries hold no `?` in strings). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** `?` slots: document flag, document id, document id, [max rank ×2], limit. Both sides visible. */
export const reusePairsSql = (r: MaxRank) => `
  SELECT a, b, similarity, near_duplicate, passages FROM reuse_pairs
  WHERE (? = 0 OR a = ? OR b = ?)${andVisible(r, 'a')}${andVisible(r, 'b')}
  ORDER BY similarity DESC, a, b
  LIMIT ?`;

/**
 * `?` slots: document flag, document id, [max rank], limit. A restricted reader sees a group only
 * while two documents or more they may see carry it (one alone shares nothing with anyone).
 */
export const passageGroupsSql = (r: MaxRank) => `
  SELECT g.id, g.text, g.words FROM passage_groups g
  WHERE (? = 0 OR g.id IN (SELECT group_id FROM passage_occurrences WHERE document_id = ?))${
    r === null
      ? ''
      : ` AND (SELECT count(DISTINCT o.document_id) FROM passage_occurrences o
               WHERE o.group_id = g.id${andVisible(r, 'o.document_id')}) >= 2`
  }
  ORDER BY g.words DESC, g.id
  LIMIT ?`;

/** `?` slots: group id, [max rank]. */
export const passageOccurrencesSql = (r: MaxRank) => `
  SELECT group_id, document_id, start_offset, end_offset, date FROM passage_occurrences
  WHERE group_id = ?${andVisible(r, 'document_id')} ORDER BY seq`;

export const CLEAR_REUSE_SQL = [
  'DELETE FROM passage_occurrences',
  'DELETE FROM passage_groups',
  'DELETE FROM reuse_pairs',
];
export const INSERT_REUSE_PAIR_SQL =
  'INSERT INTO reuse_pairs(a, b, similarity, near_duplicate, passages) VALUES (?, ?, ?, ?, ?)';
export const INSERT_PASSAGE_GROUP_SQL =
  'INSERT INTO passage_groups(id, text, words) VALUES (?, ?, ?)';
export const INSERT_PASSAGE_OCCURRENCE_SQL = `INSERT INTO passage_occurrences
  (group_id, seq, document_id, start_offset, end_offset, date) VALUES (?, ?, ?, ?, ?, ?)`;

/**
 * Ids per query in the list reads that take many: far below either backend's limit on
 * parameters (SQLite's 32,766, PostgreSQL's 65,535).
 */
const IDS_PER_QUERY = 500;

/** `?, ?, …`: the parameter slots of an `IN (…)` list of `n` values. */
export const parameterSlots = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * The rows `read` gives for `ids`, read IDS_PER_QUERY distinct ids at a time, in one list.
 */
export async function readInBatches<T>(
  ids: readonly string[],
  read: (some: string[]) => Promise<T[]>,
): Promise<T[]> {
  const unique = [...new Set(ids)];
  const rows: T[] = [];
  for (let i = 0; i < unique.length; i += IDS_PER_QUERY) {
    rows.push(...(await read(unique.slice(i, i + IDS_PER_QUERY))));
  }
  return rows;
}
