import * as chrono from 'chrono-node';
import type { ParsedResult } from 'chrono-node';
import type { DateMention, DatePrecision, ExtractInput } from './types.js';

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  un: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
};

/** "two months later", "tres años después": a date counted from the previous date in the text. */
const ANCHORED =
  /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|\d{1,2})\s+(days?|weeks?|months?|years?|d[ií]as?|semanas?|mes|meses|años?)\s+(later|earlier|after(?:ward)?s?|before|despu[eé]s|antes|m[aá]s\s+tarde)\b/giu;

/** A year standing alone: "in 2005", "One 2011 e-mail". Not part of a longer number. */
const BARE_YEAR =
  /(?<![\d$€£.,/-])\b(19[5-9]\d|20\d\d)\b(?![\d%]|[.,]\d|\s*(?:percent|por ciento))/g;

export interface DatedText {
  dates: DateMention[];
  /** Spans of every date-like expression found, kept or not (figures must not reuse them). */
  occupied: Array<[number, number]>;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function valueOf(year: number, month: number, day: number, precision: DatePrecision): string {
  if (precision === 'year') return String(year);
  if (precision === 'month') return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function parseReference(publishedAt: string | null): Date | null {
  if (!publishedAt) return null;
  const date = new Date(
    /^\d{4}-\d{2}-\d{2}$/.test(publishedAt) ? `${publishedAt}T12:00:00Z` : publishedAt,
  );
  return Number.isNaN(date.getTime()) ? null : date;
}

function parserFor(language: ExtractInput['language']) {
  return language === 'es' ? chrono.es.casual : chrono.casual;
}

/**
 * A first line that is only a date ("Friday, 05 October 2012") is the document's publication
 * stamp, not an event. Returns its ISO date and span, or null.
 */
export function findDateline(
  text: string,
  language: ExtractInput['language'] = 'en',
): { value: string; start: number; end: number } | null {
  const match = /^\s*([^\n]{6,40})\n/.exec(text);
  if (!match) return null;
  const line = match[1]!.trim();
  const start = text.indexOf(line);
  const [result] = parserFor(language).parse(line, new Date(Date.UTC(2000, 0, 1)));
  if (
    !result ||
    !result.start.isCertain('year') ||
    !result.start.isCertain('month') ||
    !result.start.isCertain('day')
  )
    return null;
  if (line.length - result.text.length > 12) return null; // more than a weekday around the date
  const c = result.start;
  return {
    value: valueOf(c.get('year')!, c.get('month')!, c.get('day')!, 'day'),
    start,
    end: start + line.length,
  };
}

function precisionOf(result: ParsedResult): DatePrecision | null {
  const c = result.start;
  if (c.isCertain('day') && c.isCertain('month')) return 'day';
  if (c.isCertain('month')) return 'month';
  if (c.isCertain('year')) return 'year';
  return null;
}

function isRelative(result: ParsedResult): boolean {
  const tags = result.tags();
  for (const tag of tags)
    if (/relativeDate|casualReference|Relative|Casual/i.test(tag)) return true;
  return false;
}

/**
 * Dates the document puts events on. Absolute dates always count; year-less ("On November 6") and
 * relative ones ("last year") only when the publication date anchors them, and never after it;
 * "two months later" counts from the previous full date in the text. Bare years count at year
 * precision.
 */
export function extractDates(input: ExtractInput): DatedText {
  const { text } = input;
  const reference = parseReference(input.publishedAt);
  const dateline = findDateline(text, input.language);
  const results = parserFor(input.language).parse(
    text,
    reference ?? new Date(Date.UTC(2000, 0, 1)),
    { forwardDate: false },
  );
  const dates: DateMention[] = [];
  const occupied: Array<[number, number]> = [];

  for (const result of results) {
    const start = result.index;
    const end = start + result.text.replace(/[\s,.;:]+$/, '').length;
    if (
      !result.start.isCertain('year') &&
      !result.start.isCertain('month') &&
      !result.start.isCertain('day') &&
      !isRelative(result)
    )
      continue; // a clock time
    occupied.push([start, end]);
    if (dateline && start >= dateline.start && end <= dateline.end) continue;
    const tags = [...result.tags()];
    if (tags.some((t) => t.includes('casualReference/now'))) continue;
    if (
      /^(?:the\s+)?(?:past|next|over|last\s+\w+\s+years)\b/i.test(result.text) &&
      /\b(?:years|months|weeks|days)\b/i.test(result.text)
    )
      continue;
    if (/\b(?:later|earlier|after|before|después|antes)\b/i.test(result.text)) continue; // anchored to another event, not to publication
    if (/^(?:for|during|over|durante|por)\b/i.test(result.text)) continue; // a duration
    let precision = precisionOf(result);
    if (!precision) continue;
    const c = result.start;
    let year = c.get('year')!;
    const month = c.get('month')!;
    const day = c.get('day')!;
    const relative = isRelative(result);
    if (relative) {
      if (!reference) continue;
      // "last year" is a year, "last month" a month; the day chrono fills in is not stated
      if (/\byears?\b|\baños?\b/i.test(result.text)) precision = 'year';
      else if (/\bmonths?\b|\bmes(?:es)?\b/i.test(result.text) && precision === 'day')
        precision = 'month';
      if (result.start.date().getTime() > reference.getTime() + 86_400_000) continue; // never after publication
    } else if (!c.isCertain('year')) {
      if (!reference) continue;
      const asDate = Date.UTC(year, month - 1, precision === 'day' ? day : 1);
      if (asDate > reference.getTime()) year -= 1;
    }
    dates.push({
      start,
      end,
      text: text.slice(start, end),
      value: valueOf(year, month, day, precision),
      precision,
      relative: relative || !c.isCertain('year'),
    });
  }

  const inOccupied = (s: number, e: number) => occupied.some(([a, b]) => s < b && e > a);
  for (const match of text.matchAll(BARE_YEAR)) {
    const start = match.index;
    const end = start + match[0].length;
    if (inOccupied(start, end)) continue;
    const after = text.slice(end, end + 20);
    if (/^\s+(?!e-?mails?\b)[a-z]+s\b/.test(after) && !/^\s+(?:was|has|is|as)\b/.test(after))
      continue; // "2000 soldiers": a count
    occupied.push([start, end]);
    dates.push({ start, end, text: match[0], value: match[0], precision: 'year', relative: false });
  }

  for (const match of text.matchAll(ANCHORED)) {
    const start = match.index;
    const end = start + match[0].length;
    occupied.push([start, end]);
    const anchor = [...dates]
      .filter((d) => d.end <= start && d.precision !== 'year')
      .sort((a, b) => b.end - a.end)[0];
    if (!anchor) continue;
    const amountWord = match[1]!.toLowerCase();
    const amount = NUMBER_WORDS[amountWord] ?? Number(amountWord);
    const unit = match[2]!.toLowerCase();
    const sign = /later|after|despu|tarde/i.test(match[3]!) ? 1 : -1;
    const [y, m, d] = anchor.value.split('-').map(Number) as [number, number, number | undefined];
    const base = new Date(Date.UTC(y, m - 1, d ?? 1));
    let precision: DatePrecision = anchor.precision;
    if (/^(?:year|año)/.test(unit)) {
      base.setUTCFullYear(base.getUTCFullYear() + sign * amount);
      precision = 'year';
    } else if (/^(?:month|mes)/.test(unit)) {
      base.setUTCMonth(base.getUTCMonth() + sign * amount);
      precision = 'month';
    } else {
      base.setUTCDate(base.getUTCDate() + sign * amount * (/^(?:week|semana)/.test(unit) ? 7 : 1));
      if (anchor.precision !== 'day') continue;
    }
    dates.push({
      start,
      end,
      text: match[0],
      value: valueOf(base.getUTCFullYear(), base.getUTCMonth() + 1, base.getUTCDate(), precision),
      precision,
      relative: true,
    });
  }
  dates.sort((a, b) => a.start - b.start);
  return { dates, occupied };
}
