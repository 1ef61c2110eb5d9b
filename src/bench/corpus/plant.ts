/**
 * Planted reuse: documents that re-print a passage of an earlier one with small edits, the way a
 * leaked e-mail travels from outlet to outlet. Every plant is recorded so reuse detection can be
 * scored (precision and recall over pairs), like `reuse.json` in the shared gold corpus.
 */
import type { Random } from './random.js';
import type { CorpusLanguage } from './text.js';
import { SUBSTITUTIONS } from './vocab.js';

export type PlantKind = 'near-duplicate' | 'requote';

/** One line of `ground-truth.jsonl`: `b` re-prints a passage that first appeared in `a`. */
export interface PlantedPair {
  /** The origin: path of the earlier document (`mbox/box-0000.mbox#12` for an mbox message). */
  a: string;
  /** The document that re-prints it. */
  b: string;
  kind: PlantKind;
  /**
   * Where the passage first appeared. Equal to `a` for a re-print of the origin; for two
   * re-prints of one origin (siblings: one leaked e-mail quoted by two outlets) `a` is the
   * earlier re-print and `origin` the e-mail both quote.
   */
  origin: string;
  /** The passage exactly as it stands in `a`. */
  passage: string;
  /** The passage exactly as it stands in `b`, after the edits. */
  variant: string;
  /** What was changed: `bracket`, `punctuation`, `substitution:<from>><to>`. */
  edits: string[];
  aId: string;
  bId: string;
  aMessageId: string | null;
  bMessageId: string | null;
}

/** A passage that later documents may re-print. */
export interface Passage {
  id: string;
  path: string;
  messageId: string | null;
  language: CorpusLanguage;
  text: string;
  /** The coded source who wrote it, when it comes from an intelligence e-mail. */
  sourceCode: string | null;
  /** Documents that re-printed it so far (bounded), so siblings can be paired too. */
  reprints: Reprint[];
}

export interface Reprint {
  id: string;
  path: string;
  messageId: string | null;
  variant: string;
}

/** At most this many re-prints of one passage, so the sibling pairs stay few and memory flat. */
export const MAX_REPRINTS = 6;

/** Passages no shorter than this are planted, so every pair shares a ≥20-word run. */
export const MIN_PASSAGE_WORDS = 40;
/**
 * Words [PROTECT_FROM, PROTECT_TO) are never substituted, so every planted pair shares a run of
 * at least 32 words (after folding case, accents and punctuation and dropping bracketed
 * insertions). Template text makes unrelated documents share 20-word runs now and then, but
 * 30-word runs almost never: score reuse detection on generated corpora at 30 words.
 */
export const PROTECT_FROM = 5;
export const PROTECT_TO = 37;
/** The shortest shared run every planted pair is guaranteed to have. */
export const GUARANTEED_RUN_WORDS = PROTECT_TO - PROTECT_FROM;

/** A bounded ring of recent passages per language: memory stays flat however many documents. */
export class PassagePool {
  private readonly rings: Record<CorpusLanguage, Passage[]> = { en: [], es: [] };
  private readonly next: Record<CorpusLanguage, number> = { en: 0, es: 0 };

  constructor(private readonly capacity = 512) {}

  add(passage: Passage): void {
    if (countWords(passage.text) < MIN_PASSAGE_WORDS) return;
    const ring = this.rings[passage.language];
    if (ring.length < this.capacity) ring.push(passage);
    else {
      ring[this.next[passage.language]] = passage;
      this.next[passage.language] = (this.next[passage.language] + 1) % this.capacity;
    }
  }

  pick(rng: Random, language: CorpusLanguage): Passage | null {
    const ring = this.rings[language];
    if (ring.length === 0) return null;
    const passage = rng.pick(ring);
    return passage.reprints.length >= MAX_REPRINTS ? null : passage;
  }
}

export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) === 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

const BRACKETS = {
  en: ['[Juárez]', '[the cartel]', '[U.S.]', '[sic]', '[in Chihuahua]', '[federal agents]'],
  es: ['[Juárez]', '[del cártel]', '[sic]', '[en Chihuahua]', '[estadounidenses]'],
} as const;

/** Re-prints `text` with the kinds of edits outlets make. Deterministic for a given `rng` state. */
export function makeVariant(
  rng: Random,
  text: string,
  language: CorpusLanguage,
  kind: PlantKind,
): { variant: string; edits: string[] } {
  const words = text.split(' ');
  const edits: string[] = [];
  const substitutions = kind === 'near-duplicate' ? rng.int(1, 2) : rng.chance(0.4) ? 1 : 0;
  for (let s = 0; s < substitutions; s++) {
    // Try a handful of positions outside the protected window; skip if none has a synonym.
    for (let attempt = 0; attempt < 8; attempt++) {
      const at = rng.chance(0.5)
        ? rng.int(0, PROTECT_FROM - 1)
        : rng.int(PROTECT_TO, words.length - 1);
      const word = words[at] ?? '';
      const bare = word.replace(/[^\p{L}]/gu, '');
      const swap = SUBSTITUTIONS[bare];
      if (swap !== undefined) {
        words[at] = word.replace(bare, swap);
        edits.push(`substitution:${bare}>${swap}`);
        break;
      }
    }
  }
  if (rng.chance(kind === 'requote' ? 0.6 : 0.2)) {
    const at = rng.int(1, words.length - 2);
    words.splice(at, 0, rng.pick(BRACKETS[language]));
    edits.push('bracket');
  }
  let variant = words.join(' ');
  if (rng.chance(kind === 'requote' ? 0.7 : 0.5)) {
    const before = variant;
    switch (rng.int(0, 3)) {
      case 0:
        variant = variant.replace(', ', ' — ');
        break;
      case 1:
        variant = variant.replace(/"([^"]*)"/g, '“$1”');
        break;
      case 2:
        variant = variant.replace(/\.$/, '…');
        break;
      default:
        variant = variant.replace(', ', ' ');
    }
    if (variant !== before) edits.push('punctuation');
  }
  return { variant, edits };
}
