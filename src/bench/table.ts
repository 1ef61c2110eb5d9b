export type Cell = string | number | null;

/** A number for a reader: thousands separated, at most `digits` decimals; null is a dash. */
export function formatCell(value: Cell, digits = 1): string {
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return '—';
  if (typeof value === 'string') return value;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, useGrouping: true });
}

/**
 * A plain-text table: columns of figures right-aligned, columns of words (every cell a string
 * or empty) left-aligned, so a terminal and a pasted log line both read well. Hand-written: it is a dozen
 * lines, and table libraries draw box characters that do not paste into Markdown or CI logs.
 */
export function formatTable(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = rows.map((row) => row.map((cell) => formatCell(cell)));
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  const words = header.map((_, i) =>
    rows.every((row) => typeof row[i] === 'string' || row[i] === null || row[i] === undefined),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (words[i] ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n');
}
