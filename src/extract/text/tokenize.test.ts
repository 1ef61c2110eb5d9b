import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';

describe('tokenize', () => {
  it('keeps dotted abbreviations whole and splits possessives off', () => {
    const tokens = tokenize('The U.S. Embassy and Mexico’s army; EE.UU. too.');
    expect(tokens.map((t) => t.text)).toEqual([
      'The',
      'U.S.',
      'Embassy',
      'and',
      'Mexico',
      '’s',
      'army',
      ';',
      'EE.UU.',
      'too',
      '.',
    ]);
    expect(tokens.find((t) => t.text === 'U.S.')!.kind).toBe('abbr');
  });

  it('gives exact offsets, folds accents and marks sentence starts', () => {
    const text = 'Ciudad Juárez is big. “Yes,” she said.\nNew line';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    const tokens = tokenize(text);
    expect(tokens.find((t) => t.text === 'Juárez')!.fold).toBe('juarez');
    expect(tokens.filter((t) => t.sentenceStart).map((t) => t.text)).toEqual([
      'Ciudad',
      'Yes',
      'New',
    ]);
  });

  it('does not end a sentence after a title abbreviation or an initial', () => {
    const tokens = tokenize('Mr. Smith met George W. Bush.');
    expect(tokens.filter((t) => t.sentenceStart).map((t) => t.text)).toEqual(['Mr']);
  });
});
