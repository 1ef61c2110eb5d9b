import {
  coOccurringSql,
  datedEventsSql,
  entitiesCountSql,
  entitiesSql,
  entityMentionsSql,
  passageGroupsSql,
  passageOccurrencesSql,
  placesSql,
  reusePairsSql,
} from './analysis-sql.js';
import {
  entityFilterParams,
  toDatedEvent,
  toEntityMention,
  toEntitySummary,
  toPlaceSummary,
} from './analysis-rows.js';
import type { ReusePair, StreamedReuseReport } from '../provenance/index.js';
import {
  CLEAR_REUSE_SQL,
  INSERT_PASSAGE_GROUP_SQL,
  INSERT_PASSAGE_OCCURRENCE_SQL,
  INSERT_REUSE_PAIR_SQL,
  parameterSlots,
  readInBatches,
} from './analysis-sql.js';
import { toIntel, type IntelRow } from './rows.js';
import type { Store } from './store.js';
import { CO_OCCURRENCE_SAMPLE, type DocumentOrigin } from './types.js';
import {
  andVisible,
  FULL_VIEW,
  rankParams,
  type ClearanceSource,
  type MaxRank,
} from './visibility.js';

type Row = Record<string, unknown>;
/** Runs one read-only query with positional parameters on a backend. */
export type RunQuery = (sql: string, params: unknown[]) => Promise<Row[]>;

const clamp = (value: number | undefined, fallback: number, max: number) =>
  Math.max(1, Math.min(value ?? fallback, max));

/** Whether a reader with this highest rank may see the document (false when it does not exist). */
export async function documentVisible(run: RunQuery, id: string, r: MaxRank): Promise<boolean> {
  const rows = await run(
    `SELECT 1 AS ok FROM documents WHERE id = ?${r === null ? '' : ' AND tlp_rank <= ?'}`,
    [id, ...rankParams(r)],
  );
  return rows.length > 0;
}

const originsSql = (r: MaxRank, n: number) => `
  SELECT origin, document_id FROM document_origins
  WHERE origin IN (${parameterSlots(n)})${andVisible(r, 'document_origins.document_id')}`;

const intelSql = (r: MaxRank, n: number) => `
  SELECT * FROM intel_reports
  WHERE document_id IN (${parameterSlots(n)})${andVisible(r, 'intel_reports.document_id')}`;

/**
 * The extraction views, implemented once over any backend that can run the shared SQL. Each read
 * asks `clearance` for the reader's highest visible TLP rank and hides what it may not see.
 */
export function analysisQueries(
  run: RunQuery,
  clearance: ClearanceSource = FULL_VIEW,
): Pick<
  Store,
  | 'listDatedEvents'
  | 'listPlaces'
  | 'listEntities'
  | 'getEntityMentions'
  | 'listCoOccurring'
  | 'listReusePairs'
  | 'listPassageGroups'
  | 'findDocumentsByOrigin'
  | 'findIntelBlocks'
