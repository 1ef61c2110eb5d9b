import { describe, expect, it } from 'vitest';
import { emptyExtraction } from '../empty-extraction.js';
import type { Extraction } from '../types.js';
import type { GoldDocument } from './gold.js';
import { matchKey, quoteOpening } from './matching.js';
import { scoreDocument } from './score.js';

const empty = emptyExtraction();

function mention(text: string, type: 'person' | 'organization' | 'place', normalized = text) {
  return { start: 0, end: text.length, text, type, normalized, confidence: 1, source: 'test' };
}

describe('gold matching', () => {
  it('folds case, accents and punctuation', () => {
    expect(matchKey('U.S.')).toBe(matchKey('US'));
    expect(matchKey('Zambada-Niebla')).toBe(matchKey('Zambada Niebla'));
    expect(matchKey('Juárez')).toBe(matchKey('[Juarez]'));
    expect(quoteOpening("“Yes ma'am,” he")).toBe('yes ma am he');
  });

  it('scores entities by name or surface form, per type, precision over predicted and recall over gold', () => {
    const gold: GoldDocument = {
      document: 'd.txt',
      entities: [
        { type: 'place', name: 'Ciudad Juárez', mentions: ['CDJ'] },
        { type: 'person', name: 'Joaquín Guzmán Loera', mentions: ['El Chapo'] },
        { type: 'organization', name: 'Stratfor', mentions: ['Stratfor'] },
      ],
      quotes: [
        { speaker: 'Joaquín Guzmán Loera', text: 'I supply more heroin than anybody in the world' },
      ],
      dated_events: [{ date: '2010', precision: 'year' }],
      figures: [{ value: 0.333 }],
      sources_cited: ['Stratfor'],
    };
    const extraction: Extraction = {
      ...empty,
      mentions: [
        mention('Juarez', 'place', 'Ciudad Juárez'),
        mention('El Chapo', 'person', 'Joaquín Guzmán Loera'),
        mention('Stratfor', 'place'),
      ],
      quotes: [
        {
          start: 0,
          end: 1,
          text: 'I supply more heroin than anybody in the world, he',
          speaker: 'Joaquín Guzmán Loera',
          verb: 'said',
          saidOn: null,
        },
      ],
      dates: [
        { start: 0, end: 4, text: '2010', value: '2010', precision: 'year', relative: false },
      ],
      figures: [{ start: 0, end: 1, text: 'a third', value: 1 / 3, unit: 'share', about: null }],
      sourcesCited: [{ start: 0, end: 1, name: 'Stratfor', cue: 'test' }],
    };
    const score = scoreDocument(gold, extraction);
    expect(score.entityCounts.place).toEqual({
      predicted: 2,
      gold: 1,
      correctPredicted: 1,
      foundGold: 1,
    });
    expect(score.entityCounts.organization).toEqual({
      predicted: 0,
      gold: 1,
      correctPredicted: 0,
      foundGold: 0,
    });
    expect(score.counts.quotes.correctPredicted).toBe(1);
    expect(score.counts.datedEvents.correctPredicted).toBe(1);
    expect(score.counts.figures.correctPredicted).toBe(1);
    expect(score.counts.sourcesCited.correctPredicted).toBe(1);
  });
});
