/**
 * RFC 4180 CSV, hand-written: csv-parse is installed but csv-stringify is not, and quoting is a
 * few lines. Fields are quoted when they hold a comma, a quote, CR or LF (quotes doubled); lines
 * end with CRLF as the RFC says.
 */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * Spreadsheets run a cell that starts with `=`, `+`, `-`, `@`, tab or CR as a formula (CSV
 * injection), and document text is hostile. Such text cells get a leading apostrophe, the usual
 * neutraliser; numbers are left alone.
 */
function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? defuse(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
