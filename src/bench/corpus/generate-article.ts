/** One news article of the benchmark corpus, as plain text or as an HTML page. */
import type { Random } from './random.js';
import type { Insert } from './generate-email.js';
import {
  SlotFiller,
  escapeHtml,
  isoDate,
  longDate,
  paragraph,
  personName,
  stripAccents,
  type CorpusLanguage,
} from './text.js';
import {
  HEADLINES_EN,
  HEADLINES_ES,
  OUTLETS_EN,
  OUTLETS_ES,
  PLACES_US,
  SENTENCES_EN,
  SENTENCES_ES,
  STATE_OF,
  US_STATE_OF,
} from './vocab.js';

export interface ArticleInput {
  rng: Random;
  language: CorpusLanguage;
  date: Date;
  html: boolean;
  insert: Insert | null;
  /** Paragraph count range; the corpus uses 4–7, the extraction helper 10–16. */
  paragraphs?: [number, number];
  /** Instead of a paragraph count: add paragraphs until the body has this many characters. */
  targetChars?: number;
}

export interface BuiltArticle {
  /** The file content. */
  content: string;
  /** Title, byline, dateline and paragraphs as plain text. */
  text: string;
  title: string;
  byline: string;
  outlet: string;
  originals: string[];
}

export function buildArticle(input: ArticleInput): BuiltArticle {
  const { rng, language, date } = input;
  const es = language === 'es';
  const filler = new SlotFiller(rng, language, date);
  const outlet = rng.pick(es ? OUTLETS_ES : OUTLETS_EN);
  const title = filler.fill(rng.pick(es ? HEADLINES_ES : HEADLINES_EN));
  const author = personName(rng, language);
  const byline = es ? `Por ${author}` : `By ${author}`;
  const inMexico = rng.chance(0.7);
  const city = inMexico ? filler.place : rng.pick(PLACES_US);
  const cityShown = !es && rng.chance(0.3) ? stripAccents(city) : city;
  const state = (inMexico ? STATE_OF[city] : US_STATE_OF[city]) ?? '';
  const dateline = `${cityShown.toUpperCase()}${state && state !== city ? `, ${state}` : ''} —`;
  const [min, max] = input.paragraphs ?? [4, 7];
  const body: string[] = [];
  const originals: string[] = [];
  const count = input.targetChars === undefined ? rng.int(min, max) : Infinity;
  let length = 0;
  for (
    let p = 0;
    p < count && (input.targetChars === undefined || length < input.targetChars);
    p++
  ) {
    const text = paragraph(rng, filler, es ? SENTENCES_ES : SENTENCES_EN, 2, 4);
    body.push(p === 0 ? `${dateline} ${text}` : text);
    length += text.length + 2;
    if (p > 0) originals.push(text);
  }
  let quoted: { intro: string; variant: string } | null = null;
  if (input.insert) {
    const other = rng.pick((es ? OUTLETS_ES : OUTLETS_EN).filter((o) => o !== outlet));
    const code = input.insert.sourceCode;
    const intro =
      input.insert.kind === 'requote'
        ? es
          ? `De acuerdo con ${other}, ${code ? `la fuente identificada como ${code}` : 'un documento filtrado'} escribió:`
          : `According to ${other}, ${code ? `the source identified as ${code}` : 'a leaked document'} wrote:`
        : es
          ? `Como publicó ${other}:`
          : `As ${other} first reported:`;
    quoted = { intro, variant: input.insert.variant };
    const at = Math.min(body.length, rng.int(1, 3));
    body.splice(at, 0, intro, input.insert.variant);
  }
  const published = longDate(date, language);
  const text = [title, byline, published, ...body].join('\n\n');
  let content: string;
  if (input.html) {
    const paras = body
      .map((p) =>
        quoted && p === quoted.variant
          ? `<blockquote><p>${escapeHtml(p)}</p></blockquote>`
          : `<p>${escapeHtml(p)}</p>`,
      )
      .join('\n');
    content =
      `<!DOCTYPE html>\n<html lang="${language}">\n<head>\n<meta charset="utf-8">\n` +
      `<title>${escapeHtml(title)} | ${escapeHtml(outlet)}</title>\n` +
      `<meta name="author" content="${escapeHtml(author)}">\n` +
      `<meta property="article:published_time" content="${isoDate(date)}">\n` +
      `<meta property="og:site_name" content="${escapeHtml(outlet)}">\n</head>\n<body>\n<article>\n` +
      `<h1>${escapeHtml(title)}</h1>\n<p class="byline">${escapeHtml(byline)}</p>\n` +
      `<time datetime="${isoDate(date)}">${published}</time>\n${paras}\n</article>\n</body>\n</html>\n`;
  } else {
    content = `${title}\n${outlet}\n${byline}\n${published}\n\n${body.join('\n\n')}\n`;
  }
  return { content, text, title, byline, outlet, originals };
}
