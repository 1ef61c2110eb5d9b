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
