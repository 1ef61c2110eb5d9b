import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse.js';
import { toFts5 } from './fts5.js';

describe('parseQuery', () => {
  it('reads implicit AND, OR, NOT, phrases, prefixes and groups', () => {
    expect(parseQuery('El Chapo')).toEqual({
      type: 'and',
      children: [
        { type: 'term', value: 'El', prefix: false },
        { type: 'term', value: 'Chapo', prefix: false },
      ],
    });
    expect(parseQuery('"El Chapo" OR Guzm*')).toEqual({
      type: 'or',
      children: [
        { type: 'phrase', value: 'El Chapo' },
        { type: 'term', value: 'Guzm', prefix: true },
      ],
    });
    expect(parseQuery('cartel NOT (Sinaloa OR Juárez)')).toEqual({
      type: 'not',
      include: { type: 'term', value: 'cartel', prefix: false },
      exclude: {
        type: 'or',
        children: [
          { type: 'term', value: 'Sinaloa', prefix: false },
          { type: 'term', value: 'Juárez', prefix: false },
        ],
      },
    });
  });

  it('treats lower-case and/or/not as words and curly quotes as quotes', () => {
    expect(parseQuery('guns and money')).toMatchObject({ type: 'and', children: { length: 3 } });
    expect(parseQuery('“Fast and Furious”')).toEqual({ type: 'phrase', value: 'Fast and Furious' });
  });

  it('names the position of a syntax error', () => {
    expect(() => parseQuery('(juarez OR cdj')).toThrow(/Unclosed parenthesis at character 1/);
    expect(() => parseQuery('juarez OR')).toThrow(/ends where a word was expected/);
    expect(() => parseQuery('juarez )')).toThrow(/Unexpected "\)" at character 8/);
  });
});

describe('toFts5', () => {
  it('quotes every user word so none is read as FTS5 syntax', () => {
    expect(toFts5(parseQuery('NEAR(a b) title:x "say ""hi"""'))).toBe(
      '("NEAR" AND ("a" AND "b") AND "title:x" AND "say" AND "hi")',
    );
    expect(toFts5(parseQuery('juar* -plaza'))).toBe('("juar"* NOT "plaza")');
  });
});
