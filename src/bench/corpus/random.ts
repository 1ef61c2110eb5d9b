/**
 * A small seeded pseudo-random generator for the benchmark corpus.
 *
 * Hand-written on purpose: `Math.random` cannot be seeded, and the point of the corpus is that the
 * same arguments give byte-identical output on every machine and every Node version. sfc32 (Chris
 * Doty-Humphrey's "small fast counting" generator) uses only 32-bit integer operations
 * (`Math.imul`, shifts, `| 0`), whose results JavaScript defines exactly, so its stream cannot
 * drift with the engine. It passes PractRand, and at a few nanoseconds a call it keeps the
 * generator well above the 20,000 documents a second it must sustain. A dependency would add
 * nothing but the risk of its algorithm changing under a minor version.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Seeds from any string (or number): same seed, same stream. */
  constructor(seed: string | number) {
    // FNV-1a over the seed's UTF-16 code units, then splitmix32 to spread it over 128 bits of state.
    let h = 0x811c9dc5;
    const text = String(seed);
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    const split = (): number => {
      h = (h + 0x9e3779b9) | 0;
      let z = h;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = split();
    this.b = split();
    this.c = split();
    this.d = split();
    // Warm up: the first outputs of a freshly seeded sfc32 are weakly mixed.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** The next unsigned 32-bit integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** A child generator whose stream depends on this one's seed and `label`, not on its position. */
  static derive(seed: string | number, label: string | number): Random {
    return new Random(`${String(seed)}\u0000${String(label)}`);
  }
}
