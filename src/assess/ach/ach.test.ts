import { describe, expect, it } from 'vitest';
import { achMatrix, suggestMarks, type AchMark, type Evidence, type Hypothesis } from '../index.js';

// A small hand-made case: how many U.S. agents work out of Chihuahua?
const hypotheses: Hypothesis[] = [
  { id: 'H1', text: 'Close to 500 U.S. agents work out of Chihuahua' },
  { id: 'H2', text: 'A few dozen U.S. agents work in Chihuahua' },
  { id: 'H3', text: 'No U.S. agents work in Chihuahua' },
];
const evidence: Evidence[] = [
  // The MX7 e-mail, re-quoted by five outlets: one origin, anonymous, graded 6.
  {
    id: 'mx7',
    text: 'close to 500 US agents working out of Chihuahua',
    credibility: 6,
    independentOrigins: 1,
  },
  // SEDENA's figure to the Senate, corroborated by an on-record ATF statement: graded 2, two origins.
  {
    id: 'sedena',
    text: 'about 350 accredited U.S. agents in all of Mexico',
    credibility: 2,
    independentOrigins: 2,
  },
  // A consular photo of agents at a Chihuahua base: graded 3.
  {
    id: 'photo',
    text: 'U.S. agents photographed at the Chihuahua base',
    credibility: 3,
    independentOrigins: 1,
  },
];
const marks: AchMark[] = [
  { hypothesisId: 'H1', evidenceId: 'mx7', mark: 'consistent' },
  { hypothesisId: 'H2', evidenceId: 'mx7', mark: 'inconsistent' },
  { hypothesisId: 'H3', evidenceId: 'mx7', mark: 'inconsistent' },
  { hypothesisId: 'H1', evidenceId: 'sedena', mark: 'inconsistent' },
  { hypothesisId: 'H2', evidenceId: 'sedena', mark: 'consistent' },
  { hypothesisId: 'H3', evidenceId: 'sedena', mark: 'inconsistent' },
  { hypothesisId: 'H1', evidenceId: 'photo', mark: 'consistent' },
  { hypothesisId: 'H2', evidenceId: 'photo', mark: 'consistent' },
  { hypothesisId: 'H3', evidenceId: 'photo', mark: 'inconsistent' },
];

describe('Analysis of Competing Hypotheses', () => {
  const matrix = achMatrix(hypotheses, evidence, marks);

  it('weights each row by credibility × independent origins', () => {
    expect(matrix.rows.map((r) => [r.evidenceId, r.weight])).toEqual([
      ['mx7', 0.4],
      ['sedena', 1.6],
      ['photo', 0.6],
    ]);
  });

  it('ranks by least weighted inconsistency, as Heuer does', () => {
    expect(matrix.scores.map((s) => [s.hypothesisId, s.inconsistency, s.rank])).toEqual([
      ['H2', 0.4, 1],
      ['H1', 1.6, 2],
      ['H3', 2.6, 3],
    ]);
    expect(matrix.scores[0]!.inconsistentEvidence).toEqual(['mx7']);
    // Consistent evidence is shown but does not rank: H1 has the most of it and still loses.
    const h1 = matrix.scores.find((s) => s.hypothesisId === 'H1')!;
    expect(h1.consistency).toBe(1);
  });

  it('flags evidence that cannot tell the hypotheses apart', () => {
    const all = achMatrix(hypotheses.slice(0, 2), evidence, marks);
    expect(all.rows.find((r) => r.evidenceId === 'photo')!.diagnostic).toBe(false);
    expect(all.rows.find((r) => r.evidenceId === 'sedena')!.diagnostic).toBe(true);
  });

  it('treats unmarked cells as neutral and shares ranks on ties', () => {
    const sparse = achMatrix(hypotheses, evidence, [
      { hypothesisId: 'H3', evidenceId: 'photo', mark: 'inconsistent' },
    ]);
    expect(sparse.rows[0]!.marks).toEqual({ H1: 'neutral', H2: 'neutral', H3: 'neutral' });
    expect(sparse.scores.map((s) => [s.hypothesisId, s.rank])).toEqual([
      ['H1', 1],
      ['H2', 1],
      ['H3', 3],
    ]);
  });

  it('lets a circular claim weigh once, however many outlets repeat it', () => {
    const repeated = { ...evidence[0]!, independentOrigins: 1 };
    const independent = { ...evidence[0]!, independentOrigins: 3 };
    const weight = (e: Evidence) => achMatrix(hypotheses, [e], []).rows[0]!.weight;
    expect(weight(independent)).toBeCloseTo(3 * weight(repeated));
  });
});

describe('suggestMarks', () => {
  const h = hypotheses[0]!;

  it('suggests consistent when the claim shares key terms with the same polarity', () => {
    const s = suggestMarks(h, {
      text: 'There are close to 500 US agents working out of Chihuahua right now',
    });
    expect(s).toMatchObject({ mark: 'consistent', suggested: true });
    expect(s.sharedTerms).toEqual(expect.arrayContaining(['agent', 'chihuahua', '500']));
    expect(s.rationale).toMatch(/^suggestion:/);
  });

  it('suggests inconsistent when exactly one of the two is negated', () => {
    const s = suggestMarks(h, { text: 'SEDENA denied that U.S. agents work out of Chihuahua' });
    expect(s.mark).toBe('inconsistent');
    expect(s.negations).toEqual({ hypothesis: [], claim: ['denied'] });
    expect(
      suggestMarks(hypotheses[2]!, { text: 'No U.S. agents were ever posted in Chihuahua' }).mark,
    ).toBe('consistent');
  });

  it('suggests neutral when the claim is about something else', () => {
    const s = suggestMarks(h, { text: 'Forty-one rifles were seized in Práxedis' });
    expect(s.mark).toBe('neutral');
    expect(s.sharedTerms).toEqual([]);
  });
});
