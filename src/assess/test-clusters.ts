import type { ClaimCluster, OriginGroup } from '../provenance/index.js';

/** A traced claim for grading tests: only what assess reads, the rest plausible defaults. */
export function clusterWith(options: {
  origins: Array<string | null>;
  /** Carrying documents; default one per origin. */
  documents?: number;
  originDocument?: string | null;
}): ClaimCluster {
  const count = Math.max(options.documents ?? options.origins.length, options.origins.length);
  const ids = Array.from({ length: count }, (_, i) => `doc-${i + 1}`);
  const originGroups: OriginGroup[] = options.origins.map((speaker, i) => ({
    speaker,
    documentIds:
      i === 0
        ? ids.slice(0, count - options.origins.length + 1)
        : [ids[count - options.origins.length + i]!],
  }));
  const speaker = options.origins[0] ?? null;
  return {
    id: 'cluster-1',
    kind: 'quote',
    text: 'There are close to 600 federal agents working out of Ojinaga right now',
    speaker,
    members: [],
    documents: ids.map((id) => ({ id, title: null, date: null, kind: 'text' })),
    earliest: { documentId: ids[0]!, date: null },
    origin: {
      speaker,
      documentId: options.originDocument ?? null,
      date: null,
      datedBy: null,
      description: 'test origin',
    },
    chain: [],
    originGroups,
    independentOrigins: originGroups.length,
    circular: count >= 2 && originGroups.length < count,
    reasoning: [],
    summary: '',
  };
}
