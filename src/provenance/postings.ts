/**
 * An inverted index from 64-bit keys (a primary and a check 32-bit hash) to document numbers,
 * built for tens of millions of postings: appended to fixed-size typed-array chunks (no per-key
 * objects; a JS Map tops out at 2²⁴ entries and costs ~80 bytes each), then grouped by sorting.
 *
 * Grouping works one hash range at a time: postings whose primary hash falls in the range are
 * copied out and LSD-radix-sorted (linear time, 2 passes of 14 bits), so the working memory is a
 * sixteenth of the table rather than a second copy of it.
 */
const CHUNK_POSTINGS = 1 << 20;
const PARTITION_BITS = 4;
const PARTITIONS = 1 << PARTITION_BITS;
const SORT_BITS = 32 - PARTITION_BITS;
const RADIX_BITS = SORT_BITS / 2;
const RADIX = 1 << RADIX_BITS;
const RADIX_MASK = RADIX - 1;

export class PostingTable {
  /** Interleaved (primary, check, document) triples. */
  private readonly chunks: Uint32Array[] = [];
  private filled = CHUNK_POSTINGS;
  private readonly partitionSizes = new Float64Array(PARTITIONS);
  private total = 0;

  get size(): number {
    return this.total;
  }

  /** Memory held by the postings, in bytes. */
  get bytes(): number {
    return this.chunks.length * CHUNK_POSTINGS * 12;
  }

  add(primary: number, check: number, document: number): void {
    if (this.filled === CHUNK_POSTINGS) {
      this.chunks.push(new Uint32Array(CHUNK_POSTINGS * 3));
      this.filled = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1]!;
    const at = this.filled * 3;
    chunk[at] = primary;
    chunk[at + 1] = check;
    chunk[at + 2] = document;
    this.filled += 1;
    this.total += 1;
    this.partitionSizes[primary >>> SORT_BITS]! += 1;
  }

  /** Lets every posting go: the table is empty afterwards. */
  clear(): void {
    this.chunks.length = 0;
    this.filled = CHUNK_POSTINGS;
    this.partitionSizes.fill(0);
    this.total = 0;
  }

  /**
   * Every set of two or more distinct documents that share a key, as ascending document numbers.
   * The table is left unchanged, so documents can still be added and groups read again.
   */
  *groups(): Generator<Uint32Array> {
    for (let partition = 0; partition < PARTITIONS; partition += 1) {
      const size = this.partitionSizes[partition]!;
      if (size < 2) continue;
      const { primary, check, document } = this.sortedPartition(partition, size);
      let start = 0;
      while (start < size) {
        let end = start + 1;
        while (end < size && primary[end] === primary[start]) end += 1;
        if (end - start > 1) yield* groupsByCheck(check, document, start, end);
        start = end;
      }
    }
  }

  private sortedPartition(
    partition: number,
    size: number,
  ): { primary: Uint32Array; check: Uint32Array; document: Uint32Array } {
    let primary = new Uint32Array(size);
    let check = new Uint32Array(size);
    let document = new Uint32Array(size);
    let n = 0;
    for (let c = 0; c < this.chunks.length; c += 1) {
      const chunk = this.chunks[c]!;
      const count = c === this.chunks.length - 1 ? this.filled : CHUNK_POSTINGS;
      for (let p = 0; p < count * 3; p += 3) {
        if (chunk[p]! >>> SORT_BITS !== partition) continue;
        primary[n] = chunk[p]!;
        check[n] = chunk[p + 1]!;
        document[n] = chunk[p + 2]!;
        n += 1;
      }
    }
    let toPrimary = new Uint32Array(size);
    let toCheck = new Uint32Array(size);
    let toDocument = new Uint32Array(size);
    const counts = new Uint32Array(RADIX);
    for (let shift = 0; shift < SORT_BITS; shift += RADIX_BITS) {
      counts.fill(0);
      for (let i = 0; i < size; i += 1) counts[(primary[i]! >>> shift) & RADIX_MASK]! += 1;
      let offset = 0;
      for (let r = 0; r < RADIX; r += 1) {
        const c = counts[r]!;
        counts[r] = offset;
        offset += c;
      }
      for (let i = 0; i < size; i += 1) {
        const to = counts[(primary[i]! >>> shift) & RADIX_MASK]!++;
        toPrimary[to] = primary[i]!;
        toCheck[to] = check[i]!;
        toDocument[to] = document[i]!;
      }
      [primary, toPrimary] = [toPrimary, primary];
      [check, toCheck] = [toCheck, check];
      [document, toDocument] = [toDocument, document];
    }
    return { primary, check, document };
  }
}

/** Splits one run of equal primary hashes by check hash; runs are short, so sorting is cheap. */
function* groupsByCheck(
  check: Uint32Array,
  document: Uint32Array,
  start: number,
  end: number,
): Generator<Uint32Array> {
  const members = [];
  for (let i = start; i < end; i += 1) members.push({ check: check[i]!, document: document[i]! });
  members.sort((x, y) => x.check - y.check || x.document - y.document);
  let from = 0;
  while (from < members.length) {
    let to = from + 1;
    while (to < members.length && members[to]!.check === members[from]!.check) to += 1;
    const documents: number[] = [];
    for (let i = from; i < to; i += 1) {
      const d = members[i]!.document;
      if (documents[documents.length - 1] !== d) documents.push(d);
    }
    if (documents.length > 1) yield Uint32Array.from(documents);
    from = to;
  }
}
