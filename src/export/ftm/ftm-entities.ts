import type { Writable } from 'node:stream';
import { RELIABILITY } from '../../assess/index.js';
import type { AssessedClaim } from '../../pipeline/index.js';
import type { StoredDocument, Store, DatedEvent } from '../../store/index.js';
import { admiraltyInWords } from '../admiralty-mappings.js';
import { ftmId } from '../ids.js';
import { inScope } from '../scope.js';
import type { ExportSnapshot, SnapshotEntity } from '../snapshot.js';
import { gradeSources, type GradedSource } from '../sources.js';
import { write } from '../write.js';

/**
 * FollowTheMoney entities (the model of Aleph and OpenAleph) as JSON Lines. FtM values are
 * always lists of strings. Written by hand against the published schemata (Person,
 * Organization, Address, Article, Email, Document, Mention, Event, Note): the tests check every
 * schema and property name against the `@alephdata/followthemoney` model, which is a test-only
 * dependency so the exporter itself needs nothing beyond Node.
 */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

/** Drops empty values: FtM has no nulls, a missing property is an absent one. */
function props(values: Record<string, Array<string | number | null | undefined>>) {
  const properties: Record<string, string[]> = {};
  for (const [name, list] of Object.entries(values)) {
    const kept = list.filter(
      (v): v is string | number => v !== null && v !== undefined && v !== '',
    );
    if (kept.length > 0) properties[name] = [...new Set(kept.map(String))];
  }
  return properties;
}

/** FtM `language` values are ISO 639-3 codes. */
const LANGUAGE_639_3: Record<string, string> = { en: 'eng', es: 'spa' };

const SCHEMA_OF_TYPE = {
  person: 'Person',
  organization: 'Organization',
  place: 'Address',
} as const;

export const entityFtmId = (entityId: string) => ftmId('entity', entityId);
/**
 * A document's FtM id carries its Crosscheck id (the SHA-256 of its bytes, already a stable
 * hash) in clear, so an import gets the same document, not a copy.
 */
const DOCUMENT_ID_PREFIX = 'crosscheck-document-';
export const documentFtmId = (documentId: string) => `${DOCUMENT_ID_PREFIX}${documentId}`;
export function contentIdOfFtmDocument(ftmDocumentId: string): string | null {
  const id = ftmDocumentId.startsWith(DOCUMENT_ID_PREFIX)
    ? ftmDocumentId.slice(DOCUMENT_ID_PREFIX.length)
    : '';
  return /^[0-9a-f]{64}$/.test(id) ? id : null;
}

export function entityRecord(item: SnapshotEntity, source: GradedSource | undefined): FtmEntity {
  const { entity, geo } = item;
  const reliability = source?.reliability
    ? `Admiralty source reliability ${source.reliability} (${RELIABILITY[source.reliability].label}): ${source.reason}`
    : null;
  const names = {
    name: [entity.name],
    alias: entity.aliases.map((a) => a.name).filter((n) => n !== entity.name),
  };
  if (entity.type === 'place') {
    return {
      id: entityFtmId(entity.id),
      schema: 'Address',
      properties: props({
        ...names,
        full: [entity.name],
        latitude: [geo?.lat],
        longitude: [geo?.lon],
        country: [geo?.country.toLowerCase()],
      }),
    };
  }
  return {
    id: entityFtmId(entity.id),
    schema: SCHEMA_OF_TYPE[entity.type],
    properties: props({ ...names, notes: [reliability] }),
  };
}

