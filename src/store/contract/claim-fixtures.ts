import type { Extraction } from '../../extract/index.js';
import {
  findReuse,
  traceClaims,
  type ClaimCluster,
  type ProvenanceDocument,
} from '../../provenance/index.js';

/*
 * Claim clusters traced from hand-made documents, for the tests of how stores keep them
 * (claim-cluster-codec.test.ts, claim-storage.contract.ts). Between them they give every kind of
 * reasoning step and origin that provenance/claims writes.
 */

export function trace(documents: ProvenanceDocument[]): ClaimCluster[] {
  const reuse = findReuse(documents.map(({ id, text, date }) => ({ id, text, date })));
  return traceClaims(documents, reuse).clusters;
}

/**
 * A hand-made document whose spans are found in its text (as provenance/claims/test-documents.ts
 * builds them; that helper is internal to the provenance stage, so the store cannot import it).
 */
export function doc(spec: {
  id: string;
  text: string;
  date: string | null;
  title?: string;
  kind?: string;
  intelCode?: string;
  quotes?: Array<[words: string, speaker: string | null, verb?: string]>;
  claims?: Array<[words: string, speaker: string | null]>;
  sources?: Array<[name: string, cue: string]>;
}): ProvenanceDocument {
  const span = (words: string) => {
    const start = spec.text.indexOf(words);
    if (start < 0) throw new Error(`${spec.id}: "${words}" is not in the text`);
    return { start, end: start + words.length, text: words };
  };
  const extraction: Extraction = {
    mentions: [],
    dates: [],
    figures: [],
    quotes: (spec.quotes ?? []).map(([words, speaker, verb]) => ({
      ...span(words),
      speaker,
      verb: verb ?? 'said',
      saidOn: null,
    })),
    claims: (spec.claims ?? []).map(([words, speaker]) => ({
      ...span(words),
      speaker,
      verb: 'claimed',
    })),
    sourcesCited: (spec.sources ?? []).map(([name, cue]) => ({ ...span(name), name, cue })),
  };
  return {
    id: spec.id,
    title: spec.title ?? null,
    date: spec.date,
    kind: spec.kind ?? 'text',
    origin: spec.id,
    intel: spec.intelCode ? { code: spec.intelCode } : null,
    extraction,
    text: spec.text,
  };
}

// A leaked intelligence e-mail re-quoted by outlets citing one another, one outlet with its own
// on-record speaker and one copy naming nobody: the origin is the e-mail itself (the description
// seed articles never produce), and the reasoning has `cites-carrier` and `unattributed` steps.
const SENTENCE =
  'There are close to 600 federal agents working out of Ojinaga right now, and most of them never leave the consulate compound after dark.';
export const STORY = [
  doc({
    id: 'leaks/meridian.mbox#1',
    kind: 'email',
    title: 'INSIGHT - MEXICO - Agents in Ojinaga - ZX9',
    date: '2010-03-22',
    intelCode: 'ZX9',
    text: `CODE: ZX9\nSOURCE RELIABILITY: B\n\n${SENTENCE}\n\nHandler note: keep this quiet.`,
  }),
  doc({
    id: 'news/sentinel.html',
    title: 'The Valley Sentinel: what the leaked files say',
    date: '2012-04-03',
    text: `Leaked e-mails from Meridian Analytics quote a source coded ZX9. “${SENTENCE}” ZX9 wrote.`,
    quotes: [[SENTENCE, 'ZX9']],
    sources: [['Meridian Analytics', 'e-mails from']],
  }),
  doc({
    // An id with the characters a stored list of ids could trip on: separators, digits, astral.
    id: 'news/2012,04:05 courier 9:😀.txt',
    date: '2012-04-05',
    text: `“${SENTENCE}” according to The Valley Sentinel, which obtained the files.`,
    quotes: [[SENTENCE, 'The Valley Sentinel', 'according to']],
  }),
  doc({
    id: 'news/times.txt',
    date: '2012-04-10',
    text: `“${SENTENCE}” said Ana Ruiz, a spokeswoman, at a briefing.`,
    quotes: [[SENTENCE, 'Ana Ruiz']],
  }),
];
export const UNATTRIBUTED = ['x', 'y', 'z'].map((id, i) =>
  doc({
    id,
    date: null,
    text: `In a statement, “the wall will not stop a single kilo from crossing,” it read (${i}).`,
    claims: [['the wall will not stop a single kilo from crossing', id === 'z' ? null : id]],
  }),
);

/** Every cluster the hand-made documents give. */
export const fixtureClusters = (): ClaimCluster[] => [...trace(STORY), ...trace(UNATTRIBUTED)];
