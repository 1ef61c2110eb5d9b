import {
  CO_OCCURRING_SQL,
  DATED_EVENTS_SQL,
  ENTITIES_COUNT_SQL,
  ENTITIES_SQL,
  ENTITY_MENTIONS_SQL,
  PASSAGE_GROUPS_SQL,
  PASSAGE_OCCURRENCES_SQL,
  PLACES_SQL,
  REUSE_PAIRS_SQL,
} from './analysis-sql.js';
import {
  entityFilterParams,
  toDatedEvent,
  toEntityMention,
  toEntitySummary,
  toPlaceSummary,
} from './analysis-rows.js';
import type { ReusePair, ReuseReport } from '../provenance/index.js';
import {
  CLEAR_REUSE_SQL,
  INSERT_PASSAGE_GROUP_SQL,
  INSERT_PASSAGE_OCCURRENCE_SQL,
  INSERT_REUSE_PAIR_SQL,
} from './analysis-sql.js';
import type { Store } from './store.js';

type Row = Record<string, unknown>;
/** Runs one read-only query with positional parameters on a backend. */
export type RunQuery = (sql: string, params: unknown[]) => Promise<Row[]>;

const clamp = (value: number | undefined, fallback: number, max: number) =>
  Math.max(1, Math.min(value ?? fallback, max));

/** The extraction views, implemented once over any backend that can run the shared SQL. */
export function analysisQueries(
  run: RunQuery,
): Pick<
  Store,
  | 'listDatedEvents'
  | 'listPlaces'
  | 'listEntities'
  | 'getEntityMentions'
  | 'listCoOccurring'
  | 'listReusePairs'
  | 'listPassageGroups'
> & { run: RunQuery } {
  return {
    run,
    async listDatedEvents(options = {}) {
      const rows = await run(DATED_EVENTS_SQL, [
        options.from ?? '0000',
        `${options.to ?? '9999'}\uffff`,
        clamp(options.limit, 5000, 100_000),
      ]);
      return rows.map(toDatedEvent);
    },
    async listPlaces(options = {}) {
      return (await run(PLACES_SQL, [clamp(options.limit, 1000, 100_000)])).map(toPlaceSummary);
    },
    async listEntities(query = {}) {
      const filter = entityFilterParams(query.type, query.contains);
      const [count] = await run(ENTITIES_COUNT_SQL, filter);
      const rows = await run(ENTITIES_SQL, [
        ...filter,
        clamp(query.limit, 100, 10_000),
        Math.max(0, query.offset ?? 0),
      ]);
      return { total: Number(count?.n ?? 0), entities: rows.map(toEntitySummary) };
    },
    async getEntityMentions(type, name, options = {}) {
      const rows = await run(ENTITY_MENTIONS_SQL, [type, name, clamp(options.limit, 500, 100_000)]);
      return rows.map(toEntityMention);
    },
    async listCoOccurring(type, name, options = {}) {
      const rows = await run(CO_OCCURRING_SQL, [
        type,
        name,
        type,
        name,
        clamp(options.limit, 50, 10_000),
      ]);
      return rows.map(toEntitySummary);
    },
    async listReusePairs(options = {}) {
      const id = options.documentId ?? '';
      const rows = await run(REUSE_PAIRS_SQL, [
        id ? 1 : 0,
        id,
        id,
        clamp(options.limit, 1000, 1_000_000),
      ]);
      return rows.map(toReusePair);
    },
    async listPassageGroups(options = {}) {
      const id = options.documentId ?? '';
      const groups = await run(PASSAGE_GROUPS_SQL, [
        id ? 1 : 0,
        id,
        clamp(options.limit, 1000, 1_000_000),
      ]);
      return Promise.all(
        groups.map(async (g) => ({
          id: Number(g.id),
          text: String(g.text),
          words: Number(g.words),
          occurrences: (await run(PASSAGE_OCCURRENCES_SQL, [Number(g.id)])).map((o) => ({
            documentId: String(o.document_id),
            start: Number(o.start_offset),
            end: Number(o.end_offset),
            date: o.date === null ? null : String(o.date),
          })),
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

/** The rows replaceReuse writes, in order, for any backend. */
export function reuseRows(report: ReuseReport): Array<{ sql: string; params: unknown[] }> {
  const statements: Array<{ sql: string; params: unknown[] }> = CLEAR_REUSE_SQL.map((sql) => ({
    sql,
    params: [],
  }));
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
    statements.push({
      sql: INSERT_REUSE_PAIR_SQL,
      params: [
        swap ? pair.b : pair.a,
        swap ? pair.a : pair.b,
        pair.similarity,
        pair.nearDuplicate ? 1 : 0,
        JSON.stringify(passages),
      ],
    });
  }
  report.passages.forEach((group, index) => {
    const id = index + 1;
    statements.push({ sql: INSERT_PASSAGE_GROUP_SQL, params: [id, group.text, group.words] });
    group.occurrences.forEach((o, seq) => {
      statements.push({
        sql: INSERT_PASSAGE_OCCURRENCE_SQL,
        params: [id, seq, o.documentId, o.start, o.end, o.date],
      });
    });
  });
  return statements;
}
