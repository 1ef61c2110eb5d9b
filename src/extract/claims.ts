import { SPEECH_VERBS } from './lexicon/cues.js';
import { MentionIndex } from './mentions/index-by-token.js';
import type { AnalyzedWithAliases } from './recognizers/analyze.js';
import {
  isPersonalPronoun,
  isPronounMention,
  pronounBefore,
  SpeakerTrail,
} from './speaker-antecedents.js';
import { wrappedParagraphs } from './text/spans.js';
import type { Token } from './text/tokenize.js';
import type { Claim, Mention, Quote } from './types.js';

/** Verbs that report what someone asserted, followed by "that"/"que" or a clause. */
const REPORTING_VERBS = new Set(
  (
    'claimed claims alleged alleges said says suggested suggests reported reports revealed reveals asserted ' +
    'asserts insisted insists stated states argued argues indicated indicates confirmed confirms ' +
    'acknowledged acknowledges warned warns denied denies maintained maintains concluded concludes ' +
    'afirmo afirma aseguro asegura dijo dice senalo senala indico indica declaro declara sostuvo sostiene ' +
    'revelo revela denuncio denuncia acuso acusa reconocio reconoce advirtio advierte informo informa'
  ).split(' '),
);

/**
 * Reported speech, not in quotation marks: "X claimed (in court filings) that …", "X afirmó que …",
 * "According to X, …", "Según X, …", "…, according to X." The claim span is the reported clause;
 * the speaker is the nearest name before the verb in the sentence. A pronoun ("He also says …",
 * "Él dijo que …", "según ella") goes to the speaker trail the quotes use (speaker-antecedents.ts):
 * the most recent speaker, else the report's coded source, else the last person named of agreeing
 * gender; when that is ambiguous the claim is dropped, as a claim without a claimant always was.
 * Sentences inside quotations are left to the quotes.
 */
export function extractClaims(
  doc: AnalyzedWithAliases,
  mentions: Mention[],
  quotes: Quote[],
): Claim[] {
  const { tokens, text } = doc;
  const index = new MentionIndex(tokens, mentions);
  const inQuote = (offset: number) => quotes.some((q) => offset >= q.start && offset < q.end);
  const claimants = new Claimants(doc, index, quotes);
  const claims: Claim[] = [];
  for (const [first, last] of doc.sentences) {
    if (inQuote(tokens[first]!.start)) continue;
    const end = sentenceEnd(tokens, first, last);
    for (let i = first; i <= last; i++) {
      const token = tokens[i]!;
      if (inQuote(token.start)) continue;
      // According to X, clause | Según X, clause
      const according = token.fold === 'according' && tokens[i + 1]?.fold === 'to';
      const segun =
        token.fold === 'segun' ||
        (token.fold === 'de' &&
          tokens[i + 1]?.fold === 'acuerdo' &&
          /^(?:con|a)$/.test(tokens[i + 2]?.fold ?? ''));
      if ((according || segun) && i === first) {
        const comma = tokens.slice(i, last + 1).findIndex((t) => t.text === ',');
        if (comma > 0 && i + comma + 1 <= last) {
          const speaker = sourceAfter(index, claimants, tokens, i + 1, last);
          if (speaker)
            claims.push(
              claim(
                text,
                tokens,
                i + comma + 1,
                end,
                speaker,
                according ? 'according to' : 'según',
              ),
            );
        }
        break;
      }
      if (according && i > first && tokens[i - 1]?.text === ',') {
        const speaker = sourceAfter(index, claimants, tokens, i + 1, last);
        if (speaker) claims.push(claim(text, tokens, first, i - 2, speaker, 'according to'));
        break;
      }
      if (!REPORTING_VERBS.has(token.fold) || token.capitalized) continue;
      // the clause: after "that"/"que", possibly after a short adjunct ("in federal court filings")
      let c = i + 1;
      while (
        c <= last &&
        c - i <= 6 &&
        !/^(?:that|que)$/.test(tokens[c]!.fold) &&
        tokens[c]!.kind !== 'punct'
      )
        c++;
      if (c > last || !/^(?:that|que)$/.test(tokens[c]!.fold) || c + 1 > end) continue;
      const speaker = subjectBefore(index, claimants, tokens, first, i);
      if (!speaker) continue;
      claimants.heard(token.end, speaker);
      claims.push(claim(text, tokens, c + 1, end, speaker, token.text));
      break;
    }
  }
  return claims;
}

function sentenceEnd(tokens: Token[], first: number, last: number): number {
  let end = last;
  while (end > first && tokens[end]!.kind === 'punct') end--;
  return end;
}

