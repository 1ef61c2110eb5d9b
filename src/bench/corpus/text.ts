/** Text helpers shared by the e-mail and article generators: slots, wrapping, dates, headers. */
import type { Random } from './random.js';
import {
  AGENCIES_EN,
  AGENCIES_ES,
  ATTRIBUTIONS_EN,
  ATTRIBUTIONS_ES,
  CARTELS_EN,
  CARTELS_ES,
  FIGURES,
  FIRST_NAMES_EN,
  FIRST_NAMES_ES,
  OUTLETS_EN,
  OUTLETS_ES,
  PLACES_MX,
  PLACES_US,
  RELATIVE_EN,
  ROADS,
  RELATIVE_ES,
  ROLES_EN,
  ROLES_ES,
  SAY_EN,
  SAY_ES,
  SOURCE_CODES,
  SURNAMES_EN,
  SURNAMES_ES,
  type Figure,
} from './vocab.js';

export type CorpusLanguage = 'en' | 'es';

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTHS_ES = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];
const DAY_ABBR = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_ABBR = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** Drops accents the way English-language outlets often do (Juárez → Juarez). */
export function stripAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

export function personName(rng: Random, language: CorpusLanguage): string {
  const spanish = language === 'es' || rng.chance(0.45);
  if (spanish) {
    const first = rng.pick(FIRST_NAMES_ES);
    const name = rng.chance(0.75)
      ? `${first} ${rng.pick(SURNAMES_ES)} ${rng.pick(SURNAMES_ES)}`
      : `${first} ${rng.pick(SURNAMES_ES)}`;
    return language === 'en' && rng.chance(0.25) ? stripAccents(name) : name;
  }
  const initial = rng.chance(0.5) ? ` ${String.fromCharCode(65 + rng.int(0, 25))}.` : '';
  return `${rng.pick(FIRST_NAMES_EN)}${initial} ${rng.pick(SURNAMES_EN)}`;
}

/** Everything a template may ask for, fixed per document so a story stays on one figure. */
export class SlotFiller {
  readonly figure: Figure;
  private readonly language: CorpusLanguage;
  private readonly rng: Random;
  private readonly date: Date;
  readonly place: string;
  private readonly used = new Set<string>();

  constructor(rng: Random, language: CorpusLanguage, date: Date) {
    this.rng = rng;
    this.language = language;
    this.date = date;
    this.figure = rng.pick(FIGURES);
    this.place = rng.pick(PLACES_MX);
  }

  /** Fills slots and picks alternatives; Spanish contractions (de el → del) are applied. */
  fill(template: string): string {
    let out = this.fillRaw(template);
    if (out.includes('  ')) out = out.replace(/ {2,}/g, ' ');
    if (out.includes(' ,')) out = out.replace(/ ,/g, ',');
    if (out.includes(' .')) out = out.replace(/ \./g, '.');
    if (this.language === 'es' && out.includes(' el '))
      out = out.replace(/\b([Dd]e|[Aa]) el /g, '$1l ');
    return out;
  }

