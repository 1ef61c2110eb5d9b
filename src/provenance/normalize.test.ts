import { describe, expect, it } from 'vitest';
import { foldWord, tokenizeForReuse } from './normalize.js';

function spans(text: string): string[] {
  const { starts, ends } = tokenizeForReuse(text);
  return Array.from(starts, (start, i) => text.slice(start, ends[i]));
}

describe('tokenizeForReuse', () => {
  it('folds case, accents and inner punctuation, keeping offsets into the original', () => {
    const text = 'He said: “Don’t go to Juárez, OK?” — the U.S. consul';
    const tokens = tokenizeForReuse(text);
    expect(tokens.words).toEqual([
      'he',
      'said',
      'dont',
      'go',
      'to',
      'juarez',
      'ok',
      'the',
      'us',
      'consul',
    ]);
    expect(spans(text)).toEqual([
      'He',
      'said',
      'Don’t',
      'go',
      'to',
      'Juárez',
      'OK',
      'the',
      'U.S.',
      'consul',
    ]);
  });

  it('drops bracketed editorial insertions but keeps the words around them in place', () => {
    const text = 'To the [Juárez] and Sinaloa cartels [sic]: thanks, [the city] is ours.';
    const tokens = tokenizeForReuse(text);
    expect(tokens.words).toEqual([
      'to',
      'the',
      'and',
      'sinaloa',
      'cartels',
      'thanks',
      'is',
      'ours',
    ]);
    expect(text.slice(tokens.starts[2], tokens.ends[3])).toBe('and Sinaloa');
    expect(text.slice(tokens.starts[5], tokens.ends[6])).toBe('thanks, [the city] is');
  });

  it('keeps brackets that are unclosed, span lines or run longer than an editor’s gloss', () => {
    expect(tokenizeForReuse('an [unclosed bracket here').words).toEqual([
      'an',
      'unclosed',
      'bracket',
      'here',
    ]);
    expect(tokenizeForReuse('one [two\nthree] four').words).toEqual([
      'one',
      'two',
      'three',
      'four',
    ]);
    const long = `[${'word '.repeat(30)}]`;
    expect(tokenizeForReuse(long).words).toHaveLength(30);
    expect(tokenizeForReuse(long, { maxBracketChars: 500 }).words).toHaveLength(0);
  });

  it('treats decomposed accents (NFD) like precomposed ones, offsets covering the marks', () => {
    const text = 'Ciudad Jua\u0301rez';
    const tokens = tokenizeForReuse(text);
    expect(tokens.words).toEqual(['ciudad', 'juarez']);
    expect(tokens.ends[1]).toBe(text.length);
  });

  it('tokenises nothing out of nothing', () => {
    const tokens = tokenizeForReuse('  — “” … ');
    expect(tokens.words).toEqual([]);
    expect(tokens.starts).toHaveLength(0);
  });
});

describe('foldWord', () => {
  it('makes straight and curly apostrophes, case and accents equal', () => {
    expect(foldWord('Everyone’s')).toBe(foldWord("everyone's"));
    expect(foldWord('MÉXICO')).toBe('mexico');
  });
});
