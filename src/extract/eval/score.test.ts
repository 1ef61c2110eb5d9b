import { describe, expect, it } from 'vitest';
import { emptyExtraction } from '../empty-extraction.js';
import { extract } from '../test-helpers.js';
import type { Figure } from '../types.js';
import type { GoldDocument } from './gold.js';
import { scoreDocument } from './score.js';

const empty = emptyExtraction();

function figure(value: number, unit: string | null, text: string): Figure {
  return { start: 0, end: text.length, text, value, unit, about: null };
}

/** Four of seed 002's gold figures. */
const gold: GoldDocument = {
  document: '002.txt',
  entities: [],
  quotes: [],
  dated_events: [],
  figures: [
    { value: 500, unit: 'agents', text: '500 U.S. federal agents' },
    { value: 18, unit: 'agents', text: '18 Alcohol, Tobacco, Firearms and Explosives agents' },
    { value: 19, unit: 'staff', text: 'from 19' },
    { value: 2, unit: 'floors', text: 'two entire floors' },
  ],
  sources_cited: [],
};

describe('figure unit scoring', () => {
  it('counts the value-matched figures whose units agree, and lists the others', () => {
    const score = scoreDocument(gold, {
      ...empty,
      figures: [
        figure(500, 'does', '500 U.S. federal agents does'),
        figure(18, 'alcohol', '18 Alcohol'),
        figure(19, null, '19'),
        figure(2, 'floors', 'two entire floors'),
      ],
    });
    expect(score.counts.figures.correctPredicted).toBe(4);
    expect(score.figureUnits).toEqual({ matched: 4, agree: 1 });
    expect(score.unitDisagreements).toEqual([
      '500 “500 U.S. federal agents does”: unit does, gold agents “500 U.S. federal agents”',
      '18 “18 Alcohol”: unit alcohol, gold agents “18 Alcohol, Tobacco, Firearms and Explosives agents”',
      '19 “19”: unit (none), gold staff “from 19”',
    ]);
  });

  it('pairs a gold figure with the prediction of the same value and unit, when there are several', () => {
    // seed 002 states "two forces" before "two entire floors"; the gold lists only the floors
    const score = scoreDocument(gold, {
      ...empty,
      figures: [
        figure(2, 'forces', 'two forces'),
        figure(2, 'floors', 'two entire floors'),
        figure(500, 'agents', '500 U.S. federal agents'),
      ],
    });
    expect(score.counts.figures).toEqual({
      predicted: 3,
      gold: 4,
      correctPredicted: 2,
      foundGold: 2,
    });
    expect(score.figureUnits).toEqual({ matched: 2, agree: 2 });
    expect(score.spuriousFigures).toEqual(['2 “two forces”']);
  });

  it('scores what the extractor makes of a seed sentence', () => {
    const extraction = extract(
      'After the Mexican government revealed the presence of 500 U.S. federal agents to “spy” on their territory. ' +
        'According to officials of the PGR, in 2005 only 60 U.S. agents were deployed south of the border.',
    );
    const score = scoreDocument(
      {
        ...gold,
        figures: [
          { value: 500, unit: 'agents', text: '500 U.S. federal agents' },
          { value: 60, unit: 'agents', text: 'only 60 U.S. agents' },
        ],
      },
      extraction,
    );
    expect(score.figureUnits).toEqual({ matched: 2, agree: 2 });
  });
});
