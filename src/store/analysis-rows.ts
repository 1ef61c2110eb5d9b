import { foldForMatch } from '../core/index.js';
import type { EntityFilterSet } from './analysis-sql.js';
import type {
  DatedEvent,
  EntityMention,
  EntityQuery,
  EntitySummary,
  EntityType,
  PlaceSummary,
} from './types.js';

type Row = Record<string, unknown>;

export const toDatedEvent = (r: Row): DatedEvent => ({
  documentId: String(r.document_id),
  documentTitle: r.document_title === null ? null : String(r.document_title),
  value: String(r.value),
  precision: String(r.precision) as DatedEvent['precision'],
  text: String(r.text),
  start: Number(r.start_offset),
  end: Number(r.end_offset),
});

export const toPlaceSummary = (r: Row): PlaceSummary => ({
  name: String(r.name),
  lat: Number(r.lat),
  lon: Number(r.lon),
  country: String(r.country),
  admin1: r.admin1 === null ? null : String(r.admin1),
  gazetteerId: String(r.gazetteer_id),
  mentions: Number(r.mentions),
  documents: Number(r.documents),
});

export const toEntitySummary = (r: Row): EntitySummary => ({
  type: String(r.type) as EntityType,
  name: String(r.name),
  mentions: Number(r.mentions),
  documents: Number(r.documents),
});

export const toEntityMention = (r: Row): EntityMention => ({
  documentId: String(r.document_id),
  documentTitle: r.document_title === null ? null : String(r.document_title),
  documentDate: r.document_date === null ? null : String(r.document_date),
  start: Number(r.start_offset),
  end: Number(r.end_offset),
  text: String(r.text),
});

/** The entity listing's filters as set (see entitiesSql) and their parameters, in slot order. */
export function entityFilterParams(query: EntityQuery): {
  set: EntityFilterSet;
  params: unknown[];
} {
  const folded = foldForMatch(query.contains ?? '').replace(/[%_\\]/g, '');
  const set = {
    type: Boolean(query.type),
    name: query.name !== undefined,
    contains: Boolean(folded),
  };
  return {
    set,
    params: [
      ...(set.contains ? [`%${folded}%`] : []),
      ...(set.type ? [query.type] : []),
      ...(set.name ? [query.name] : []),
    ],
  };
}
