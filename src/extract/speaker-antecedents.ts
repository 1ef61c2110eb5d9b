import nlp from 'compromise';
import { memoize } from '../core/index.js';
import { PERSON_TITLES } from './lexicon/cues.js';
import { isVerbForm } from './lexicon/words.js';
import type { MentionIndex } from './mentions/index-by-token.js';
import type { AnalyzedWithAliases } from './recognizers/analyze.js';
import { foldName } from './text/memo.js';
import { tokenAtOrAfter } from './text/spans.js';
import type { Token } from './text/tokenize.js';
import type { Mention } from './types.js';

export type Gender = 'male' | 'female';

/**
 * Compared on the lower-cased surface, not the fold: folding turns "Él" into "el", the article,
 * which is why a Spanish "Él dijo" used to go unrecognised.
 */
const PRONOUN_GENDER: Record<string, Gender> = {
  he: 'male',
  she: 'female',
  él: 'male',
  ella: 'female',
};

export function pronounGender(token: Token): Gender | null {
  return PRONOUN_GENDER[token.text.toLowerCase()] ?? null;
}

export function isPersonalPronoun(token: Token): boolean {
  return pronounGender(token) !== null;
}

/** "Ella dijo": the name rules can take the pronoun for the given name Ella. */
export function isPronounMention(mention: Mention): boolean {
  return mention.text.toLowerCase() in PRONOUN_GENDER;
}

/** A person who can be a speaker: a named one, not a pronoun the name rules took for a name. */
function isPerson(mention: Mention | undefined): mention is Mention {
  return mention?.type === 'person' && !isPronounMention(mention);
}

/** Words that may stand between a speaker and the speech verb: "MX7 also says", "Ruiz ha dicho". */
const VERB_FILLERS =
  /^(?:also|later|then|again|once|further|first|has|had|have|would|will|did|does|not|never|reportedly|publicly|privately|repeatedly|previously|ha|habia|tambien|luego|despues|ya|ademas|incluso|no|nunca)$/;
/** "…, he said", "she also says", "Él ya dijo": the personal pronoun just before a speech verb. */
export function pronounBefore(tokens: Token[], verb: number, from: number): Token | undefined {
  let k = verb - 1;
  while (k > from && VERB_FILLERS.test(tokens[k]!.fold)) k--;
  return k >= from && isPersonalPronoun(tokens[k]!) ? tokens[k] : undefined;
}

let givenNameTags: Record<string, string | string[]> | null = null;

/**
 * The gender compromise's lexicon files a given name under (MaleName / FemaleName), from the first
 * word of the canonical name. The project's own given-name list carries no gender and none is
 * added here: a name compromise does not know, a unisex one ("Jordan": Person, "Pat": FirstName)
 * or a coded source has none, and then no pronoun is ruled out.
 */
export const nameGender: (name: string) => Gender | null = memoize((name) => {
  givenNameTags ??= (
    nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }
  ).model().one.lexicon;
  const first = foldName(name).split(' ')[0] ?? '';
  const tag = givenNameTags[first];
  const tags = Array.isArray(tag) ? tag.join(',') : (tag ?? '');
  const male = /(?:^|,)MaleName/.test(tags);
  const female = tags.includes('FemaleName');
  if (male === female) return null;
  return male ? 'male' : 'female';
});

function agrees(mention: Mention, gender: Gender | null): boolean {
  if (gender === null || mention.source === 'coded-source') return true;
  const own = nameGender(mention.normalized);
  return own === null || own === gender;
}

/** Speech verbs whose object is the listener: "Ruiz told Pérez" makes no speaker of Pérez. */
const OBJECT_VERBS = /^(?:told|tells|asked|asks)$/;
const INDEFINITE = /^(?:a|an|one|another|un|una|otro|otra)$/;
const DEFINITE = /^(?:the|this|that|his|her|its|el|la|este|esta|ese|esa|su)$/;
const SENTENCE_LEAD = /^(?:but|and|yet|however|pero|y|sin|embargo)$/;
/** People an indefinite phrase can introduce as a new, unnamed speaker. */
const HUMAN_NOUNS =
  /^(?:source|diplomat|supervisor|officer|official|informant|agent|deputy|aide|spokesman|spokeswoman|spokesperson|witness|resident|neighbor|relative|soldier|employee|analyst|lawyer|attorney|prosecutor|investigator|man|woman|person|colleague|fuente|funcionario|funcionaria|informante|agente|vocero|vocera|portavoz|testigo|vecino|vecina|familiar|soldado|empleado|empleada|analista|abogado|abogada|fiscal|investigador|investigadora|hombre|mujer|persona|colega)$/;
