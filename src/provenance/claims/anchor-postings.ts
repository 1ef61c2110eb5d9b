import type { KeyTable } from './key-table.js';

/** Marks an empty slot: ids are stored plus one, so that a fresh array is all empty. */
const EMPTY = 0;

/**
 * Postings for the only keys the matcher ever looks up — each statement's `anchors` smallest (its
 * bottom-k sketch) — in flat typed arrays (CSR): anchor a's statements are
 * `statements[offset(a) … offset(a+1))`, ascending. Indexing every key of every statement in a
 * Map of arrays held millions of boxed keys nobody asked for.
 *
 * A list keeps only its first `maxPostings` statements: the matcher follows no more than that, so
 * the rest would be memory for nothing. Built in passes over the key table: the anchor keys sorted
 * and made distinct (their dense ids are their ranks), an open-addressing hash from key to id,
 * then the lists' lengths, then the lists.
 *
 * The hash holds only ids, sized by the distinct keys: sized by every sampled key, with the key
 * itself in each slot, it was 12 bytes a slot at two to four slots a sampled key. At 100,000
 * e-mails 1,765,969 sampled anchors are 108,197 distinct keys: 4 M slots (48 MB) then, 256 K
 * slots (1 MB) now, beside a 14 MB sort before matching starts.
 */
export class AnchorPostings {
  /** The distinct anchor keys, ascending: key `keys[id]` has id `id`. */
  private readonly keys: Float64Array;
  private readonly slotIds: Int32Array;
  private readonly mask: number;
  private readonly offsets: Uint32Array;
  private readonly statements: Uint32Array;

  constructor(table: KeyTable, anchors: number, maxPostings: number) {
    this.keys = distinctAnchorKeys(table, anchors);
    const distinct = this.keys.length;
    let capacity = 16;
    while (capacity < distinct * 2) capacity *= 2;
    this.slotIds = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let id = 0; id < distinct; id += 1) this.slotIds[this.slotOf(this.keys[id]!)] = id + 1;

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
    return this.slotIds[this.slotOf(key)]! - 1;
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

  /**
   * The key's slot, or the empty slot where it would go. Linear probing from the key's low 32
   * bits: its primary shingle hash, already well mixed.
   */
  private slotOf(key: number): number {
    let slot = (key >>> 0) & this.mask;
    for (;;) {
      const held = this.slotIds[slot]!;
      if (held === EMPTY || this.keys[held - 1] === key) return slot;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** Every statement's `anchors` smallest keys, sorted and distinct, in an array of exactly their size. */
function distinctAnchorKeys(table: KeyTable, anchors: number): Float64Array {
  let sampled = 0;
  for (let s = 0; s < table.size; s += 1) sampled += Math.min(anchors, table.length(s));
  const all = new Float64Array(sampled);
  let at = 0;
  for (let s = 0; s < table.size; s += 1) {
    const from = table.start(s);
    const to = Math.min(table.end(s), from + anchors);
    all.set(table.keys.subarray(from, to), at);
    at += to - from;
  }
  // A typed array sorts numerically, in place, without a comparator call per pair.
  all.sort();
  let distinct = 0;
  for (let i = 0; i < sampled; i += 1) {
    if (i === 0 || all[i] !== all[i - 1]) all[distinct++] = all[i]!;
  }
  return all.slice(0, distinct);
}
