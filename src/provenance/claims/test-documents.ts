import type { Extraction } from '../../extract/index.js';
import type { ProvenanceDocument } from './types.js';

/** Hand-made test documents: spans are found in the text, so fixtures read like the articles they stand for. */
export interface FixtureQuote {
  words: string;
  speaker: string | null;
  verb?: string | null;
  saidOn?: string | null;
}

export interface FixtureDocument {
  id: string;
  text: string;
  date: string | null;
  title?: string | null;
  kind?: string;
  origin?: string;
  intelCode?: string | null;
  quotes?: FixtureQuote[];
  claims?: FixtureQuote[];
  /** [name, cue]: the first occurrence of the name in the text is the citation. */
  sources?: Array<[string, string]>;
}

export function fixture(spec: FixtureDocument): ProvenanceDocument {
  const span = (words: string) => {
    const start = spec.text.indexOf(words);
    if (start < 0) throw new Error(`fixture ${spec.id}: "${words}" is not in the text`);
    return { start, end: start + words.length, text: words };
  };
  const extraction: Extraction = {
    mentions: [],
    dates: [],
    figures: [],
    quotes: (spec.quotes ?? []).map((q) => ({
      ...span(q.words),
      speaker: q.speaker,
      verb: q.verb ?? 'said',
      saidOn: q.saidOn ?? null,
    })),
    claims: (spec.claims ?? []).map((c) => ({
      ...span(c.words),
      speaker: c.speaker,
      verb: c.verb ?? 'claimed',
    })),
    sourcesCited: (spec.sources ?? []).map(([name, cue]) => {
      const { start, end } = span(name);
      return { start, end, name, cue };
    }),
  };
  return {
    id: spec.id,
    title: spec.title ?? null,
    date: spec.date,
    kind: spec.kind ?? 'text',
    origin: spec.origin ?? spec.id,
    intel: spec.intelCode ? { code: spec.intelCode } : null,
    extraction,
    text: spec.text,
  };
}
