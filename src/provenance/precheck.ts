/**
 * A test on shingle hashes alone that a candidate pair cannot pass verification, so that its
 * texts need not be read, tokenised and aligned. Most candidates share only a stock phrase or a
 * signature line: at 10,000 generated e-mails, 390,732 candidates yield 8,726 pairs.
 *
 * It is a necessary condition, never an estimate, so dropping a pair it rejects changes nothing:
 *
 * - A passage is a chain of runs of at least `shingleWords` identical words, in order, with at
 *   most `maxGapWords` unmatched words between neighbours, whose run lengths add up to at least
 *   `minPassageWords` (align.ts). Every shingle lying inside a run is a shingle of the other
 *   text, so a run's words are all covered by shingles of `b` whose hash `a` also has, and two
 *   neighbouring runs are at most `maxGapWords` uncovered words apart. Hence some stretch of `b`
 *   in which covered words are never more than `maxGapWords` apart holds `minPassageWords`
 *   covered words. Equal words have equal hashes, so hash equality only admits more pairs. The
 *   same holds with the two texts' roles swapped (alignment bounds the gaps in both).
 * - A near-duplicate has Jaccard similarity |A ∩ B| / |A ∪ B| ≥ the threshold on distinct
 *   shingle hashes. Every shared hash occurs at some position of `b`, so |A ∩ B| is at most the
 *   number of positions of `b` whose hash `a` has, and at most either set's size; the similarity
 *   grows with the intersection, so that bound bounds it.
 */
export interface PrecheckOptions {
  shingleWords: number;
  minPassageWords: number;
  maxGapWords: number;
  nearDuplicateSimilarity: number;
}

/**
 * The distinct shingle hashes of one document, for membership tests: open addressing with linear
 * probing over typed arrays, reused from one document to the next. Hand-written because a JS Set
 * of numbers was a third of the pre-check's time (hundreds of millions of lookups per corpus).
 */
export class ShingleSet {
  private keys = new Uint32Array(1024);
  private used = new Uint8Array(1024);
  private mask = 1023;
  private distinct = 0;

  /** Number of distinct hashes held. */
  get size(): number {
    return this.distinct;
  }

  /** Replaces the contents with `hashes`. */
  fill(hashes: Uint32Array): this {
    // Sized to each document, not grown for good: one huge document must not make every later
    // fill clear millions of slots.
    let capacity = 1024;
    while (capacity < hashes.length * 2) capacity *= 2;
    if (capacity !== this.keys.length) {
      this.keys = new Uint32Array(capacity);
      this.used = new Uint8Array(capacity);
    } else this.used.fill(0);
    this.mask = capacity - 1;
    this.distinct = 0;
    for (let i = 0; i < hashes.length; i += 1) this.insert(hashes[i]!);
    return this;
  }

  has(hash: number): boolean {
    // Shingle hashes are already mixed (hash.ts), so their low bits index well.
    for (let slot = hash & this.mask; this.used[slot] === 1; slot = (slot + 1) & this.mask) {
      if (this.keys[slot] === hash) return true;
    }
    return false;
  }

  private insert(hash: number): void {
    let slot = hash & this.mask;
    while (this.used[slot] === 1) {
      if (this.keys[slot] === hash) return;
      slot = (slot + 1) & this.mask;
    }
    this.used[slot] = 1;
    this.keys[slot] = hash;
    this.distinct += 1;
  }
}

/** Distinct values among `hashes`, counted with `scratch`. */
export function distinctCount(hashes: Uint32Array, scratch: ShingleSet): number {
  return scratch.fill(hashes).size;
}

/**
 * False when `a` (as a set) and `b` (its shingle hashes in text order, `bDistinct` of them
 * distinct) can share no passage and cannot be near-duplicates; true when they might.
 */
export function mightReuse(
  a: ShingleSet,
  b: Uint32Array,
  bDistinct: number,
  options: PrecheckOptions,
): boolean {
  const k = options.shingleWords;
  let hits = 0;
  let stretchWords = 0;
  /** End (exclusive) of the words covered so far in `b`. */
  let coveredUntil = -Infinity;
  for (let p = 0; p < b.length; p += 1) {
    if (!a.has(b[p]!)) continue;
    hits += 1;
    if (p - coveredUntil > options.maxGapWords) stretchWords = 0;
    stretchWords += p + k - Math.max(p, coveredUntil);
    coveredUntil = p + k;
    if (stretchWords >= options.minPassageWords) return true;
  }
  const shared = Math.min(hits, a.size, bDistinct);
  const union = a.size + bDistinct - shared;
  return union > 0 && shared / union >= options.nearDuplicateSimilarity;
}
