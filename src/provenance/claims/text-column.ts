import { grownTo } from '../../core/index.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Many strings in one growable UTF-8 byte arena, numbered densely from 0; null is kept as null.
 * Tracing a million e-mails keeps the words of some three million statements and the title and
 * file name of every document until the clusters are built: as JS strings (a header each, two
 * bytes a character once one curly quote is in) they filled V8's 4 GB heap. Here a mostly Latin
 * text costs a little over a byte a character, outside the heap.
 *
 * An unpaired surrogate is stored as U+FFFD, one code unit for one, so offsets into the original
 * text still hold; ingest already decodes invalid bytes to U+FFFD.
 */
export class TextColumn {
  private bytes = new Uint8Array(1 << 16);
  /** Byte offsets: string i is `bytes[ends[i-1] … ends[i])` (a null takes no bytes). */
  private ends = new Float64Array(1 << 10);
  private nulls = new Uint8Array(1 << 10);
  private used = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Appends `text` and returns its index. */
  add(text: string | null): number {
    if (this.count === this.ends.length) {
      this.ends = grownTo(this.ends, this.count + 1);
      this.nulls = grownTo(this.nulls, this.count + 1);
    }
    if (text === null) {
      this.nulls[this.count] = 1;
      this.ends[this.count] = this.used;
      return this.count++;
    }
    // encodeInto needs room for the worst case, three bytes per UTF-16 code unit.
    const room = this.used + text.length * 3;
    if (room > this.bytes.length) this.bytes = grownTo(this.bytes, room);
    const { written } = encoder.encodeInto(text, this.bytes.subarray(this.used));
    this.used += written;
    this.ends[this.count] = this.used;
    return this.count++;
  }

  /** Gives back the room kept for growth, once every string is added (see KeyTable.trim). */
  trim(): void {
    this.bytes = this.bytes.slice(0, this.used);
    this.ends = this.ends.slice(0, this.count);
    this.nulls = this.nulls.slice(0, this.count);
  }

  get(index: number): string | null {
    if (this.nulls[index] === 1) return null;
    const start = index === 0 ? 0 : this.ends[index - 1]!;
    return decoder.decode(this.bytes.subarray(start, this.ends[index]!));
  }
}
