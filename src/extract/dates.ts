import * as chrono from 'chrono-node';
import type { ParsedResult } from 'chrono-node';
import { memoize } from '../core/index.js';
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

/** "hace dos semanas", "hace 3 años": counted back from the publication date. */
const HACE =
  /\bhace\s+(un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|\d{1,2})\s+(d[ií]as?|semanas?|mes(?:es)?|años?)\b/giu;

/**
 * Words one of which every ANCHORED or HACE match contains. Searched for in the lower-cased text
 * first, so the long case-insensitive patterns scan only the documents that can match. Under the
 * `iu` flags only "ſ" (matching "s") and the Kelvin sign (matching "k") fold onto an ASCII letter
 * without lower-casing to it, so "ſ" is made "s" before the search; no needle holds a "k".
 */
const ANCHORED_NEEDLES = ['later', 'earlier', 'after', 'before', 'despu', 'antes', 'tarde'];
const HACE_NEEDLES = ['hace'];

function mayContain(folded: string, needles: readonly string[]): boolean {
  return needles.some((needle) => folded.includes(needle));
}

/** After a year-less month: "June of last year", "febrero del año pasado". */
const LAST_YEAR_AFTER =
  /^\s*(?:(?:of|del?)\s+)?(?:last\s+year|(?:el\s+)?año\s+(?:pasado|anterior))\b/iu;

const WEEKDAY_NAME =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\b/iu;

/** Words near a weekday that put it in the past week even on that same weekday. */
const PAST_WEEKDAY = /\b(?:last|past|pasad[oa]|anterior)\b/i;
/** Words before a weekday that put it in the future. */
const FUTURE_WEEKDAY = /\b(?:next|this\s+coming|coming|pr[oó]xim[oa]|siguiente|until|hasta)\s*$/i;

/** The Thursday of the (Monday to Sunday) week a date falls in. */
function thursdayOf(date: Date): Date {
  const day = (date.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day + 3, 12),
  );
}

/**
 * A weekday alone ("on Sunday", "last Tuesday", "el martes pasado") is the latest such day on or
 * before the publication date; with "last"/"pasado" and the same weekday as publication, the one
 * a week before. News reports the past: "next Friday" and "until Monday" are left out.
 */
function weekdayDate(
  text: string,
  result: ParsedResult,
  end: number,
  reference: Date | null,
): Omit<DateMention, 'start' | 'text'> | null {
  if (!reference) return null;
  // a whole weekday name: chrono also reads "Dom" in "Domínguez" and "Sun" in "Sun-Times"
  if (!WEEKDAY_NAME.test(result.text) || /^\p{L}/u.test(text.slice(end, end + 1))) return null;
  const weekday = result.start.get('weekday');
  if (weekday === null || weekday === undefined) return null;
  const before = text.slice(Math.max(0, result.index - 20), result.index);
  if (FUTURE_WEEKDAY.test(before) || /\b(?:next|pr[oó]xim[oa])\b/i.test(result.text)) return null;
  const after = /^\s+(pasad[oa]|anterior)\b/i.exec(text.slice(end, end + 12));
  const past = PAST_WEEKDAY.test(result.text) || after !== null;
  let back = (reference.getUTCDay() - weekday + 7) % 7;
  if (back === 0 && past) back = 7;
  const date = new Date(
    Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth(), reference.getUTCDate() - back),
  );
  return {
    end: end + (after ? after[0].length : 0),
    value: valueOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), 'day'),
    precision: 'day',
    relative: true,
  };
}

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
  const value = datelineValue(`${language}\n${line}`);
  return value === null ? null : { value, start, end: start + line.length };
}

/**
 * The ISO date of a line that is only a date, or null; keyed `language\nline`. Remembered: the
 * answer depends on the line alone (chrono reads it against a fixed reference date), and the same
 * date lines head many documents.
 */
const datelineValue = memoize((key: string): string | null => {
  const split = key.indexOf('\n');
  const language = key.slice(0, split) as ExtractInput['language'];
  const line = key.slice(split + 1);
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
  return valueOf(c.get('year')!, c.get('month')!, c.get('day')!, 'day');
});

