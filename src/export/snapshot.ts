import { foldForMatch, stricterTlp, type TlpLevel } from '../core/index.js';
import { assessClaims, type AssessedClaim } from '../pipeline/index.js';
import type {
  DatedEvent,
  PlaceSummary,
  RecordedGrade,
  StoredDocument,
  StoredEntity,
  Store,
} from '../store/index.js';
import { inScope, WHOLE_STORE, type ExportScope } from './scope.js';

/** A document without its text: what every exporter but the document-carrying ones needs. */
export type DocumentSummary = Omit<StoredDocument, 'text'>;

export interface SnapshotEntity {
  /** Its names without their documents (`documentCount` says how many). */
  entity: StoredEntity;
  /** Mentions of this entity per in-scope document, by document id. */
  mentionsByDocument: ReadonlyMap<string, number>;
  /** The gazetteer point, for places the extractor geocoded. */
  geo: PlaceSummary | null;
}

/** Two entities named in the same documents; `a < b` by id. */
export interface CoOccurrence {
  a: string;
  b: string;
  documents: number;
}

/**
 * Everything the exporters read, gathered once: document metadata (not text: texts are streamed
 * by the exporters that carry them), entities with their mentions per document, graded claims,
 * dated events and the analysts' source grades. Every list is sorted by a stable key, so an
 * export of an unchanged store is byte-for-byte the same.
 */
export interface ExportSnapshot {
  scope: ExportScope;
  documents: DocumentSummary[];
  documentsById: ReadonlyMap<string, DocumentSummary>;
  entities: SnapshotEntity[];
  entitiesById: ReadonlyMap<string, SnapshotEntity>;
  claims: AssessedClaim[];
  coOccurrences: CoOccurrence[];
  events: DatedEvent[];
  sourceGrades: RecordedGrade[];
  /**
   * The TLP marking of every document the store shows above CLEAR, in scope or not: what is
   * derived from a document (an entity, a claim's trace) is marked at least as strictly.
   */
  markings: ReadonlyMap<string, TlpLevel>;
}

/** The strictest of `floor` and the markings of `documentIds`. */
export function markingOf(
  snapshot: Pick<ExportSnapshot, 'markings'>,
  documentIds: Iterable<string>,
  floor: TlpLevel,
): TlpLevel {
  let level = floor;
  for (const id of documentIds) level = stricterTlp(level, snapshot.markings.get(id) ?? 'CLEAR');
  return level;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The store's list calls cap a page; exports want everything, so they walk the pages. */
async function allPages<T>(
  page: (offset: number, limit: number) => Promise<{ total: number; items: T[] }>,
  limit = 10_000,
): Promise<T[]> {
  const all: T[] = [];
  for (let offset = 0; ; offset += limit) {
    const { total, items } = await page(offset, limit);
    all.push(...items);
    if (items.length === 0 || all.length >= total) return all;
  }
}

async function readDocuments(
  store: Store,
  scope: ExportScope,
): Promise<{ documents: DocumentSummary[]; markings: Map<string, TlpLevel> }> {
  const documents: DocumentSummary[] = [];
  const markings = new Map<string, TlpLevel>();
  for await (const document of store.iterateDocuments()) {
    if (document.tlp !== 'CLEAR') markings.set(document.id, document.tlp);
    if (!inScope(scope, document.id)) continue;
    const { text: _text, ...summary } = document;
    documents.push(summary);
  }
  return { documents: documents.sort((a, b) => byString(a.id, b.id)), markings };
}

/** A place entity's gazetteer point: the one stored under its name, else under any alias. */
function geoFor(entity: StoredEntity, places: ReadonlyMap<string, PlaceSummary>) {
  if (entity.type !== 'place') return null;
  for (const name of [entity.name, ...entity.aliases.map((a) => a.name)]) {
    const place = places.get(foldForMatch(name));
    if (place) return place;
  }
  return null;
}

async function readEntities(store: Store, scope: ExportScope): Promise<SnapshotEntity[]> {
  const resolved = await allPages((offset, limit) =>
    store
      // Without each name's documents: the exports use the names, and mentionsByDocument.
      .listResolvedEntities({ offset, limit, documentsPerName: 0 })
      .then(({ total, entities }) => ({ total, items: entities })),
  );
  const places = new Map<string, PlaceSummary>();
  for (const place of await store.listPlaces({ limit: 100_000 })) {
    if (!places.has(foldForMatch(place.name))) places.set(foldForMatch(place.name), place);
  }
  const entities: SnapshotEntity[] = [];
  for (const entity of resolved.sort((a, b) => byString(a.id, b.id))) {
    const counts = new Map<string, number>();
    for (const mention of await store.listEntityMentionsById(entity.id, { limit: 100_000 })) {
      if (inScope(scope, mention.documentId)) {
        counts.set(mention.documentId, (counts.get(mention.documentId) ?? 0) + 1);
      }
    }
    if (counts.size === 0) continue;
    const sorted = new Map([...counts].sort(([a], [b]) => byString(a, b)));
    entities.push({ entity, mentionsByDocument: sorted, geo: geoFor(entity, places) });
  }
  return entities;
}

/**
 * Co-occurrence counted here rather than read from `listEntityCoOccurrences`: it must respect the
 * export's scope (two entities share a document of the scope, not of the whole store).
 */
function countCoOccurrences(entities: SnapshotEntity[]): CoOccurrence[] {
  const byDocument = new Map<string, string[]>();
  for (const { entity, mentionsByDocument } of entities) {
    for (const documentId of mentionsByDocument.keys()) {
      const list = byDocument.get(documentId) ?? [];
      list.push(entity.id);
      byDocument.set(documentId, list);
    }
  }
  const pairs = new Map<string, CoOccurrence>();
  for (const ids of byDocument.values()) {
    ids.sort(byString);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}\u0000${ids[j]}`;
        const pair = pairs.get(key) ?? { a: ids[i]!, b: ids[j]!, documents: 0 };
        pair.documents++;
        pairs.set(key, pair);
      }
    }
  }
  return [...pairs.values()].sort((x, y) => byString(x.a, y.a) || byString(x.b, y.b));
}

async function readClaims(store: Store, scope: ExportScope): Promise<AssessedClaim[]> {
  const clusters = await allPages((offset, limit) =>
    store
      .listClaimClusters({ offset, limit })
      .then(({ total, clusters }) => ({ total, items: clusters })),
  );
  const scoped = clusters
    .filter((cluster) => cluster.documents.some((d) => inScope(scope, d.id)))
    .sort((a, b) => byString(a.id, b.id));
  return assessClaims(store, scoped);
}

export async function readSnapshot(
  store: Store,
  scope: ExportScope = WHOLE_STORE,
): Promise<ExportSnapshot> {
  const { documents, markings } = await readDocuments(store, scope);
  const entities = await readEntities(store, scope);
  const events = (await store.listDatedEvents({ limit: 100_000 })).filter((e) =>
    inScope(scope, e.documentId),
  );
  return {
    scope,
    documents,
    documentsById: new Map(documents.map((d) => [d.id, d])),
    entities,
    entitiesById: new Map(entities.map((e) => [e.entity.id, e])),
    claims: await readClaims(store, scope),
    coOccurrences: countCoOccurrences(entities),
    events,
    sourceGrades: await store.listAnalystGrades({ subjectType: 'source' }),
    markings,
  };
}
