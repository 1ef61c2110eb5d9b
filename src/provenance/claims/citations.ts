import { foldForMatch } from '../../core/index.js';
import type { SourceCited } from '../../extract/index.js';
import { cuePhrasesIn } from './cue-phrases.js';
import type { CitationScope } from './types.js';

/**
 * What a sourcing cue says about the name it marks (the cues are those of extract's
 * sources-cited.ts):
 * - `speaker`: the name said or wrote the words ("MX1 wrote", a quote's speaker, "X claims");
 * - `leak`: a document cache the words come from ("leaked e-mails from Stratfor", "Stratfor documents");
 * - `report`: an outlet or person that carried them ("according to Business Insider",
 *   "first reported by Narco News", "(via National Post)", "told the Blaze").
 */
export type CueClass = 'speaker' | 'leak' | 'report';

const SPEAKER_VERBS =
  /^(?:said|says|wrote|writes|claimed|claims|declared|declares|testified|testifies|acknowledged|acknowledges|confirmed|confirms|announced|announces|disclosed|discloses|revealed|reveals|informo|informa|dijo|dice|revelo|revela|confirmo|confirma|declaro|declara)$/;
const LEAK_CUE =
  /(?:^|\s)(?:e-?mails?|documents?|files?|cables?|memos?|leaks?|correos?|documentos?|archivos?|filtraciones?)(?: from)?$|^(?:leaked|released|leaks|releases|filtrado)(?: by)?$/;

export function classifyCue(cue: string): CueClass {
  if (cue === 'quote' || cue.startsWith('claim:') || SPEAKER_VERBS.test(cue)) return 'speaker';
  if (LEAK_CUE.test(cue)) return 'leak';
  return 'report';
}

/** Quote "verbs" that name an intermediary, not a speaker: «…», according to Business Insider. */
const ATTRIBUTION_VERBS = /^(?:according to|reported by|via|citing|segun|de acuerdo con)$/;

export function isAttributionVerb(verb: string | null): boolean {
  return verb !== null && ATTRIBUTION_VERBS.test(foldForMatch(verb));
}

export interface Citation {
  name: string;
  cue: string;
  scope: CitationScope;
}

/**
 * The sources a document cites, indexed for the question claim tracing asks: whom does it name as
 * where it got the words at [start, end)? Candidates come nearest first — names the extractor
 * found after a sourcing cue, and cue phrases read from the raw text (cue-phrases.ts) — and last
 * the document's most-cited intermediary. The caller skips the words' own speaker, which is only
 * known once the cluster is.
 */
export class DocumentCitations {
  /** Non-speaker citations in text order. */
  private readonly intermediaries: SourceCited[];
  private readonly speakers: SourceCited[];
  /** The document's most-cited intermediary, the fallback when nothing is named near a quote. */
  readonly main: Citation | null;

  constructor(
    sources: readonly SourceCited[],
    private readonly text: string,
  ) {
    const sorted = [...sources].sort((a, b) => a.start - b.start);
    this.intermediaries = sorted.filter((s) => classifyCue(s.cue) !== 'speaker');
    this.speakers = sorted.filter((s) => classifyCue(s.cue) === 'speaker');
    this.main = mostCited(this.intermediaries);
  }

  candidates(start: number, end: number, window: { before: number; after: number }): Citation[] {
    const from = start - window.before;
    const to = end + window.after;
    const near: Array<{ name: string; cue: string; distance: number }> = [];
    const distance = (s: { start: number; end: number }) =>
      s.end <= start ? start - s.end : s.start >= end ? s.start - end : 0;
    for (const source of this.intermediaries) {
      if (source.end < from) continue;
      if (source.start > to) break;
      near.push({ name: source.name, cue: source.cue, distance: distance(source) });
    }
    for (const phrase of cuePhrasesIn(this.text, from, to)) {
      near.push({ name: phrase.name, cue: phrase.cue, distance: distance(phrase) });
    }
    near.sort((a, b) => a.distance - b.distance);
    // Names read from the text may be slices of it: the statement table keeps one copy of each
    // distinct one (string-pool.ts), not these.
    const found: Citation[] = near.map(({ name, cue }) => ({ name, cue, scope: 'nearby' }));
    if (this.main) found.push(this.main);
    return found;
  }

  /** The speaker named just before `start` (within `before` characters): who an unmarked block is by. */
  speakerBefore(start: number, before: number): string | null {
    let found: string | null = null;
    for (const source of this.speakers) {
      if (source.start >= start) break;
      if (source.end >= start - before) found = source.name;
    }
    return found;
  }
}

/** The first candidate that names someone other than the words' own speaker(s). */
export function firstIntermediary(
  candidates: readonly Citation[],
  speakers: ReadonlyArray<string | null>,
): Citation | null {
  const own = new Set(speakers.filter((s): s is string => s !== null).map(foldForMatch));
  return candidates.find((c) => !own.has(foldForMatch(c.name))) ?? null;
}
function mostCited(sources: readonly SourceCited[]): Citation | null {
  const counts = new Map<string, { source: SourceCited; count: number }>();
  for (const source of sources) {
    const key = foldForMatch(source.name);
    const entry = counts.get(key);
    if (entry) entry.count += 1;
    else counts.set(key, { source, count: 1 });
  }
  let best: { source: SourceCited; count: number } | null = null;
  // Map iteration follows first mention, so ties go to the source named first.
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best ? { name: best.source.name, cue: best.source.cue, scope: 'document' } : null;
}
