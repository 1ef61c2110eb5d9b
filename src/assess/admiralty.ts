/**
 * The NATO Admiralty (A1–F6) grading system, as in NATO AJP-2.1 (Allied Joint Doctrine for
 * Intelligence Procedures) and its US counterpart FM 2-22.3, appendix B: a letter for the
 * source's reliability and a digit for the information's credibility, judged separately — a
 * reliable source can pass on a rumour, an unreliable one can be right.
 */

export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;
/** "B2", "F6": the grade as analysts write it. */
export type AdmiraltyCode = `${Reliability}${Credibility}`;

export interface GradeMeaning {
  label: string;
  description: string;
}

export const RELIABILITY: Readonly<Record<Reliability, GradeMeaning>> = {
  A: {
    label: 'Completely reliable',
    description:
      'No doubt of authenticity, trustworthiness or competency; a history of complete reliability.',
  },
  B: {
    label: 'Usually reliable',
    description:
      'Minor doubt about authenticity, trustworthiness or competency; a history of valid information most of the time.',
  },
  C: {
    label: 'Fairly reliable',
    description:
      'Doubt of authenticity, trustworthiness or competency, but has provided valid information in the past.',
  },
  D: {
    label: 'Not usually reliable',
    description:
      'Significant doubt about authenticity, trustworthiness or competency, but has provided valid information in the past.',
  },
  E: {
    label: 'Unreliable',
    description:
      'Lacking in authenticity, trustworthiness and competency; a history of invalid information.',
  },
  F: {
    label: 'Reliability cannot be judged',
    description: 'No basis exists for evaluating the reliability of the source.',
  },
};

export const CREDIBILITY: Readonly<Record<Credibility, GradeMeaning>> = {
  1: {
    label: 'Confirmed by other sources',
    description:
      'Confirmed by other independent sources; logical in itself; consistent with other information on the subject.',
  },
  2: {
    label: 'Probably true',
    description:
      'Not confirmed; logical in itself; consistent with other information on the subject.',
  },
  3: {
    label: 'Possibly true',
    description:
      'Not confirmed; reasonably logical in itself; agrees with some other information on the subject.',
  },
  4: {
    label: 'Doubtful',
    description: 'Not confirmed; possible but not logical; no other information on the subject.',
  },
  5: {
    label: 'Improbable',
    description:
      'Not confirmed; not logical in itself; contradicted by other information on the subject.',
  },
  6: {
    label: 'Truth cannot be judged',
    description: 'No basis exists for evaluating the validity of the information.',
  },
};

export const RELIABILITY_GRADES: readonly Reliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];
export const CREDIBILITY_GRADES: readonly Credibility[] = [1, 2, 3, 4, 5, 6];

export function isReliability(value: unknown): value is Reliability {
  return typeof value === 'string' && (RELIABILITY_GRADES as readonly string[]).includes(value);
}

export function isCredibility(value: unknown): value is Credibility {
  return typeof value === 'number' && (CREDIBILITY_GRADES as readonly number[]).includes(value);
}

export function admiraltyCode(reliability: Reliability, credibility: Credibility): AdmiraltyCode {
  return `${reliability}${credibility}`;
}
