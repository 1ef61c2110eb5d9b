import { MentionIndex } from './mentions/index-by-token.js';
import type { AnalyzedWithAliases } from './recognizers/analyze.js';
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
const PRONOUNS = /^(?:he|she|él|ella)$/;

/**
 * Reported speech, not in quotation marks: "X claimed (in court filings) that …", "X afirmó que …",
 * "According to X, …", "Según X, …", "…, according to X." The claim span is the reported clause;
 * the speaker is the nearest name before the verb in the sentence (a pronoun takes the previous
 * person). Sentences inside quotations are left to the quotes.
 */
export function extractClaims(
  doc: AnalyzedWithAliases,
  mentions: Mention[],
  quotes: Quote[],
): Claim[] {
  const { tokens, text } = doc;
  const index = new MentionIndex(tokens, mentions);
  const inQuote = (offset: number) => quotes.some((q) => offset >= q.start && offset < q.end);
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
        const speaker = firstNameAfter(index, tokens, i + 1, last);
        const comma = tokens.slice(i, last + 1).findIndex((t) => t.text === ',');
        if (speaker && comma > 0 && i + comma + 1 <= last) {
          claims.push(
            claim(text, tokens, i + comma + 1, end, speaker, according ? 'according to' : 'según'),
          );
        }
        break;
      }
      if (according && i > first && tokens[i - 1]?.text === ',') {
        const speaker = firstNameAfter(index, tokens, i + 1, last);
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
      const speaker = subjectBefore(index, tokens, first, i);
      if (!speaker) continue;
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

function firstNameAfter(
  index: MentionIndex,
  tokens: Token[],
  from: number,
  last: number,
): Mention | undefined {
  for (let k = from; k <= Math.min(last, from + 8); k++) {
    const mention = index.at(k);
    if (mention && mention.type !== 'place') return mention;
    if (tokens[k]!.text === ',') break;
  }
  return undefined;
}

/**
 * The claimant: the sentence's first person before the verb ("Zambada-Niebla, allegedly the
 * coordinator for the Sinaloa Cartel, claimed"), else the name closest before the verb, or a
 * pronoun's antecedent.
 */
function subjectBefore(
  index: MentionIndex,
  tokens: Token[],
  first: number,
  verb: number,
): Mention | undefined {
  for (let k = first; k < verb; k++) {
    const mention = index.at(k);
    if (mention?.type === 'person') return mention;
    if (tokens[k]!.kind === 'word' && tokens[k]!.fold === 'that') break;
  }
  for (let k = verb - 1; k >= Math.max(first, verb - 6); k--) {
    const mention = index.at(k);
    if (mention && mention.type !== 'place') return mention;
    if (PRONOUNS.test(tokens[k]!.fold)) return index.lastPersonBefore(tokens[k]!.start);
  }
  return undefined;
}