  private fillRaw(template: string): string {
    const parts = compile(template);
    let out = '';
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as Part;
      if (typeof part === 'string') out += part;
      else if (part.slot !== undefined) out += this.slot(part.slot);
      else out += this.fillRaw(this.rng.pick(part.choices));
    }
    return out;
  }

  /** A trailing attribution template in the document's language. */
  attribution(): string {
    return this.rng.pick(this.language === 'es' ? ATTRIBUTIONS_ES : ATTRIBUTIONS_EN);
  }

  /** Picks a template not yet used in this document while there are any left. */
  pickTemplate(templates: readonly string[]): string {
    if (this.used.size >= templates.length) this.used.clear();
    for (;;) {
      const i = this.rng.int(0, templates.length - 1);
      const t = templates[i] as string;
      if (!this.used.has(t)) {
        this.used.add(t);
        return t;
      }
    }
  }

  slot(slot: string): string {
    const { rng } = this;
    const es = this.language === 'es';
    switch (slot) {
      case 'person':
        return personName(rng, this.language);
      case 'figure': {
        const f = this.figure;
        const name = rng.chance(0.6) ? f.name : f.short;
        return !es && rng.chance(0.2) ? stripAccents(name) : name;
      }
      case 'alias': {
        const alias = rng.pick(this.figure.aliases);
        return !es && rng.chance(0.2) ? stripAccents(alias) : alias;
      }
      case 'cartel':
        return rng.pick(es ? CARTELS_ES : CARTELS_EN);
      case 'agency':
      case 'agency2':
        return rng.pick(es ? AGENCIES_ES : AGENCIES_EN);
      case 'place': {
        const place = rng.chance(0.5) ? this.place : rng.pick(PLACES_MX);
        return !es && rng.chance(0.2) ? stripAccents(place) : place;
      }
      case 'usplace':
        return rng.pick(PLACES_US);
      case 'n':
        return String(rng.int(3, 600));
      case 'k':
        return String(rng.int(2, 40));
      case 'm':
        return String(rng.int(2, 60) * 10);
      case 'rel':
        return rng.pick(es ? RELATIVE_ES : RELATIVE_EN);
      case 'rel_abs': {
        const back = new Date(this.date.getTime() - rng.int(20, 400) * 86_400_000);
        const month = back.getUTCMonth();
        return es
          ? `${MONTHS_ES[month]} de ${back.getUTCFullYear()}`
          : `${MONTHS_EN[month]} ${back.getUTCFullYear()}`;
      }
      case 'outlet':
        return rng.pick(es ? OUTLETS_ES : OUTLETS_EN);
      case 'say':
        return rng.pick(es ? SAY_ES : SAY_EN);
      case 'role':
        return rng.pick(es ? ROLES_ES : ROLES_EN);
      case 'code':
        return rng.pick(SOURCE_CODES);
      case 'first':
        return rng.pick(es ? FIRST_NAMES_ES : FIRST_NAMES_EN);
      case 'road':
        return rng.pick(ROADS);
      case 'date': {
        const back = new Date(this.date.getTime() - rng.int(1, 200) * 86_400_000);
        const month = back.getUTCMonth();
        return es
          ? `${back.getUTCDate()} de ${MONTHS_ES[month]}`
          : `${MONTHS_EN[month]} ${back.getUTCDate()}`;
      }
      case 'time':
      case 'clock': {
        const h = rng.int(0, 23);
        const m = rng.int(0, 11) * 5;
        const clock = es
          ? `${h}:${pad2(m)}`
          : `${h % 12 === 0 ? 12 : h % 12}:${pad2(m)} ${h < 12 ? 'a.m.' : 'p.m.'}`;
        if (slot === 'clock') return clock;
        return es ? `a las ${clock} horas` : `at ${clock}`;
      }
      case 'money': {
        const whole = rng.int(1, 40);
        const tenth = rng.int(0, 9);
        return es
          ? `${whole},${tenth} millones de ${rng.chance(0.5) ? 'dólares' : 'pesos'}`
          : `$${whole}.${tenth} million`;
      }
      default:
        return slot;
    }
  }
}

type Part =
  string | { slot: string; choices?: undefined } | { slot?: undefined; choices: string[] };
const compiled = new Map<string, Part[]>();

/**
 * Splits a template into text, `{slot}`s and `[a|b]` choices once, so filling is a loop over parts.
 * Choices may hold slots but not other choices.
 */
function compile(template: string): Part[] {
  let parts = compiled.get(template);
  if (parts) return parts;
  parts = [];
  const re = /\{(\w+)\}|\[([^\]]*)\]/g;
  let last = 0;
  for (let m = re.exec(template); m !== null; m = re.exec(template)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    if (m[1] !== undefined) parts.push({ slot: m[1] });
    else parts.push({ choices: (m[2] ?? '').split('|') });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  compiled.set(template, parts);
  return parts;
}

