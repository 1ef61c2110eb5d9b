import { foldAccents } from '../core/index.js';
import { cleanName, foldName } from './names.js';
import type { EntityType, Evidence } from './types.js';
import { DenseUnionFind as UnionFind } from '../core/index.js';

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
  documents: DocumentIds;
  /** Other ways the name was written, by folded form (most names have none: see NO_SURFACES). */
  surfaces: ReadonlyMap<string, Surface>;
}

export interface Surface {
  name: string;
  /** Listed in the curated aliases (it may also have been seen in documents). */
  curated: boolean;
  documents: DocumentIds;
  rule: string;
  evidence: Evidence | null;
}

export interface Edge {
  a: number;
  b: number;
  rule: string;
  evidence: Evidence | null;
}

/**
 * The documents a name or surface was seen in. Most names are seen in one document, and a
 * million documents bring millions of names, so one id stands alone and only names seen more
 * than once get an array (8 bytes an entry; a Set costs some 140 bytes empty and 20+ an entry).
 * An array may repeat an id only when a document came twice or a decision moved ids: readers
 * take `sortedDocuments`, which drops repeats.
 */
export type DocumentIds = null | string | string[];

/** `ids` with `id` added: a document's mentions come together, so a repeat is the last id. */
export function withDocument(ids: DocumentIds, id: string): DocumentIds {
  if (ids === null) return id;
  if (typeof ids === 'string') return ids === id ? ids : [ids, id];
  if (ids[ids.length - 1] !== id) ids.push(id);
  return ids;
}

/** The distinct documents, sorted. */
export function sortedDocuments(ids: DocumentIds): string[] {
  if (ids === null) return [];
  if (typeof ids === 'string') return [ids];
  const sorted = [...ids].sort();
  return sorted.filter((id, at) => at === 0 || sorted[at - 1] !== id);
}

export function documentList(ids: DocumentIds): readonly string[] {
  return ids === null ? [] : typeof ids === 'string' ? [ids] : ids;
}

/** Shared by every node without surfaces until its first one (a Map costs ~160 bytes empty). */
const NO_SURFACES: ReadonlyMap<string, Surface> = new Map();

export class NameGraph {
  readonly nodes: NameNode[] = [];
  readonly edges: Edge[] = [];
  /** Replaced by `rebuild` when an analyst split cuts links. */
  uf = new UnionFind();
  private readonly byKey = new Map<string, number>();
  private readonly edgeByPair = new Map<string, number>();
  /** `type:folded name` → the node with that name, or nodes (corpus-wide and per document). */
  private readonly byName = new Map<string, number | number[]>();
  /** `type:folded surface` → nodes written that way (a node's own name is not repeated here). */
  readonly surfaceIndex = new Map<string, Set<number>>();

  lookup(key: string): number | undefined {
    return this.byKey.get(key);
  }

  /** Nodes named `type:folded name`, corpus-wide and per document, in creation order. */
  named(name: string): number[] {
    const nodes = this.byName.get(name);
    return nodes === undefined ? [] : typeof nodes === 'number' ? [nodes] : [...nodes];
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
      documents: null,
      surfaces: NO_SURFACES,
    });
    this.byKey.set(key, id);
    // A corpus-wide name's key is its name: the same string serves both maps.
    const name = scope === null ? key : `${type}:${folded}`;
    const named = this.byName.get(name);
    if (named === undefined) this.byName.set(name, id);
    else if (typeof named === 'number') this.byName.set(name, [named, id]);
    else named.push(id);
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
      if (documentId !== null) this.addDocument(node, documentId);
      return null;
    }
    let surface = target.surfaces.get(folded);
    if (!surface) {
      surface = { name: name.trim(), curated: false, documents: null, rule, evidence };
      const surfaces =
        target.surfaces === NO_SURFACES
          ? new Map<string, Surface>()
          : (target.surfaces as Map<string, Surface>);
      surfaces.set(folded, surface);
      target.surfaces = surfaces;
      const indexKey = `${target.type}:${folded}`;
      const holders = this.surfaceIndex.get(indexKey) ?? new Set<number>();
      holders.add(node);
      this.surfaceIndex.set(indexKey, holders);
    } else if (surface.documents === null && documentId !== null) {
      // First seen in a document after the curated list: show it as the document wrote it.
      Object.assign(surface, { name: name.trim(), rule, evidence });
    } else if (earlier(evidence, surface.evidence)) {
      surface.evidence = evidence;
      surface.rule = rule;
    }
    if (documentId !== null) surface.documents = withDocument(surface.documents, documentId);
    else surface.curated = true;
    return folded;
  }

  /** Records that a mention in `documentId` carried `node` as its canonical name. */
  addDocument(node: number, documentId: string): void {
    const target = this.nodes[node]!;
    target.documents = withDocument(target.documents, documentId);
  }

  /** Takes a surface off a node (an analyst split it off); returns it, if the node had it. */
  removeSurface(node: number, folded: string): Surface | undefined {
    const target = this.nodes[node]!;
    const surface = target.surfaces.get(folded);
    if (!surface) return undefined;
    (target.surfaces as Map<string, Surface>).delete(folded);
    this.surfaceIndex.get(`${target.type}:${folded}`)?.delete(node);
    return surface;
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
  // Nearly every mention of a name spells it as the node already does.
  if (a === b) return a;
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
