import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { Store } from '../../store/index.js';
import { uuid5 } from '../ids.js';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../options.js';
import { inScope } from '../scope.js';
import { markingOf, type ExportSnapshot } from '../snapshot.js';
import { gradeSources, type GradedSource } from '../sources.js';
import { write } from '../write.js';
import {
  claimNote,
  claimNoteId,
  claimOpinion,
  claimSighting,
  entityObject,
  producerIdentity,
  provenanceRelationship,
  reportId,
  reportObject,
  sourceIdentity,
  sourceStixId,
  type StixObject,
} from './objects.js';
import { lifetime, stixTimestamp } from './timestamps.js';
import { stricterTlp, TLP_LEVELS, type TlpLevel } from '../../core/index.js';
import { tlpMarkingDefinition } from './tlp.js';

const FALLBACK_TIME = '2024-01-01T00:00:00.000Z';

/** Adds `ref` to the set kept under `key`. */
function addRef(map: Map<string, Set<string>>, key: string, ref: string) {
  const set = map.get(key) ?? new Set<string>();
  set.add(ref);
  map.set(key, set);
}

/**
 * Every STIX object of an export, in a fixed order: the TLP marking, the producer, entities
 * (identities, locations), sources that are no entity, one report per document (streamed with
 * its text), then per claim a note, an opinion and a sighting, then the provenance relationships.
 */
export async function* stixObjects(
  store: Store,
  snapshot: ExportSnapshot,
  options: ExportOptions = DEFAULT_EXPORT_OPTIONS,
): AsyncGenerator<StixObject> {
  const times = (documentIds: Iterable<string>, extra: string[] = []) =>
    lifetime(
      [
        ...[...documentIds].flatMap((id) => snapshot.documentsById.get(id)?.ingestedAt ?? []),
        ...extra,
      ],
      FALLBACK_TIME,
    );

  // Each object is marked as strictly as the documents it comes from, never below the floor.
  const marked = (documentIds: Iterable<string>): ExportOptions => ({
    ...options,
    marking: markingOf(snapshot, documentIds, options.marking),
  });
  for (const level of markingsUsed(snapshot, options.marking)) yield tlpMarkingDefinition(level);
  yield producerIdentity(options);

  const sources = gradeSources(snapshot);
  const sourceOfEntity = new Map<string, GradedSource>();
  const sourceRefs = new Map<string, string>();
  for (const source of sources) {
    if (source.entityId) sourceOfEntity.set(source.entityId, source);
    sourceRefs.set(source.name, sourceStixId(source));
  }

  const refsOfDocument = new Map<string, Set<string>>();
  for (const entity of snapshot.entities) {
    const object = entityObject(
      entity,
      sourceOfEntity.get(entity.entity.id),
      times(entity.mentionsByDocument.keys()),
      marked(entity.mentionsByDocument.keys()),
    );
    if (!object) continue;
    for (const documentId of entity.mentionsByDocument.keys()) {
      addRef(refsOfDocument, documentId, object.id);
    }
    yield object;
  }
  for (const source of sources) {
    if (source.entityId) continue;
    const claims = snapshot.claims.filter((c) => source.claimIds.includes(c.cluster.id));
    const documentIds = claims.flatMap((c) => c.cluster.documents.map((d) => d.id));
    yield sourceIdentity(source, times(documentIds), marked(documentIds));
  }

  const inScopeDocuments = (ids: string[]) => ids.filter((id) => inScope(snapshot.scope, id));
  for (const { cluster } of snapshot.claims) {
    for (const id of inScopeDocuments(cluster.documents.map((d) => d.id))) {
      addRef(refsOfDocument, id, claimNoteId(cluster.id));
    }
  }
  for await (const document of store.iterateDocuments()) {
    if (!inScope(snapshot.scope, document.id)) continue;
    yield reportObject(
      document,
      [...(refsOfDocument.get(document.id) ?? [])].sort(),
      marked([document.id]),
    );
  }

  for (const claim of snapshot.claims) {
    const documents = inScopeDocuments(claim.cluster.documents.map((d) => d.id));
    const refs = documents.map(reportId);
    const speaker = claim.cluster.origin.speaker && sourceRefs.get(claim.cluster.origin.speaker);
    if (speaker) refs.push(speaker);
    const span = times(
      documents,
      claim.history.map((g) => stixTimestamp(g.at) ?? FALLBACK_TIME),
    );
    // A claim's trace speaks of every carrier, in scope or not: all of them set its marking.
    const claimOptions = marked(claim.cluster.documents.map((d) => d.id));
    yield claimNote(claim, refs, span, claimOptions);
    yield claimOpinion(claim, refs, span, claimOptions);
    const carriers = claim.cluster.documents.filter((d) => inScope(snapshot.scope, d.id));
    yield claimSighting(claim, carriers, span, claimOptions);
  }

  yield* provenanceRelationships(snapshot, sourceRefs, times, options);
}

