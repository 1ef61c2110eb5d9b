import { stripControlCharacters, type Language } from '../core/index.js';
import type { IngestLimits } from './options.js';
import type { DocumentKind, EmailInfo, IntelSourceBlock, ParsedDocument } from './types.js';
import { detectLanguage } from './language.js';

/** Longest title kept; a plain-text file's first line can be a whole paragraph. */
export const MAX_TITLE_CHARS = 200;

/** A document before its text is cleaned and its language guessed. */
export interface DocumentDraft {
  id: string;
  kind: DocumentKind;
  origin: string;
  mimeType: string;
  sizeBytes: number;
  /** Raw text as the parser got it; cleaned by buildDocument. */
  text: string;
  title?: string | null;
  byline?: string | null;
  publishedAt?: string | null;
  /** When the document declared its language; otherwise it is detected from the text. */
  language?: Language | null;
  email?: EmailInfo | null;
  intel?: IntelSourceBlock | null;
  metadata?: Record<string, unknown>;
}

/**
 * The one place every document's text is made safe and uniform: line breaks as `\n`, control
 * characters removed (the store uses \u0002/\u0003 as highlight markers), NFC so `Juárez` typed two
 * ways is one string, and cut at limits.maxTextChars with a note in the metadata.
 */
export function buildDocument(draft: DocumentDraft, limits: IngestLimits): ParsedDocument {
  const { text, truncation } = cleanText(draft.text, limits.maxTextChars);
  const metadata = { ...draft.metadata };
  if (truncation) metadata.truncated = truncation;
  return {
    id: draft.id,
    kind: draft.kind,
    title: cleanLine(draft.title, MAX_TITLE_CHARS),
    text,
    language: draft.language ?? detectLanguage(text),
    publishedAt: draft.publishedAt ?? null,
    byline: cleanLine(draft.byline, MAX_TITLE_CHARS),
    mimeType: draft.mimeType,
    sizeBytes: draft.sizeBytes,
    origin: draft.origin,
    email: draft.email ?? null,
    intel: draft.intel ?? null,
    metadata,
  };
}

export interface Truncation {
  originalChars: number;
  keptChars: number;
}

export function cleanText(
  raw: string,
  maxChars: number,
): { text: string; truncation: Truncation | null } {
  let text = stripControlCharacters(raw.replace(/\r\n?/g, '\n')).normalize('NFC');
  text = text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (text.length <= maxChars) return { text, truncation: null };
  let cut = maxChars;
  // Never leave half of a surrogate pair at the end.
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return { text: text.slice(0, cut), truncation: { originalChars: text.length, keptChars: cut } };
}

/** A one-line field (title, byline, name): cleaned, white space collapsed, null when empty. */
export function cleanLine(
  value: string | null | undefined,
  maxChars = MAX_TITLE_CHARS,
): string | null {
  if (!value) return null;
  const line = stripControlCharacters(value).normalize('NFC').replace(/\s+/g, ' ').trim();
  if (line === '') return null;
  return line.length <= maxChars ? line : shortenAtWord(line, maxChars);
}

/** Cuts at the last space before `maxChars` (if there is one in the last quarter) and adds `…`. */
function shortenAtWord(line: string, maxChars: number): string {
  const room = maxChars - 1;
  const space = line.lastIndexOf(' ', room);
  const cut = space > room * 0.75 ? space : room;
  return `${line.slice(0, cut).trimEnd()}…`;
}

/** The non-empty lines at the top of a text, trimmed, at most `count` of them. */
export function leadingLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < count && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).trim();
    if (line !== '') lines.push(line);
    start = end + 1;
  }
  return lines;
}
