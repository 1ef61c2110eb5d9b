import { describe, expect, it } from 'vitest';
import { segmentByMarks } from './marks.js';

describe('segmentByMarks', () => {
  it('keeps every character once and layers nested marks', () => {
    const text = 'He said “Sinaloa is winning” in 2010.';
    const quoteStart = text.indexOf('“') + 1;
    const quoteEnd = text.indexOf('”');
    const segments = segmentByMarks(text, [
      { start: quoteStart, end: quoteEnd, kind: 'quote' },
      { start: quoteStart, end: quoteStart + 'Sinaloa'.length, kind: 'organization' },
      { start: text.indexOf('2010'), end: text.indexOf('2010') + 4, kind: 'date' },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    const sinaloa = segments.find((s) => s.text === 'Sinaloa')!;
    expect([...sinaloa.kinds].sort()).toEqual(['organization', 'quote']);
    expect([...segments.find((s) => s.text === ' is winning')!.kinds]).toEqual(['quote']);
    expect([...segments.find((s) => s.text === '2010')!.kinds]).toEqual(['date']);
  });

  it('ignores marks outside the text', () => {
    expect(segmentByMarks('short', [{ start: 2, end: 99, kind: 'place' }])).toEqual([
      { text: 'short', kinds: new Set() },
    ]);
  });
});