/** Markdown front matter at the very top: `---`, `key: value` lines, `---`. */
const FRONT_MATTER = /^---[ \t]*\n((?:[^\n]*\n){0,40}?)---[ \t]*(?:\n|$)/;
/** A front-matter key that holds the publication date. */
const FRONT_MATTER_DATE =
  /^(?:published|date|pubdate|published_at|publishedAt|fecha)\s*:\s*["']?(\d{4}-\d{2}-\d{2})/im;
/** How many non-empty lines after the headline may hold a byline or a stamp. */
const STAMP_SEARCH_LINES = 8;
/** A line longer than this is a paragraph: the body has begun. */
const MAX_HEAD_LINE_CHARS = 150;
/** Lower-case words a stamp line may hold besides the date, names and places. */
const STAMP_WORDS = new Set(
  'by por published publicado publicada posted updated actualizado actualizada on el la de del the and y staff writer corresponsal redacción redaccion'.split(
    ' ',
  ),
);

export interface PublicationStamp {
  /** ISO date, `YYYY-MM-DD`. */
  value: string;
  /** Spans that only state the publication (the stamp line, the front matter): not events. */
  spans: Array<[number, number]>;
}

/**
 * Where a document states its own publication date, in its head: a first line that is only a date
 * (see findDateline), a `published:` key in Markdown front matter, or a byline or dateline line
 * among the first lines ("Published April 5, 2012", "By Kevin Delaney" then "May 14, 2012",
 * "Chihuahua, Chih., 14 de junio de 2011", "**Outlet** · By Name · Thursday, April 12, 2012").
 * A stamp line holds a full date and otherwise only capitalised words (names, outlets, places),
 * separators and a few words like "by", "published", "por". The search stops at the first
 * paragraph, so a date in the body is never taken for the stamp.
 */
export function findPublicationStamp(
  text: string,
  language: ExtractInput['language'] = 'en',
): PublicationStamp | null {
  const spans: Array<[number, number]> = [];
  let value: string | null = null;
  let offset = 0;
  const front = FRONT_MATTER.exec(text);
  if (front) {
    spans.push([0, front[0].length]);
    value = FRONT_MATTER_DATE.exec(front[1]!)?.[1] ?? null;
    offset = front[0].length;
  } else {
    const dateline = findDateline(text, language);
    if (dateline) return { value: dateline.value, spans: [[dateline.start, dateline.end]] };
  }
  const lineRe = /[^\n]+/g;
  lineRe.lastIndex = offset;
  let seen = 0;
  for (let m = lineRe.exec(text); m && seen < STAMP_SEARCH_LINES; m = lineRe.exec(text)) {
    const line = m[0];
    if (line.trim() === '') continue;
    seen++;
    if (line.length > MAX_HEAD_LINE_CHARS) break;
    const stamp = /\d{4}/.test(line) ? stampLine(`${language}\n${line}`) : null;
    if (!stamp) continue;
    spans.push([m.index, m.index + line.length]);
    value ??= stamp;
    break;
  }
  return value || spans.length > 0 ? { value: value ?? '', spans } : null;
}

/**
 * The ISO date of a byline or dateline line (keyed `language\nline`, holding four digits), or null
 * when the line is not one. Remembered, as datelineValue.
 */
const stampLine = memoize((key: string): string | null => {
  const split = key.indexOf('\n');
  const language = key.slice(0, split) as ExtractInput['language'];
  const line = key.slice(split + 1);
  const [result] = parserFor(language).parse(line, new Date(Date.UTC(2000, 0, 1)));
  if (
    !result ||
    !result.start.isCertain('year') ||
    !result.start.isCertain('month') ||
    !result.start.isCertain('day')
  )
    return null;
  const rest = line.slice(0, result.index) + ' ' + line.slice(result.index + result.text.length);
  const words = rest.match(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu) ?? [];
  if (words.length > 12) return null;
  const plain = words.every(
    (w) =>
      /^\p{Lu}/u.test(w) ||
      STAMP_WORDS.has(w.toLowerCase()) ||
      /^(?:mon|tue|wed|thu|fri|sat|sun|lun|mar|mi[eé]|jue|vie|s[aá]b|dom)/i.test(w),
  );
  if (!plain) return null;
  const c = result.start;
  return valueOf(c.get('year')!, c.get('month')!, c.get('day')!, 'day');
});

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
  const stamp = findPublicationStamp(text, input.language);
  // The date ingest states wins; else the one the document's head states (byline, front matter).
  const reference = parseReference(input.publishedAt ?? (stamp?.value || null));
  const inStamp = (s: number, e: number) =>
    stamp?.spans.some(([a, b]) => s >= a && e <= b) ?? false;
  const results = parserFor(input.language).parse(
    text,
    reference ?? new Date(Date.UTC(2000, 0, 1)),
    { forwardDate: false },
  );
  const dates: DateMention[] = [];
  const occupied: Array<[number, number]> = [];

  const consumed = new Set<ParsedResult>();
  for (const [n, result] of results.entries()) {
    const start = result.index;
    let end = start + result.text.replace(/[\s,.;:]+$/, '').length;
    if (consumed.has(result)) continue;
    if (inStamp(start, end)) {
      occupied.push([start, end]);
      continue;
    }
    if (
      !result.start.isCertain('year') &&
      !result.start.isCertain('month') &&
      !result.start.isCertain('day') &&
      result.start.isCertain('weekday')
    ) {
      // "on Sunday", "last Tuesday", "el martes pasado": the latest such day up to publication
      occupied.push([start, end]);
      const weekday = weekdayDate(text, result, end, reference);
      if (weekday) dates.push({ ...weekday, start, text: text.slice(start, weekday.end) });
      continue;
    }
    if (
      !result.start.isCertain('year') &&
      !result.start.isCertain('month') &&
      !result.start.isCertain('day') &&
      !isRelative(result)
    )
      continue; // a clock time
    occupied.push([start, end]);
    // "so far this year", "en lo que va del año": a period up to now, not an event
    if (
      /(?:so\s+far|to\s+date|lo\s+que\s+va)\s+(?:de(?:l)?\s+)?$/i.test(
        text.slice(Math.max(0, start - 20), start),
      )
    )
      continue;
    const tags = [...result.tags()];
    if (tags.some((t) => t.includes('casualReference/now'))) continue;
    if (
      /^(?:the\s+)?(?:past|next|over|last\s+\w+\s+years)\b/i.test(result.text) &&
      /\b(?:years|months|weeks|days)\b/i.test(result.text)
    )
      continue;
    if (/\b(?:later|earlier|after|before|después|antes)\b/i.test(result.text)) {
      occupied.pop(); // anchored to another event, not to publication: ANCHORED below decides
      continue;
    }
    // a duration ("for three years") or an unplaced span is no date: its number stays a figure
    if (/^(?:for|during|over|durante|por)\b/i.test(result.text)) {
      occupied.pop();
      continue;
    }
    let precision = precisionOf(result);
    if (!precision) {
      occupied.pop();
      continue;
    }
    const c = result.start;
    let year = c.get('year')!;
    const month = c.get('month')!;
    const day = c.get('day')!;
    const relative = isRelative(result);
    let valueMonth = month;
    if (relative) {
      if (!reference) continue;
      // "last year" is a year, "last month" a month; the day chrono fills in is not stated
      if (/\byears?\b|\baños?\b/i.test(result.text)) precision = 'year';
      else if (/\bmonths?\b|\bmes(?:es)?\b/i.test(result.text) && precision === 'day')
        precision = 'month';
      else if (/\bweeks?\b|\bsemanas?\b/i.test(result.text) && precision === 'day') {
        // "last week" names no day: the month its Thursday falls in (the ISO week rule)
        const thursday = thursdayOf(result.start.date());
        year = thursday.getUTCFullYear();
        valueMonth = thursday.getUTCMonth() + 1;
        precision = 'month';
      }
      // never after publication ("una condena de 27 años" is a length, read as 27 years ahead)
      if (result.start.date().getTime() > reference.getTime() + 86_400_000) {
        occupied.pop();
        continue;
      }
    } else if (!c.isCertain('year')) {
      if (!reference) continue;
      // "June of last year", "febrero del año pasado": the year before publication
      const lastYear = LAST_YEAR_AFTER.exec(text.slice(end, end + 30));
      if (lastYear) {
        year = reference.getUTCFullYear() - 1;
        end += lastYear[0].length;
        const next = results[n + 1];
        if (next && next.index < end) consumed.add(next);
      } else {
        const asDate = Date.UTC(year, month - 1, precision === 'day' ? day : 1);
        if (asDate > reference.getTime()) year -= 1;
      }
    }
    // "by the end of the month": a date after publication with no year written is not reported
    const when = Date.UTC(year, valueMonth - 1, precision === 'day' ? day : 1);
    if (reference && !/\d{4}/.test(result.text) && when > reference.getTime() + 86_400_000)
      continue;
    dates.push({
      start,
      end,
      text: text.slice(start, end),
      value: valueOf(year, valueMonth, day, precision),
      precision,
      relative: relative || !c.isCertain('year'),
    });
  }

  const inOccupied = (s: number, e: number) => occupied.some(([a, b]) => s < b && e > a);
  for (const match of text.matchAll(BARE_YEAR)) {
    const start = match.index;
    const end = start + match[0].length;
    if (inOccupied(start, end) || inStamp(start, end)) continue;
    const after = text.slice(end, end + 20);
    if (/^\s+(?!e-?mails?\b)[a-z]+s\b/.test(after) && !/^\s+(?:was|has|is|as)\b/.test(after))
      continue; // "2000 soldiers": a count
    occupied.push([start, end]);
    dates.push({ start, end, text: match[0], value: match[0], precision: 'year', relative: false });
  }

  const folded = text.toLowerCase().replaceAll('ſ', 's');
  for (const match of mayContain(folded, HACE_NEEDLES) ? text.matchAll(HACE) : []) {
    // "hace dos semanas" (chrono's Spanish parser does not read it): counted back from publication
    const start = match.index;
    const end = start + match[0].length;
    if (inOccupied(start, end)) continue;
    occupied.push([start, end]);
    if (!reference) continue;
    const amount = NUMBER_WORDS[match[1]!.toLowerCase()] ?? Number(match[1]);
    const unit = match[2]!.toLowerCase();
    const back = new Date(reference.getTime());
    let precision: DatePrecision = 'day';
    if (/^a/.test(unit)) {
      back.setUTCFullYear(back.getUTCFullYear() - amount);
      precision = 'year';
    } else if (/^m/.test(unit)) {
      back.setUTCMonth(back.getUTCMonth() - amount);
      precision = 'month';
    } else if (/^s/.test(unit)) {
      back.setUTCDate(back.getUTCDate() - 7 * amount);
      back.setTime(thursdayOf(back).getTime());
      precision = 'month';
    } else back.setUTCDate(back.getUTCDate() - amount);
    dates.push({
      start,
      end,
      text: match[0],
      value: valueOf(back.getUTCFullYear(), back.getUTCMonth() + 1, back.getUTCDate(), precision),
      precision,
      relative: true,
    });
  }

  for (const match of mayContain(folded, ANCHORED_NEEDLES) ? text.matchAll(ANCHORED) : []) {
    const start = match.index;
    const end = start + match[0].length;
    // "five days after the arrest", "dos semanas después de que…": counted from the event named
    // next, not from the previous date in the text (and its number is a figure, the interval)
    const following = text.slice(end, end + 12);
    if (/^(?:after|before)$/i.test(match[3]!) && !/^\s*[,.;:)—–-]/.test(following)) continue;
    if (/^\s+(?:de|que|of|the)\b/i.test(following)) continue;
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