/** One `derived-from` per pair of endpoints and relation, whichever claims traced it. */
function* provenanceRelationships(
  snapshot: ExportSnapshot,
  sourceRefs: ReadonlyMap<string, string>,
  times: (ids: Iterable<string>) => { created: string; modified: string },
  options: ExportOptions,
): Generator<StixObject> {
  const refOf = (endpoint: string): string | null => {
    if (snapshot.documentsById.has(endpoint)) return reportId(endpoint);
    return sourceRefs.get(endpoint) ?? null;
  };
  const links = new Map<
    string,
    { from: string; to: string; relation: string; claims: string[]; documents: string[] }
  >();
  for (const { cluster } of snapshot.claims) {
    for (const link of cluster.chain) {
      const from = refOf(link.from);
      const to = refOf(link.to);
      if (!from || !to || from === to) continue;
      const key = `${from} ${to} ${link.relation}`;
      const entry = links.get(key) ?? {
        from,
        to,
        relation: link.relation,
        claims: [],
        documents: [],
      };
      if (!entry.claims.includes(cluster.id)) entry.claims.push(cluster.id);
      // Dated by the claim's carriers: a link between two sources names no document itself.
      entry.documents.push(...cluster.documents.map((d) => d.id));
      links.set(key, entry);
    }
  }
  for (const key of [...links.keys()].sort()) {
    const link = links.get(key)!;
    yield provenanceRelationship(
      link.from,
      link.to,
      link.relation,
      link.claims.sort(),
      times(link.documents),
      { ...options, marking: markingOf(snapshot, link.documents, options.marking) },
    );
  }
}

/**
 * The levels objects may carry, least restrictive first, defined once up front (the bundle is
 * streamed). A level no object ends up using costs one small object, never a dangling reference.
 */
function markingsUsed(snapshot: ExportSnapshot, floor: TlpLevel): TlpLevel[] {
  const levels = new Set<TlpLevel>([floor]);
  for (const level of snapshot.markings.values()) levels.add(stricterTlp(floor, level));
  return TLP_LEVELS.filter((level) => levels.has(level));
}

/** Bundle ids are derived from what the bundle covers, so the same export gets the same id. */
function bundleId(snapshot: ExportSnapshot, options: ExportOptions): string {
  const hash = createHash('sha256').update(`${options.organisation}\n${options.marking}\n`);
  for (const document of snapshot.documents) hash.update(`${document.id}\n`);
  return `bundle--${uuid5(`bundle:${hash.digest('hex')}`)}`;
}

/** Streams a STIX 2.1 bundle, one object per line, never holding all the document texts at once. */
export async function writeStixBundle(
  store: Store,
  snapshot: ExportSnapshot,
  out: Writable,
  options: ExportOptions = DEFAULT_EXPORT_OPTIONS,
): Promise<number> {
  await write(out, `{"type":"bundle","id":"${bundleId(snapshot, options)}","objects":[\n`);
  let count = 0;
  for await (const object of stixObjects(store, snapshot, options)) {
    await write(out, `${count > 0 ? ',\n' : ''}${JSON.stringify(object)}`);
    count++;
  }
  await write(out, '\n]}\n');
  return count;
}