/** A document as Email, Article (web pages and Markdown) or Document, with its full text. */
export function documentRecord(document: StoredDocument): FtmEntity {
  const schema =
    document.kind === 'email'
      ? 'Email'
      : document.kind === 'html' || document.kind === 'markdown'
        ? 'Article'
        : 'Document';
  const email = document.email;
  return {
    id: documentFtmId(document.id),
    schema,
    properties: props({
      title: [document.title],
      bodyText: [document.text],
      publishedAt: [document.publishedAt],
      author: [document.byline],
      language: [LANGUAGE_639_3[document.language]],
      mimeType: [document.mimeType],
      fileSize: [document.sizeBytes],
      sourceUrl: document.origins.filter((o) => /^https?:\/\//i.test(o)),
      fileName: document.origins.filter((o) => !/^https?:\/\//i.test(o)).slice(0, 1),
      ...(email && {
        subject: [email.subject],
        from: [email.from],
        to: email.to,
        cc: email.cc,
        messageId: [email.messageId],
        inReplyTo: [email.inReplyTo],
        date: [email.sentAt],
      }),
    }),
  };
}

/** The FtM `Mention` of an entity in a document: Aleph's link from a name to what it resolves to. */
export function mentionRecord(item: SnapshotEntity, documentId: string): FtmEntity {
  return {
    id: ftmId('entity', `${item.entity.id}@${documentId}`),
    schema: 'Mention',
    properties: props({
      document: [documentFtmId(documentId)],
      resolved: [entityFtmId(item.entity.id)],
      name: [item.entity.name],
      detectedSchema: [SCHEMA_OF_TYPE[item.entity.type]],
    }),
  };
}

export function eventRecord(event: DatedEvent): FtmEntity {
  return {
    id: ftmId('event', `${event.documentId}:${event.start}`),
    schema: 'Event',
    properties: props({
      name: [event.text],
      date: [event.value],
      summary: [event.documentTitle ? `Dated in “${event.documentTitle}”` : null],
      proof: [documentFtmId(event.documentId)],
    }),
  };
}

/** FtM has no claim schema; a Note on the speaker, with its proof documents, is the closest. */
export function claimRecord(claim: AssessedClaim, speakerId: string | null): FtmEntity {
  const { cluster, assessment } = claim;
  return {
    id: ftmId('claim', cluster.id),
    schema: 'Note',
    properties: props({
      name: [cluster.text.slice(0, 200)],
      description: [cluster.text],
      summary: [cluster.summary],
      notes: [
        admiraltyInWords(
          assessment.code,
          assessment.reliability.value,
          assessment.credibility.value,
        ),
      ],
      entity: [speakerId],
      proof: cluster.documents.map((d) => documentFtmId(d.id)),
    }),
  };
}

/**
 * Streams the FtM entities of an export as JSON Lines: entities, then documents (with their text,
 * streamed from the store), mentions, events and claims, each in a stable order.
 */
export async function* ftmEntities(
  store: Store,
  snapshot: ExportSnapshot,
): AsyncGenerator<FtmEntity> {
  const sources = gradeSources(snapshot);
  const sourceOf = new Map(sources.filter((s) => s.entityId).map((s) => [s.entityId!, s]));
  for (const item of snapshot.entities) yield entityRecord(item, sourceOf.get(item.entity.id));
  for await (const document of store.iterateDocuments()) {
    if (inScope(snapshot.scope, document.id)) yield documentRecord(document);
  }
  for (const item of snapshot.entities) {
    for (const documentId of item.mentionsByDocument.keys()) yield mentionRecord(item, documentId);
  }
  for (const event of snapshot.events) yield eventRecord(event);
  const speakers = new Map(sources.map((s) => [s.name, s.entityId]));
  for (const claim of snapshot.claims) {
    const speakerEntity = claim.cluster.speaker ? speakers.get(claim.cluster.speaker) : null;
    const inDocuments = {
      ...claim,
      cluster: {
        ...claim.cluster,
        documents: claim.cluster.documents.filter((d) => inScope(snapshot.scope, d.id)),
      },
    };
    yield claimRecord(inDocuments, speakerEntity ? entityFtmId(speakerEntity) : null);
  }
}

export async function writeFtm(
  store: Store,
  snapshot: ExportSnapshot,
  out: Writable,
): Promise<number> {
  let count = 0;
  for await (const entity of ftmEntities(store, snapshot)) {
    await write(out, `${JSON.stringify(entity)}\n`);
    count++;
  }
  return count;
}
