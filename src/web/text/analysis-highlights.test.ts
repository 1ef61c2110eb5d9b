import { describe, expect, it } from 'vitest';
import type { Extraction, ReuseResponse } from '../api/analysis-types';
import { parseHash } from '../router';
import { analysisHighlights, countKinds, describePassage } from './analysis-highlights';

const TEXT = 'Sedena said “the plaza is closed” in Juárez on 3 May, seizing 337 kilos.';
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });

const EXTRACTION: Extraction = {
  mentions: [
    {
      ...at('Sedena'),
      text: 'Sedena',
      type: 'organization',
      normalized: 'Secretaría de la Defensa Nacional',
      confidence: 0.9,
      source: 'lexicon',
    },
    {
      ...at('Juárez'),
      text: 'Juárez',
      type: 'place',
      normalized: 'Ciudad Juárez',
      confidence: 0.9,
      source: 'gazetteer',
    },
  ],
  dates: [{ ...at('3 May'), text: '3 May', value: '2012-05-03', precision: 'day', relative: true }],
  figures: [{ ...at('337 kilos'), text: '337 kilos', value: 337, unit: 'kilograms', about: null }],
  quotes: [
    {
      ...at('the plaza is closed'),
      text: 'the plaza is closed',
      speaker: 'Secretaría de la Defensa Nacional',
      verb: 'said',
      saidOn: '2012-05-03',
    },
  ],
  claims: [],
  sourcesCited: [],
};

const REUSE: ReuseResponse = {
  pairs: [],
  passages: [
    {
      id: 7,
      text: 'the plaza is closed',
      words: 4,
      occurrences: [
        { documentId: 'first', title: 'Ledger', start: 0, end: 10, date: '2012-01-01' },
        { documentId: 'here', title: 'This one', ...at('the plaza'), date: '2012-05-04' },
        { documentId: 'later', title: null, start: 5, end: 15, date: null },
      ],
    },
  ],
};

describe('analysisHighlights', () => {
  const highlights = analysisHighlights('here', EXTRACTION, REUSE);

  it('links each name to the page of the entity it was resolved to', () => {
    const sedena = highlights.find((h) => h.kind === 'organization')!;
    expect(TEXT.slice(sedena.start, sedena.end)).toBe('Sedena');
    expect(sedena.label).toBe('Organisation: Sedena → Secretaría de la Defensa Nacional');
    expect(parseHash(sedena.href!)).toEqual({
      name: 'entity',
      ref: { type: 'organization', name: 'Secretaría de la Defensa Nacional' },
    });
  });

  it('explains dates, figures and quotes in their labels, and ids quotes for the page', () => {
    expect(highlights.find((h) => h.kind === 'date')!.label).toBe(
      'Date: 2012-05-03, worked out from context',
    );
    expect(highlights.find((h) => h.kind === 'figure')!.label).toBe('Figure: 337 kilograms');
    const quote = highlights.find((h) => h.kind === 'quote')!;
    expect(quote).toMatchObject({
      label: 'Quote: Secretaría de la Defensa Nacional said, 2012-05-03',
      id: 'quote:0',
    });
  });

  it('marks only this document’s occurrence of a shared passage, naming the others', () => {
    const reuse = highlights.filter((h) => h.kind === 'reuse');
    expect(reuse).toEqual([
      {
        ...at('the plaza'),
        kind: 'reuse',
        label: 'First in: Ledger; also in: (untitled)',
        id: 'passage:7',
      },
    ]);
    expect(describePassage(REUSE.passages[0]!, 'first')).toBe(
      'First printed here; also in: This one, (untitled)',
    );
  });

  it('counts each kind for the legend, and copes with nothing extracted', () => {
    expect(countKinds(highlights)).toEqual({
      person: 0,
      organization: 1,
      place: 1,
      date: 1,
      figure: 1,
      quote: 1,
      reuse: 1,
    });
    expect(analysisHighlights('here', null, null)).toEqual([]);
  });
});
