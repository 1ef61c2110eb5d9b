import { describe, expect, it } from 'vitest';
import { CREDIBILITY_GRADES } from '../assess/index.js';
import {
  claimRating,
  credibilityFromStixConfidence,
  stixConfidence,
  stixOpinion,
} from './admiralty-mappings.js';

describe('Admiralty mappings', () => {
  it('uses the STIX 2.1 Appendix A Admiralty credibility scale, both ways', () => {
    expect(CREDIBILITY_GRADES.map(stixConfidence)).toEqual([90, 70, 50, 30, 10, undefined]);
    for (const grade of CREDIBILITY_GRADES) {
      expect(credibilityFromStixConfidence(stixConfidence(grade))).toBe(grade);
    }
    expect([100, 80, 79, 60, 59, 40, 39, 20, 19, 0].map(credibilityFromStixConfidence)).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
  });

  it('caps the opinion of circular reporting at disagree', () => {
    expect(CREDIBILITY_GRADES.map((g) => stixOpinion(g, false))).toEqual([
      'strongly-agree',
      'agree',
      'neutral',
      'disagree',
      'strongly-disagree',
      'neutral',
    ]);
    expect(CREDIBILITY_GRADES.map((g) => stixOpinion(g, true))).toEqual([
      'disagree',
      'disagree',
      'disagree',
      'disagree',
      'strongly-disagree',
      'disagree',
    ]);
  });

  it('rates claims best-is-5, with the grade in words and no value for "cannot be judged"', () => {
    expect(claimRating('B2', 'B', 2)).toMatchObject({
      ratingValue: 4,
      bestRating: 5,
      worstRating: 1,
      alternateName: 'B2: usually reliable, probably true',
    });
    expect(claimRating('F6', 'F', 6).ratingValue).toBeNull();
  });
});
