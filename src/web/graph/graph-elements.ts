import type { EntityResponse, EntityType, GraphResponse } from '../api/analysis-types';
import type { EntityRef } from '../entities/entity-ref';

/** A node or edge as cytoscape takes it; `data` only, the stylesheet does the rest. */
export interface NodeElement {
  group: 'nodes';
  data: {
    id: string;
    label: string;
    kind: 'entity' | 'document';
    type: EntityType | 'document';
    weight: number;
  };
}

export interface EdgeElement {
  group: 'edges';
  data: { id: string; source: string; target: string; kind: string; weight: number };
}

export type GraphElement = NodeElement | EdgeElement;

export const entityNodeId = (ref: EntityRef) => `entity:${ref.type}:${ref.name}`;
export const documentNodeId = (id: string) => `document:${id}`;
const edgeId = (source: string, target: string, kind: string) => `${kind}:${source}→${target}`;

/** What a node stands for, read back from its id (the API's scheme: `entity:type:name`). */
export function nodeTarget(
  id: string,
): { kind: 'entity'; ref: EntityRef } | { kind: 'document'; id: string } | null {
  const entity = /^entity:(person|organization|place):(.+)$/s.exec(id);
  if (entity) return { kind: 'entity', ref: { type: entity[1] as EntityType, name: entity[2]! } };
  if (id.startsWith('document:')) return { kind: 'document', id: id.slice('document:'.length) };
  return null;
}

export function toElements(graph: GraphResponse): GraphElement[] {
  return [
    ...graph.nodes.map((n): NodeElement => ({
      group: 'nodes',
      data: {
        id: n.id,
        label: n.label,
        kind: n.kind,
        type: n.type ?? 'document',
        weight: n.weight,
      },
    })),
    ...graph.edges.map((e): EdgeElement => ({
      group: 'edges',
      data: { id: edgeId(e.source, e.target, e.kind), ...e },
    })),
  ];
}

/**
 * What expanding an entity adds: the entities named alongside it and the documents naming it,
 * each joined to it, leaving out what the chart already has.
 */
export function expansion(
  ref: EntityRef,
  detail: EntityResponse,
  has: (id: string) => boolean,
): GraphElement[] {
  const centre = entityNodeId(ref);
  const added: GraphElement[] = [];
  const addNode = (node: NodeElement['data']) => {
    if (!has(node.id) && !added.some((e) => e.data.id === node.id)) {
      added.push({ group: 'nodes', data: node });
    }
  };
  const addEdge = (target: string, kind: string, weight: number) => {
    const id = edgeId(centre, target, kind);
    if (!has(id) && !has(edgeId(target, centre, kind))) {
      added.push({ group: 'edges', data: { id, source: centre, target, kind, weight } });
    }
  };
  for (const other of detail.coOccurring) {
    const id = entityNodeId(other);
    addNode({ id, label: other.name, kind: 'entity', type: other.type, weight: other.documents });
    addEdge(id, 'co-occurrence', other.documents);
  }
  for (const document of detail.documents) {
    const id = documentNodeId(document.id);
    addNode({
      id,
      label: document.title ?? document.id.slice(0, 12),
      kind: 'document',
      type: 'document',
      weight: 1,
    });
    addEdge(id, 'mention', document.mentions);
  }
  return added;
}

/** Above this many nodes a force-directed layout gets slow; a concentric one stays instant. */
export const FORCE_LAYOUT_LIMIT = 800;

/**
 * A force-directed layout (cose) for charts a reader can take in, with a bounded number of
 * iterations; concentric rings by weight for large ones, where cose would take seconds.
 */
export function layoutFor(nodeCount: number): { name: string; [option: string]: unknown } {
  if (nodeCount > FORCE_LAYOUT_LIMIT) {
    return {
      name: 'concentric',
      animate: false,
      concentric: (node: { data(key: string): number }) => node.data('weight'),
      levelWidth: () => 2,
      minNodeSpacing: 4,
    };
  }
  return {
    name: 'cose',
    animate: false,
    randomize: false,
    numIter: 800,
    idealEdgeLength: () => 90,
    nodeRepulsion: () => 120_000,
    nodeOverlap: 20,
    gravity: 0.25,
    padding: 24,
    nodeDimensionsIncludeLabels: false,
  };
}
