import type { ExportSnapshot } from '../snapshot.js';

export type NodeKind = 'person' | 'organization' | 'place' | 'document';

export interface GraphNode {
  id: string;
  label: string;
  kind: NodeKind;
  /** Entities: mentions in the scope; documents: names mentioned in them. */
  mentions: number;
  /** Entities: documents naming them; documents: 1. */
  documents: number;
  /** Documents only: their format (`email`, `html`…) and publication date. */
  documentKind: string | null;
  published: string | null;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** `mention`: an entity named in a document; `co-occurrence`: two entities in the same documents. */
  kind: 'mention' | 'co-occurrence';
  /** Mentions in the document, or documents shared. */
  weight: number;
}

export interface ExportGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const documentNodeId = (id: string) => `document:${id}`;

/**
 * The network analysts open in Gephi or yEd: entities and documents as nodes, edges for mentions
 * (entity–document, weighted by mentions) and for co-occurrence (entity–entity, weighted by
 * shared documents). Entity node ids are Crosscheck's entity ids, so they are stable.
 */
export function buildGraph(snapshot: ExportSnapshot): ExportGraph {
  const namesIn = new Map<string, number>();
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const { entity, mentionsByDocument } of snapshot.entities) {
    let mentions = 0;
    for (const [documentId, count] of mentionsByDocument) {
      mentions += count;
      namesIn.set(documentId, (namesIn.get(documentId) ?? 0) + count);
      edges.push({
        id: `m${edges.length}`,
        source: entity.id,
        target: documentNodeId(documentId),
        kind: 'mention',
        weight: count,
      });
    }
    nodes.push({
      id: entity.id,
      label: entity.name,
      kind: entity.type,
      mentions,
      documents: mentionsByDocument.size,
      documentKind: null,
      published: null,
    });
  }
  for (const document of snapshot.documents) {
    nodes.push({
      id: documentNodeId(document.id),
      label: document.title ?? document.origins[0] ?? document.id,
      kind: 'document',
      mentions: namesIn.get(document.id) ?? 0,
      documents: 1,
      documentKind: document.kind,
      published: document.publishedAt,
    });
  }
  for (const pair of snapshot.coOccurrences) {
    edges.push({
      id: `c${edges.length}`,
      source: pair.a,
      target: pair.b,
      kind: 'co-occurrence',
      weight: pair.documents,
    });
  }
  return { nodes, edges };
}