/** Words before a name that make it something other than its sentence's subject. */
const NOT_SUBJECT_BEFORE =
  /^(?:of|in|on|at|to|for|from|by|with|without|since|after|before|about|against|than|that|which|who|whom|whose|when|while|because|as|like|de|del|en|con|sin|por|para|a|al|desde|contra|sobre|que|quien|cuando|mientras|porque|como|segun|according|entre|hacia|hasta)$/;

interface SpeakerEvent {
  /** null: someone unnamed spoke ("a source said"), or a pronoun was left unresolved. */
  mention: Mention | null;
  /** Where the speaker was last heard: the end of the quotation, or of the speech verb. */
  end: number;
}

interface IntelHeader {
  source: Mention;
  /** End of the header block: the report's own text begins after it. */
  end: number;
}

/**
 * Hand-written: no coreference resolver in the npm registry works offline on English and Spanish
 * news and leaks (compromise tags pronouns but does not resolve them), and a wrong speaker must
 * come out as none, which a statistical resolver would not promise.
 *
 * Who a pronoun or a nominal speaker ("He also says …", "she added", "Él dijo", "the source said")
 * stands for, from the speakers heard so far. Evidence in order:
 *
 * 1. The most recent speaker of an attributed quotation or of reported speech ("MX7 says …",
 *    "dijo Ruiz") in the same paragraph or the one before, whose given name does not contradict
 *    the pronoun's gender. A person merely mentioned in between, inside the quoted words (the
 *    people a source talks about), does not compete; one who opens a sentence of the narrative in
 *    between does, and makes the pronoun ambiguous. An unnamed speaker ("a source said") is the
 *    antecedent too, so it leaves the pronoun unresolved rather than passing it to a named one.
 * 2. In an intelligence report whose own header names its coded source ("CODE: MX7"), that
 *    source, under the same competition.
 * 3. Only then the last person named before the pronoun, of agreeing gender.
 *
 * A wrong speaker is worse than none, so ambiguity yields null, not a guess.
 */
export class SpeakerTrail {
  /** Speakers of quotations, and of reported speech the caller recorded. */
  private heard: SpeakerEvent[] = [];
  private reported: SpeakerEvent[] | null = null;
  private headers: IntelHeader[] | null = null;
  /** Quotation-mark spans and reprinted blocks: the words inside are not narrative. */
  private readonly quotations: Array<[number, number]>;

  constructor(
    private readonly doc: AnalyzedWithAliases,
    private readonly index: MentionIndex,
    private readonly paras: Array<[number, number]>,
    quotations: Array<[number, number]>,
    private readonly isSpeechVerb: (token: Token | undefined) => boolean,
  ) {
    this.quotations = [...quotations];
  }

  /**
   * A quotation or reprinted block, and its speaker: null when an attribution was read but named
   * nobody ("a source said", an ambiguous "he"), omitted when the quotation had no attribution.
   */
  recordQuote(start: number, end: number, speaker?: Mention | null): void {
    this.quotations.push([start, end]);
    if (speaker === undefined || (speaker && !isPerson(speaker))) return; // no "he" or "she"
    this.heard.push({ mention: speaker, end: Math.max(end, speaker?.end ?? 0) });
  }

  /**
   * Reported speech whose speaker the caller worked out itself, ending at `end`: a claimant found
   * further from the verb than rule 1's own scan looks ("Ruiz, in filings to the court, claimed
   * that …"), a pronoun already resolved, or null for one left unresolved, so that the next
   * pronoun is not handed to a speaker heard before it.
   */
  recordSpeech(end: number, speaker: Mention | null): void {
    if (speaker && !isPerson(speaker)) return;
    this.heard.push({ mention: speaker, end: Math.max(end, speaker?.end ?? 0) });
  }

  /** Rules 1–3 for "he", "she", "él", "ella" before `bound` (the pronoun or its quotation). */
  resolvePronoun(pronoun: Token, bound: number): Mention | null {
    const gender = pronounGender(pronoun);
    const recent = this.recentSpeaker(bound, gender);
    if (recent !== undefined) return recent;
    const header = this.intelHeader(bound);
    if (header)
      return this.contested(header.source, header.end, bound, gender) ? null : header.source;
    return this.lastPersonBefore(bound, gender);
  }

