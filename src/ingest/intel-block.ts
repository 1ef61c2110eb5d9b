import { stripControlCharacters } from '../core/index.js';
import type { IntelSourceBlock } from './types.js';

/**
 * Stratfor-style intelligence e-mails carry a block of `FIELD: value` lines describing the source:
 *
 *     CODE: MX1
 *     PUBLICATION: Yes
 *     ATTRIBUTION: Stratfor sources in Mexico
 *     SOURCE DESCRIPTION: Mexican diplomat
 *     SOURCE RELIABILITY: B
 *     ITEM CREDIBILITY: 3
 *     SPECIAL HANDLING: none
 *     SOURCE HANDLER: Reva
 *
 * and a subject like `INSIGHT - MEXICO - Cartel violence in Juarez - MX1`. No library knows this
 * convention, so it is parsed by hand here. Values are kept exactly as written (only the white
 * space around them is trimmed): the assess stage interprets them, and a journalist must be able
 * to quote them.
 */

/** Known fields, by upper-case name with single spaces, to the record key they fill. */
const KNOWN_FIELDS: Record<
  string,
  keyof Omit<IntelSourceBlock, 'fields' | 'subjectType' | 'subjectCountry' | 'subjectTopic'>
> = {
  CODE: 'code',
  'SOURCE CODE': 'code',
  PUBLICATION: 'publication',
  ATTRIBUTION: 'attribution',
  'SOURCE DESCRIPTION': 'sourceDescription',
  'SOURCE RELIABILITY': 'sourceReliability',
  'ITEM CREDIBILITY': 'itemCredibility',
  'SPECIAL HANDLING': 'specialHandling',
  'SOURCE HANDLER': 'sourceHandler',
};

/** A block needs this many known fields, so a stray `Note: …` line in prose is not a block. */
const MIN_KNOWN_FIELDS = 2;

/**
 * `FIELD: value`: a field name of letters, spaces, `/` or `-` (at most 40 characters), after
 * optional e-mail quote markers (`> `) and list bullets, and a value on the same line.
 */
const FIELD_LINE = /^[\s>*•-]*([A-Za-z][A-Za-z /-]{0,39}?)\s*:[ \t]*(.*?)\s*$/;

/** Subject types seen in the convention; the first segment must be one of these. */
const SUBJECT_TYPES = new Set([
  'INSIGHT',
  'GUIDANCE',
  'ANALYSIS',
  'DISCUSSION',
  'ALERT',
  'INTEL',
  'ASSESSMENT',
]);
/** Source codes: two or three letters and digits (`MX1`, `US714`, `CN65`). */
const SOURCE_CODE = /^[A-Z]{2,3}\d{1,4}$/;
/** Reply and forward prefixes and list tags (`Re:`, `FW:`, `[OS]`) before the convention. */
const SUBJECT_PREFIX = /^\s*(?:(?:re|fw|fwd|rv|reenv)\s*:\s*|\[[^\]]{1,30}\]\s*)/i;

interface FieldLine {
  name: string;
  value: string;
}

function parseFieldLine(line: string): FieldLine | null {
  const match = FIELD_LINE.exec(line);
  if (!match?.[1] || match[2] === undefined) return null;
  // A URL (`http://…`) or a time (`10:30`) is not a field line.
  if (match[2].startsWith('//')) return null;
  return { name: match[1].trim(), value: clean(match[2]) };
}

/** Values stay as written, but made safe and comparable like all stored text. */
function clean(value: string): string {
  return stripControlCharacters(value).normalize('NFC');
}

function knownKey(name: string) {
  return KNOWN_FIELDS[name.toUpperCase().replace(/\s+/g, ' ')];
}

/**
 * Finds the first source block in a text and parses it, with the subject convention when a
 * subject is given. Returns null when the text has no block and the subject does not follow the
 * convention.
 */
