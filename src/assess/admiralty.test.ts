import { describe, expect, it } from 'vitest';
import {
  CREDIBILITY,
  CREDIBILITY_GRADES,
  RELIABILITY,
  RELIABILITY_GRADES,
  admiraltyCode,
  isCredibility,
  isReliability,
} from './index.js';

describe('the Admiralty scale', () => {
  it('has the six reliability letters and six credibility digits, with their standard meanings', () => {
    expect(Object.keys(RELIABILITY)).toEqual([...RELIABILITY_GRADES]);
    expect(Object.keys(CREDIBILITY).map(Number)).toEqual([...CREDIBILITY_GRADES]);
    expect(RELIABILITY.A.label).toBe('Completely reliable');
    expect(RELIABILITY.E.label).toBe('Unreliable');
    expect(RELIABILITY.F.label).toBe('Reliability cannot be judged');
    expect(CREDIBILITY[1].label).toBe('Confirmed by other sources');
    expect(CREDIBILITY[2].label).toBe('Probably true');
    expect(CREDIBILITY[5].label).toBe('Improbable');
    expect(CREDIBILITY[6].label).toBe('Truth cannot be judged');
    for (const meaning of [...Object.values(RELIABILITY), ...Object.values(CREDIBILITY)]) {
      expect(meaning.description.length).toBeGreaterThan(20);
    }
  });

  it('writes codes as analysts do and validates grades', () => {
    expect(admiraltyCode('B', 2)).toBe('B2');
    expect(isReliability('C')).toBe(true);
    expect(isReliability('G')).toBe(false);
    expect(isReliability('b')).toBe(false);
    expect(isCredibility(6)).toBe(true);
    expect(isCredibility(0)).toBe(false);
    expect(isCredibility('3')).toBe(false);
  });
});
