import {
  CO_OCCURRING_SQL,
  DATED_EVENTS_SQL,
  ENTITIES_COUNT_SQL,
  ENTITIES_SQL,
  ENTITY_MENTIONS_SQL,
  PLACES_SQL,
} from './analysis-sql.js';
import {
  entityFilterParams,
  toDatedEvent,
  toEntityMention,
  toEntitySummary,
  toPlaceSummary,
} from './analysis-rows.js';
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
  'listDatedEvents' | 'listPlaces' | 'listEntities' | 'getEntityMentions' | 'listCoOccurring'
> {
  return {
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
  };
}