export function parseIntelBlock(
  text: string,
  subject: string | null = null,
): IntelSourceBlock | null {
  const block = findBlock(text);
  const parsedSubject = subject ? parseIntelSubject(subject) : null;
  if (!block && !parsedSubject) return null;

  const intel: IntelSourceBlock = {
    code: null,
    publication: null,
    attribution: null,
    sourceDescription: null,
    sourceReliability: null,
    itemCredibility: null,
    specialHandling: null,
    sourceHandler: null,
    subjectType: parsedSubject?.type ?? null,
    subjectCountry: parsedSubject?.country ?? null,
    subjectTopic: parsedSubject?.topic ?? null,
    fields: {},
  };
  for (const { name, value } of block ?? []) {
    if (!(name in intel.fields)) intel.fields[name] = value;
    const key = knownKey(name);
    if (key && intel[key] === null && value !== '') intel[key] = value;
  }
  if (intel.code === null && parsedSubject?.code) intel.code = parsedSubject.code;
  return intel;
}

/**
 * The block is a run of field lines; blank lines may sit inside it, and a line that is not a field
 * line but lies between two field lines is the wrapped continuation of the one above (mail clients
 * wrap long source descriptions at 72 columns). The run ends at the first other line.
 */
function findBlock(text: string): FieldLine[] | null {
  // Cheap pre-check so e-mails without a block (most of them) skip the line scan.
  if (!/(?:SOURCE|CREDIBILITY|ATTRIBUTION|PUBLICATION|CODE)\s*:/i.test(text)) return null;
  const lines = text.split(/\r?\n/);
  for (let start = 0; start < lines.length; start++) {
    const first = parseFieldLine(lines[start] ?? '');
    if (!first || !knownKey(first.name)) continue;
    const block = readBlock(lines, start);
    if (block.filter((field) => knownKey(field.name)).length >= MIN_KNOWN_FIELDS) return block;
  }
  return null;
}

function readBlock(lines: string[], start: number): FieldLine[] {
  const block: FieldLine[] = [];
  // A wrapped line directly under a field line, kept only if another field line follows it.
  let continuation: string | null = null;
  let previousWasField = false;
  for (let index = start; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.trim() === '') {
      if (continuation !== null) break;
      previousWasField = false;
      continue;
    }
    const field = parseFieldLine(line);
    if (field) {
      const previous = block.at(-1);
      if (previous && continuation !== null) {
        previous.value = `${previous.value} ${continuation}`.trim();
      }
      continuation = null;
      block.push(field);
      previousWasField = true;
    } else if (previousWasField && continuation === null) {
      continuation = clean(line.replace(/^[\s>]+/, '').trim());
      previousWasField = false;
    } else {
      break;
    }
  }
  return block;
}

export interface IntelSubject {
  type: string;
  country: string | null;
  topic: string | null;
  code: string | null;
}

/**
 * Parses `INSIGHT - MEXICO - Cartel violence in Juarez - MX1` (after any `Re:`/`FW:`/`[list]`
 * prefixes). Segments are separated by a dash with spaces around it, so hyphenated words in the
 * topic stay whole; a topic with ` - ` in it keeps its inner segments joined.
 */
export function parseIntelSubject(subject: string): IntelSubject | null {
  let rest = clean(subject);
  for (let previous = ''; previous !== rest;) {
    previous = rest;
    rest = rest.replace(SUBJECT_PREFIX, '');
  }
  const parts = rest
    .split(/\s+[-–—]{1,2}\s+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const [type, ...others] = parts;
  if (!type || !SUBJECT_TYPES.has(type.toUpperCase()) || others.length === 0) return null;
  const last = others.at(-1);
  const code = others.length >= 2 && last && SOURCE_CODE.test(last) ? last : null;
  if (code) others.pop();
  // With two or more segments left the first is the country. A lone segment is a country when it
  // is in capitals, as the convention writes countries (`INSIGHT - MEXICO - MX1`), else the topic.
  const lone = others.length === 1 && others[0] !== others[0]?.toUpperCase();
  const [country, ...topic] = lone ? [null, ...others] : others;
  return {
    type,
    country: country ?? null,
    topic: topic.length > 0 ? topic.join(' - ') : null,
    code,
  };
}
