import { foldForMatch } from '../../core/index.js';
import type { Consistency, Hypothesis } from './types.js';

/** A mark proposed from the words alone. Never a judgement: the analyst marks the matrix. */
export interface MarkSuggestion {
  mark: Consistency;
  suggested: true;
  /** Key terms the hypothesis and the claim share. */
  sharedTerms: string[];
  /** Negation cues found in each text. */
  negations: { hypothesis: string[]; claim: string[] };
  rationale: string;
}

const STOPWORDS = new Set(
  (
    'the a an and or of to in on at by for from with as is are was were be been being that this these those it its ' +
    'he she they them his her their we our you your i me my has have had do does did will would can could should may might ' +
    'there here than then so such into over under about after before while if but also very more most some any all ' +
    'el la los las un una unos unas y o de del al en por para con como que se su sus es son fue era ha han lo le les'
  ).split(' '),
);

/** Words that flip a statement's polarity, English and Spanish. */
const NEGATIONS = new Set(
  (
    'not no never none nobody nothing neither nor without cannot cant dont doesnt didnt isnt arent wasnt werent wont ' +
    'deny denies denied false untrue refuted refutes rejected rejects ' +
    'nunca ningun ninguna nadie nada sin niega nego negaron falso'
  ).split(' '),
);

/** Shared key terms needed before any mark other than neutral is suggested. */
const MIN_SHARED_TERMS = 2;

/**
 * A lexical first guess at one cell, for the analyst to accept or change: if the hypothesis and the
 * claim share at least two key terms they are about the same thing; then one negated and the other
 * not suggests "inconsistent", both or neither "consistent". Otherwise "neutral". It reads words,
 * not meaning: "the agents left" and "the agents stayed" share terms and no negation, and come out
 * consistent. That is why it is labelled a suggestion.
 */
export function suggestMarks(hypothesis: Hypothesis, claim: { text: string }): MarkSuggestion {
  const h = analyse(hypothesis.text);
  const c = analyse(claim.text);
  const sharedTerms = [...h.terms].filter((t) => c.terms.has(t)).sort();
  const negations = { hypothesis: h.negations, claim: c.negations };
  if (sharedTerms.length < MIN_SHARED_TERMS) {
    return {
      mark: 'neutral',
      suggested: true,
      sharedTerms,
      negations,
      rationale: `suggestion: only ${sharedTerms.length} shared key term(s); the claim may not bear on the hypothesis`,
    };
  }
  const flipped = h.negations.length % 2 !== c.negations.length % 2;
  return {
    mark: flipped ? 'inconsistent' : 'consistent',
    suggested: true,
    sharedTerms,
    negations,
    rationale: flipped
      ? `suggestion: shares ${sharedTerms.join(', ')}, but only one of the two is negated (${[...h.negations, ...c.negations].join(', ')})`
      : `suggestion: shares ${sharedTerms.join(', ')}, with the same polarity`,
  };
}

function analyse(text: string): { terms: Set<string>; negations: string[] } {
  const terms = new Set<string>();
  const negations: string[] = [];
  for (const raw of foldForMatch(text.replace(/['’]/g, '')).split(' ')) {
    if (raw === '') continue;
    if (NEGATIONS.has(raw)) negations.push(raw);
    else if (raw.length >= 3 && !STOPWORDS.has(raw)) terms.add(stem(raw));
  }
  return { terms, negations };
}

/** Plural and third-person "-s" only: "agents" = "agent", "cartels" = "cartel". Deliberately crude. */
function stem(word: string): string {
  return word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}
