import type { EntityType, Resolution, ResolveDocument, ResolvedEntity } from './types.js';

/** `[surface, type, normalized?]`: a mention of the next occurrence of `surface` in the text. */
export type MentionSpec = [string, EntityType, string?];

/** A document whose mentions are found in its text in order, as extraction would report them. */
export function doc(id: string, text: string, specs: MentionSpec[]): ResolveDocument {
  let from = 0;
  const mentions = specs.map(([surface, type, normalized], seq) => {
    const start = text.indexOf(surface, from);
    if (start < 0) throw new Error(`"${surface}" not found after ${from} in ${id}`);
    from = start + surface.length;
    return {
      documentId: id,
      seq,
      text: surface,
      type,
      normalized: normalized ?? surface,
      start,
      end: from,
    };
  });
  return { id, text, mentions: [...mentions].sort((a, b) => a.seq - b.seq) };
}

/** The entity one mention was assigned to. */
export function entityOf(resolution: Resolution, documentId: string, seq: number): ResolvedEntity {
  const assignment = resolution.assignments.find(
    (a) => a.documentId === documentId && a.seq === seq,
  );
  const entity = resolution.entities.find((e) => e.id === assignment?.entityId);
  if (!entity) throw new Error(`no entity for ${documentId}#${seq}`);
  return entity;
}
