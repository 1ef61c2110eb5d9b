import { memoize } from '../core/index.js';
import { foldName } from './text/memo.js';
import { getLexicon } from './lexicon/index.js';
import { MentionIndex } from './mentions/index-by-token.js';
import type { AnalyzedWithAliases } from './recognizers/analyze.js';
import { paragraphs } from './text/spans.js';
import type { Claim, Mention, Quote, SourceCited } from './types.js';

/** Verbs whose subject is where information comes from: "the PGR has reported", "X acknowledges". */
const SOURCING_VERBS = new Set(
  (
    'reported reports said says told tells wrote writes revealed reveals documented documents published ' +
    'publishes acknowledged acknowledges confirmed confirms disclosed discloses announced announces ' +
    'claimed claims declared declares testified testifies leaked leaks released releases ' +
    'informo informa dijo dice publico publica revelo revela reporto reporta confirmo confirma declaro declara'
  ).split(' '),
);
/**
 * Participles before "by X": "first reported by Narco News", "released by Wikileaks", "correos
 * difundidos por el colectivo …", "la célula señalada por la Fiscalía".
 */
const BY_PARTICIPLES =
  /^(?:reported|released|published|obtained|identified|described|leaked|cited|quoted|revealed|documented|(?:publicad|revelad|obtenid|filtrad|citad|difundid|consultad|señalad|senalad|identificad|reportad|documentad|informad)[oa]s?)$/;
/** Words a participle may be separated from its "by" by: "reported last month by", "released in 2012 by". */
const BY_GAP =
  /^(?:last|this|first|week|month|year|in|on|early|late|earlier|\d{4}|\p{Lu}\p{L}+|el|la|pasado|pasada|ayer)$/u;
const DOCUMENT_NOUNS =
  /^(?:e-?mails?|documents?|files?|cables?|memos?|leaks?|reports?|correos?|documentos?|archivos?|informes?|filtraciones?)$/;
const AUXILIARIES =
  /^(?:has|have|had|was|were|is|also|already|publicly|recently|first|later|ha|han|habia)$/;

const BY_PARTICIPLE = 1;
const DOCUMENT_NOUN = 2;
const TOLD = 4;
const AUXILIARY = 8;

/** Which of the cue classes above a folded word is in: asked of every token, so remembered. */
const cueClasses = memoize(
  (fold: string): number =>
    (BY_PARTICIPLES.test(fold) ? BY_PARTICIPLE : 0) |
    (DOCUMENT_NOUNS.test(fold) ? DOCUMENT_NOUN : 0) |
    (/^(?:told|tells|dijeron|dijo)$/.test(fold) ? TOLD : 0) |
    (AUXILIARIES.test(fold) ? AUXILIARY : 0),
);

function isMedia(mention: Mention): boolean {
  const entry = getLexicon().byAlias.get(foldName(mention.normalized))?.[0];
  if (entry) return entry.kind === 'media' || entry.kind === 'leak-platform';
  return (
    /\b(?:News|Press|Times|Post|Journal|Herald|Tribune|Chronicle|Gazette|Magazine|Radio|Noticias|Diario|Ledger|Courier|Wire|Monitor|Dispatch|Observer|Reporter)$/.test(
      mention.normalized,
    ) || /^(?:Diario|Semanario|Periódico|Revista|Heraldo|El Heraldo)\b/.test(mention.normalized)
  );
}

/**
 * Where the document says its information comes from: quoted speakers and claimants, and names
 * after sourcing cues — "according to X", "X reported", "reported by X", "X told <outlet>" (both),
 * "e-mails from X", "X documents", "an interview with X", "From X:" and "Source: X" lines,
 * "(via X)". Places are never sources.
 */
