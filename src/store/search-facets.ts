import type { RunQuery } from './analysis-queries.js';
import { presentEntities } from './entity-visibility.js';
import type { ResolvedEntity } from '../resolve/index.js';
import type { EntityFacet, SourceFacet } from './types.js';
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
 * A document's source, derived at query time so nothing needs storing, migrating or carrying by
 * `crosscheck migrate`: a Stratfor-style intel report's source code (e.g. MX1), else an e-mail's
 * sender address (the part between < and > when the header has a display name; lower-cased, so
 * one sender is one source), else the byline (an outlet or author). Null when none is known.
 * `d` is the documents row; both lookups probe a primary key. `position` is the backend's
 * substring-position function (SQLite instr, PostgreSQL strpos: same arguments, same result).
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
export const MENTIONS_ENTITY_SQL = `EXISTS (SELECT 1 FROM mention_entities fme
  WHERE fme.document_id = d.id AND fme.entity_id = ?)`;

const slots = (n: number) => Array.from({ length: n }, () => '?').join(', ');
type Row = Record<string, unknown>;
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

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
      `SELECT entity_id, count(DISTINCT document_id) AS n FROM mention_entities
       WHERE document_id IN (${slots(documentIds.length)}) GROUP BY entity_id`,
      documentIds,
    )
  )
    .map((r: Row) => ({ id: String(r.entity_id), count: Number(r.n) }))
    .sort(byCount((e) => e.id))
    .slice(0, FACET_TOP);
  if (counts.length === 0) return [];
  const rows = await run(
    `SELECT id, data FROM entities WHERE id IN (${slots(counts.length)})`,
    counts.map((c) => c.id),
  );
  const stored = new Map(rows.map((r: Row) => [String(r.id), json<ResolvedEntity>(r.data)]));
  const present = counts.flatMap((c) => {
    const entity = stored.get(c.id);
    return entity ? [{ entity, count: c.count }] : [];
  });
  const shown =
    maxRank === null
      ? present.map((p) => p.entity)
      : await presentEntities(
          run,
          present.map((p) => ({ entity: p.entity, mentions: 0, documents: p.count })),
          maxRank,
        );
  return present.map((p, i) => ({
    id: p.entity.id,
    name: shown[i]!.name,
    type: p.entity.type,
    count: p.count,
  }));
}

/** The top sources among `documentIds` (already visible to the reader), documents per source. */
export async function sourceFacet(
  run: RunQuery,
  source: string,
  documentIds: string[],
): Promise<SourceFacet[]> {
  if (documentIds.length === 0) return [];
  const rows = await run(
    `SELECT s.source, count(*) AS n FROM (
       SELECT ${source} AS source FROM documents d WHERE d.id IN (${slots(documentIds.length)})
     ) s WHERE s.source IS NOT NULL GROUP BY s.source`,
    documentIds,
  );
  return rows
    .map((r: Row) => ({ source: String(r.source), count: Number(r.n) }))
    .sort(byCount((s) => s.source))
    .slice(0, FACET_TOP);
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
  source: string,
): Promise<{ entities: EntityFacet[]; sources: SourceFacet[]; sampled: boolean }> {
  const all = await rankedIds(false);
  const forSources = hasSourceFilter ? await rankedIds(true) : all;
  const sample = (ids: string[]) => ids.slice(0, FACET_SAMPLE);
  return {
    entities: await entityFacet(run, sample(all), maxRank),
    sources: await sourceFacet(run, source, sample(forSources)),
    sampled: all.length > FACET_SAMPLE || forSources.length > FACET_SAMPLE,
  };
}
