import type { Evidence } from './types.js';

/** One document's mentions as the resolver remembers them: three integers each, no text. */
export interface DocumentLedger {
  id: string;
  seqs: number[];
  /** The name node each mention carries. */
  nodes: number[];
  /** The folded surface each mention was written as, interned (see `Ledger.surfaceId`). */
  surfaces: number[];
}

/** A mention an analyst decision addresses by span; kept apart because decisions are few. */
export interface PinnedMention extends Evidence {
  seq: number;
  node: number;
  text: string;
}

/**
 * What assignments are built from at the end. The only part of the resolver's memory that grows
 * with mentions: integers, with surface strings interned once per distinct form.
 */
export class Ledger {
  readonly documents: DocumentLedger[] = [];
  readonly pinned: PinnedMention[] = [];
  private readonly surfaceIds = new Map<string, number>();

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
