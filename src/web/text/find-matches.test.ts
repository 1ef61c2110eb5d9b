import { describe, expect, it } from 'vitest';
import { findMatches, queryTerms } from './find-matches';

const marked = (text: string, query: string) =>
  findMatches(text, query).map((h) => text.slice(h.start, h.end));

describe('queryTerms', () => {
  it('folds words and drops operators and parentheses', () => {
    expect(queryTerms('(Juárez OR Sinaloa) AND cartel')).toEqual([
      { term: 'juarez', prefix: false },
      { term: 'sinaloa', prefix: false },
      { term: 'cartel', prefix: false },
    ]);
  });

  it('splits phrases into words and keeps prefix stars', () => {
    expect(queryTerms('"Ciudad Juárez" narco*')).toEqual([
      { term: 'ciudad', prefix: false },
      { term: 'juarez', prefix: false },
      { term: 'narco', prefix: true },
    ]);
  });

  it('leaves out words after NOT, which no hit contains', () => {
    expect(queryTerms('cartel NOT Sinaloa')).toEqual([{ term: 'cartel', prefix: false }]);
  });

  it('copes with an unclosed quote', () => {
    expect(queryTerms('"El Chapo')).toEqual([
      { term: 'el', prefix: false },
      { term: 'chapo', prefix: false },
    ]);
  });
});

describe('findMatches', () => {
  it('marks whole words whatever their case and accents, at their original offsets', () => {
    const text = 'In Ciudad Juárez, JUAREZ and juarez; not Juarezville.';
    expect(marked(text, 'juarez')).toEqual(['Juárez', 'JUAREZ', 'juarez']);
    expect(marked(text, 'Juárez')).toEqual(['Juárez', 'JUAREZ', 'juarez']);
  });

  it('marks words a prefix query starts', () => {
    expect(marked('Narcos, narcotics and narrow roads', 'narco*')).toEqual(['Narcos', 'narcotics']);
  });

  it('keeps offsets right after characters whose folding changes the length', () => {
    // "İ" lower-cases to two code units; the emoji is two code units of its own.
    const text = 'İstanbul 🇲🇽 Culiacán then culiacan';
    expect(marked(text, 'culiacan')).toEqual(['Culiacán', 'culiacan']);
    expect(marked(text, 'istanbul')).toEqual(['İstanbul']);
  });

  it('marks nothing for an empty query or only operators', () => {
    expect(findMatches('some text', '')).toEqual([]);
    expect(findMatches('AND OR', 'AND OR')).toEqual([]);
  });
});
