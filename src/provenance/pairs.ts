/**
 * Counts how often each unordered pair of document numbers is seen, without a Map of objects: a
 * pair is packed into one double (lower · 2²⁶ + higher, exact below 2⁵³), written to a
 * Float64Array, and counted by sorting, which V8 does natively for typed arrays.
 *
 * The sightings are not held all at once, nor folded into one growing array of distinct pairs:
 * that array doubled as it grew, holding the old and the new buffer together (the reuse search
 * peaked at 2.1 GB while counting 33 million pairs of 1,000,000 e-mails, 1.9 GB since). Instead the sightings are counted by their lower number first (one pass), and then
 * read again once per partition of lower numbers whose sightings fit one buffer of a fixed size:
 * each partition is sorted and counted into arrays of exactly its distinct pairs. Memory is the
 * buffer plus 12 bytes a distinct pair; the price is a pass over the sightings per partition.
 */
export const MAX_DOCUMENTS = 2 ** 26;

/** Sightings sorted at a time, by default: a buffer of 128 MB. */
export const DEFAULT_PAIR_BUFFER = 1 << 24;

/** Lower numbers are tallied in up to this many ranges, from which the partitions are made. */
const TALLY_RANGES = 1 << 16;

export interface CountedPair {
  a: number;
  b: number;
  count: number;
}

/** Calls `see(x, y)` once for every sighting of a pair; must see the same sightings each time. */
export type PairSightings = (see: (x: number, y: number) => void) => void;

/**
 * The distinct pairs among `sightings` of numbers below `documents`, self-pairs left out, each
 * with how often it was seen, ordered by (a, b).
 */
export function countPairs(
  sightings: PairSightings,
  documents: number,
  options: { bufferPairs?: number } = {},
): CountedPairs {
  const bufferPairs = Math.max(1, options.bufferPairs ?? DEFAULT_PAIR_BUFFER);
  const width = Math.max(1, Math.ceil(documents / TALLY_RANGES));
  const tally = new Float64Array(Math.ceil(documents / width) + 1);
  sightings((x, y) => {
    if (x !== y) tally[Math.floor(Math.min(x, y) / width)]! += 1;
  });
  const parts = [...partitions(tally, bufferPairs)].filter((part) => part.size > 0);
  // At most `bufferPairs`, unless one range alone was seen more often than that.
  const buffer = new Float64Array(parts.reduce((most, part) => Math.max(most, part.size), 0));
  const segments: Segment[] = [];
  for (const { from, to } of parts) {
    const low = from * width;
    const high = to * width;
    let n = 0;
    sightings((x, y) => {
      if (x === y) return;
      const a = Math.min(x, y);
      if (a >= low && a < high) buffer[n++] = a * MAX_DOCUMENTS + Math.max(x, y);
    });
    segments.push(countSorted(buffer.subarray(0, n).sort()));
  }
  return new CountedPairs(segments);
}

/** Consecutive tally ranges [from, to) whose sightings fill at most `limit`, unless one alone does. */
function* partitions(
  tally: Float64Array,
  limit: number,
): Generator<{ from: number; to: number; size: number }> {
  let from = 0;
  let size = 0;
  for (let range = 0; range < tally.length; range += 1) {
    const seen = tally[range]!;
    if (size > 0 && size + seen > limit) {
      yield { from, to: range, size };
      from = range;
      size = 0;
    }
    size += seen;
  }
  yield { from, to: tally.length, size };
}

interface Segment {
  keys: Float64Array;
  counts: Uint32Array;
}

/** Distinct keys of an ascending run, and how often each occurs, in arrays of their exact size. */
function countSorted(sorted: Float64Array): Segment {
  let distinct = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct += 1;
  }
  const keys = new Float64Array(distinct);
  const counts = new Uint32Array(distinct);
  let k = -1;
  for (let i = 0; i < sorted.length; i += 1) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) keys[++k] = sorted[i]!;
    counts[k]! += 1;
  }
  return { keys, counts };
}

/** Distinct pairs and their counts, ordered by (a, b), read through a reused cursor. */
export class CountedPairs implements Iterable<CountedPair> {
  readonly length: number;

  constructor(private readonly segments: readonly Segment[]) {
    this.length = segments.reduce((sum, segment) => sum + segment.keys.length, 0);
  }

  *[Symbol.iterator](): Generator<CountedPair> {
    const cursor: CountedPair = { a: 0, b: 0, count: 0 };
    for (const { keys, counts } of this.segments) {
      for (let i = 0; i < keys.length; i += 1) {
        const key = keys[i]!;
        cursor.a = Math.floor(key / MAX_DOCUMENTS);
        cursor.b = key - cursor.a * MAX_DOCUMENTS;
        cursor.count = counts[i]!;
        yield cursor;
      }
    }
  }
}
