import { describe, expect, it } from 'vitest';
import { parseIntelBlock, parseIntelSubject } from './intel-block.js';

const BLOCK = `CODE: MX1
PUBLICATION: Yes
ATTRIBUTION: Stratfor sources in Mexico
SOURCE DESCRIPTION: Mexican diplomat posted in the US
SOURCE RELIABILITY: B
ITEM CREDIBILITY: 3
SPECIAL HANDLING: none
SOURCE HANDLER: Reva`;

describe('parseIntelBlock', () => {
  it('reads every field of a standard block, values exactly as written', () => {
    const intel = parseIntelBlock(
      `${BLOCK}\n\nThe source says violence has dropped.`,
      'INSIGHT - MEXICO - Cartel violence in Juarez - MX1',
    );
    expect(intel).toEqual({
      code: 'MX1',
      publication: 'Yes',
      attribution: 'Stratfor sources in Mexico',
      sourceDescription: 'Mexican diplomat posted in the US',
      sourceReliability: 'B',
      itemCredibility: '3',
      specialHandling: 'none',
      sourceHandler: 'Reva',
      subjectType: 'INSIGHT',
      subjectCountry: 'MEXICO',
      subjectTopic: 'Cartel violence in Juarez',
      fields: {
        CODE: 'MX1',
        PUBLICATION: 'Yes',
        ATTRIBUTION: 'Stratfor sources in Mexico',
        'SOURCE DESCRIPTION': 'Mexican diplomat posted in the US',
        'SOURCE RELIABILITY': 'B',
        'ITEM CREDIBILITY': '3',
        'SPECIAL HANDLING': 'none',
        'SOURCE HANDLER': 'Reva',
      },
    });
  });

  it('finds a block after a preamble, in quoted replies, with unknown fields and odd case', () => {
    const text = `Reva wrote:\n> Source code: US714\n> Publication: no\n> Source reliability: A\n> Item Credibility: 2\n> DISTRIBUTION: Latam team\n>\n> The officer says troops are already in Mexico.`;
    const intel = parseIntelBlock(text)!;
    expect(intel.code).toBe('US714');
    expect(intel.publication).toBe('no');
    expect(intel.sourceReliability).toBe('A');
    expect(intel.itemCredibility).toBe('2');
    expect(intel.fields).toMatchObject({ 'Source code': 'US714', DISTRIBUTION: 'Latam team' });
    expect(intel.subjectType).toBeNull();
  });

  it('joins a value wrapped onto the next line, but does not swallow the body after the block', () => {
    const text = `CODE: MX7\nSOURCE DESCRIPTION: Mid-level PGR official who handles liaison with\nforeign police attachés\nSOURCE RELIABILITY: C\n\nBody text starts here.\nNote: this is prose, not a field.`;
    const intel = parseIntelBlock(text)!;
    expect(intel.sourceDescription).toBe(
      'Mid-level PGR official who handles liaison with foreign police attachés',
    );
    expect(intel.sourceReliability).toBe('C');
    expect(Object.keys(intel.fields)).toEqual(['CODE', 'SOURCE DESCRIPTION', 'SOURCE RELIABILITY']);
  });

  it('keeps the first value of a repeated field and records empty values', () => {
    const intel = parseIntelBlock(
      'CODE: MX1\nSPECIAL HANDLING:\nSOURCE RELIABILITY: B\nCODE: MX2',
    )!;
    expect(intel.code).toBe('MX1');
    expect(intel.specialHandling).toBeNull();
    expect(intel.fields['SPECIAL HANDLING']).toBe('');
  });

  it('takes the code from the subject when the block has none', () => {
    const intel = parseIntelBlock(
      'ATTRIBUTION: a source\nSOURCE RELIABILITY: B',
      'INSIGHT - MEXICO - Cartel violence - MX1',
    )!;
    expect(intel.code).toBe('MX1');
  });

  it('returns null for ordinary text, a single stray field and URLs or times', () => {
    expect(parseIntelBlock('The cartel moved its shipments on Tuesday.')).toBeNull();
    expect(parseIntelBlock('Source: Reuters\nThe cartel moved its shipments.')).toBeNull();
    expect(parseIntelBlock('CODE: http://example.org\nsee http://x at 10:30')).toBeNull();
  });

  it('returns a record with only subject fields for a conventional subject without a block', () => {
    const intel = parseIntelBlock(
      'Short note, no block.',
      'Re: INSIGHT - VENEZUELA - Oil output - VE3',
    )!;
    expect(intel).toMatchObject({
      code: 'VE3',
      subjectType: 'INSIGHT',
      subjectCountry: 'VENEZUELA',
      subjectTopic: 'Oil output',
      fields: {},
    });
  });

  it('strips control characters from values', () => {
    expect(parseIntelBlock('CODE: MX\u00021\nSOURCE RELIABILITY: B\u0003')!.fields).toEqual({
      CODE: 'MX1',
      'SOURCE RELIABILITY': 'B',
    });
  });
});

describe('parseIntelSubject', () => {
  it.each([
    [
      'INSIGHT - MEXICO - Cartel violence in Juarez - MX1',
      { type: 'INSIGHT', country: 'MEXICO', topic: 'Cartel violence in Juarez', code: 'MX1' },
    ],
    [
      'RE: [OS] FW: INSIGHT - MEXICO - Cartel violence - MX1',
      { type: 'INSIGHT', country: 'MEXICO', topic: 'Cartel violence', code: 'MX1' },
    ],
    [
      'INSIGHT -- US/MEXICO -- Troops on the border – US714',
      { type: 'INSIGHT', country: 'US/MEXICO', topic: 'Troops on the border', code: 'US714' },
    ],
    [
      'INSIGHT - MEXICO - Sinaloa - Juarez plaza - MX1',
      { type: 'INSIGHT', country: 'MEXICO', topic: 'Sinaloa - Juarez plaza', code: 'MX1' },
    ],
    [
      'INSIGHT - MEXICO - Cartel violence',
      { type: 'INSIGHT', country: 'MEXICO', topic: 'Cartel violence', code: null },
    ],
    ['INSIGHT - MEXICO - MX1', { type: 'INSIGHT', country: 'MEXICO', topic: null, code: 'MX1' }],
    [
      'GUIDANCE - Cartel violence',
      { type: 'GUIDANCE', country: null, topic: 'Cartel violence', code: null },
    ],
    [
      'INSIGHT - Mexico - Anti-cartel operations in Nuevo León - MX2',
      {
        type: 'INSIGHT',
        country: 'Mexico',
        topic: 'Anti-cartel operations in Nuevo León',
        code: 'MX2',
      },
    ],
  ])('parses %j', (subject, expected) => {
    expect(parseIntelSubject(subject)).toEqual(expected);
  });

  it.each(['Shipment list from the port contact', 'INSIGHT', 'Meeting - Tuesday - 10am', ''])(
    'rejects %j',
    (subject) => {
      expect(parseIntelSubject(subject)).toBeNull();
    },
  );
});
