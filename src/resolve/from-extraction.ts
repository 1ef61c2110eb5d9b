import type { Mention } from '../extract/index.js';
import type { ResolveDocument } from './types.js';

/** A document as resolution reads it, from its text and extraction's mentions (seq = position). */
export function toResolveDocument(
  document: { id: string; text: string },
  mentions: readonly Mention[],
): ResolveDocument {
  return {
    id: document.id,
    text: document.text,
    mentions: mentions.map((mention, seq) => ({
      documentId: document.id,
      seq,
      text: mention.text,
      type: mention.type,
      normalized: mention.normalized,
      start: mention.start,
      end: mention.end,
    })),
  };
}
