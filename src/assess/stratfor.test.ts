import { describe, expect, it } from 'vitest';
import type { IntelSourceBlock } from '../ingest/index.js';
import { suggestCredibility, suggestFromIntel, suggestReliability } from './index.js';

describe('Stratfor-style grades, mapped only as suggestions', () => {
  it('moves every reliability letter one step more cautious, never past E', () => {
    const mapped = ['A', 'B', 'C', 'D', 'E', 'F'].map((v) => suggestReliability(v)?.suggested);
    expect(mapped).toEqual(['B', 'C', 'D', 'E', 'E', 'F']);
  });

  it('caps item credibility at 3: a handler’s grade is not confirmation', () => {
    const mapped = ['1', '2', '3', '4', '5', '6'].map((v) => suggestCredibility(v)?.suggested);
    expect(mapped).toEqual([3, 3, 3, 4, 5, 6]);
    // From August 2011 Stratfor graded item credibility A–F too: read as 1–6.
    expect(suggestCredibility('A')?.suggested).toBe(3);
    expect(suggestCredibility('E')?.suggested).toBe(5);
  });

  it('keeps the value exactly as written, with the rationale', () => {
    const suggestion = suggestReliability(' b - answers within a day');
    expect(suggestion).toMatchObject({ original: ' b - answers within a day', suggested: 'C' });
    expect(suggestion!.rationale).toMatch(/responsiveness/);
    expect(suggestCredibility('2 (handler)')).toMatchObject({
      original: '2 (handler)',
      suggested: 3,
    });
  });

  it('suggests nothing for values it cannot read', () => {
    for (const value of [null, '', 'unknown', 'G', '7', 'Bravo']) {
      expect(suggestReliability(value)).toBeNull();
      expect(suggestCredibility(value)).toBeNull();
    }
  });

  it('reads both values from an intelligence block', () => {
    const block = { code: 'MX7', sourceReliability: 'B', itemCredibility: '3' } as IntelSourceBlock;
    const { reliability, credibility } = suggestFromIntel(block);
    expect(reliability?.suggested).toBe('C');
    expect(credibility?.suggested).toBe(3);
  });
});
