import { PERSON_TITLES, SPEECH_VERBS } from './lexicon/cues.js';
import { MentionIndex } from './mentions/index-by-token.js';
import type { AnalyzedWithAliases } from './recognizers/analyze.js';
import {
  isIndefiniteNominal,
  isPersonalPronoun,
  isPronounMention,
  pronounBefore,
  SpeakerTrail,
} from './speaker-antecedents.js';
import { wrappedParagraphs, tokenAtOrAfter, tokenBefore } from './text/spans.js';
import type { Token } from './text/tokenize.js';
import type { DateMention, Mention, Quote } from './types.js';

const OPENING = new Set(['“', '"', '«', '„']);
const CLOSING = new Set(['”', '"', '»', '“']);
const PLURAL_PRONOUNS = /^(?:they|ellos|ellas)$/;
/** Words before a quoted span that make it a title or a name, not speech. */
const TITLE_CUES =
  /^(?:subject|asunto|titled|entitled|headlined|called|named|dubbed|alias|aka|book|titulado|llamado|denominado|apodado)$/;
/** Nominal speakers that stand for a coded source: "the diplomatic source", "the same supervisor". */
const SOURCE_NOUNS =
  /^(?:source|diplomat|supervisor|officer|official|informant|agent|document|fuente|funcionario|informante|documento|e-?mail)$/;
/** Compared with the folded token, so written folded: "añadiendo" is read as "anadiendo". */
const GERUND_VERBS = new Set([
  'saying',
  'adding',
  'writing',
  'noting',
  'explaining',
  'declaring',
  'diciendo',
  'agregando',
  'anadiendo',
  'senalando',
]);

interface Span {
  open: number;
  close: number;
}

