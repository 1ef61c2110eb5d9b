import type { ChainLink, ClaimCluster, ClaimDocument } from '../api/workbench-types';

/** One node of a claim's provenance tree: a carrying document, or a source outside the corpus. */
export interface ProvenanceNode {
  /** The document id, or the source's name. */
  key: string;
  document: ClaimDocument | null;
  /** How this node took the words from its parent; null for a root. */
  relation: ChainLink['relation'] | null;
  children: ProvenanceNode[];
}

/** Dated documents first, earliest first; then undated ones and sources, by key. */
function byDate(a: ProvenanceNode, b: ProvenanceNode): number {
  const da = a.document?.date ?? null;
  const db = b.document?.date ?? null;
  if (da && db && da !== db) return da < db ? -1 : 1;
  if (da && !db) return -1;
  if (!da && db) return 1;
  return a.key.localeCompare(b.key);
}

/**
 * Turns the cluster's chain (edges upstream → downstream) into a tree: the origin at the root,
 * then each document under the one it quotes, cites or reprints, siblings by date. A node reached
 * twice is drawn under its first parent only, so a cycle in the data cannot loop the page.
 * Documents the chain leaves out hang under the root as unattributed carriers.
 */
export function buildProvenanceTree(cluster: ClaimCluster): ProvenanceNode[] {
  const documents = new Map(cluster.documents.map((d) => [d.id, d]));
  const downstream = new Map<string, ChainLink[]>();
  const hasParent = new Set<string>();
  for (const link of cluster.chain) {
    downstream.set(link.from, [...(downstream.get(link.from) ?? []), link]);
    hasParent.add(link.to);
  }
  const placed = new Set<string>();
  const grow = (key: string, relation: ChainLink['relation'] | null): ProvenanceNode => {
    placed.add(key);
    const children = (downstream.get(key) ?? [])
      .filter((link) => !placed.has(link.to))
      .map((link) => {
        placed.add(link.to);
        return link;
      })
      .map((link) => grow(link.to, link.relation))
      .sort(byDate);
    return { key, document: documents.get(key) ?? null, relation, children };
  };
  const rootKeys = [...new Set(cluster.chain.map((l) => l.from))].filter((k) => !hasParent.has(k));
  const roots = rootKeys.map((key) => grow(key, null));
  for (const d of cluster.documents) {
    if (!placed.has(d.id)) roots.push(grow(d.id, null));
  }
  return roots.sort(byDate);
}

/** Every node of the tree, depth first: for counting and for tests. */
export function flatten(nodes: ProvenanceNode[]): ProvenanceNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}
