import { mix32, seededRandom } from './hash.js';

/**
 * A seeded synthetic corpus for the reuse benchmark: e-mail-sized documents of random sentences
 * over a few thousand invented words (Zipf-distributed, so common phrases do recur by chance, as
 * in real text), with planted reuse whose answers are known:
 *
 * - passage groups: 2–5 documents carrying one 25–80-word passage, reprinted with editorial
 *   bracketed insertions, other quotation marks, dropped commas and changed case;
 * - near-duplicates: a document and a copy with about one word in 25 replaced.
 *
 * Documents are regenerated from (seed, number) on demand, so a million of them never sit in
 * memory at once; nothing here is real text.
 */
export interface SyntheticCorpusOptions {
  documents: number;
  seed: number;
  /** Mean words per document. Default 330 (≈ 2 KB). */
  wordsPerDocument?: number;
  /** Passage groups planted per document. Default 0.01. */
  passageGroupRate?: number;
  /** Near-duplicate pairs planted per document. Default 0.005. */
  nearDuplicateRate?: number;
}

type Plant =
  | { kind: 'passage'; passageSeed: number; words: number; reprint: boolean }
  | { kind: 'original' }
  | { kind: 'near-duplicate'; original: number };

const VOCABULARY_SIZE = 5000;
const ZIPF_EXPONENT = 0.8;
const SYLLABLES =
  'ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu za ze zi zo zu ár én íl ór ún'.split(
    ' ',
  );

export class SyntheticCorpus {
  readonly size: number;
  /** Planted pairs (lower number first): every pair within a passage group, and each near-duplicate. */
  readonly plantedPairs: Array<[number, number]> = [];
  private readonly seed: number;
  private readonly meanWords: number;
  private readonly vocabulary: string[];
  private readonly cumulative: Float64Array;
  private readonly plants = new Map<number, Plant>();

  constructor(options: SyntheticCorpusOptions) {
    this.size = options.documents;
    this.seed = options.seed;
    this.meanWords = options.wordsPerDocument ?? 330;
    const random = seededRandom(options.seed);
    this.vocabulary = inventWords(random, VOCABULARY_SIZE);
    this.cumulative = zipfCumulative(VOCABULARY_SIZE, ZIPF_EXPONENT);
    this.plan(random, options.passageGroupRate ?? 0.01, options.nearDuplicateRate ?? 0.005);
  }

  id(document: number): string {
    return `d${document}`;
  }

  numberOf(id: string): number {
    return Number(id.slice(1));
  }

  date(document: number): string {
    const day = mix32(document ^ this.seed) % 1096; // 2010-01-01 … 2012-12-31
    return new Date(Date.UTC(2010, 0, 1 + day)).toISOString().slice(0, 10);
  }

  text(document: number): string {
    const plant = this.plants.get(document);
    if (plant?.kind === 'near-duplicate') return this.nearDuplicate(plant.original, document);
    const random = seededRandom(mix32(document + Math.imul(this.seed, 0x9e3779b1)));
    const words = this.sentences(random, Math.round(this.meanWords * (0.7 + 0.6 * random())));
    if (plant?.kind === 'passage') {
      const passage = this.sentences(seededRandom(plant.passageSeed), plant.words);
      const quoted = plant.reprint
        ? `"${reprint(passage, random).join(' ')}"`
        : `“${passage.join(' ')}”`;
      words.splice(Math.floor(random() * words.length), 0, quoted);
    }
    return words.join(' ');
  }

  private nearDuplicate(original: number, document: number): string {
    const random = seededRandom(mix32(document ^ 0xdecade));
    const words = this.text(original)
      .split(' ')
      .map((word) => (random() < 0.04 ? this.word(random) : word));
    return words.join(' ').replaceAll(', ', ' ');
  }

  private plan(random: () => number, passageRate: number, nearRate: number): void {
    const take = (): number => {
      for (;;) {
        const d = Math.floor(random() * this.size);
        if (!this.plants.has(d)) return d;
      }
    };
    const capacity = Math.floor(this.size / 2);
    const groups = Math.min(Math.round(this.size * passageRate), Math.floor(capacity / 5));
    for (let g = 0; g < groups; g += 1) {
      const members = random() < 0.8 ? 2 : 3 + Math.floor(random() * 3);
      const passageSeed = Math.floor(random() * 2 ** 32);
      const words = 25 + Math.floor(random() * 56);
      const documents: number[] = [];
      for (let m = 0; m < members; m += 1) {
        const d = take();
        this.plants.set(d, { kind: 'passage', passageSeed, words, reprint: m > 0 });
        documents.push(d);
      }
      this.plantAllPairs(documents);
    }
    const pairs = Math.min(Math.round(this.size * nearRate), Math.floor(capacity / 4));
    for (let p = 0; p < pairs; p += 1) {
      const original = take();
      this.plants.set(original, { kind: 'original' });
      const copy = take();
      this.plants.set(copy, { kind: 'near-duplicate', original });
      this.plantAllPairs([original, copy]);
    }
  }

  private plantAllPairs(documents: number[]): void {
    const sorted = [...documents].sort((x, y) => x - y);
    for (let i = 0; i < sorted.length; i += 1) {
      for (let j = i + 1; j < sorted.length; j += 1)
        this.plantedPairs.push([sorted[i]!, sorted[j]!]);
    }
  }

  private word(random: () => number): string {
    const u = random();
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.cumulative[mid]! < u) low = mid + 1;
      else high = mid;
    }
    return this.vocabulary[low]!;
  }

  /** `count` words as sentences: capitalised first word, occasional commas, a full stop. */
  private sentences(random: () => number, count: number): string[] {
    const words: string[] = [];
    let left = 0;
    for (let i = 0; i < count; i += 1) {
      let word = this.word(random);
      if (left === 0) {
        left = 6 + Math.floor(random() * 15);
        word = word[0]!.toUpperCase() + word.slice(1);
      }
      left -= 1;
      if (left === 0 || i === count - 1) word += '.';
      else if (random() < 0.06) word += ',';
      words.push(word);
    }
    return words;
  }
}

/** A reprint's edits: bracketed insertions, other quotation marks, a comma dropped, case changed. */
function reprint(passage: string[], random: () => number): string[] {
  const edited = passage.map((word) => (random() < 0.3 ? word.replace(',', '') : word));
  const insertions = 1 + Math.floor(random() * 2);
  for (let i = 0; i < insertions; i += 1) {
    const at = 1 + Math.floor(random() * (edited.length - 1));
    edited.splice(
      at,
      0,
      random() < 0.5 ? '[sic]' : `[the ${edited[at - 1]!.replace(/[.,]/g, '')} office]`,
    );
  }
  if (random() < 0.5) edited[0] = edited[0]!.toUpperCase();
  return edited;
}

function inventWords(random: () => number, count: number): string[] {
  const words = new Set<string>();
  while (words.size < count) {
    const syllables = 1 + Math.floor(random() * 3);
    let word = '';
    for (let s = 0; s < syllables; s += 1)
      word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
}

function zipfCumulative(size: number, exponent: number): Float64Array {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 1; rank <= size; rank += 1) {
    total += rank ** -exponent;
    cumulative[rank - 1] = total;
  }
  for (let i = 0; i < size; i += 1) cumulative[i]! /= total;
  return cumulative;
}
