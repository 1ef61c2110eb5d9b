import type { z } from 'zod';
import {
  CO_OCCURRENCE_SAMPLE,
  type EntitySummary,
  type EntityType,
  type Store,
  type StoredDocument,
} from '../../store/index.js';
import type { EntityResponseSchema } from '../analysis-schemas.js';
import { cutContext } from './context.js';

export type EntityDetail = z.output<typeof EntityResponseSchema>;

const CO_OCCURRING = 30;

/** Counts each spelling the text uses, most frequent first (ties alphabetically, for stable output). */
function countSurfaceForms(texts: string[]): EntityDetail['surfaceForms'] {
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  return [...counts]
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

/** The store's own totals for the entity, else the mentions in hand counted. */
async function summarize(
  store: Store,
  type: EntityType,
  name: string,
  counted: { mentions: number; documents: number },
): Promise<EntitySummary> {
  const { entities } = await store.listEntities({ type, name, limit: 1 });
  return entities[0] ?? { type, name, ...counted };
}

/** A place's coordinates, as the gazetteer gave them to one of its mentions. */
async function locate(store: Store, name: string, documentId: string) {
  const stored = await store.getExtraction(documentId);
  const geo = stored?.extraction.mentions.find((m) => m.normalized === name && m.geo)?.geo;
  return geo ?? null;
}

/**
 * Everything the entity page shows: where the entity is mentioned (with the text around each
 * mention), how it is spelled, which documents name it and what else those documents name.
 * Returns null when nothing mentions it.
 */
export async function describeEntity(
  store: Store,
  type: EntityType,
  name: string,
  limit: number,
): Promise<EntityDetail | null> {
  const mentions = await store.getEntityMentions(type, name, { limit });
  if (mentions.length === 0) return null;

  const documents = new Map<string, StoredDocument | null>();
  for (const { documentId } of mentions) {
    if (!documents.has(documentId)) documents.set(documentId, await store.getDocument(documentId));
  }
  const perDocument = new Map<string, number>();
  for (const m of mentions) perDocument.set(m.documentId, (perDocument.get(m.documentId) ?? 0) + 1);

  const titleOf = (id: string) => documents.get(id)?.title ?? null;
  const [entity, coOccurring, geo] = await Promise.all([
    summarize(store, type, name, { mentions: mentions.length, documents: perDocument.size }),
    store.listCoOccurring(type, name, { limit: CO_OCCURRING }),
    type === 'place' ? locate(store, name, mentions[0]!.documentId) : Promise.resolve(null),
  ]);

  return {
    entity,
    surfaceForms: countSurfaceForms(mentions.map((m) => m.text)),
    mentions: mentions.map((m) => ({
      documentId: m.documentId,
      documentTitle: m.documentTitle ?? titleOf(m.documentId),
      start: m.start,
      end: m.end,
      text: m.text,
      context: cutContext(documents.get(m.documentId)?.text ?? m.text, m.start, m.end),
    })),
    documents: [...perDocument]
      .map(([id, count]) => ({ id, title: titleOf(id), mentions: count }))
      .sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id)),
    coOccurring,
    coOccurringOver: Math.min(entity.documents, CO_OCCURRENCE_SAMPLE),
    geo,
  };
}