/** Quotation marks paired within one paragraph: an opener at a word start, the next closer after it. */
function quotedSpans(text: string, [from, to]: [number, number]): Span[] {
  const spans: Span[] = [];
  let i = from;
  while (i < to) {
    const ch = text[i]!;
    const prev = i > from ? text[i - 1]! : ' ';
    if (OPENING.has(ch) && (ch !== '"' || /[\s([—–\-:,]/.test(prev))) {
      let j = i + 1;
      while (
        j < to &&
        !(
          CLOSING.has(text[j]!) &&
          j > i + 1 &&
          (text[j] !== '“' || /[\s.,;:!?)]/.test(text[j + 1] ?? ' ')) &&
          !/\p{L}/u.test(text[j + 1] ?? ' ')
        )
      )
        j++;
      if (j < to) {
        spans.push({ open: i, close: j });
        i = j + 1;
        continue;
      }
      break;
    }
    i++;
  }
  return spans;
}

function wordsIn(tokens: Token[], first: number, last: number): Token[] {
  return tokens
    .slice(first, last + 1)
    .filter((t) => t.kind === 'word' || t.kind === 'number' || t.kind === 'abbr');
}

interface Attribution {
  speaker: Mention | null;
  verb: string | null;
  /** The speaker was a pronoun or a nominal, resolved to an earlier mention. */
  resolved: boolean;
}

/**
 * Direct quotations and who said them. A quotation counts when it stands as speech: it opens a
 * sentence or follows a colon or a speech verb, or it is a long stretch (six words or more) in a
 * sentence that attributes it. Short quoted fragments inside a sentence are scare quotes, and
 * quoted titles ("Subject: “…”", title-case names) are not speech. The speaker comes from the
 * words after the quotation ("…,” MX1 wrote; “…,” wrote MX1), then before it ("Gabbard declared:"),
 * then "according to X" in the same sentence; a pronoun resolves to the most recent speaker, else
 * the report's coded source, else the last person named (speaker-antecedents.ts), and "the source"
 * to a coded source, else the same way; an unattributed quotation that opens a sentence continues
 * the previous speaker of the same or the previous paragraph. A paragraph introduced by a line ending
 * in a colon and named author ("… email from MX1 … bears reprint:") is a block quotation.
 */
export function extractQuotes(
  doc: AnalyzedWithAliases,
  mentions: Mention[],
  dates: DateMention[],
): Quote[] {
  const { text, tokens } = doc;
  const index = new MentionIndex(tokens, mentions);
  const quotes: Quote[] = [];
  const quoteSpans: Array<[number, number]> = [];
  const paras = wrappedParagraphs(text);
  const spansByPara = paras.map((para) => quotedSpans(text, para));
  const trail = new SpeakerTrail(
    doc,
    index,
    paras,
    spansByPara.flat().map((s): [number, number] => [s.open, s.close + 1]),
    isSpeechVerb,
  );
  let lastSpeaker: { mention: Mention; paragraph: number } | null = null;

  paras.forEach((para, p) => {
    const block = blockQuotation(doc, index, paras, p);
    if (block) {
      quotes.push(block);
      quoteSpans.push([block.start, block.end]);
      const speaker = mentions.find((m) => m.start === block.speakerStart);
      if (speaker) lastSpeaker = { mention: speaker, paragraph: p };
      trail.recordQuote(block.start, block.end, speaker ?? null);
      return;
    }
    for (const span of spansByPara[p]!) {
      const first = tokenAtOrAfter(tokens, span.open + 1);
      const last = tokenBefore(tokens, span.close);
      if (first > last) continue;
      const words = wordsIn(tokens, first, last);
      if (words.length === 0) continue;
      const before = tokens[tokenBefore(tokens, span.open)];
      const beforeInPara = before && before.start >= para[0] ? before : undefined;
      if (beforeInPara && TITLE_CUES.test(beforeInPara.fold)) continue;
      if (beforeInPara?.text === ':' && TITLE_CUES.test(tokens[beforeInPara.index - 1]?.fold ?? ''))
        continue;
      const longWords = words.filter((t) => t.kind === 'word' && t.text.length > 3);
      if (words.length >= 2 && longWords.length > 0 && longWords.every((t) => t.capitalized))
        continue; // a title

      const opensSentence =
        !beforeInPara || /^[.!?:…]$/.test(beforeInPara.text) || tokens[first]!.sentenceStart;
      const afterSpeech =
        beforeInPara !== undefined &&
        /^[,:]$/.test(beforeInPara.text) &&
        isSpeechVerb(tokens[beforeInPara.index - 1]);
      // a quotation that opens a sentence is not attributed by the sentence before it
      const sameSentenceBefore = beforeInPara !== undefined && !/^[.!?…]$/.test(beforeInPara.text);
      const attribution =
        attributeAfter(doc, index, trail, span, para) ??
        (sameSentenceBefore ? attributeBefore(doc, index, trail, span, para) : null) ??
        attributeAccordingTo(doc, index, span, para);
      const standalone = opensSentence || afterSpeech;
      // "dijo que la PGR “dará seguimiento”", "said the bureau was “cooperating fully”": reported
      // words after a speech verb of the same sentence, however few; a quoted figure ("nearly
      // 300") or a single word stays a scare quote
      const reported =
        attribution !== null &&
        attribution.speaker !== null &&
        words.length >= 2 &&
        !words.some((t) => t.kind === 'number') &&
        speechVerbBefore(doc, span, para);
      if (!standalone && !reported && (words.length < 6 || !attribution)) continue;
      if (
        standalone &&
        !attribution &&
        words.length < 2 &&
        !/[.!?,]$/.test(text.slice(span.open + 1, span.close).trim())
      )
        continue;

      let speaker = attribution?.speaker ?? null;
      // a paragraph that is one quotation, after "… MX7, wrote in March 2010, according to X:"
      if (!attribution && !beforeInPara) speaker = introAuthor(doc, index, paras, p) ?? null;
      if (
        !speaker &&
        !attribution &&
        opensSentence &&
        lastSpeaker &&
        p - lastSpeaker.paragraph <= 1
      )
        speaker = lastSpeaker.mention;
      if (speaker) lastSpeaker = { mention: speaker, paragraph: p };
      trail.recordQuote(span.open, span.close + 1, speaker ?? (attribution ? null : undefined));
      const inner = text.slice(span.open + 1, span.close);
      const leading = inner.length - inner.trimStart().length;
      // the comma before "he said" is the sentence's, not the speaker's
      const quoteText = inner.trim().replace(/,$/, '');
      quoteSpans.push([span.open, span.close + 1]);
      quotes.push({
        start: span.open + 1 + leading,
        end: span.open + 1 + leading + quoteText.length,
        text: quoteText,
        speaker: speaker?.normalized ?? null,
        ...(speaker ? { speakerStart: speaker.start, speakerEnd: speaker.end } : {}),
        verb: attribution?.verb ?? null,
        saidOn: dateNear(doc, dates, span, speaker),
      });
    }
  });
  return quotes;
}

function isSpeechVerb(token: Token | undefined): boolean {
  return (
    token !== undefined &&
    !token.capitalized &&
    (SPEECH_VERBS.has(token.fold) || GERUND_VERBS.has(token.fold))
  );
}

function speakerMention(index: MentionIndex, tokenIndex: number): Mention | undefined {
  const mention = index.at(tokenIndex);
  return mention && mention.type !== 'place' && !isPronounMention(mention) ? mention : undefined;
}

/** "…,” MX1 wrote | “…,” wrote MX1 | “…,” the same supervisor wrote | “…,” he said. */
function attributeAfter(
  doc: AnalyzedWithAliases,
  index: MentionIndex,
  trail: SpeakerTrail,
  span: Span,
  para: [number, number],
): Attribution | null {
  const { tokens } = doc;
  let i = tokenAtOrAfter(tokens, span.close + 1);
  // “… wrong.” Voth later denied …: a full stop inside the marks ends the sentence there
  const closed = /[.!?]\s*$/.test(doc.text.slice(span.open + 1, span.close));
  if (closed && tokens[i]?.capitalized) return null;
  if (tokens[i]?.text === ',') i++;
  const limit = Math.min(tokens.length, i + 8);
  if (i >= tokens.length || tokens[i]!.start >= para[1]) return null;
  // verb first: "wrote MX1", "says Brad Barker, president of …", "wrote investigative reporter Bill Conroy"
  if (isSpeechVerb(tokens[i])) {
    // "…”, afirmó." / "…”, dijo, en alusión a…": Spanish drops the subject; the person last named
    if (/^[.,;]$/.test(tokens[i + 1]?.text ?? '.')) {
      const speaker = titledSubject(doc, index, span) ?? index.lastPersonBefore(span.open) ?? null;
      return speaker ? { speaker, verb: tokens[i]!.text, resolved: true } : null;
    }
    for (let j = i + 1; j < limit && tokens[j]!.start < para[1]; j++) {
      const mention = speakerMention(index, j);
      if (mention) return { speaker: mention, verb: tokens[i]!.text, resolved: false };
      // "said Rep. Harlan Pruitt": the full stop of a title is no sentence end
      if (tokens[j]!.text === '.' && PERSON_TITLES.has(tokens[j - 1]?.fold ?? '')) continue;
      if (/^[.!?;,]$/.test(tokens[j]!.text)) break;
    }
    // "dijo el funcionario", "said the official"
    const subject = tokens.slice(i + 1, Math.min(limit, i + 4));
    const speaker = resolveNominal(doc, index, trail, subject, span, i);
    return speaker ? { speaker, verb: tokens[i]!.text, resolved: true } : null;
  }
  if (tokens[i]!.text === '[' || tokens[i]!.text === '(') return null; // "[Emphasis added.]"
  // speaker first; an appositive may stand between the name and the verb ("…,” Jorge Quintero
  // Báez, a deputy prosecutor for the state's northern zone, said), so commas are crossed when a
  // name opens the subject
  const named = speakerMention(index, i) !== undefined;
  const reach = Math.min(tokens.length, i + (named ? 18 : 14));
  for (let j = i; j < reach && tokens[j]!.start < para[1]; j++) {
    const token = tokens[j]!;
    if (token.text === '.' && PERSON_TITLES.has(tokens[j - 1]?.fold ?? '')) continue;
    if (
      /^[.!?;:]$/.test(token.text) ||
      (token.text === ',' && !named && !appositiveAhead(tokens, j))
    )
      return null;
    if (!isSpeechVerb(token)) continue;
    const subject = tokens.slice(i, j);
    const verb = token.text;
    // "…,” Interior Ministry spokesman Ricardo Beltrán Ordaz said": the person, not the ministry
    let first: Mention | undefined;
    for (let k = i; k < j; k++) {
      const mention = speakerMention(index, k);
      if (mention?.type === 'person') return { speaker: mention, verb, resolved: false };
      first ??= mention;
    }
    if (first) return { speaker: first, verb, resolved: false };
    return { speaker: resolveNominal(doc, index, trail, subject, span, j), verb, resolved: true };
  }
  return null;
}

/**
 * "…,” the company's vice president for intelligence, Karen Whitfield, replied": a comma that opens
 * an appositive name (a capitalised word follows it).
 */
function appositiveAhead(tokens: Token[], comma: number): boolean {
  const next = tokens[comma + 1];
  return next !== undefined && next.capitalized && !next.sentenceStart;
}

/** "Gabbard declared: “…”", "Riley … saying that, “…”", "described by Wikipedia as, “…”". */
function attributeBefore(
  doc: AnalyzedWithAliases,
  index: MentionIndex,
  trail: SpeakerTrail,
  span: Span,
  para: [number, number],
): Attribution | null {
  const { tokens } = doc;
  const end = tokenBefore(tokens, span.open);
  if (end < 0) return null;
  const sentence = doc.sentenceOf[end]!;
  const [sentenceFirst] = doc.sentences[sentence]!;
  const from = Math.max(sentenceFirst, tokenAtOrAfter(tokens, para[0]));
  // "described by X as"
  for (let j = end; j >= Math.max(from, end - 8); j--) {
    if (
      tokens[j]!.fold === 'by' &&
      tokens[j - 1] &&
      /^(?:described|called|defined|quoted|cited)$/.test(tokens[j - 1]!.fold)
    ) {
      const mention = speakerMention(index, j + 1);
      if (mention) return { speaker: mention, verb: tokens[j - 1]!.text, resolved: false };
    }
  }
  for (let j = end; j >= from; j--) {
    if (!isSpeechVerb(tokens[j])) continue;
    // "He declined …, published by the Rio Grande Courier, saying": a pronoun subject is the
    // speaker, and so is one just before the verb ("After meeting Pérez on Friday, he said"),
    // whoever else the sentence names first
    const pronoun = isPersonalPronoun(tokens[from]!)
      ? tokens[from]!
      : pronounBefore(tokens, j, from);
    if (pronoun)
      return {
        speaker: resolveNominal(doc, index, trail, [pronoun], span, j),
        verb: tokens[j]!.text,
        resolved: true,
      };
    // the sentence's subject: its first person, else its first organisation, before the verb
    let firstOrg: Mention | undefined;
    for (let k = from; k < j; k++) {
      const mention = speakerMention(index, k);
      if (mention?.type === 'person')
        return { speaker: mention, verb: tokens[j]!.text, resolved: false };
      if (mention && !firstOrg) firstOrg = mention;
    }
    if (firstOrg) return { speaker: firstOrg, verb: tokens[j]!.text, resolved: false };
    const subject = tokens.slice(from, j);
    if (subject.some(isPersonalPronoun))
      return {
        speaker: resolveNominal(doc, index, trail, subject, span, j),
        verb: tokens[j]!.text,
        resolved: true,
      };
    return null;
  }
  return null;
}

/** “…” … according to Business Insider. */
function attributeAccordingTo(
  doc: AnalyzedWithAliases,
  index: MentionIndex,
  span: Span,
  para: [number, number],
): Attribution | null {
  const { tokens } = doc;
  for (
    let j = tokenAtOrAfter(tokens, span.close + 1);
    j < tokens.length - 2 && tokens[j]!.start < para[1];
    j++
  ) {
    if (tokens[j]!.sentenceStart && tokens[j]!.start > span.close + 2) break;
    const cue =
      (tokens[j]!.fold === 'according' && tokens[j + 1]!.fold === 'to') ||
      tokens[j]!.fold === 'segun';
    if (!cue) continue;
    for (let k = j + 1; k < Math.min(tokens.length, j + 6); k++) {
      const mention = speakerMention(index, k);
      if (mention) return { speaker: mention, verb: 'according to', resolved: false };
    }
  }
  return null;
}

/**
 * "he", "the same federal law enforcement supervisor", "the document … citing … US714": the
 * earlier speaker or mention it stands for. A pronoun goes to the speaker trail (most recent
 * speaker, the report's coded source, the last person named). A nominal naming a source resolves
 * to the nearest coded source (before, else the first after: articles often name the code later),
 * else to the most recent speaker, else to the last person named.
 */
function resolveNominal(
  doc: AnalyzedWithAliases,
  index: MentionIndex,
  trail: SpeakerTrail,
  subject: Token[],
  span: Span,
  verbToken: number,
): Mention | null {
  const { tokens } = doc;
  // "…, citing the federal supervisor identified as US714"
  for (let j = verbToken + 1; j < Math.min(tokens.length, verbToken + 4); j++) {
    if (tokens[j]!.fold === 'citing' || tokens[j]!.fold === 'citando') {
      for (let k = j + 1; k < Math.min(tokens.length, j + 14); k++) {
        const mention = speakerMention(index, k);
        if (mention?.type === 'person') return mention;
        if (/^[.!?;]$/.test(tokens[k]!.text)) break;
      }
    }
  }
  // the antecedent was named before the pronoun, not between it and its quotation
  const pronoun = subject.find(isPersonalPronoun);
  if (pronoun) return trail.resolvePronoun(pronoun, Math.min(span.open, pronoun.start));
  if (subject.some((t) => PLURAL_PRONOUNS.test(t.fold))) return null;
  const isSourceNoun = (t: Token) => SOURCE_NOUNS.test(t.fold);
  if (subject.some(isSourceNoun)) {
    // "a source close to the case said": someone not named before, so no earlier mention fits
    if (isIndefiniteNominal(subject, isSourceNoun)) return null;
    const coded = index.mentions.filter((m) => m.source === 'coded-source');
    const found =
      sameDescription(doc, coded, subject) ??
      coded.filter((m) => m.end <= span.open).pop() ??
      coded.find((m) => m.start > span.close);
    if (found) return found;
    // "dijo el funcionario": the official just heard, else the person last named before
    const bound = Math.min(span.open, subject[0]?.start ?? span.open);
    const recent = trail.recentSpeaker(bound, null);
    return recent !== undefined ? recent : (index.lastPersonBefore(span.open) ?? null);
  }
  return null;
}

/**
 * "the diplomatic source wrote" → the coded source whose own sentence uses the same description
 * ("The unnamed Mexican diplomatic source, dubbed MX1"): the last two words of the nominal.
 */
function sameDescription(
  doc: AnalyzedWithAliases,
  coded: Mention[],
  subject: Token[],
): Mention | undefined {
  const words = subject.filter((t) => t.kind === 'word').map((t) => t.fold);
  if (words.length < 2) return undefined;
  const tail = words.slice(-2);
  return coded.find((m) => {
    const [first, last] = doc.sentences[doc.sentenceOf[tokenAtOrAfter(doc.tokens, m.start)]!]!;
    for (let i = first; i < last; i++) {
      if (doc.tokens[i]!.fold === tail[0] && doc.tokens[i + 1]!.fold === tail[1]) return true;
    }
    return false;
  });
}

/**
 * "El fiscal evitó pronunciarse … “No vamos a investigar…”, afirmó": when the quotation's sentence,
 * or the one before it, opens with "el/la" and a title, the person last named with that title
 * ("el fiscal especial Jesús Padilla Orozco").
 */
function titledSubject(
  doc: AnalyzedWithAliases,
  index: MentionIndex,
  span: Span,
): Mention | undefined {
  const { tokens } = doc;
  const at = tokenAtOrAfter(tokens, span.open);
  const sentence = doc.sentenceOf[at];
  if (sentence === undefined) return undefined;
  for (const s of [sentence, sentence - 1]) {
    const range = doc.sentences[s];
    if (!range) continue;
    const [article, title] = [tokens[range[0]], tokens[range[0] + 1]];
    if (
      !article ||
      !title ||
      !/^(?:el|la|the)$/.test(article.fold) ||
      !PERSON_TITLES.has(title.fold)
    )
      continue;
    let best: Mention | undefined;
    for (const m of index.mentions) {
      if (m.type !== 'person' || m.end > span.open) continue;
      const t = tokenAtOrAfter(tokens, m.start);
      const near = tokens.slice(Math.max(0, t - 4), t);
      if (near.some((n) => n.fold === title.fold) && (!best || m.start > best.start)) best = m;
    }
    if (best) return best;
  }
  return undefined;
}

/** A speech verb between the start of the quotation's sentence and its opening mark. */
function speechVerbBefore(doc: AnalyzedWithAliases, span: Span, para: [number, number]): boolean {
  const { tokens } = doc;
  const end = tokenBefore(tokens, span.open);
  if (end < 0 || tokens[end]!.start < para[0]) return false;
  const [sentenceFirst] = doc.sentences[doc.sentenceOf[end]!]!;
  for (let j = end; j >= sentenceFirst; j--) if (isSpeechVerb(tokens[j])) return true;
  return false;
}

/** The writer an introducing paragraph ending in a colon names (a coded source first). */
function introAuthor(
  doc: AnalyzedWithAliases,
  index: MentionIndex,
  paras: Array<[number, number]>,
  p: number,
): Mention | undefined {
  const intro = paras[p - 1];
  if (!intro || !doc.text.slice(intro[0], intro[1]).trimEnd().endsWith(':')) return undefined;
  const people = index.mentions.filter(
    (m) => m.start >= intro[0] && m.end <= intro[1] && m.type === 'person',
  );
  return people.find((m) => m.source === 'coded-source') ?? people[0];
}

/**
 * A paragraph right after one that ends with a colon and names the writer ("An April 19, 2010,
 * email … from MX1 … bears reprint:") reprints that writer's words.
 */
function blockQuotation(
  doc: AnalyzedWithAliases,
  index: MentionIndex,
  paras: Array<[number, number]>,
  p: number,
): Quote | null {
  const { text } = doc;
  const intro = paras[p - 1];
  const [start, end] = paras[p]!;
  if (!intro || !text.slice(intro[0], intro[1]).trimEnd().endsWith(':')) return null;
  const body = text.slice(start, end);
  if (/^\s*["“«]/.test(body) || body.trim().split(/\s+/).length < 12) return null;
  const introMentions = index.mentions.filter(
    (m) => m.start >= intro[0] && m.end <= intro[1] && m.type === 'person',
  );
  const author = introMentions.find((m) => m.source === 'coded-source') ?? introMentions[0];
  if (!author) return null;
  const leading = body.length - body.trimStart().length;
  const quoteText = body.trim();
  return {
    start: start + leading,
    end: start + leading + quoteText.length,
    text: quoteText,
    speaker: author.normalized,
    speakerStart: author.start,
    speakerEnd: author.end,
    verb: null,
    saidOn: null,
  };
}

/** The date of the attribution: a date in the sentence that names the speaker, outside the quotation. */
function dateNear(
  doc: AnalyzedWithAliases,
  dates: DateMention[],
  span: Span,
  speaker: Mention | null,
): string | null {
  if (!speaker) return null;
  const t = tokenAtOrAfter(doc.tokens, speaker.start);
  const sentence = doc.sentences[doc.sentenceOf[t] ?? 0];
  if (!sentence) return null;
  const from = doc.tokens[sentence[0]]!.start;
  const to = doc.tokens[sentence[1]]!.end;
  const date = dates.find(
    (d) => d.start >= from && d.end <= to && (d.end <= span.open || d.start > span.close),
  );
  return date?.value ?? null;
}