  /**
   * Rule 1 alone: the speaker, null when the antecedent is unnamed or contested, undefined when no
   * speaker was heard in this paragraph or the one before.
   */
  recentSpeaker(bound: number, gender: Gender | null): Mention | null | undefined {
    const paragraph = this.paragraphOf(bound);
    const events = [...this.reportedEvents(), ...this.heard]
      .filter((e) => e.end <= bound && this.paragraphOf(e.end - 1) >= paragraph - 1)
      .sort((a, b) => b.end - a.end);
    for (const event of events) {
      if (!event.mention) return null;
      if (!agrees(event.mention, gender)) continue;
      return this.contested(event.mention, event.end, bound, gender) ? null : event.mention;
    }
    return undefined;
  }

  /** The last person named before `bound` whose given name agrees with the pronoun. */
  private lastPersonBefore(bound: number, gender: Gender | null): Mention | null {
    let best: Mention | null = null;
    for (const mention of this.index.mentions) {
      if (!isPerson(mention) || mention.end > bound || !agrees(mention, gender)) continue;
      if (!best || mention.start > best.start) best = mention;
    }
    return best;
  }

  /**
   * Another candidate between the chosen speaker and the pronoun: a person of agreeing gender who
   * opens a sentence of the narrative ("Her predecessor, Tomás Herrera, fled"), or an unnamed
   * speaker ("A source close to the case said …").
   */
  private contested(chosen: Mention, from: number, bound: number, gender: Gender | null): boolean {
    for (const event of this.reportedEvents())
      if (!event.mention && event.end > from && event.end <= bound) return true;
    return this.index.mentions.some(
      (m) =>
        isPerson(m) &&
        m.start >= from &&
        m.end <= bound &&
        m.normalized !== chosen.normalized &&
        !this.insideQuotation(m.start) &&
        agrees(m, gender) &&
        this.opensSentence(m),
    );
  }

  /** The name is its sentence's subject, near enough: nothing but a lead-in stands before it. */
  private opensSentence(mention: Mention): boolean {
    const { tokens } = this.doc;
    const t = tokenAtOrAfter(tokens, mention.start);
    const [first] = this.doc.sentences[this.doc.sentenceOf[t]!]!;
    let lead = 0;
    for (let k = first; k < t; k++) {
      const token = tokens[k]!;
      // "In May, Herrera …", "Her predecessor, Tomás Herrera, …": a comma ends a lead-in
      if (token.text === ',') {
        lead = 0;
        continue;
      }
      if (token.kind === 'punct') continue;
      if (this.index.at(k) || NOT_SUBJECT_BEFORE.test(token.fold)) return false;
      if (!token.capitalized && isVerbForm(token.fold)) return false;
      if (++lead > 4) return false;
    }
    return true;
  }

  private insideQuotation(offset: number): boolean {
    return this.quotations.some(([a, b]) => offset >= a && offset < b);
  }