function claim(
  text: string,
  tokens: Token[],
  first: number,
  last: number,
  speaker: Mention,
  verb: string,
): Claim {
  const start = tokens[first]!.start;
  const end = tokens[last]!.end;
  return {
    start,
    end,
    text: text.slice(start, end),
    speaker: speaker.normalized,
    speakerStart: speaker.start,
    speakerEnd: speaker.end,
    verb,
  };
}

/**
 * The pronoun claimants' antecedents, from the speakers heard so far: the quotations' and the
 * claims'. The trail is built on the first pronoun, as most documents never need it.
 */
class Claimants {
  private trail: SpeakerTrail | undefined;
  private readonly early: Array<[number, Mention | null]> = [];

  constructor(
    private readonly doc: AnalyzedWithAliases,
    private readonly index: MentionIndex,
    private readonly quotes: Quote[],
  ) {}

  /**
   * Who `pronoun` stands for; null when ambiguous. Recorded either way: the next pronoun goes to
   * the same speaker, or is left as unresolved as this one.
   */
  resolve(pronoun: Token): Mention | null {
    const speaker = this.built().resolvePronoun(pronoun, pronoun.start);
    this.heard(pronoun.end, speaker);
    return speaker;
  }

  /** A claimant just read, for the pronouns after it. */
  heard(end: number, speaker: Mention | null): void {
    if (this.trail) this.trail.recordSpeech(end, speaker);
    else this.early.push([end, speaker]);
  }

  private built(): SpeakerTrail {
    if (this.trail) return this.trail;
    const { doc, index } = this;
    const trail = new SpeakerTrail(doc, index, wrappedParagraphs(doc.text), [], isSpeechVerb);
    for (const quote of this.quotes) {
      const speaker =
        quote.speakerStart === undefined
          ? undefined
          : index.mentions.find(
              (m) => m.start === quote.speakerStart && m.end === quote.speakerEnd,
            );
      // a quotation's verb without a speaker: an attribution that named nobody ("a source said")
      trail.recordQuote(
        quote.start,
        quote.end,
        speaker ?? (quote.verb === null ? undefined : null),
      );
    }
    for (const [end, speaker] of this.early) trail.recordSpeech(end, speaker);
    this.trail = trail;
    return trail;
  }
}

/** As the quotes read reported speech for the trail, with the claims' own verbs besides. */
function isSpeechVerb(token: Token | undefined): boolean {
  return (
    token !== undefined &&
    !token.capitalized &&
    (SPEECH_VERBS.has(token.fold) || REPORTING_VERBS.has(token.fold))
  );
}

/** "According to X", "según X": the first name after the cue; "según él": its antecedent. */
function sourceAfter(
  index: MentionIndex,
  claimants: Claimants,
  tokens: Token[],
  from: number,
  last: number,
): Mention | null | undefined {
  if (isPersonalPronoun(tokens[from]!)) return claimants.resolve(tokens[from]!);
  const speaker = firstNameAfter(index, tokens, from, last);
  if (speaker) claimants.heard(speaker.end, speaker);
  return speaker;
}

function firstNameAfter(
  index: MentionIndex,
  tokens: Token[],
  from: number,
  last: number,
): Mention | undefined {
  for (let k = from; k <= Math.min(last, from + 8); k++) {
    const mention = index.at(k);
    if (mention && mention.type !== 'place' && !isPronounMention(mention)) return mention;
    if (tokens[k]!.text === ',') break;
  }
  return undefined;
}

/**
 * The claimant: a pronoun just before the verb ("After meeting Pérez, he said that"), else the
 * sentence's first person before the verb ("Zambada-Niebla, allegedly the coordinator for the
 * Sinaloa Cartel, claimed"), else the name closest before the verb, or a pronoun's antecedent.
 * Null: the pronoun's antecedent is ambiguous.
 */
function subjectBefore(
  index: MentionIndex,
  claimants: Claimants,
  tokens: Token[],
  first: number,
  verb: number,
): Mention | null | undefined {
  const pronoun = pronounBefore(tokens, verb, first);
  if (pronoun) return claimants.resolve(pronoun);
  for (let k = first; k < verb; k++) {
    const mention = index.at(k);
    if (mention?.type === 'person' && !isPronounMention(mention)) return mention;
    if (tokens[k]!.kind === 'word' && tokens[k]!.fold === 'that') break;
  }
  for (let k = verb - 1; k >= Math.max(first, verb - 6); k--) {
    // compared on the surface: the fold of "Él" is the article "el"
    if (isPersonalPronoun(tokens[k]!)) return claimants.resolve(tokens[k]!);
    const mention = index.at(k);
    if (mention && mention.type !== 'place') return mention;
  }
  return undefined;
}
