import type { KeyTable } from './key-table.js';

/** Marks an empty slot: keys are non-negative. */
const EMPTY = -1;

/**
 * Postings for the only keys the matcher ever looks up — each statement's `anchors` smallest (its
 * bottom-k sketch) — in flat typed arrays (CSR): anchor a's statements are
 * `statements[offset(a) … offset(a+1))`, ascending. Indexing every key of every statement in a
 * Map of arrays held millions of boxed keys nobody asked for.
 *
 * A list keeps only its first `maxPostings` statements: the matcher follows no more than that, so
 * the rest would be memory for nothing. Built in passes over the key table: the anchor keys into
 * an open-addressing hash (their dense ids), then the lists' lengths, then the lists.
 */
export class AnchorPostings {
  private readonly slotKeys: Float64Array;
  private readonly slotIds: Int32Array;
  private readonly mask: number;
  private readonly offsets: Uint32Array;
  private readonly statements: Uint32Array;

  constructor(table: KeyTable, anchors: number, maxPostings: number) {
    const keys = table.keys;
    let sampled = 0;
    for (let s = 0; s < table.size; s += 1) sampled += Math.min(anchors, table.length(s));
    let capacity = 16;
    while (capacity < sampled * 2) capacity *= 2;
    this.slotKeys = new Float64Array(capacity).fill(EMPTY);
    this.slotIds = new Int32Array(capacity);
    this.mask = capacity - 1;

    let distinct = 0;
    for (let s = 0; s < table.size; s += 1) {
      const from = table.start(s);
      const to = Math.min(table.end(s), from + anchors);
      for (let i = from; i < to; i += 1) {
        const slot = this.slotOf(keys[i]!);
        if (this.slotKeys[slot] === EMPTY) {
          this.slotKeys[slot] = keys[i]!;
          this.slotIds[slot] = distinct;
          distinct += 1;
        }
      }
    }

    const lengths = new Uint32Array(distinct);
    this.forEachAnchorKey(table, (anchor) => {
      if (lengths[anchor]! < maxPostings) lengths[anchor]! += 1;
    });
    this.offsets = new Uint32Array(distinct + 1);
    for (let a = 0; a < distinct; a += 1) this.offsets[a + 1] = this.offsets[a]! + lengths[a]!;
    this.statements = new Uint32Array(this.offsets[distinct]!);
    const filled = lengths.fill(0);
    this.forEachAnchorKey(table, (anchor, statement) => {
      if (filled[anchor]! >= maxPostings) return;
      this.statements[this.offsets[anchor]! + filled[anchor]!] = statement;
      filled[anchor]! += 1;
    });
  }

  /** Distinct anchor keys: their ids are 0 … size−1. */
  get size(): number {
    return this.offsets.length - 1;
  }

  /** The dense id of an anchor key, or −1 when no statement has it among its anchors. */
  idOf(key: number): number {
    const slot = this.slotOf(key);
    return this.slotKeys[slot] === EMPTY ? -1 : this.slotIds[slot]!;
  }

  /** Anchor `id`'s statements are `list[from(id) … to(id))`, ascending. */
  get list(): Uint32Array {
    return this.statements;
  }

  from(id: number): number {
    return this.offsets[id]!;
  }

  to(id: number): number {
    return this.offsets[id + 1]!;
  }

  /** Calls back for every key of every statement that is an anchor, statements in index order. */
  private forEachAnchorKey(
    table: KeyTable,
    visit: (anchor: number, statement: number) => void,
  ): void {
    const keys = table.keys;
    for (let s = 0; s < table.size; s += 1) {
      const to = table.end(s);
      for (let i = table.start(s); i < to; i += 1) {
        const id = this.idOf(keys[i]!);
        if (id >= 0) visit(id, s);
      }
    }
  }

  /** Linear probing from the key's low 32 bits: its primary shingle hash, already well mixed. */
  private slotOf(key: number): number {
    let slot = (key >>> 0) & this.mask;
    for (;;) {
      const held = this.slotKeys[slot]!;
      if (held === EMPTY || held === key) return slot;
      slot = (slot + 1) & this.mask;
    }
  }
}
