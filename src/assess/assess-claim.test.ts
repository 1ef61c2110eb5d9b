import { describe, expect, it } from 'vitest';
import type { IntelSourceBlock } from '../ingest/index.js';
import { assessClaim, type AnalystGrade } from './index.js';
import { clusterWith } from './test-clusters.js';

const none = { sourceGrades: new Map<string, AnalystGrade>() };
const block = (code: string, reliability: string, credibility: string) =>
  ({ code, sourceReliability: reliability, itemCredibility: credibility }) as IntelSourceBlock;
const rules = (reasons: Array<{ rule: string }>) => reasons.map((r) => r.rule);

describe('credibility from independent corroboration', () => {
  it('a single coded source with nothing else: 6, cannot be judged', () => {
    const a = assessClaim(clusterWith({ origins: ['MX1'] }), none);
    expect(a.credibility.value).toBe(6);
    expect(rules(a.credibility.reasons)).toEqual(['single-origin-anonymous']);
  });

  it('a single unnamed origin: 6', () => {
    expect(assessClaim(clusterWith({ origins: [null] }), none).credibility.value).toBe(6);
  });

  it('a single on-record source: 3, possibly true', () => {
    const a = assessClaim(clusterWith({ origins: ['Ana Ruiz'] }), none);
    expect(a.credibility.value).toBe(3);
    expect(rules(a.credibility.reasons)).toEqual(['single-origin-on-record']);
  });

  it('two independent origins: 2, probably true', () => {
    const a = assessClaim(clusterWith({ origins: ['MX1', 'Ana Ruiz'] }), none);
    expect(a.credibility.value).toBe(2);
    expect(rules(a.credibility.reasons)).toEqual(['corroborated']);
  });

  it('three independent origins: 1 only with one of them on the record', () => {
    expect(
      assessClaim(clusterWith({ origins: ['MX1', 'US714', null] }), none).credibility.value,
    ).toBe(2);
    const a = assessClaim(clusterWith({ origins: ['MX1', 'US714', 'Ana Ruiz'] }), none);
    expect(a.credibility.value).toBe(1);
    expect(a.credibility.reasons[0]!.text).toContain('Ana Ruiz');
  });

  it('circular reporting never raises credibility: five copies of one origin grade as one', () => {
    const once = assessClaim(clusterWith({ origins: ['MX7'] }), none);
    const fiveTimes = assessClaim(clusterWith({ origins: ['MX7'], documents: 5 }), none);
    expect(fiveTimes.credibility.value).toBe(once.credibility.value);
    expect(rules(fiveTimes.credibility.reasons)).toContain('circular-not-counted');
    expect(fiveTimes.credibility.reasons.at(-1)!.text).toMatch(/5 documents .* 1 origin.*circular/);
    const namedFiveTimes = assessClaim(clusterWith({ origins: ['Ana Ruiz'], documents: 5 }), none);
    expect(namedFiveTimes.credibility.value).toBe(3);
  });

  it('a single origin with an intelligence block takes its mapped item credibility', () => {
    const intel = new Map([['leak-1', block('MX7', 'B', '2')]]);
    const cluster = clusterWith({ origins: ['MX7'], originDocument: 'leak-1' });
    const a = assessClaim(cluster, { ...none, intel });
    expect(a.credibility.value).toBe(3);
    expect(a.credibility.stratfor).toMatchObject({ original: '2', suggested: 3 });
    expect(rules(a.credibility.reasons)).toEqual(['single-origin-intel']);
  });

  it('corroboration, not the handler, decides once there are independent origins', () => {
    const intel = new Map([['MX7', block('MX7', 'B', '5')]]);
    const a = assessClaim(clusterWith({ origins: ['MX7', 'Ana Ruiz'] }), { ...none, intel });
    expect(a.credibility.value).toBe(2);
    expect(a.credibility.stratfor?.suggested).toBe(5);
  });
});

describe('reliability of the origin source', () => {
  it('defaults to F without evidence', () => {
    const a = assessClaim(clusterWith({ origins: ['MX1'] }), none);
    expect(a.reliability.value).toBe('F');
    expect(rules(a.reliability.reasons)).toEqual(['no-evidence']);
    expect(a.code).toBe('F6');
  });

  it('suggests a Stratfor letter mapped one step down, keeping the original', () => {
    const intel = new Map([['leak-1', block('MX7', 'B', '3')]]);
    const a = assessClaim(clusterWith({ origins: ['MX7'], originDocument: 'leak-1' }), {
      ...none,
      intel,
    });
    expect(a.reliability).toMatchObject({ value: 'C', derived: 'C', analyst: null });
    expect(a.reliability.stratfor).toMatchObject({ original: 'B', suggested: 'C' });
    expect(a.reliability.reasons[0]!.text).toContain('"B"');
    expect(a.code).toBe('C3');
  });

  it('finds an intelligence block by the source code when the e-mail is not the origin document', () => {
    const intel = new Map([['some-other-mail', block('MX7', 'A', '4')]]);
    const a = assessClaim(clusterWith({ origins: ['mx7'] }), { ...none, intel });
    expect(a.reliability.value).toBe('B');
    expect(a.credibility.value).toBe(4);
  });

  it("prefers the analyst's standing grade of the source over the Stratfor letter", () => {
    const grade: AnalystGrade = {
      reliability: 'D',
      analyst: 'lucia',
      at: '2026-11-20T10:00:00Z',
      reason: 'two false reports in 2011',
    };
    const intel = new Map([['MX7', block('MX7', 'A', '3')]]);
    const a = assessClaim(clusterWith({ origins: ['MX7'] }), {
      sourceGrades: new Map([['mx7', grade]]),
      intel,
    });
    expect(a.reliability.value).toBe('D');
    expect(rules(a.reliability.reasons)).toEqual(['analyst-source-grade']);
    expect(a.reliability.reasons[0]!.text).toContain('two false reports');
    expect(a.reliability.stratfor?.suggested).toBe('B');
  });

  it('notes when only the primary of several origins is graded', () => {
    const a = assessClaim(clusterWith({ origins: ['MX1', 'Ana Ruiz'] }), none);
    expect(rules(a.reliability.reasons)).toEqual(['no-evidence', 'primary-origin-only']);
  });
});

describe('analyst overrides', () => {
  const override: AnalystGrade = {
    reliability: 'B',
    credibility: 2,
    analyst: 'megan',
    at: '2026-11-25T09:30:00Z',
    reason: 'confirmed by phone with the consulate',
  };

  it('always win, and keep the derived default with its reasons', () => {
    const a = assessClaim(clusterWith({ origins: ['MX1'], documents: 3 }), none, override);
    expect(a.code).toBe('B2');
    expect(a.derivedCode).toBe('F6');
    expect(a.reliability).toMatchObject({ value: 'B', derived: 'F', analyst: override });
    expect(a.credibility).toMatchObject({ value: 2, derived: 6, analyst: override });
    expect(rules(a.credibility.reasons)).toContain('circular-not-counted');
  });

  it('set only the half they grade', () => {
    const onlyCredibility: AnalystGrade = {
      credibility: 5,
      analyst: 'megan',
      at: '2026-11-25T09:31:00Z',
      reason: 'contradicted by the SEDENA figures',
    };
    const a = assessClaim(clusterWith({ origins: ['Ana Ruiz'] }), none, onlyCredibility);
    expect(a.code).toBe('F5');
    expect(a.reliability.analyst).toBeNull();
    expect(a.credibility.analyst?.reason).toBe('contradicted by the SEDENA figures');
  });
});
