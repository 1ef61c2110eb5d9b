import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Hashes per chunk: 4 MB. A document's hashes never straddle two chunks. */
const CHUNK_HASHES = 1 << 20;

/** Held in memory up to this many bytes, by default; past it, full chunks go to a scratch file. */
export const DEFAULT_SPOOL_MEMORY_BYTES = 256 * 1024 * 1024;

/**
 * Every document's shingle hashes in order, kept between the reuse index's two passes so that
 * verification can rule out most candidate pairs on hashes alone instead of reading, tokenising
 * and hashing both texts again (which is where the verify pass spent nine tenths of its time).
 *
 * A million e-mails hold ~330 M hashes (1.3 GB): more than the reuse stage's memory budget. So
 * the spool keeps its first `memoryBytes` in memory and appends later full chunks to an unlinked
 * scratch file, which the operating system's page cache keeps warm and which disappears with the
 * process however it ends. Reads are positioned (`pread`); no file stays open after `close`.
 *
 * Hand-written: no npm package appends typed arrays to a spill file and reads them back by
 * offset, and a database would cost a round trip per read.
 */
export class ShingleSpool {
  /** Chunks still in memory, by chunk number (undefined once written to the file). */
  private readonly chunks: Array<Uint32Array | undefined> = [];
  /** Byte offset of each spilled chunk in the file, by chunk number. */
  private readonly fileOffsets: number[] = [];
  private filled = CHUNK_HASHES;
  private fileBytes = 0;
  private memoryHeld = 0;
  private file: { fd: number } | null = null;
  /** Per document number: chunk number, start in the chunk, and hash count. */
  private chunkOf = new Uint32Array(1024);
  private startOf = new Uint32Array(1024);
  private lengthOf = new Uint32Array(1024);
  private count = 0;
  private readBuffer = new Uint32Array(1024);
  private closed = false;

  constructor(private readonly memoryBytes = DEFAULT_SPOOL_MEMORY_BYTES) {}

  get documents(): number {
    return this.count;
  }

  /** Whether some chunks live in the scratch file. */
  get spilled(): boolean {
    return this.file !== null;
  }

  /** Appends the next document's hashes; documents are numbered from 0 in the order appended. */
  append(hashes: Uint32Array): number {
    if (this.count === this.chunkOf.length) this.grow();
    const chunkSize = Math.max(CHUNK_HASHES, hashes.length);
    if (this.filled + hashes.length > this.currentChunkLength()) this.startChunk(chunkSize);
    const chunk = this.chunks.length - 1;
    this.chunks[chunk]!.set(hashes, this.filled);
    this.chunkOf[this.count] = chunk;
    this.startOf[this.count] = this.filled;
    this.lengthOf[this.count] = hashes.length;
    this.filled += hashes.length;
    return this.count++;
  }

  /**
   * Document `number`'s hashes. The array is a view that the next `read` may overwrite: use it
   * before reading again.
   */
  read(number: number): Uint32Array {
    if (this.closed) throw new Error('the reuse spool was closed: verify before closing the index');
    if (number < 0 || number >= this.count) throw new RangeError(`no document ${number} in spool`);
    const chunk = this.chunks[this.chunkOf[number]!];
    const start = this.startOf[number]!;
    const length = this.lengthOf[number]!;
    if (chunk) return chunk.subarray(start, start + length);
    if (this.readBuffer.length < length) this.readBuffer = new Uint32Array(length * 2);
    const target = Buffer.from(this.readBuffer.buffer, 0, length * 4);
    const position = this.fileOffsets[this.chunkOf[number]!]! + start * 4;
    let done = 0;
    while (done < target.length) {
      const read = readSync(this.file!.fd, target, done, target.length - done, position + done);
      if (read === 0) throw new Error('the reuse spool file ended early');
      done += read;
    }
    return this.readBuffer.subarray(0, length);
  }

  /** Frees the memory and removes the scratch file. */
  close(): void {
    this.closed = true;
    this.chunks.length = 0;
    this.memoryHeld = 0;
    if (this.file) {
      closeSync(this.file.fd);
      this.file = null;
    }
  }

  private currentChunkLength(): number {
    return this.chunks.at(-1)?.length ?? 0;
  }

  private startChunk(size: number): void {
    const previous = this.chunks.length - 1;
    if (previous >= 0 && this.memoryHeld + size * 4 > this.memoryBytes) this.spill(previous);
    this.chunks.push(new Uint32Array(size));
    this.fileOffsets.push(-1);
    this.memoryHeld += size * 4;
    this.filled = 0;
  }

  /** Writes a full chunk to the scratch file and lets its memory go. */
  private spill(chunk: number): void {
    const data = this.chunks[chunk]!;
    // Only the filled part matters, but the chunk is full or nearly so: write it whole.
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const file = this.openFile();
    let written = 0;
    while (written < bytes.length) {
      written += writeSync(
        file.fd,
        bytes,
        written,
        bytes.length - written,
        this.fileBytes + written,
      );
    }
    this.fileOffsets[chunk] = this.fileBytes;
    this.fileBytes += bytes.length;
    this.chunks[chunk] = undefined;
    this.memoryHeld -= bytes.length;
  }

  private openFile(): { fd: number } {
    if (!this.file) {
      const dir = mkdtempSync(join(tmpdir(), 'crosscheck-reuse-'));
      const path = join(dir, 'shingles.bin');
      const fd = openSync(path, 'w+');
      // Unlinked at once: the descriptor keeps it readable, and nothing is left behind if the
      // process dies before `close`.
      rmSync(dir, { recursive: true });
      this.file = { fd };
    }
    return this.file;
  }

  private grow(): void {
    const size = this.chunkOf.length * 2;
    const grown = (from: Uint32Array): Uint32Array<ArrayBuffer> => {
      const to = new Uint32Array(size);
      to.set(from);
      return to;
    };
    this.chunkOf = grown(this.chunkOf);
    this.startOf = grown(this.startOf);
    this.lengthOf = grown(this.lengthOf);
  }
}
