/*
 * Read-only queries over extraction results, written once in the SQL both backends accept
 * (positional `?` parameters; PostgreSQL's store numbers them). Entity names here are the
 * extractor's normalized names; resolution into canonical entities builds on top of them.
 */

export const DATED_EVENTS_SQL = `
  SELECT m.document_id, d.title AS document_title, m.value, m.precision, m.text,
         m.start_offset, m.end_offset
  FROM date_mentions m JOIN documents d ON d.id = m.document_id
  WHERE m.value >= ? AND m.value <= ?
  ORDER BY m.value, m.document_id, m.seq
  LIMIT ?`;

export const PLACES_SQL = `
  SELECT normalized AS name, min(lat) AS lat, min(lon) AS lon, min(country) AS country,
         min(admin1) AS admin1, min(gazetteer_id) AS gazetteer_id,
         count(*) AS mentions, count(DISTINCT document_id) AS documents
  FROM mentions
  WHERE type = 'place' AND lat IS NOT NULL
  GROUP BY normalized
  ORDER BY mentions DESC, name
  LIMIT ?`;

/** `?` slots: type filter flag, type, name pattern flag, pattern, limit, offset. */
const ENTITY_FILTER = `
  WHERE (? = 0 OR type = ?) AND (? = 0 OR folded LIKE ?)`;

export const ENTITIES_SQL = `
  SELECT type, normalized AS name, count(*) AS mentions, count(DISTINCT document_id) AS documents
  FROM mentions ${ENTITY_FILTER}
  GROUP BY type, normalized
  ORDER BY documents DESC, mentions DESC, name
  LIMIT ? OFFSET ?`;

export const ENTITIES_COUNT_SQL = `
  SELECT count(*) AS n FROM (
    SELECT 1 FROM mentions ${ENTITY_FILTER} GROUP BY type, normalized) grouped`;

export const ENTITY_MENTIONS_SQL = `
  SELECT m.document_id, d.title AS document_title, m.start_offset, m.end_offset, m.text
  FROM mentions m JOIN documents d ON d.id = m.document_id
  WHERE m.type = ? AND m.normalized = ?
  ORDER BY m.document_id, m.seq
  LIMIT ?`;

export const CO_OCCURRING_SQL = `
  SELECT o.type, o.normalized AS name, count(*) AS mentions, count(DISTINCT o.document_id) AS documents
  FROM mentions o
  WHERE o.document_id IN (SELECT document_id FROM mentions WHERE type = ? AND normalized = ?)
    AND NOT (o.type = ? AND o.normalized = ?)
  GROUP BY o.type, o.normalized
  ORDER BY documents DESC, mentions DESC, name
  LIMIT ?`;

/** Numbers `?` placeholders as `$1, $2, …` for PostgreSQL (these queries hold no `?` in strings). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** `?` slots: document flag, document id, document id, limit. */
export const REUSE_PAIRS_SQL = `
  SELECT a, b, similarity, near_duplicate, passages FROM reuse_pairs
  WHERE (? = 0 OR a = ? OR b = ?)
  ORDER BY similarity DESC, a, b
  LIMIT ?`;

/** `?` slots: document flag, document id, limit. */
export const PASSAGE_GROUPS_SQL = `
  SELECT g.id, g.text, g.words FROM passage_groups g
  WHERE (? = 0 OR g.id IN (SELECT group_id FROM passage_occurrences WHERE document_id = ?))
  ORDER BY g.words DESC, g.id
  LIMIT ?`;

export const PASSAGE_OCCURRENCES_SQL = `
  SELECT group_id, document_id, start_offset, end_offset, date FROM passage_occurrences
  WHERE group_id = ? ORDER BY seq`;

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
