import type { Token } from './tokenize.js';

/** Index of the first token that ends after `offset` (binary search over token starts). */
export function tokenAtOrAfter(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last token that starts before `offset`. */
export function tokenBefore(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Paragraph spans: runs of text between line breaks. */
export function paragraphs(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (!isBlank(text, start, end)) spans.push([start, end]);
    start = end + 1;
  }
  return spans;
}

const NON_SPACE = /\S/g;

/** Whether `text[from … to)` is all white space, as `trim` sees it, without slicing it out. */
function isBlank(text: string, from: number, to: number): boolean {
  NON_SPACE.lastIndex = from;
  const found = NON_SPACE.exec(text);
  return found === null || found.index >= to;
}

/** Text whose widest line is outside these is not hard-wrapped: mailers wrap at 66–80 columns. */
const MIN_WRAP_WIDTH = 60;
const MAX_WRAP_WIDTH = 100;
/** A line this share of the text's widest or longer was broken because the next word did not fit. */
const FULL_LINE = 0.75;

/**
 * Paragraph spans that see through hard wrapping, for reading quotations (quotes.ts) and for
 * telling soft line breaks from hard ones (tokenize.ts). In hard-wrapped text (an e-mail body
 * broken at ~76 columns) a line that runs to the wrap width continues on the next: a quotation,
 * or a reprinted block, wrapped over several lines is one paragraph, where `paragraphs` cut it at
 * its first line break (a Spanish block quote of 90 words was read as its 11-word first line,
 * and dropped as too short). A short line, a blank line or a line ending in a colon (an introduction) still ends
 * its paragraph, so headers and "… attributed to US902:" stand alone. Text with wider lines
 * (one paragraph per line, as articles and HTML are read), or only narrow ones (a few short
 * lines, a list), gets `paragraphs`.
 *
 * Hand-written: wrapped text is recognised from line widths alone, which no text library here
 * does (format=flowed marks soft breaks with a trailing space, which mail dumps rarely keep).
 */
export function wrappedParagraphs(text: string): Array<[number, number]> {
  const lines = paragraphs(text);
  let width = 0;
  for (const [start, end] of lines) width = Math.max(width, end - start);
  if (width < MIN_WRAP_WIDTH || width > MAX_WRAP_WIDTH) return lines;
  const spans: Array<[number, number]> = [];
  for (const [start, end] of lines) {
    const last = spans.at(-1);
    if (last && continuesOn(text, last, start, width)) last[1] = end;
    else spans.push([start, end]);
  }
  return spans;
}

/** Whether the paragraph `[from, to)` runs on into the line starting at `next`. */
function continuesOn(
  text: string,
  [from, to]: [number, number],
  next: number,
  width: number,
): boolean {
  // Only the one line break between them: a blank line ends the paragraph.
  const secondBreak = text.indexOf('\n', to + 1);
  if (secondBreak >= 0 && secondBreak < next) return false;
  const lineStart = Math.max(from, text.lastIndexOf('\n', to - 1) + 1);
  let lineEnd = to;
  while (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) <= 32) lineEnd -= 1;
  return lineEnd - lineStart >= width * FULL_LINE && text.charCodeAt(lineEnd - 1) !== 58; // ':'
}