export function extractSourcesCited(
  doc: AnalyzedWithAliases,
  mentions: Mention[],
  quotes: Quote[],
  claims: Claim[],
): SourceCited[] {
  const { tokens, text } = doc;
  const index = new MentionIndex(tokens, mentions);
  const out: SourceCited[] = [];
  const add = (mention: Mention | undefined, cue: string) => {
    if (!mention || mention.type === 'place') return;
    out.push({ start: mention.start, end: mention.end, name: mention.normalized, cue });
  };
  const firstAfter = (from: number, limit: number, stopAtComma = true) => {
    for (let k = from; k < Math.min(tokens.length, from + limit); k++) {
      const mention = index.at(k);
      if (mention && mention.type !== 'place') return mention;
      if (/^[.;!?]$/.test(tokens[k]!.text) || (stopAtComma && tokens[k]!.text === ','))
        return undefined;
    }
    return undefined;
  };

  for (const quote of quotes) {
    if (quote.speakerStart === undefined) continue;
    add(
      mentions.find((m) => m.start === quote.speakerStart),
      'quote',
    );
  }
  for (const c of claims) {
    if (c.speakerStart !== undefined)
      add(
        mentions.find((m) => m.start === c.speakerStart),
        `claim:${c.verb}`,
      );
  }

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    const cues = cueClasses(token.fold);
    if (
      (token.fold === 'according' && next?.fold === 'to') ||
      token.fold === 'segun' ||
      (token.fold === 'de' && next?.fold === 'acuerdo')
    ) {
      add(firstAfter(i + 1, 10, false), 'according to');
    } else if (cues & BY_PARTICIPLE) {
      let by = i + 1;
      while (by < tokens.length && by - i <= 4 && BY_GAP.test(tokens[by]!.text)) by++;
      if (tokens[by]?.fold === 'by' || tokens[by]?.fold === 'por')
        add(firstAfter(by + 1, 5), `${token.fold} by`);
    } else if (token.fold === 'citing' || token.fold === 'citando') {
      add(firstAfter(i + 1, 5), 'citing');
    } else if (
      cues & DOCUMENT_NOUN &&
      (next?.fold === 'from' || next?.fold === 'de' || next?.fold === 'of')
    ) {
      add(firstAfter(i + 2, 12, false), `${token.fold} from`);
    } else if (cues & DOCUMENT_NOUN && !token.newlineBefore) {
      const owner = index.at(i - 1);
      if (owner && tokens[i - 1]!.end === owner.end) add(owner, `${owner.text} ${token.fold}`);
    } else if (token.fold === 'interview' && next?.fold === 'with') {
      add(firstAfter(i + 2, 4), 'interview with');
    } else if (token.fold === 'via' && tokens[i - 1]?.text === '(') {
      add(firstAfter(i + 1, 6), 'via');
    } else if (cues & TOLD) {
      // "two officials told NBC News": the outlet is a source even when the officials are unnamed
      const recipient = firstAfter(i + 1, 3);
      if (recipient && isMedia(recipient)) add(recipient, 'told');
    }
    const mention = index.at(i);
    if (
      !mention ||
      mention.type === 'place' ||
      tokens[i + 1] === undefined ||
      index.at(i + 1) === mention
    )
      continue;
    // "X (has already) reported", "X told CBS News"
    let v = i + 1;
    while (v < tokens.length && v - i <= 3 && cueClasses(tokens[v]!.fold) & AUXILIARY) v++;
    const verb = tokens[v];
    if (verb && SOURCING_VERBS.has(verb.fold) && !verb.capitalized) add(mention, verb.fold);
    else if (mention.type === 'organization' && isMedia(mention)) {
      // Spanish puts the subject after the verb: "publicó ayer el diario texano Rio Grande Courier"
      for (let k = i - 1; k >= Math.max(0, i - 6); k--) {
        if (/^[.;!?,]$/.test(tokens[k]!.text)) break;
        if (SOURCING_VERBS.has(tokens[k]!.fold) && !tokens[k]!.capitalized) {
          add(mention, tokens[k]!.fold);
          break;
        }
      }
    } else if (mention.type === 'person' && tokens[i + 1]!.text === ',') {
      // "Charles Bowden, journalist and author of several books …, says": skip the apposition
      for (let k = i + 2; k < Math.min(tokens.length, i + 45); k++) {
        if (
          index.at(k)?.type === 'person' ||
          /^[.!?;]$/.test(tokens[k]!.text) ||
          tokens[k]!.newlineBefore
        )
          break;
        if (
          tokens[k - 1]!.text === ',' &&
          SOURCING_VERBS.has(tokens[k]!.fold) &&
          !tokens[k]!.capitalized
        ) {
          add(mention, tokens[k]!.fold);
          break;
        }
      }
    }
  }

  // "From Borderland Beat:", "From a recent CBS News report:", "Source: codigomagenta"
  for (const [start, end] of paragraphs(text)) {
    const line = text.slice(start, end);
    if (
      !/^\s*(?:From|Source|Sources|Fuente|Fuentes|Desde|Vía|Via)\b[^\n]{0,80}:\s*|^\s*(?:From|Desde)\b[^\n]{0,80}:\s*$/.test(
        line,
      )
    )
      continue;
    const colon = start + line.indexOf(':');
    const isSourceLine = /^\s*(?:Source|Sources|Fuente|Fuentes)\b/.test(line);
    for (const mention of mentions) {
      if (mention.start < start || mention.end > end) continue;
      if (isSourceLine ? mention.start > colon : mention.end <= colon)
        add(mention, isSourceLine ? 'source line' : 'from:');
    }
  }

  // the document's own author ("By Megan Holloway", "Por Itzel Ramírez Cota", "Reporting by …")
  // reports; she is not where the information comes from
  const authors = new Set(
    mentions.filter((m) => m.type === 'person' && isByline(doc, m)).map((m) => m.normalized),
  );
  // one entry per name and position, in text order; a direct cue wins over the claim it made
  const seen = new Set<string>();
  return out
    .filter((s) => !authors.has(s.name))
    .sort(
      (a, b) =>
        a.start - b.start ||
        Number(a.cue.startsWith('claim:')) - Number(b.cue.startsWith('claim:')),
    )
    .filter((s) => {
      const key = `${s.start}:${s.name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** A name right after a line-opening "By"/"Por"/"Reporting by" (markup aside): a byline. */
function isByline(doc: AnalyzedWithAliases, mention: Mention): boolean {
  const line = doc.text.lastIndexOf('\n', mention.start - 1) + 1;
  const before = doc.text.slice(line, mention.start);
  return /^[\s*_#>·|—–-]*(?:by|por|reporting by|additional reporting by|con información de)\s+$/i.test(
    before,
  );
}
