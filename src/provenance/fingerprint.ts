import { bandKeys, type Banding } from './lsh.js';
import { MinHasher } from './minhash.js';
import type { ResolvedReuseOptions } from './options.js';
import { distinctCount, ShingleSet } from './precheck.js';
import { prepareText, type PreparedText } from './prepare.js';
import { winnow } from './winnow.js';

/** Index keys as parallel arrays of primary and check hashes (together, a 64-bit key). */
export interface KeyList {
  readonly primary: Uint32Array;
  readonly check: Uint32Array;
}

/**
 * What the reuse index keeps of a document: no text, only keys. `passages` are its winnowed
 * shingle fingerprints (distinct), `bands` its MinHash LSH band keys (empty for documents too
 * short to have a shingle). Plain typed arrays, so they can be computed in a worker thread.
 */
export interface DocumentFingerprints {
  readonly passages: KeyList;
  readonly bands: KeyList;
  /** Every shingle's primary hash, in text order, and how many are distinct: for the pre-check. */
  readonly shingles: Uint32Array;
  readonly distinctShingles: number;
}

export class Fingerprinter {
  private readonly minHasher: MinHasher;
  private readonly banding: Banding;
  private readonly signature: Uint32Array;
  private readonly scratch = new ShingleSet();

  constructor(private readonly options: ResolvedReuseOptions) {
    this.banding = options.banding;
    this.minHasher = new MinHasher(options.banding.bands * options.banding.rows, options.seed);
    this.signature = new Uint32Array(this.minHasher.permutations);
  }

  prepare(text: string): PreparedText {
    return prepareText(text, this.options.shingleWords, {
      maxBracketChars: this.options.maxBracketChars,
    });
  }

  fingerprint(text: string): DocumentFingerprints {
    const { shingles } = this.prepare(text);
    return {
      passages: this.winnowed(shingles),
      bands: this.bandKeys(shingles.primary),
      shingles: shingles.primary,
      distinctShingles: distinctCount(shingles.primary, this.scratch),
    };
  }

  private winnowed(shingles: KeyList): KeyList {
    const positions = winnow(shingles.primary, this.options.winnowWindow);
    const primary = new Uint32Array(positions.length);
    const check = new Uint32Array(positions.length);
    const seen = new Set<number>();
    let n = 0;
    for (const p of positions) {
      const key = shingles.primary[p]!;
      if (seen.has(key)) continue; // one posting per document and key is enough
      seen.add(key);
      primary[n] = key;
      check[n] = shingles.check[p]!;
      n += 1;
    }
    return { primary: primary.slice(0, n), check: check.slice(0, n) };
  }

  private bandKeys(shingles: Uint32Array): KeyList {
    if (shingles.length === 0) return { primary: new Uint32Array(0), check: new Uint32Array(0) };
    const primary = new Uint32Array(this.banding.bands);
    const check = new Uint32Array(this.banding.bands);
    bandKeys(this.minHasher.signature(shingles, this.signature), this.banding, primary, check);
    return { primary, check };
  }
}
