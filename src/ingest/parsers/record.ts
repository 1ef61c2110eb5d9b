import { toIsoDate } from '../dates.js';
import { buildDocument } from '../document.js';
import type { IngestOptions } from '../options.js';
import type { ParsedDocument } from '../types.js';

/** Column names tried, case-insensitively, when the options do not name one. */
const DEFAULT_TEXT_COLUMNS = ['text', 'body', 'content'];
const DEFAULT_TITLE_COLUMNS = ['title', 'subject', 'headline'];
const DEFAULT_DATE_COLUMNS = [
  'date',
  'published',
  'published_at',
  'publishedat',
  'sent',
  'created_at',
  'timestamp',
];

/** Which column of a table holds the text, title and date; resolved once per file where possible. */
export interface ColumnChoice {
  text: string | null;
  title: string | null;
  date: string | null;
}

/** Finds the columns to use among `names`, by the options or by the usual names. */
export function chooseColumns(names: readonly string[], options: IngestOptions): ColumnChoice {
  const find = (wanted: string | undefined, defaults: string[]): string | null => {
    const candidates = wanted ? [wanted] : defaults;
    for (const candidate of candidates) {
      const found = names.find((name) => name.toLowerCase() === candidate.toLowerCase());
      if (found !== undefined) return found;
    }
    return null;
  };
  return {
    text: find(options.textColumn, DEFAULT_TEXT_COLUMNS),
    title: find(options.titleColumn, DEFAULT_TITLE_COLUMNS),
    date: find(options.dateColumn, DEFAULT_DATE_COLUMNS),
  };
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export interface RecordLocation {
  id: string;
  origin: string;
  kind: 'table-row' | 'json-record';
  mimeType: string;
  sizeBytes: number;
  /** Row number and line, for the metadata. */
  row: number;
  line: number;
}

/**
 * One table row or JSON record as a document. The text is the chosen text column or, when the
 * table has none, every non-empty field as a `column: value` line, so nothing in the row is lost to
 * search. All fields are kept in `metadata.fields`.
 */
export function recordToDocument(
  fields: Record<string, unknown>,
  columns: ColumnChoice,
  where: RecordLocation,
  options: IngestOptions,
): ParsedDocument {
  const text =
    columns.text !== null
      ? asText(fields[columns.text])
      : Object.entries(fields)
          .map(([name, value]) => [name, asText(value)] as const)
          .filter(([, value]) => value.trim() !== '')
          .map(([name, value]) => `${name}: ${value}`)
          .join('\n');
  return buildDocument(
    {
      id: where.id,
      kind: where.kind,
      origin: where.origin,
      mimeType: where.mimeType,
      sizeBytes: where.sizeBytes,
      text,
      title: columns.title !== null ? asText(fields[columns.title]) : null,
      publishedAt: columns.date !== null ? toIsoDate(asText(fields[columns.date])) : null,
      metadata: { row: where.row, line: where.line, fields },
    },
    options.limits,
  );
}
