import { describe, expect, it } from 'vitest';
import {
  classifyCue,
  DocumentCitations,
  firstIntermediary,
  isAttributionVerb,
} from './citations.js';
import { cuePhrasesIn } from './cue-phrases.js';
import { byAppearance, CarrierIndex, documentInfo } from './documents.js';
import { fixture } from './test-documents.js';

describe('citations', () => {
  it('tells speakers from leaks from reporting intermediaries by their cue', () => {
    expect(['quote', 'claim:claimed', 'wrote', 'reveals'].map(classifyCue)).toEqual(
      Array(4).fill('speaker'),
    );
    expect(['emails from', 'Stratfor documents', 'leaks', 'released'].map(classifyCue)).toEqual(
      Array(4).fill('leak'),
    );
    expect(['according to', 'reported by', 'via', 'told', 'documented'].map(classifyCue)).toEqual(
      Array(5).fill('report'),
    );
    expect(isAttributionVerb('according to')).toBe(true);
    expect(isAttributionVerb('Según')).toBe(true);
    expect(isAttributionVerb('said')).toBe(false);
  });

  it('reads outlet names after cue phrases, English and Spanish', () => {
    const text =
      'MX7 wrote, according to The Border Ledger: "…". It was first reported by Frontera Wire, and se los leo como lo publicó Diario del Norte: "…", according to a congressional aide.';
    expect(cuePhrasesIn(text, 0, text.length).map((p) => [p.name, p.cue])).toEqual([
      ['The Border Ledger', 'according to'],
      ['Frontera Wire', 'first reported by'],
      ['Diario del Norte', 'como lo publico'],
    ]);
  });

  it('offers the nearest intermediary first and the document’s main one last', () => {
    const text =
      'Leaked e-mails from Stratfor. Later: "the quote here," according to Business Insider.';
    const doc = fixture({ id: 'd', date: null, text, sources: [['Stratfor', 'e-mails from']] });
    const citations = new DocumentCitations(doc.extraction.sourcesCited, text);
    const start = text.indexOf('the quote');
    const candidates = citations.candidates(start, start + 15, { before: 5, after: 40 });
    expect(candidates.map((c) => [c.name, c.scope])).toEqual([
      ['Business Insider', 'nearby'],
      ['Stratfor', 'document'],
    ]);
    expect(firstIntermediary(candidates, ['business insider'])?.name).toBe('Stratfor');
  });
});

describe('documents', () => {
  it('orders dated before undated, then by date, then by id', () => {
    const docs = [
      { id: 'c', date: null },
      { id: 'b', date: '2012-04-05' },
      { id: 'a', date: '2012-04-05T08:00:00Z' },
      { id: 'd', date: '2010' },
    ];
    expect([...docs].sort(byAppearance).map((d) => d.id)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('recognises a cited outlet by the words of its title or file name', () => {
    const ledger = documentInfo(
      fixture({
        id: 'x',
        date: null,
        text: '',
        origin: 'news/2012-04-03-border-ledger-meridian-files.html',
      }),
    );
    const other = documentInfo(
      fixture({ id: 'y', date: null, text: '', title: 'Diario del Norte' }),
    );
    const names = new CarrierIndex([ledger, other]);
    expect(names.before('The Border Ledger', 2)?.id).toBe('x');
    expect(names.before('Diario del Norte', 2)?.id).toBe('y');
    // Only carriers that appeared before the citing one count.
    expect(names.before('Diario del Norte', 1)).toBeNull();
    expect(names.before('Narco News', 2)).toBeNull();
  });
});
