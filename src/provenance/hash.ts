/**
 * Fast non-cryptographic 32-bit hashing for words and shingles. Hand-written because the job is a
 * few lines of Math.imul and a dependency would cost more than it saves; the constants are
 * MurmurHash3's (Appleby) finaliser and FNV-1a's (Fowler–Noll–Vo), both well studied.
 */

/** MurmurHash3's 32-bit finaliser: every input bit affects every output bit. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, finalised with `mix32` so that the low bits are usable too. */
export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

export function hashWords(words: readonly string[]): Uint32Array {
  const hashes = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i += 1) hashes[i] = hashWord(words[i]!);
  return hashes;
}

/**
 * Two independent 32-bit hashes of every run of `size` consecutive words (a w-shingle, Broder
 * 1997): `primary[i]` and `check[i]` hash words i … i+size−1. The primary hash drives MinHash and
 * winnowing; the check hash makes an index key effectively 64 bits wide, so that tens of millions
 * of fingerprints do not collide by chance (32 bits alone would give ~10⁵ false matches at 10⁶
 * documents, by the birthday bound).
 */
export interface ShingleHashes {
  readonly primary: Uint32Array;
  readonly check: Uint32Array;
}

export function hashShingles(wordHashes: Uint32Array, size: number): ShingleHashes {
  const count = Math.max(0, wordHashes.length - size + 1);
  const primary = new Uint32Array(count);
  const check = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) {
    let a = 0x9e3779b9;
    let b = 0x7f4a7c15;
    for (let j = 0; j < size; j += 1) {
      const w = wordHashes[i + j]!;
      a = Math.imul(a ^ w, 0x5bd1e995);
      a ^= a >>> 15;
      b = Math.imul(b + w, 0x27d4eb2f);
      b ^= b >>> 13;
    }
    primary[i] = mix32(a);
    check[i] = mix32(b ^ 0x165667b1);
  }
  return { primary, check };
}

/**
 * A small seeded generator (Chris Doty-Humphrey's SFC32) for permutation coefficients and synthetic
 * corpora: reproducible runs need a seed, and Math.random takes none. Not Mulberry32: its single
 * 32-bit counter means two seeds often walk the same sequence a few hundred steps apart, which
 * planted accidental "reuse" between synthetic documents.
 */
export function seededRandom(seed: number): () => number {
  let a = mix32(seed ^ 0x9e3779b9);
  let b = mix32(a ^ 0x243f6a88);
  let c = mix32(b ^ 0xb7e15162);
  let d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i += 1) next();
  return next;
}
