import type { RunQuery } from './analysis-queries.js';
import { parameterSlots } from './analysis-sql.js';
import { ENTITY_KEY_OF_ID } from './entity-keys.js';
import { entityJsonOf } from './entity-rows.js';
import { presentEntities } from './entity-visibility.js';
import {
  SEARCH_COUNT_LIMIT,
  type EntityFacet,
  type EntityType,
  type SearchQuery,
  type SourceFacet,
} from './types.js';
import type { MaxRank } from './visibility.js';

/*
 * The entity and source facets of a search, in the SQL both backends accept (positional `?`).
 * Each store finds its best-ranked matching documents its own way (FTS5 / tsvector); what those
 * documents mention and where they come from is counted here, so both stores count alike.
 */

/**
 * Entity and source facets are counted over at most this many best-ranked matches: a common word
 * matches tens of thousands of documents, and counting every mention of each would cost seconds.
 */
export const FACET_SAMPLE = 1000;
export const FACET_TOP = 10;

/**
 * A document's source: a Stratfor-style intel report's source code (e.g. MX1), else an e-mail's
 * sender address (the part between < and > when the header has a display name; lower-cased, so
 * one sender is one source), else the byline (an outlet or author). Null when none is known.
 * `d` is the documents row; both lookups probe a primary key. `position` is the backend's
 * substring-position function (SQLite instr, PostgreSQL strpos: same arguments, same result).
 *
 * Searches never evaluate it: three lookups per document cost 17–35 ms of every facet request on
 * 100,000 e-mails. Each store keeps the value at write time (migration 10 of both: triggers on
 * documents, emails and intel_reports), and its backfill, triggers and integrity check use this
 * expression. Changing it therefore needs a new migration in both stores that recomputes it.
 */
export function sourceSql(position: 'instr' | 'strpos'): string {
  const from = 'lower(trim(em.from_addr))';
  const lt = `${position}(${from}, '<')`;
  const gt = `${position}(${from}, '>')`;
  const address = `CASE WHEN ${lt} > 0 AND ${gt} > ${lt} + 1
    THEN substr(${from}, ${lt} + 1, ${gt} - ${lt} - 1) ELSE ${from} END`;
  return `coalesce(
  (SELECT nullif(trim(ir.code), '') FROM intel_reports ir WHERE ir.document_id = d.id),
  (SELECT nullif(trim(${address}), '') FROM emails em WHERE em.document_id = d.id),
  nullif(trim(d.byline), ''))`;
}

/** True when document `d` mentions the resolved entity in the one `?` slot. */
export const MENTIONS_ENTITY_SQL = `EXISTS (SELECT 1 FROM mention_entity_keys fme
  WHERE fme.document_key = d.rowid AND fme.entity_key = ${ENTITY_KEY_OF_ID})`;

type Row = Record<string, unknown>;

/** Most documents first; ties in a fixed order that does not depend on the backend's collation. */
const byCount =
  <T>(key: (item: T) => string) =>
  (a: T & { count: number }, b: T & { count: number }) =>
    b.count - a.count || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/**
 * The top entities among `documentIds` (already visible to the reader), each with the number of
 * those documents mentioning it. A restricted reader sees each entity under a name seen in a
 * visible document (see entity-visibility).
 */
export async function entityFacet(
  run: RunQuery,
  documentIds: string[],
  maxRank: MaxRank,
): Promise<EntityFacet[]> {
  if (documentIds.length === 0) return [];
  const counts = (
    await run(
      `SELECT k.entity_id, c.n
       FROM (SELECT me.entity_key, count(DISTINCT me.document_key) AS n
             FROM documents d JOIN mention_entity_keys me ON me.document_key = d.rowid
             WHERE d.id IN (${parameterSlots(documentIds.length)}) GROUP BY me.entity_key) c
       JOIN entity_keys k ON k.key = c.entity_key`,
      documentIds,
    )
  )
    .map((r: Row) => ({ id: String(r.entity_id), count: Number(r.n) }))
    .sort(byCount((e) => e.id))
    .slice(0, FACET_TOP);
  if (counts.length === 0) return [];
  const ids = counts.map((c) => c.id);
  if (maxRank === null) {
    // The full view shows each entity under its own name: its columns, not its whole record
    // (when records held every document of each name, reading ten of them took 1.2-1.7 s of a
    // search's facets at 300,000 e-mails).
    const rows = await run(
      `SELECT id, type, name FROM entities WHERE id IN (${parameterSlots(ids.length)})`,
      ids,
    );
    const named = new Map(rows.map((r: Row) => [String(r.id), r]));
    return counts.flatMap((c) => {
      const row = named.get(c.id);
      if (!row) return [];
      return [
        { id: c.id, name: String(row.name), type: String(row.type) as EntityType, count: c.count },
      ];
    });
  }
  const rows = await run(
    `SELECT id, data FROM entities WHERE id IN (${parameterSlots(ids.length)})`,
    ids,
  );
  const stored = new Map(rows.map((r: Row) => [String(r.id), entityJsonOf(r.data)]));
  const present = counts.flatMap((c) => {
    const entity = stored.get(c.id);
    return entity ? [{ entity, count: c.count }] : [];
  });
  const shown = await presentEntities(
    run,
    present.map((p) => ({ entity: p.entity, mentions: 0, documents: p.count })),
    maxRank,
    0,
  );
  return present.map((p, i) => ({
    id: p.entity.id,
    name: shown[i]!.name,
    type: p.entity.type,
    count: p.count,
  }));
}

