import { andKeyVisible, andVisible, keyNotHidden, type MaxRank } from './visibility.js';

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

/**
 * One row per geocoded place name, at the gazetteer entry most of its mentions were given: the
 * gazetteer may put one name at two places ("Apatzingán", Michoacán and Tabasco), and taking
 * min(lat) and min(lon) over both drew a point at neither (Chihuahua, the state, went into the
 * Pacific at 100,000 e-mails). Its counts are of every visible mention of the name (read from
 * the name index alone). `?` slots: [max rank], [max rank], limit.
 */
export const placesSql = (r: MaxRank) => `
  WITH entries AS (
    SELECT normalized, gazetteer_id, min(lat) AS lat, min(lon) AS lon, min(country) AS country,
      min(admin1) AS admin1, count(*) AS n
    FROM mentions
    WHERE type = 'place' AND lat IS NOT NULL${andKeyVisible(r, 'document_key')}
    GROUP BY normalized, gazetteer_id),
  picked AS (
    SELECT entries.*,
      row_number() OVER (PARTITION BY normalized ORDER BY n DESC, gazetteer_id) AS pick
    FROM entries)
  SELECT p.normalized AS name, p.lat, p.lon, p.country, p.admin1, p.gazetteer_id,
    c.mentions, c.documents
  FROM picked p JOIN (
    SELECT normalized, count(*) AS mentions, count(DISTINCT document_key) AS documents
    FROM mentions WHERE type = 'place'${andKeyVisible(r, 'document_key')}
    GROUP BY normalized) c ON c.normalized = p.normalized
  WHERE p.pick = 1
  ORDER BY c.mentions DESC, name
  LIMIT ?`;

/** Which of the entity listing's filters a request sets. */
export interface EntityFilterSet {
  type: boolean;
  name: boolean;
  contains: boolean;
}

/**
 * The mention spans `m` an entity listing groups, with their names `n` (mention-rows.ts), and
 * only the conditions set: a condition switched off by a parameter (`? = 0 OR type = ?`) still
 * names its column and can lead the planner to a worse plan (listing the 100,000-e-mail store
 * took 7.5 s that way once, 0.28 s without). Grouped by the name's id: a name is one id, whose
 * spans lie together in the spans' index by name, so no group is sorted; through the mentions
 * view, grouping by its columns sorted 1.9 million rows (4.8 s). A name matching a pattern whose
 * mentions have all been written again without it has no span left, and no row.
 * `?` slots: [pattern], [type], [name], [max rank].
 */
function entityRows(r: MaxRank, set: EntityFilterSet): string {
  const conditions = [
    set.contains ? 'n.folded LIKE ?' : '',
    set.type ? 'n.type = ?' : '',
    set.name ? 'n.normalized = ?' : '',
    r === null ? '' : keyNotHidden('m.document_key'),
  ].filter(Boolean);
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  return `mention_names n JOIN mention_spans m ON m.name_id = n.id${where}`;
}

/**
 * An entity only mentioned in hidden documents has no visible mention, so it is not grouped at
 * all: it does not exist for that reader. `?` slots: the filter's, limit, offset.
 */
export const entitiesSql = (r: MaxRank, set: EntityFilterSet) => `
  SELECT n.type, n.normalized AS name, count(*) AS mentions,
    count(DISTINCT m.document_key) AS documents
  FROM ${entityRows(r, set)}
  GROUP BY n.id, n.type, n.normalized
  ORDER BY documents DESC, mentions DESC, name
  LIMIT ? OFFSET ?`;

export const entitiesCountSql = (r: MaxRank, set: EntityFilterSet) => `
  SELECT count(*) AS n FROM (SELECT 1 FROM ${entityRows(r, set)} GROUP BY n.id) grouped`;

/**
 * In the order the documents were stored, so that the limit applies before any document is read:
 * in id order, every mention of a corpus-wide name was joined to its document first (308 ms for
 * "Chihuahua" at 100,000 e-mails against 3 ms), once per entity on the link chart.
 * `?` slots: type, name, [max rank], limit.
 */
export const entityMentionsSql = (r: MaxRank) => `
  SELECT d.id AS document_id, d.title AS document_title, d.published_at AS document_date,
    m.start_offset, m.end_offset, m.text
  FROM (SELECT document_key, seq, start_offset, end_offset, text FROM mentions
        WHERE type = ? AND normalized = ?${andKeyVisible(r, 'document_key')}
        ORDER BY document_key, seq LIMIT ?) m
  JOIN documents d ON d.rowid = m.document_key
  ORDER BY m.document_key, m.seq`;

/**
 * Counted over the first CO_OCCURRENCE_SAMPLE documents (in stored order) the reader may see
 * that mention the entity. `?` slots: type, name, [max rank], sample, type, name, limit.
 */
export const coOccurringSql = (r: MaxRank) => `
  SELECT o.type, o.normalized AS name, count(*) AS mentions, count(DISTINCT o.document_key) AS documents
  FROM mentions o
  WHERE o.document_key IN (
      SELECT DISTINCT document_key FROM mentions
      WHERE type = ? AND normalized = ?${andKeyVisible(r, 'document_key')}
      ORDER BY document_key LIMIT ?)
    AND NOT (o.type = ? AND o.normalized = ?)
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
