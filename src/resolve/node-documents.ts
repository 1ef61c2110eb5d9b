import type { Ledger } from './ledger.js';

/**
 * The documents each name node was seen in, read from the ledger when the resolution is built
 * (a node is seen in a document when one of the document's mentions carries it), plus those an
 * analyst's decision gave it. Held as two typed arrays, an offset per node and a position per
 * (node, document): while documents are read nothing is kept per name and document but the
 * ledger's one integer per mention.
 */
export class NodeDocuments {
  /** Node `n`'s positions are `positions[offsets[n]]` up to `positions[offsets[n + 1]]`. */
  private readonly offsets: Int32Array;
  private readonly positions: Int32Array;

  constructor(
    private readonly ledger: Ledger,
    nodeCount: number,
    private readonly decided: ReadonlyMap<number, readonly number[]>,
  ) {
    // A document's mentions come together: a node seen again in the same document is skipped.
    const last = new Int32Array(nodeCount).fill(-1);
    const counts = new Int32Array(nodeCount + 1);
    ledger.forEachMention((document, _seq, node) => {
      if (last[node] === document) return;
      last[node] = document;
      counts[node + 1]! += 1;
    });
    for (let node = 0; node < nodeCount; node += 1) counts[node + 1]! += counts[node]!;
    this.offsets = counts;
    this.positions = new Int32Array(counts[nodeCount]!);
    const next = counts.slice(0, nodeCount);
    last.fill(-1);
    ledger.forEachMention((document, _seq, node) => {
      if (last[node] === document) return;
      last[node] = document;
      this.positions[next[node]!] = document;
      next[node]! += 1;
    });
  }

  /** Whether the node was seen in any document. */
  seen(node: number): boolean {
    return (
      (node + 1 < this.offsets.length && this.offsets[node + 1]! > this.offsets[node]!) ||
      this.decided.has(node)
    );
  }

  /** The ids of the documents the node was seen in, sorted, each once. */
  ids(node: number): string[] {
    const positions: number[] = [];
    if (node + 1 < this.offsets.length) {
      for (let at = this.offsets[node]!; at < this.offsets[node + 1]!; at += 1) {
        positions.push(this.positions[at]!);
      }
    }
    positions.push(...(this.decided.get(node) ?? []));
    return sortedIds(this.ledger, positions);
  }
}

/** The ids of the documents at these input positions, sorted, each once. */
export function sortedIds(ledger: Ledger, positions: readonly number[]): string[] {
  const sorted = positions.map((position) => ledger.documentId(position)).sort();
  return sorted.filter((id, at) => at === 0 || sorted[at - 1] !== id);
}
