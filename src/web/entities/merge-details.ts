import type { EntityResponse, EntityType } from '../api/analysis-types';

/** Sums counts by key, most first (ties by key, so the order never flickers between loads). */
function summed<T>(items: T[], key: (item: T) => string, count: (item: T) => number) {
  const totals = new Map<string, { item: T; count: number }>();
  for (const item of items) {
    const entry = totals.get(key(item));
    if (entry) entry.count += count(item);
    else totals.set(key(item), { item, count: count(item) });
  }
  return [...totals.entries()]
    .sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b))
    .map(([, entry]) => entry);
}

/**
 * One page for a resolved entity out of what extraction found under each of its names: "Rogelio
 * Salas" and "Rogelio Salas Ordóñez" are one man, so his page shows the mentions, spellings and
 * documents of both. The entities named beside it are those of any of its names, less itself.
 */
export function mergeDetails(
  entity: { type: EntityType; name: string },
  details: EntityResponse[],
): EntityResponse {
  const names = new Set(details.map((d) => d.entity.name));
  const documents = summed(
    details.flatMap((d) => d.documents),
    (d) => d.id,
    (d) => d.mentions,
  ).map(({ item, count }) => ({ ...item, mentions: count }));
  const seen = new Set<string>();
  const mentions = details
    .flatMap((d) => d.mentions)
    .filter((m) => {
      const key = `${m.documentId}:${m.start}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.documentId.localeCompare(b.documentId) || a.start - b.start);
  const coOccurring = new Map<string, EntityResponse['coOccurring'][number]>();
  for (const other of details.flatMap((d) => d.coOccurring)) {
    if (other.type === entity.type && names.has(other.name)) continue;
    const key = `${other.type}:${other.name}`;
    const known = coOccurring.get(key);
    if (!known || known.documents < other.documents) coOccurring.set(key, other);
  }
  return {
    entity: {
      type: entity.type,
      name: entity.name,
      mentions: details.reduce((sum, d) => sum + d.entity.mentions, 0),
      documents: documents.length,
    },
    surfaceForms: summed(
      details.flatMap((d) => d.surfaceForms),
      (f) => f.text,
      (f) => f.count,
    ).map(({ item, count }) => ({ text: item.text, count })),
    mentions,
    documents,
    // As many as the API gives for one name: the strongest, not the union of every list.
    coOccurring: [...coOccurring.values()]
      .sort((a, b) => b.documents - a.documents || a.name.localeCompare(b.name))
      .slice(0, Math.max(0, ...details.map((d) => d.coOccurring.length))),
    // Each name's own documents were sampled apart: together, at most their sum.
    coOccurringOver: details.reduce((sum, d) => sum + d.coOccurringOver, 0),
    geo: details.find((d) => d.geo)?.geo ?? null,
  };
}
