import { DocumentTable } from './document-table.js';
import { IntList } from './int-list.js';
import type { Evidence } from './types.js';

/** A mention an analyst decision addresses by span; kept apart because decisions are few. */
export interface PinnedMention extends Evidence {
  /** Its document's input position. */
  document: number;
  seq: number;
  node: number;
  text: string;
}

/**
 * What assignments are built from at the end: for every mention, in input order, its position in
 * its document's mention list, the name node it carries and, when an analyst split a name off an
 * entity, the folded surface it was written as (interned: see `surfaceId`). The only part of the
 * resolver's memory that grows with mentions, so it is kept in typed-array columns of 4 bytes a
 * mention, plus one id per document (32 bytes for a store's: see `DocumentTable`):
 *
 * - the node, always;
 * - the position (`seq`) only once some mention's differs from its index in its document's list
 *   (extraction numbers them in order, so usually never);
 * - the surface only when `recordSurfaces` (a split by name reads it; nothing else does).
 */
export class Ledger {
  readonly pinned: PinnedMention[] = [];
  /** Every document read, by input position: the rest of the resolver names documents so. */
  readonly documents = new DocumentTable();
  /** Index of each document's first mention in the columns. */
  private readonly starts = new IntList();
  private readonly nodes = new IntList();
  private seqs: IntList | null = null;
  private readonly surfaces: IntList | null;
  private readonly surfaceIds = new Map<string, number>();

  constructor(readonly recordSurfaces = true) {
    this.surfaces = recordSurfaces ? new IntList() : null;
  }

  get documentCount(): number {
    return this.documents.length;
  }

  get mentionCount(): number {
    return this.nodes.length;
  }

  /** Starts a document: the mentions recorded next are its own. Returns its input position. */
  addDocument(id: string): number {
    this.starts.push(this.nodes.length);
    return this.documents.add(id);
  }

  /** The id of the document at input position `document`. */
  documentId(document: number): string {
    return this.documents.id(document);
  }

  /** `surface` is ignored (pass -1) unless the ledger records surfaces. */
  addMention(seq: number, node: number, surface: number): void {
    const index = this.nodes.length - this.starts.get(this.starts.length - 1);
    if (this.seqs === null && seq !== index) this.seqs = this.positions();
    this.seqs?.push(seq);
    this.nodes.push(node);
    this.surfaces?.push(surface);
  }

  /**
   * Every mention in input order, document by document (documents `from` to `until`, by input
   * position). The callback gets the document's position (`documentId` gives its id).
   */
  forEachMention(
    visit: (document: number, seq: number, node: number, surface: number) => void,
    from = 0,
    until = this.documents.length,
  ): void {
    for (let document = from; document < until; document += 1) {
      const end =
        document + 1 < this.documents.length ? this.starts.get(document + 1) : this.nodes.length;
      const start = this.starts.get(document);
      for (let at = start; at < end; at += 1) {
        visit(
          document,
          this.seqs === null ? at - start : this.seqs.get(at),
          this.nodes.get(at),
          this.surfaces === null ? -1 : this.surfaces.get(at),
        );
      }
    }
  }

  /** The seq column as it would be so far: each mention's index in its document. */
  private positions(): IntList {
    const seqs = new IntList();
    for (let document = 0; document < this.documents.length; document += 1) {
      const start = this.starts.get(document);
      const end =
        document + 1 < this.documents.length ? this.starts.get(document + 1) : this.nodes.length;
      for (let at = start; at < end; at += 1) seqs.push(at - start);
    }
    return seqs;
  }

  surfaceId(folded: string): number {
    let id = this.surfaceIds.get(folded);
    if (id === undefined) {
      id = this.surfaceIds.size;
      this.surfaceIds.set(folded, id);
    }
    return id;
  }

  /** The interned id of a folded surface, if any mention was written that way. */
  knownSurface(folded: string): number | undefined {
    return this.surfaceIds.get(folded);
  }
}

/** How a mention span is addressed in decisions and the ledger: `documentId:start:end`. */
export function spanKey(span: Evidence): string {
  return `${span.documentId}:${span.start}:${span.end}`;
}