  private paragraphOf(offset: number): number {
    let lo = 0;
    let hi = this.paras.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.paras[mid]![0] <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /**
   * Reported speech outside quotation marks: "MX7 says …", "Ruiz, the prosecutor, said …",
   * "…, dijo Ruiz", and unnamed speakers ("A source close to the case said …"). Worked out on the
   * first pronoun, as most documents never need it.
   */
  private reportedEvents(): SpeakerEvent[] {
    if (this.reported) return this.reported;
    const { tokens } = this.doc;
    const events: SpeakerEvent[] = [];
    for (let j = 0; j < tokens.length; j++) {
      const verb = tokens[j]!;
      // "…, saying only that": a gerund's subject is a clause away, and the quotation rules see it
      if (!this.isSpeechVerb(verb) || verb.fold.endsWith('ing')) continue;
      if (this.insideQuotation(verb.start)) continue;
      const speaker = this.subjectBefore(j) ?? this.subjectAfter(j);
      if (speaker) events.push({ mention: speaker, end: verb.end });
      else if (this.unnamedSubject(j)) events.push({ mention: null, end: verb.end });
    }
    this.reported = events;
    return events;
  }

  /** "MX7 also says", "Ruiz (PRI) said", "Jorge Quintero, a deputy prosecutor, said". */
  private subjectBefore(verb: number): Mention | undefined {
    const { tokens } = this.doc;
    let k = verb - 1;
    while (k >= 0 && VERB_FILLERS.test(tokens[k]!.fold)) k--;
    if (tokens[k]?.text === ')') {
      const open = tokens.slice(Math.max(0, k - 10), k).findLastIndex((t) => t.text === '(');
      if (open < 0) return undefined;
      k = Math.max(0, k - 10) + open - 1;
    } else if (tokens[k]?.text === ',') {
      let c = k - 1;
      while (c > k - 14 && c >= 0 && tokens[c]!.text !== ',' && !/^[.!?;:]$/.test(tokens[c]!.text))
        c--;
      if (tokens[c]?.text !== ',') return undefined;
      k = c - 1;
    }
    const mention = k >= 0 ? this.index.at(k) : undefined;
    return isPerson(mention) && !this.insideQuotation(mention.start) ? mention : undefined;
  }

  /** "…, dijo Ruiz", "…”, said Rep. Pruitt": an inverted subject, after a comma or a quotation. */
  private subjectAfter(verb: number): Mention | undefined {
    const { tokens } = this.doc;
    const before = tokens[verb - 1];
    if (OBJECT_VERBS.test(tokens[verb]!.fold)) return undefined;
    if (before && !/^[,”"»]$/.test(before.text) && !tokens[verb]!.sentenceStart) return undefined;
    for (let k = verb + 1; k < Math.min(tokens.length, verb + 5); k++) {
      const mention = this.index.at(k);
      if (mention) return isPerson(mention) ? mention : undefined;
      const token = tokens[k]!;
      const skippable =
        PERSON_TITLES.has(token.fold) ||
        /^(?:el|la|the)$/.test(token.fold) ||
        (token.text === '.' && PERSON_TITLES.has(tokens[k - 1]?.fold ?? ''));
      if (!skippable) return undefined;
    }
    return undefined;
  }

  /** "A source close to the investigation said", "Pero una fuente … dijo": someone new, unnamed. */
  private unnamedSubject(verb: number): boolean {
    const { tokens } = this.doc;
    const [first] = this.doc.sentences[this.doc.sentenceOf[verb]!]!;
    let s = first;
    while (s < verb && (SENTENCE_LEAD.test(tokens[s]!.fold) || tokens[s]!.text === ',')) s++;
    const article = tokens[s]?.fold ?? '';
    // Spanish "A" opening a sentence is the preposition ("A la fiscal le dijo …")
    if (verb - s > 9 || !INDEFINITE.test(article)) return false;
    if (article === 'a' && this.doc.input.language === 'es') return false;
    let human = false;
    for (let k = s + 1; k < verb; k++) {
      if (this.index.at(k)) return false;
      if (HUMAN_NOUNS.test(tokens[k]!.fold)) human = true;
    }
    return human;
  }

  /** The nearest own intelligence header before `bound`; a "> CODE:" line is someone else's. */
  private intelHeader(bound: number): IntelHeader | undefined {
    if (!this.headers) {
      this.headers = [];
      const { text } = this.doc;
      for (const match of text.matchAll(/^[ \t]*(?:SOURCE )?CODE[ \t]*:[ \t]*(\S+)[ \t]*$/gm)) {
        const start = match.index + match[0].indexOf(match[1]!);
        const source = this.index.mentions.find(
          (m) => m.source === 'coded-source' && m.start === start,
        );
        if (!source) continue;
        const blank = /\n[ \t]*\n/g;
        blank.lastIndex = start;
        const end = blank.exec(text)?.index ?? text.length;
        this.headers.push({ source, end });
      }
    }
    return this.headers.filter((h) => h.end <= bound).pop();
  }
}

/**
 * "the source", "una fuente", "an official": an indefinite article before the noun introduces
 * someone new, who cannot be an earlier speaker.
 */
export function isIndefiniteNominal(subject: Token[], isNoun: (t: Token) => boolean): boolean {
  const noun = subject.findIndex(isNoun);
  for (let k = noun - 1; k >= Math.max(0, noun - 4); k--) {
    const fold = subject[k]!.fold;
    if (INDEFINITE.test(fold)) return true;
    if (DEFINITE.test(fold) || subject[k]!.kind !== 'word') return false;
  }
  return false;
}
