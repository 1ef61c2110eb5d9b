import { foldAccents } from '../core/index.js';
import { cleanName, foldName } from './names.js';
import type { EntityType, Evidence } from './types.js';
import { DenseUnionFind as UnionFind } from '../core/index.js';
import { withDocument, type DocumentList } from './document-list.js';

/**
 * The resolver's whole state but the ledger: one node per distinct canonical name, the surfaces
 * each was written as (and the documents each surface is seen in), and every link found between
 * names. Everything here grows with the number of distinct names, never with the number of
 * mentions.
 */
export interface NameNode {
  /**
   * `type:folded name`, plus `@documentId` for a name that means something only in one document
   * (a one-word person name, or a name that document's context resolved).
   */
  key: string;
  type: EntityType;
  folded: string;
  /**
   * Keyed to one document (its key ends in `@…`), not corpus-wide. Only the key names the
   * document: a reference to its id here would keep an id string alive per such name.
   */
  scoped: boolean;
  /** From the curated alias list rather than from a document. */
  curated: boolean;
  display: string;
  /** Other ways the name was written, by folded form (most names have none: see NO_SURFACES). */
  surfaces: ReadonlyMap<string, Surface>;
}

/*
 * A node keeps no list of the documents it was seen in: the ledger records every mention's node
 * by document, so the build step reads them from there (see `NodeDocuments`). Those lists were
 * most of the resolver's memory (an id reference per name and document).
 */

export interface Surface {
  name: string;
  /** Listed in the curated aliases (it may also have been seen in documents). */
  curated: boolean;
  /** Documents (input positions) it was written in. */
  documents: DocumentList;
  rule: string;
  evidence: Evidence | null;
}

export interface Edge {
  a: number;
  b: number;
  rule: string;
  evidence: Evidence | null;
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
  /**
   * Documents (input positions) an analyst's decision gave a node beyond those the ledger has its
   * mentions in: a split-off surface's, a split-off mention's.
   */
  readonly decidedDocuments = new Map<number, number[]>();

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
      scoped: scope !== null,
      curated,
      display,
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
   * Records that `node` was written as `name` (in the document at input position `document`, or
   * in the curated list when null). Returns the folded surface, or null when it is just the
   * node's own name (a node's documents are the ledger's: nothing to record then).
   */
  addSurface(
    node: number,
    name: string,
    rule: string,
    evidence: Evidence | null,
    document: number | null,
  ): string | null {
    const target = this.nodes[node]!;
    const folded = foldName(cleanName(name, target.type).display);
    if (!folded || folded === target.folded) return null;
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
    } else if (surface.documents === null && document !== null) {
      // First seen in a document after the curated list: show it as the document wrote it.
      Object.assign(surface, { name: name.trim(), rule, evidence });
    } else {
      // Written several ways ("Juárez", "Juarez"): shown the same way whatever order the
      // documents are read in, as the node's own name is.
      if (document !== null) surface.name = preferredSpelling(surface.name, name.trim());
      if (earlier(evidence, surface.evidence)) {
        surface.evidence = evidence;
        surface.rule = rule;
      }
    }
    if (document !== null) surface.documents = withDocument(surface.documents, document);
    else surface.curated = true;
    return folded;
  }

  /**
   * Records that an analyst's decision gave `node` a document (input position) its mentions in
   * the ledger do not: while documents are read, the ledger alone says where a node was seen.
   */
  addDecidedDocument(node: number, document: number): void {
    const list = this.decidedDocuments.get(node);
    if (list) list.push(document);
    else this.decidedDocuments.set(node, [document]);
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
