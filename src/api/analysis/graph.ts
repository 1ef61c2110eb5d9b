import type { z } from 'zod';
import type { EntitySummary, EntityType, Store } from '../../store/index.js';
import type { GraphEdgeSchema, GraphNodeSchema, GraphResponseSchema } from '../analysis-schemas.js';

export type Graph = z.output<typeof GraphResponseSchema>;
type GraphNode = z.output<typeof GraphNodeSchema>;
type GraphEdge = z.output<typeof GraphEdgeSchema>;

/** Caps that keep the chart readable and the request bounded whatever the store holds. */
export const GRAPH_LIMITS = {
  /** Mentions read per entity: enough to find the documents that matter. */
  mentionsPerEntity: 500,
  /** Document nodes per entity node. */
  documentsPerEntity: 4,
  /** Co-occurrence edges per entity node. */
  coOccurrencesPerEntity: 3,
} as const;

export const entityNodeId = (type: EntityType, name: string) => `entity:${type}:${name}`;
export const documentNodeId = (id: string) => `document:${id}`;

const byWeightThenId =
  <T extends { weight: number }>(id: (item: T) => string) =>
  (a: T, b: T) =>
    b.weight - a.weight || id(a).localeCompare(id(b));

/**
 * Whether a document date falls in [from, to]; partial bounds cover their whole year or month
 * ("2010" to "2010" is all of 2010). Without bounds every document counts, dated or not; with
 * them, an undated document cannot be placed, so it is left out.
 */
export function dateRange(from?: string, to?: string): (date: string | null) => boolean {
  if (!from && !to) return () => true;
  return (date) =>
    date !== null && (!from || date >= from) && (!to || date.slice(0, to.length) <= to);
}

/**
 * A link chart of the most mentioned entities and the documents naming them: mention edges join
 * an entity to a document, co-occurrence edges join two entities named in the same documents.
 * Deterministic (same store, same chart) and bounded: the busiest documents and the strongest
 * co-occurrences are kept, and `truncated` says when anything was left out.
 */
export async function buildGraph(
  store: Store,
  options: { type?: EntityType; limit: number; from?: string; to?: string },
): Promise<Graph> {
  const inRange = dateRange(options.from, options.to);
  const { entities } = await store.listEntities({ type: options.type, limit: options.limit });
  const ranked = [...entities].sort(
    (a, b) => b.documents - a.documents || b.mentions - a.mentions || a.name.localeCompare(b.name),
  );

  // Which chart entities each document names, and how often.
  const mentionEdges: GraphEdge[] = [];
  const documentTitles = new Map<string, string | null>();
  const entitiesByDocument = new Map<string, string[]>();
  /** Documents in the date range per entity node: its weight when a range is set. */
  const documentsInRange = new Map<string, number>();
  for (const entity of ranked) {
    const source = entityNodeId(entity.type, entity.name);
    const mentions = await store.getEntityMentions(entity.type, entity.name, {
      limit: GRAPH_LIMITS.mentionsPerEntity,
    });
    const counts = new Map<string, number>();
    for (const m of mentions) {
      if (!inRange(m.documentDate)) continue;
      counts.set(m.documentId, (counts.get(m.documentId) ?? 0) + 1);
      if (!documentTitles.has(m.documentId)) documentTitles.set(m.documentId, m.documentTitle);
    }
    documentsInRange.set(source, counts.size);
    for (const [documentId, weight] of counts) {
      mentionEdges.push({ source, target: documentNodeId(documentId), kind: 'mention', weight });
      entitiesByDocument.set(documentId, [...(entitiesByDocument.get(documentId) ?? []), source]);
    }
  }

  const documentNodes: GraphNode[] = [...entitiesByDocument]
    .map(([id, named]) => ({
      id: documentNodeId(id),
      kind: 'document' as const,
      type: null,
      label: documentTitles.get(id) ?? id.slice(0, 12),
      weight: named.length,
    }))
    .sort(byWeightThenId((n) => n.id));
  const keptDocuments = documentNodes.slice(
    0,
    Math.max(1, ranked.length * GRAPH_LIMITS.documentsPerEntity),
  );
  const kept = new Set(keptDocuments.map((n) => n.id));
  const keptMentionEdges = mentionEdges.filter((e) => kept.has(e.target));

  const coOccurrenceEdges = strongestCoOccurrences(
    [...entitiesByDocument.values()],
    ranked.length * GRAPH_LIMITS.coOccurrencesPerEntity,
  );

  const ranged = Boolean(options.from || options.to);
  const entityNodes: GraphNode[] = ranked
    .map((e: EntitySummary) => ({
      id: entityNodeId(e.type, e.name),
      kind: 'entity' as const,
      type: e.type,
      label: e.name,
      weight: ranged ? (documentsInRange.get(entityNodeId(e.type, e.name)) ?? 0) : e.documents,
    }))
    // In a date range, an entity none of whose documents falls in it is not on the chart.
    .filter((node) => !ranged || node.weight > 0);

  return {
    nodes: [...entityNodes, ...keptDocuments],
    edges: [...keptMentionEdges, ...coOccurrenceEdges.edges].sort(
      (a, b) =>
        a.kind.localeCompare(b.kind) ||
        a.source.localeCompare(b.source) ||
        a.target.localeCompare(b.target),
    ),
    truncated: keptDocuments.length < documentNodes.length || coOccurrenceEdges.truncated,
  };
}

/** Pairs of entities named together in at least two documents, strongest first, at most `max`. */
function strongestCoOccurrences(
  namedTogether: string[][],
  max: number,
): { edges: GraphEdge[]; truncated: boolean } {
  const shared = new Map<string, number>();
  for (const named of namedTogether) {
    const sorted = [...named].sort();
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const key = `${sorted[i]}\n${sorted[j]}`;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const edges = [...shared]
    .filter(([, weight]) => weight >= 2)
    .map(([key, weight]) => {
      const [source, target] = key.split('\n') as [string, string];
      return { source, target, kind: 'co-occurrence' as const, weight };
    })
    .sort(byWeightThenId((e) => `${e.source}\n${e.target}`));
  return { edges: edges.slice(0, max), truncated: edges.length > max };
}