> & { run: RunQuery } {
  return {
    run,
    async findDocumentsByOrigin(origins) {
      const r = clearance();
      return readInBatches(origins, async (some) =>
        (await run(originsSql(r, some.length), [...some, ...rankParams(r)])).map(
          (row): DocumentOrigin => ({
            origin: String(row.origin),
            documentId: String(row.document_id),
          }),
        ),
      );
    },
    async findIntelBlocks(documentIds) {
      const r = clearance();
      const rows = await readInBatches(documentIds, (some) =>
        run(intelSql(r, some.length), [...some, ...rankParams(r)]),
      );
      return new Map(
        rows.map((row) => [String(row.document_id), toIntel(row as unknown as IntelRow)]),
      );
    },
    async listDatedEvents(options = {}) {
      const r = clearance();
      const rows = await run(datedEventsSql(r), [
        options.from ?? '0000',
        `${options.to ?? '9999'}\uffff`,
        ...rankParams(r),
        clamp(options.limit, 5000, 100_000),
      ]);
      return rows.map(toDatedEvent);
    },
    async listPlaces(options = {}) {
      const r = clearance();
      const limit = clamp(options.limit, 1000, 100_000);
      return (await run(placesSql(r), [...rankParams(r, 2), limit])).map(toPlaceSummary);
    },
    async listEntities(query = {}) {
      const r = clearance();
      const { set, params } = entityFilterParams(query);
      const filter = [...params, ...rankParams(r)];
      const [count] = await run(entitiesCountSql(r, set), filter);
      const rows = await run(entitiesSql(r, set), [
        ...filter,
        clamp(query.limit, 100, 10_000),
        Math.max(0, query.offset ?? 0),
      ]);
      return { total: Number(count?.n ?? 0), entities: rows.map(toEntitySummary) };
    },
    async getEntityMentions(type, name, options = {}) {
      const r = clearance();
      const rows = await run(entityMentionsSql(r), [
        type,
        name,
        ...rankParams(r),
        clamp(options.limit, 500, 100_000),
      ]);
      return rows.map(toEntityMention);
    },
    async listCoOccurring(type, name, options = {}) {
      const r = clearance();
      const rows = await run(coOccurringSql(r), [
        type,
        name,
        ...rankParams(r),
        clamp(options.sample, CO_OCCURRENCE_SAMPLE, 1_000_000),
        type,
        name,
        clamp(options.limit, 50, 10_000),
      ]);
      return rows.map(toEntitySummary);
    },
    async listReusePairs(options = {}) {
      const r = clearance();
      const id = options.documentId ?? '';
      const rows = await run(reusePairsSql(r), [
        id ? 1 : 0,
        id,
        id,
        ...rankParams(r, 2),
        clamp(options.limit, 1000, 1_000_000),
      ]);
      return rows.map(toReusePair);
    },
    async listPassageGroups(options = {}) {
      const r = clearance();
      const id = options.documentId ?? '';
      // Asking by a hidden document's id must not tell which passages it shares.
      if (id && r !== null && !(await documentVisible(run, id, r))) return [];
      const groups = await run(passageGroupsSql(r), [
        id ? 1 : 0,
        id,
        ...rankParams(r),
        clamp(options.limit, 1000, 1_000_000),
      ]);
      return Promise.all(
        groups.map(async (g) => ({
          id: Number(g.id),
          text: String(g.text),
          words: Number(g.words),
          occurrences: (await run(passageOccurrencesSql(r), [Number(g.id), ...rankParams(r)])).map(
            (o) => ({
              documentId: String(o.document_id),
              start: Number(o.start_offset),
              end: Number(o.end_offset),
              date: o.date === null ? null : String(o.date),
            }),
          ),
        })),
      );
    },
  };
}

function toReusePair(row: Row): ReusePair {
  return {
    a: String(row.a),
    b: String(row.b),
    similarity: Number(row.similarity),
    nearDuplicate: Number(row.near_duplicate) === 1,
    passages: (typeof row.passages === 'string'
      ? JSON.parse(row.passages)
      : row.passages) as ReusePair['passages'],
  };
}

/**
 * The rows replaceReuse writes, in order, for any backend: made one at a time as they are run, so
 * a large corpus's rows (each pair's passages as JSON) never sit in memory all at once.
 */
export function* reuseRows(
  report: StreamedReuseReport,
): Generator<{ sql: string; params: unknown[] }> {
  for (const sql of CLEAR_REUSE_SQL) yield { sql, params: [] };
  for (const pair of report.pairs) {
    // Stored with the smaller id first; the spans swap with the ids so each still points into
    // its own document.
    const swap = pair.a > pair.b;
    const passages = swap
      ? pair.passages.map((p) => ({
          ...p,
          aStart: p.bStart,
          aEnd: p.bEnd,
          bStart: p.aStart,
          bEnd: p.aEnd,
        }))
      : pair.passages;
    yield {
      sql: INSERT_REUSE_PAIR_SQL,
      params: [
        swap ? pair.b : pair.a,
        swap ? pair.a : pair.b,
        pair.similarity,
        pair.nearDuplicate ? 1 : 0,
        JSON.stringify(passages),
      ],
    };
  }
  let id = 0;
  for (const group of report.passages) {
    id += 1;
    yield { sql: INSERT_PASSAGE_GROUP_SQL, params: [id, group.text, group.words] };
    let seq = 0;
    for (const o of group.occurrences) {
      yield {
        sql: INSERT_PASSAGE_OCCURRENCE_SQL,
        params: [id, seq, o.documentId, o.start, o.end, o.date],
      };
      seq += 1;
    }
  }
}
