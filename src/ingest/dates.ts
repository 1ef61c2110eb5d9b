import * as chrono from 'chrono-node';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An ISO 8601 string for a date a document states (meta tag, JSON-LD, e-mail header, PDF info),
 * or null when it does not parse. A bare `YYYY-MM-DD` stays a date: turning it into midnight UTC
 * would invent a time and, west of Greenwich, shift the day.
 */
export function toIsoDate(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (DATE_ONLY.test(trimmed)) return validDateOnly(trimmed);
    if (trimmed === '') return null;
    value = new Date(trimmed);
  }
  const time = value.getTime();
  return Number.isNaN(time) ? null : value.toISOString();
}

function validDateOnly(value: string): string | null {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : null;
}

/** Longest line taken for a dateline: `Wednesday, 28 September 2011` fits, a sentence does not. */
const MAX_DATELINE_CHARS = 40;

/**
 * The date of a plain-text article whose first line is nothing but a full date (`Friday, 05
 * October 2012`, `2012-10-05`, `October 5, 2012`, `Martes, 14 de febrero de 2012`), as `YYYY-MM-DD`; otherwise null. Deliberately
 * narrow: a date in the middle of a sentence is about the story, not the publication, so it is
 * left to the extract stage. chrono-node's strict mode reads only unambiguous, formal dates, and
 * the day, month and year must all be written. English is tried first, then Spanish.
 */
export function datelineDate(line: string): string | null {
  const trimmed = line.trim();
  if (trimmed.length < 6 || trimmed.length > MAX_DATELINE_CHARS || !/\d{4}/.test(trimmed))
    return null;
  const [result] = chrono.strict.parse(trimmed).concat(chrono.es.strict.parse(trimmed));
  if (!result) return null;
  // The date must be (almost) the whole line: at most a weekday and punctuation around it.
  const rest = trimmed.replace(result.text, '').replace(/[\s,.;:–—-]+/g, '');
  if (
    rest !== '' &&
    !/^(mon|tue|wed|thu|fri|sat|sun|lun|mar|mi[eé]|jue|vie|s[aá]b|dom)[a-zé]*$/i.test(rest)
  ) {
    return null;
  }
  const { start } = result;
  if (!start.isCertain('day') || !start.isCertain('month') || !start.isCertain('year')) return null;
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  if (year === null || month === null || day === null) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** How far into a text its publication line is looked for, and how long such a line may be. */
const HEADER_LINES = 8;
const MAX_HEADER_LINE_CHARS = 90;
const LABEL =
  /^(?:published|posted|updated|date|publicado(?:\s+el)?|actualizado(?:\s+el)?|fecha)\s*:?\s*/i;
/** A place before a dateline's date: `Chihuahua, Chih., ` or `EL PASO — `. */
const PLACE = /^[\p{Lu}][\p{L}'’.\s]{1,40}?(?:,\s*[\p{Lu}][\p{L}.]{1,12}\.?)?\s*(?:,|—|–|--)\s*/u;

/**
 * The publication date a plain-text or Markdown article states in its header: front matter
 * (`published: 2012-04-09`), a line that is only a date, `Published April 5, 2012`, a dateline
 * (`Chihuahua, Chih., 14 de junio de 2011`) or a byline segment (`By X · Thursday, April 12,
 * 2012`). Only short lines near the top count: a date in the story is about the story.
 */
export function headerDate(text: string): string | null {
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (frontMatter) {
    const field = /^(?:published|date|publicado|fecha)\s*:\s*["']?([^"'\n]+?)["']?\s*$/im.exec(
      frontMatter[1]!,
    );
    const date = field ? (toIsoDate(field[1]!) ?? datelineDate(field[1]!)) : null;
    if (date) return date;
  }
  const body = frontMatter ? text.slice(frontMatter[0].length) : text;
  const lines = body
    .split(/\r?\n/)
    .map((l) => l.replace(/[*_]+/g, '').trim())
    .filter(Boolean)
    .slice(0, HEADER_LINES);
  for (const line of lines) {
    if (line.length > MAX_HEADER_LINE_CHARS) continue;
    for (const segment of [line, ...line.split(/\s+[·|•]\s+/)]) {
      const unlabelled = segment.replace(LABEL, '');
      const date = datelineDate(unlabelled) ?? datelineDate(unlabelled.replace(PLACE, ''));
      if (date) return date;
    }
  }
  return null;
}
