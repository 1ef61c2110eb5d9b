/**
 * The documents resolution has read, by input position: what the rest of the resolver's state
 * points at with an integer instead of holding an id string per name and per alias. A store's ids
 * are SHA-256 digests written in lower-case hex (64 characters, about 90 bytes as a JS string
 * with its array slot), so those are kept as their 32 bytes in fixed-size buffers, outside the JS
 * heap; any other id (tests, hand-made corpora) is kept as it is. A million documents' ids take
 * 32 MB this way.
 */
const HEX_ID = /^[0-9a-f]{64}$/;
const ID_BYTES = 32;
/** Ids a buffer holds: 128 KB a buffer, so a small corpus does not reserve much. */
const CHUNK_IDS = 4096;

export class DocumentTable {
  private readonly chunks: Buffer[] = [];
  /** Ids that are not 64 lower-case hex digits, by position. */
  private readonly others = new Map<number, string>();
  private count = 0;

  get length(): number {
    return this.count;
  }

  /** Appends a document's id; returns its position. */
  add(id: string): number {
    const index = this.count;
    const at = (index % CHUNK_IDS) * ID_BYTES;
    if (at === 0) this.chunks.push(Buffer.alloc(CHUNK_IDS * ID_BYTES));
    if (HEX_ID.test(id)) this.chunks[this.chunks.length - 1]!.write(id, at, ID_BYTES, 'hex');
    else this.others.set(index, id);
    this.count += 1;
    return index;
  }

  /** The id of the document at `index` (a new string for a hex id: callers keep it if reused). */
  id(index: number): string {
    if (index < 0 || index >= this.count)
      throw new RangeError(`no document ${index} of ${this.count}`);
    const other = this.others.get(index);
    if (other !== undefined) return other;
    const at = (index % CHUNK_IDS) * ID_BYTES;
    return this.chunks[Math.floor(index / CHUNK_IDS)]!.toString('hex', at, at + ID_BYTES);
  }
}
