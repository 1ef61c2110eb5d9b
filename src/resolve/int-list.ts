/**
 * An append-only list of 32-bit integers in fixed-size typed-array chunks: 4 bytes an entry, no
 * per-entry object and no doubling copy as it grows (a JS array of numbers costs 8 bytes an entry
 * and copies itself whole each time it outgrows its store). Holds the resolver's per-mention
 * columns, tens of millions of entries for a million documents. Hand-written: a dozen lines.
 */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

export class IntList {
  private readonly chunks: Int32Array[] = [];
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if ((this.count & MASK) === 0) this.chunks.push(new Int32Array(CHUNK));
    this.chunks[this.count >>> CHUNK_BITS]![this.count & MASK] = value;
    this.count += 1;
  }

  get(index: number): number {
    if (index < 0 || index >= this.count)
      throw new RangeError(`no entry ${index} of ${this.count}`);
    return this.chunks[index >>> CHUNK_BITS]![index & MASK]!;
  }
}
