import { describe, expect, it } from 'vitest';
import type { Extraction } from '../extract/index.js';
import type { IntelSourceBlock } from '../ingest/index.js';
import { traceClaims, type ProvenanceDocument } from '../provenance/index.js';
import { assessClaim, type AnalystGrade } from './index.js';

// End to end on a fictional pair: a coded source's e-mail and two outlets re-quoting it.
const WORDS = 'the convoy crossed at Ojinaga with the army escorting it all the way to the river';

function document(
  id: string,
  date: string,
  text: string,
  speaker: string | null,
  intel: string | null,
): ProvenanceDocument {
  const start = text.indexOf(WORDS);
  const extraction: Extraction = {
    mentions: [],
    dates: [],
    figures: [],
    quotes:
      speaker === null
        ? []
        : [{ start, end: start + WORDS.length, text: WORDS, speaker, verb: 'wrote', saidOn: null }],
    claims: [],
    sourcesCited: [],
  };
  return {
    id,
    title: null,
    date,
    kind: intel ? 'email' : 'html',
    intel: intel ? { code: intel } : null,
    extraction,
    text,
  };
}

const leak = document('mail-1', '2010-05-02', `CODE: QK4\n\n${WORDS}.`, null, 'QK4');
const first = document('news-1', '2012-04-03', `QK4 wrote: “${WORDS}.”`, 'QK4', null);
const second = document(
  'news-2',
  '2012-04-04',
  `In the leaked e-mail QK4 wrote: “${WORDS}.”`,
  'QK4',
  null,
);
const passage = (id: string, text: string) => {
  const start = text.indexOf(WORDS);
  return { documentId: id, start, end: start + WORDS.length, date: null };
};
const reuse = {
  pairs: [],
  passages: [
    {
      text: WORDS,
      words: 17,
      occurrences: [
        passage('mail-1', leak.text),
        passage('news-1', first.text),
        passage('news-2', second.text),
      ],
    },
  ],
};

describe('assessing a traced, circular claim', () => {
  const [cluster] = traceClaims([second, leak, first], reuse).clusters;
  const block = { code: 'QK4', sourceReliability: 'B', itemCredibility: '2' } as IntelSourceBlock;

  it('grades three copies of one coded e-mail as one origin: the mapped Stratfor grade at best', () => {
    expect(cluster!.independentOrigins).toBe(1);
    const a = assessClaim(cluster!, {
      sourceGrades: new Map(),
      intel: new Map([['mail-1', block]]),
    });
    expect(a.source).toBe('QK4');
    expect(a.code).toBe('C3');
    expect(a.credibility.reasons.map((r) => r.rule)).toEqual([
      'single-origin-intel',
      'circular-not-counted',
    ]);
  });

  it('without the intelligence block, F6; an analyst may still grade it', () => {
    const context = { sourceGrades: new Map<string, AnalystGrade>() };
    expect(assessClaim(cluster!, context).code).toBe('F6');
    const grade: AnalystGrade = {
      reliability: 'C',
      credibility: 4,
      analyst: 'itzel',
      at: '2026-11-25T10:00:00Z',
      reason: 'the army denies any escort',
    };
    const a = assessClaim(cluster!, context, grade);
    expect([a.code, a.derivedCode]).toEqual(['C4', 'F6']);
  });
});