/** Capitalises the first letter (templates may start with "la DEA"). */
export function capitalize(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** A paragraph of `min`–`max` sentences drawn from `templates`. */
export function paragraph(
  rng: Random,
  filler: SlotFiller,
  templates: readonly string[],
  min: number,
  max: number,
): string {
  const count = rng.int(min, max);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    let sentence = capitalize(filler.fill(filler.pickTemplate(templates)));
    // Half the plain sentences gain an attribution: real copy is full of them, and the names
    // and dates keep unrelated documents from sharing long verbatim runs by chance.
    if (
      sentence.endsWith('.') &&
      !sentence.endsWith('."') &&
      !ATTRIBUTED.test(sentence.slice(-70)) &&
      rng.chance(0.5)
    ) {
      sentence = `${sentence.slice(0, -1)}, ${filler.fill(filler.attribution())}.`;
    }
    parts.push(sentence);
  }
  return parts.join(' ');
}

/** A sentence that already ends with an attribution gets no second one. */
const ATTRIBUTED =
  /\b(according to|said|says|told|show|shows|de acuerdo con|según|dijo|afirmó|declaró|registros|records)\b/;

/** Wraps at `width` columns on spaces (RFC 5322 wants lines under 998 octets; mail uses ~76). */
export function wrap(text: string, width = 76): string {
  if (text.length <= width) return text;
  // Scans for break points with lastIndexOf instead of splitting into words: this runs for
  // every line of every e-mail, and splitting showed up in profiles.
  let out = '';
  let start = 0;
  while (text.length - start > width) {
    let cut = text.lastIndexOf(' ', start + width);
    if (cut <= start) {
      cut = text.indexOf(' ', start + width);
      if (cut === -1) break;
    }
    out += text.slice(start, cut) + '\n';
    start = cut + 1;
  }
  return out + text.slice(start);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Mexico's central time before 2022: UTC−6 (summer time ignored; the corpus needs no more). */
const OFFSET_MS = -6 * 3_600_000;

/** RFC 5322 date, e.g. `Tue, 19 Apr 2011 14:32:10 -0600`. Formatted by hand: no locale, no drift. */
export function rfc5322Date(date: Date): string {
  const d = new Date(date.getTime() + OFFSET_MS);
  return `${DAY_ABBR[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTH_ABBR[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} -0600`;
}

/** The asctime() date of an mbox `From ` line, e.g. `Tue Apr 19 14:32:10 2011`. */
export function asctimeDate(date: Date): string {
  const d = new Date(date.getTime() + OFFSET_MS);
  return `${DAY_ABBR[d.getUTCDay()]} ${MONTH_ABBR[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** ISO 8601 with the same fixed offset, e.g. `2011-04-19T14:32:10-06:00`. */
export function isoDate(date: Date): string {
  const d = new Date(date.getTime() + OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}-06:00`;
}

export function longDate(date: Date, language: CorpusLanguage): string {
  const d = new Date(date.getTime() + OFFSET_MS);
  return language === 'es'
    ? `${d.getUTCDate()} de ${MONTHS_ES[d.getUTCMonth()]} de ${d.getUTCFullYear()}`
    : `${MONTHS_EN[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

const NON_ASCII = /[^\x20-\x7e]/;

/** RFC 2047 encoded-word for a header value that is not plain ASCII. */
export function encodeHeader(value: string): string {
  if (!NON_ASCII.test(value)) return value;
  return `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

/** `"Display Name" <address>` with the name encoded when needed. */
export function mailbox(name: string, address: string): string {
  return NON_ASCII.test(name) ? `${encodeHeader(name)} <${address}>` : `"${name}" <${address}>`;
}

/** `María Núñez` → `mnunez` for an address local part. */
export function localPart(name: string): string {
  const words = stripAccents(name)
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .split(' ');
  return `${(words[0] ?? 'x').charAt(0)}${words[1] ?? 'user'}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export { MONTHS_EN, MONTHS_ES };
export const OUTLETS = { en: OUTLETS_EN, es: OUTLETS_ES } as const;
