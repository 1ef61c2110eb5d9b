import { foldAccents } from '../core/index.js';
import { cleanName, foldName } from './names.js';
import type { EntityType, Evidence } from './types.js';
import { UnionFind } from './union-find.js';

/**
 * The resolver's whole state: one node per distinct canonical name, the surfaces each was written
 * as, and every link found between names. Everything here grows with the number of distinct names
 * (and the documents each appears in), never with the number of mentions.
 */
export interface NameNode {
  /**
   * `type:folded name`, plus `@documentId` for a name that means something only in one document
   * (a one-word person name, or a name that document's context resolved).
   */
  key: string;
  type: EntityType;
  folded: string;
  /** The document a scoped name belongs to; null for corpus-wide names. */
  scope: string | null;
  /** From the curated alias list rather than from a document. */
  curated: boolean;
  display: string;
  /** Documents where a mention carried this name as its canonical name. */
  documents: Set<string>;
  /** Other ways the name was written, by folded form. */
  surfaces: Map<string, Surface>;
}

export interface Surface {
  name: string;
  /** Listed in the curated aliases (it may also have been seen in documents). */
  curated: boolean;
  documents: Set<string>;
  rule: string;
  evidence: Evidence | null;
}

export interface Edge {
  a: number;
  b: number;
  rule: string;
  evidence: Evidence | null;
}

export class NameGraph {
  readonly nodes: NameNode[] = [];
  readonly edges: Edge[] = [];
  /** Replaced by `rebuild` when an analyst split cuts links. */
  uf = new UnionFind();
  private readonly byKey = new Map<string, number>();
  private readonly edgeByPair = new Map<string, number>();
  /** `type:folded name` → nodes with that name, corpus-wide and per document. */
  readonly byName = new Map<string, Set<number>>();
  /** `type:folded surface` → nodes written that way (a node's own name is not repeated here). */
  readonly surfaceIndex = new Map<string, Set<number>>();

  lookup(key: string): number | undefined {
    return this.byKey.get(key);
  }

  /** The node for a canonical name, created on first sight. */
  node(type: EntityType, display: string, scope: string | null, curated = false): number {
    const folded = foldName(display);
    const key = `${type}:${folded}${scope === null ? '' : `@${scope}`}`;
    const existing = this.byKey.get(key);
    if (existing !== undefined) {
      const node = this.nodes[existing]!;
      node.display = preferredSpelling(node.display, display);
      node.curated ||= curated;
      return existing;
    }
    const id = this.uf.add();
    this.nodes.push({
      key,
      type,
      folded,
      scope,
      curated,
      display,
      documents: new Set(),
      surfaces: new Map(),
    });
    this.byKey.set(key, id);
    const named = this.byName.get(`${type}:${folded}`) ?? new Set<number>();
    this.byName.set(`${type}:${folded}`, named.add(id));
    return id;
  }

  /**
   * Records that `node` was written as `name` (in `documentId`, or in the curated list when
   * null). Returns the folded surface, or null when it is just the node's own name.
   */
  addSurface(
    node: number,
    name: string,
    rule: string,
    evidence: Evidence | null,
    documentId: string | null,
  ): string | null {
    const target = this.nodes[node]!;
    const folded = foldName(cleanName(name, target.type).display);
    if (!folded) return null;
    if (folded === target.folded) {
      if (documentId !== null) target.documents.add(documentId);
      return null;
    }
    let surface = target.surfaces.get(folded);
    if (!surface) {
      surface = { name: name.trim(), curated: false, documents: new Set(), rule, evidence };
      target.surfaces.set(folded, surface);
      const indexKey = `${target.type}:${folded}`;
      const holders = this.surfaceIndex.get(indexKey) ?? new Set<number>();
      holders.add(node);
      this.surfaceIndex.set(indexKey, holders);
    } else if (surface.documents.size === 0 && documentId !== null) {
      // First seen in a document after the curated list: show it as the document wrote it.
      Object.assign(surface, { name: name.trim(), rule, evidence });
    } else if (earlier(evidence, surface.evidence)) {
      surface.evidence = evidence;
      surface.rule = rule;
    }
    if (documentId !== null) surface.documents.add(documentId);
    else surface.curated = true;
    return folded;
  }

  /** Links two names with the rule (and span) that says they are one; duplicates are kept once. */
  link(a: number, b: number, rule: string, evidence: Evidence | null = null): void {
    if (a === b) return;
    const [low, high] = a < b ? [a, b] : [b, a];
    const pair = `${low}|${high}|${rule}`;
    const existing = this.edgeByPair.get(pair);
    if (existing !== undefined) {
      const edge = this.edges[existing]!;
      if (earlier(evidence, edge.evidence)) edge.evidence = evidence;
      return;
    }
    this.edgeByPair.set(pair, this.edges.length);
    this.edges.push({ a: low, b: high, rule, evidence });
    this.uf.union(low, high);
  }

  find(node: number): number {
    return this.uf.find(node);
  }

  /** Replays the links into fresh sets, leaving out some: how analyst splits undo merges. */
  rebuild(skip: (edge: Edge) => boolean): void {
    this.uf = new UnionFind();
    for (let i = 0; i < this.nodes.length; i++) this.uf.add();
    for (const edge of this.edges) if (!skip(edge)) this.uf.union(edge.a, edge.b);
  }
}

/**
 * Of two spellings of one folded name, the one an encyclopedia would use: accents kept
 * ("Ciudad Juárez" over "Ciudad Juarez"), then mixed case over all capitals, then the first in
 * code-point order, so the choice does not depend on which document came first.
 */
function preferredSpelling(a: string, b: string): string {
  const score = (s: string) => [
    [...s].filter((char) => foldAccents(char) !== char).length,
    s === s.toUpperCase() ? 0 : 1,
  ];
  const [accentsA, caseA] = score(a);
  const [accentsB, caseB] = score(b);
  if (accentsA !== accentsB) return accentsA! > accentsB! ? a : b;
  if (caseA !== caseB) return caseA! > caseB! ? a : b;
  return a <= b ? a : b;
}

/** Evidence is kept from the first document in id order, so input order does not change it. */
function earlier(candidate: Evidence | null, current: Evidence | null): boolean {
  if (!candidate) return false;
  if (!current) return true;
  if (candidate.documentId !== current.documentId) return candidate.documentId < current.documentId;
  return candidate.start < current.start;
}

/** Orders nodes by key: the order every rule visits names in, so results do not follow input order. */
export function compareKeys(graph: NameGraph, a: number, b: number): number {
  const keyA = graph.nodes[a]!.key;
  const keyB = graph.nodes[b]!.key;
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}
