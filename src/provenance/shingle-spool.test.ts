import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { seededRandom } from './hash.js';
import { ShingleSpool } from './shingle-spool.js';

/** Documents of assorted lengths, one of them longer than a 4 MB chunk, and an empty one. */
function documents(): Uint32Array[] {
  const random = seededRandom(3);
  const lengths = [0, 5, 700_000, 600_000, 1_300_000, 12, 900_000, 1];
  return lengths.map((length) =>
    Uint32Array.from({ length }, () => Math.floor(random() * 4_294_967_296)),
  );
}

/** Byte equality: vitest's deep equality takes minutes over millions of elements. */
function bytesOf(hashes: Uint32Array): Buffer {
  return Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength);
}

function scratchFiles(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith('crosscheck-reuse-'));
}

describe('ShingleSpool', () => {
  it('gives back each document’s hashes, in memory', () => {
    const spool = new ShingleSpool();
    const stored = documents();
    stored.forEach((hashes, n) => expect(spool.append(hashes)).toBe(n));
    expect(spool.spilled).toBe(false);
    // Out of order, as candidate pairs read them.
    for (const n of [4, 0, 7, 2, 6, 1, 3, 5]) {
      expect(bytesOf(spool.read(n)).equals(bytesOf(stored[n]!))).toBe(true);
    }
    spool.close();
  });

  it('spills past its memory budget and reads the same hashes back from the scratch file', () => {
    const before = scratchFiles();
    const spool = new ShingleSpool(0);
    const stored = documents();
    for (const hashes of stored) spool.append(hashes);
    expect(spool.spilled).toBe(true);
    for (const n of [6, 2, 4, 0, 3, 7, 1, 5, 2]) {
      const read = spool.read(n);
      expect(read.length).toBe(stored[n]!.length);
      expect(bytesOf(read).equals(bytesOf(stored[n]!))).toBe(true);
    }
    // The scratch file is unlinked as soon as it is opened: nothing is left behind to clean.
    expect(scratchFiles()).toEqual(before);
    spool.close();
  });

  it('refuses a document it does not hold, and any read once closed', () => {
    const spool = new ShingleSpool();
    spool.append(Uint32Array.from([1, 2]));
    expect(() => spool.read(1)).toThrow(RangeError);
    expect(() => spool.read(-1)).toThrow(RangeError);
    spool.close();
    expect(() => spool.read(0)).toThrow(/closed/);
  });
});
