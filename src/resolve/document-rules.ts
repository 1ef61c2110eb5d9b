import { acronymKey, acronymsOf, isAcronym } from './acronyms.js';
import { findAliasEvidence } from './alias-evidence.js';
import { spanKey, type Ledger } from './ledger.js';
import type { NameGraph } from './name-graph.js';
import { cleanName, contentTokens, foldName } from './names.js';
import type { EntityType, Evidence, ResolveDocument, ResolveMention } from './types.js';
import { DenseUnionFind as UnionFind } from '../core/index.js';

/**
 * Reads one document into the name graph. The rules that need the document's own context run
 * first, on the document's names alone, while its text is at hand: alias statements ("X, alias
 * Y"), partial names ("Abbott" after "Greg Abbott") and acronyms spelled out in the same document.
 * Then its names become graph nodes. The text is not kept.
 */
export function ingestDocument(
  graph: NameGraph,
  ledger: Ledger,
  document: ResolveDocument,
  pinnedSpans: ReadonlySet<string>,
): void {
  const sorted = [...document.mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  const local = new DocumentNames(document.id);
  const localOf = new Map<ResolveMention, number>();
  for (const mention of sorted) localOf.set(mention, local.add(mention));

  for (const evidence of findAliasEvidence(document.text, sorted)) {
    const subject = localOf.get(sorted[evidence.subject]!)!;
    const span = { documentId: document.id, start: evidence.start, end: evidence.end };
    if (evidence.object !== null) {
      local.link(subject, localOf.get(sorted[evidence.object]!)!, evidence.rule, span, false);
    } else {
      local.addSurface(subject, evidence.alias, evidence.rule, span);
    }
  }
  local.linkPartialNames();
  local.linkAcronyms();
  const position = ledger.addDocument(document.id);
  const nodes = local.commit(graph, position);

  for (const mention of document.mentions) {
    const node = nodes[localOf.get(mention)!]!;
    ledger.addMention(
      mention.seq,
      node,
      ledger.recordSurfaces
        ? ledger.surfaceId(foldName(cleanName(mention.text, mention.type).display))
        : -1,
    );
    if (pinnedSpans.size === 0) continue;
    const span = { documentId: document.id, start: mention.start, end: mention.end };
    if (pinnedSpans.has(spanKey(span))) {
      ledger.pinned.push({
        ...span,
        document: position,
        seq: mention.seq,
        node,
        text: mention.text,
      });
    }
  }
}

/**
 * A one-word person name ("Abbott", "Miller") means different people in different documents, so
 * it is keyed per document; codes with digits (MX1), nicknames with their article ("El Pato") and
 * longer names are keyed corpus-wide.
 */
export function isScoped(type: EntityType, folded: string): boolean {
  return type === 'person' && !folded.includes(' ') && !/\d/.test(folded);
}

/** A canonical name as one document uses it, before it becomes a graph node. */
interface LocalName {
  type: EntityType;
  display: string;
  folded: string;
  /** Keyed to this document: a one-word person name, or a name this document's context resolved. */
  scoped: boolean;
  firstSpan: Evidence;
  surfaces: Array<{ name: string; rule: string; span: Evidence }>;
}

interface LocalLink {
  a: number;
  b: number;
  rule: string;
  span: Evidence;
}

/** One way a local name is written in this document: its canonical name or a surface. */
interface Written {
  name: number;
  text: string;
  tokens: string[];
  /** What `text` could abbreviate to, read when an acronym in the document first asks. */
  acronyms?: Set<string>;
}

/**
 * The names of one document, with a union-find of their own so that "is this unambiguous here?"
 * is answered from this document's evidence alone, whatever order documents arrive in.
 */
class DocumentNames {
  private readonly names: LocalName[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly sets = new UnionFind();
  private readonly links: LocalLink[] = [];
  private readonly written: Written[] = [];

  constructor(private readonly documentId: string) {}

  add(mention: ResolveMention): number {
    const { display, nickname } = cleanName(mention.normalized, mention.type);
    const folded = foldName(display);
    const key = `${mention.type}:${folded}`;
    const span = { documentId: this.documentId, start: mention.start, end: mention.end };
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.names.length;
      this.names.push({
        type: mention.type,
        display,
        folded,
        scoped: isScoped(mention.type, folded),
        firstSpan: span,
        surfaces: [],
      });
      this.byKey.set(key, id);
      this.sets.add();
      this.written.push({ name: id, text: display, tokens: contentTokens(folded) });
    }
    this.addSurface(id, mention.text, 'extract:normalized', span);
    const inner = cleanName(mention.text, mention.type).nickname ?? nickname;
    if (inner) this.addSurface(id, inner, 'nickname-in-name', span);
    return id;
  }

  addSurface(id: number, name: string, rule: string, span: Evidence): void {
    const target = this.names[id]!;
    target.surfaces.push({ name, rule, span });
    const folded = foldName(cleanName(name, target.type).display);
    if (folded && folded !== target.folded) {
      this.written.push({ name: id, text: name, tokens: contentTokens(folded) });
    }
  }

  /**
   * Links two names. A `contextual` link (partial name, acronym) holds only in this document, so
   * the name it resolves is keyed to the document: "Joaquín Guzmán" may be Guzmán Loera here and
   * Guzmán López elsewhere, and must not join the two.
   */
  link(a: number, b: number, rule: string, span: Evidence, contextual: boolean): void {
    if (a === b) return;
    if (contextual) this.names[a]!.scoped = true;
    this.links.push({ a, b, rule, span });
    this.sets.union(a, b);
  }

  /**
   * A person named by part of a name written in full elsewhere in the document joins it when
   * only one full name fits: "Abbott" → Greg Abbott, "Nieto Pena" → Enrique Peña Nieto,
   * "Joaquín Guzmán" → Joaquín Guzmán Loera. A name written identically wins over a longer one.
   */
  linkPartialNames(): void {
    this.names.forEach((name, id) => {
      const tokens = contentTokens(name.folded);
      if (name.type !== 'person' || tokens.length === 0) return;
      const same: number[] = [];
      const longer: number[] = [];
      for (const other of this.written) {
        if (other.name === id || this.names[other.name]!.type !== 'person') continue;
        if (!tokens.every((token) => other.tokens.includes(token))) continue;
        (new Set(other.tokens).size === new Set(tokens).size ? same : longer).push(other.name);
      }
      const exact = same.length > 0;
      const target = this.onlyOtherSet(id, exact ? same : longer);
      if (target === null) return;
      const rule = exact
        ? 'surface-match:in-document'
        : tokens.length === 1
          ? 'surname:in-document'
          : 'partial-name:in-document';
      this.link(id, target, rule, name.firstSpan, true);
    });
  }

  /** An acronym joins the one name in the document it abbreviates: DHS → Department of Homeland Security. */
  linkAcronyms(): void {
    this.names.forEach((name, id) => {
      if (!isAcronym(name.display)) return;
      const key = acronymKey(name.display);
      const candidates = this.written
        .filter((other) => other.name !== id && this.names[other.name]!.type === name.type)
        .filter((other) => (other.acronyms ??= acronymsOf(other.text)).has(key))
        .map((other) => other.name);
      const target = this.onlyOtherSet(id, candidates);
      if (target !== null) this.link(id, target, 'acronym:in-document', name.firstSpan, true);
    });
  }

  /**
   * Writes the names, surfaces and links into the graph; returns each local name's node. The
   * document is `position` in the ledger, which records where each node is seen.
   */
  commit(graph: NameGraph, position: number): number[] {
    const nodes = this.names.map((name) => {
      const node = graph.node(name.type, name.display, name.scoped ? this.documentId : null);
      for (const surface of name.surfaces) {
        graph.addSurface(node, surface.name, surface.rule, surface.span, position);
      }
      return node;
    });
    for (const link of this.links) graph.link(nodes[link.a]!, nodes[link.b]!, link.rule, link.span);
    return nodes;
  }

  /**
   * The candidate to link to when the candidates form exactly one set in this document other than
   * the name's own, and the name's own set holds none of them (else it is resolved already).
   */
  private onlyOtherSet(id: number, candidates: number[]): number | null {
    const own = this.sets.find(id);
    let chosen: number | null = null;
    for (const candidate of candidates) {
      const set = this.sets.find(candidate);
      if (set === own) return null;
      if (chosen !== null && set !== this.sets.find(chosen)) return null;
      if (chosen === null || this.names[candidate]!.folded < this.names[chosen]!.folded) {
        chosen = candidate;
      }
    }
    return chosen;
  }
}