/**
 * The top sources among `documentIds` (already visible to the reader), documents per source.
 * `sources` is the store's relation of stored sources: columns `document_id` and `source`, at most
 * one row per document (none, or a null source: not known; see sourceSql), so the count reads one
 * narrow row per id. Triggers fill it, so a store `crosscheck migrate` writes has it too.
 */
export async function sourceFacet(
  run: RunQuery,
  sources: string,
  documentIds: string[],
): Promise<SourceFacet[]> {
  if (documentIds.length === 0) return [];
  // One keyed lookup per id (the ids are distinct): joined instead, PostgreSQL hashed the ids
  // and read all of document_sources (22 ms at 100,000 documents against 3 for the lookups).
  const rows = await run(
    `SELECT source, count(*) AS n FROM (
       SELECT (SELECT s.source FROM ${sources} s WHERE s.document_id = v.column1) AS source
       FROM (VALUES ${documentIds.map(() => '(?)').join(', ')}) v
     ) counted GROUP BY source`,
    documentIds,
  );
  return rows
    .filter((r: Row) => r.source !== null)
    .map((r: Row) => ({ source: String(r.source), count: Number(r.n) }))
    .sort(byCount((s) => s.source))
    .slice(0, FACET_TOP);
}

/** The query as far as facets depend on it: every page of one search shares its facets. */
export function facetKey(query: SearchQuery): SearchQuery {
  const { limit: _limit, offset: _offset, ...matches } = query;
  return matches;
}

/**
 * What a search's ranked sample depends on: its matches, not the page asked for nor whether an
 * export wants them all.
 */
export function sampleKey(query: SearchQuery): SearchQuery {
  const { limit: _limit, offset: _offset, exhaustive: _exhaustive, ...matches } = query;
  return matches;
}

/** Matches counted by language and document type together (one row per pair present). */
export interface LanguageKindCount {
  language: string;
  kind: string;
  n: number;
}

function total(rows: LanguageKindCount[], key: 'language' | 'kind'): Record<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(row[key], (sums.get(row[key]) ?? 0) + row.n);
  return Object.fromEntries([...sums].sort((a, b) => b[1] - a[1]));
}

/**
 * The language and type facets. Each leaves its own filter out (a count says what ticking it
 * would give), so with a language or type filter they count different matches; without either,
 * they count the same ones, and one pass grouped by both gives the two (on a common word the
 * pass over every match is most of a facet request's cost). A store may count only the
 * SEARCH_COUNT_LIMIT most recently added matches, as it ranks them (`count` then returns one row
 * more than the limit in all): `sampled` says so.
 */
export async function languageAndKindFacets(
  query: Pick<SearchQuery, 'languages' | 'kinds'>,
  count: (skip?: 'languages' | 'kinds') => Promise<LanguageKindCount[]>,
): Promise<{ languages: Record<string, number>; kinds: Record<string, number>; sampled: boolean }> {
  const bounded = (rows: LanguageKindCount[]) =>
    rows.reduce((sum, row) => sum + row.n, 0) > SEARCH_COUNT_LIMIT;
  if (!query.languages?.length && !query.kinds?.length) {
    const rows = await count();
    return {
      languages: total(rows, 'language'),
      kinds: total(rows, 'kind'),
      sampled: bounded(rows),
    };
  }
  const [byLanguage, byKind] = await Promise.all([count('languages'), count('kinds')]);
  return {
    languages: total(byLanguage, 'language'),
    kinds: total(byKind, 'kind'),
    sampled: bounded(byLanguage) || bounded(byKind),
  };
}

/**
 * Both facets from the best-ranked matches. `rankedIds(skipSources)` gives up to FACET_SAMPLE + 1
 * matching ids, best first: the entity facet applies every filter (entities narrow by AND), the
 * source facet leaves the source filter out (sources widen by OR, so other choices stay visible).
 */
export async function entityAndSourceFacets(
  run: RunQuery,
  rankedIds: (skipSources: boolean) => Promise<string[]>,
  hasSourceFilter: boolean,
  maxRank: MaxRank,
  sources: string,
): Promise<{ entities: EntityFacet[]; sources: SourceFacet[]; sampled: boolean }> {
  const all = await rankedIds(false);
  const forSources = hasSourceFilter ? await rankedIds(true) : all;
  const sample = (ids: string[]) => ids.slice(0, FACET_SAMPLE);
  return {
    entities: await entityFacet(run, sample(all), maxRank),
    sources: await sourceFacet(run, sources, sample(forSources)),
    sampled: all.length > FACET_SAMPLE || forSources.length > FACET_SAMPLE,
  };
}
