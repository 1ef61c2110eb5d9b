import { describe, expect, it } from 'vitest';
import { segmentText, type Highlight } from './segment-text';

const h = (start: number, end: number, kind = 'place'): Highlight => ({ start, end, kind });
const pieces = (text: string, highlights: Highlight[]) =>
  segmentText(text, highlights).map((s) => [s.text, s.highlights.map((x) => x.kind)]);

describe('segmentText', () => {
  it('returns the whole text as one plain segment without highlights', () => {
    expect(segmentText('Ciudad Juárez', [])).toEqual([
      { text: 'Ciudad Juárez', start: 0, end: 13, highlights: [] },
    ]);
  });

  it('returns nothing for empty text', () => {
    expect(segmentText('', [h(0, 3)])).toEqual([]);
  });

  it('cuts around a highlight in the middle, at the start and at the end', () => {
    const text = 'Agents met in Ciudad Juárez';
    expect(pieces(text, [h(14, 27)])).toEqual([
      ['Agents met in ', []],
      ['Ciudad Juárez', ['place']],
    ]);
    expect(pieces(text, [h(0, 6, 'person')])).toEqual([
      ['Agents', ['person']],
      [' met in Ciudad Juárez', []],
    ]);
  });

  it('splits overlapping highlights so each piece lists all that cover it', () => {
    expect(pieces('abcdef', [h(0, 4, 'a'), h(2, 6, 'b')])).toEqual([
      ['ab', ['a']],
      ['cd', ['a', 'b']],
      ['ef', ['b']],
    ]);
  });

  it('handles nested and identical highlights', () => {
    expect(
      pieces('El Chapo Guzmán', [h(0, 15, 'person'), h(3, 8, 'alias'), h(3, 8, 'match')]),
    ).toEqual([
      ['El ', ['person']],
      ['Chapo', ['person', 'alias', 'match']],
      [' Guzmán', ['person']],
    ]);
  });

  it('clamps out-of-range offsets and drops empty, reversed or invalid ranges', () => {
    expect(pieces('abc', [h(-5, 1), h(2, 99), h(2, 2), h(3, 1), h(Number.NaN, 2)])).toEqual([
      ['a', ['place']],
      ['b', []],
      ['c', ['place']],
    ]);
  });

  it('always joins back to the original text, offsets included', () => {
    const text = 'Señor 🇲🇽 met «El Güero» in Culiacán.\nNext line.';
    const segments = segmentText(text, [h(3, 12), h(8, 20), h(30, 45), h(0, text.length, 'all')]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    for (const s of segments) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('treats markup in the text as plain characters', () => {
    const text = '<script>alert(1)</script>';
    expect(segmentText(text, [h(0, 8)]).map((s) => s.text)).toEqual([
      '<script>',
      'alert(1)</script>',
    ]);
  });
});
