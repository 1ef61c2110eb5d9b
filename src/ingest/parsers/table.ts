import { parse, type CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { pipeline, type Readable, type Transform } from 'node:stream';
import { contentId } from '../../core/index.js';
import { guessLegacyCharset, isUtf8Sample } from '../charset.js';
import { failure, ingestError, toIngestFailure } from '../failures.js';
import type { IngestFailure } from '../types.js';
import { chooseColumns, recordToDocument, type ColumnChoice } from './record.js';
import type { Parser } from './types.js';
import { failureEvent, itemEvent } from './types.js';

/** Header cells made usable as keys: blanks named `column_N`, repeats numbered `name_2`. */
function uniqueColumnNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((cell, index) => {
    const base = cell.trim() || `column_${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}_${count}`;
  });
}

/**
 * CSV and TSV, streamed through csv-parse: each row a `table-row` document, `table.csv#row=N`
 * where N counts the rows read (header excluded). A malformed row (wrong number of cells, a quote
 * never closed) is a failure with its line number, and reading goes on. Files that are not UTF-8
 * are decoded on the fly in the charset chardet guesses from the first 64 KiB.
 *
 * Row ids hash a stable serialisation of the row with its column names, `[columns, values]` as
 * JSON. Content addressing, as for attachments: the same row in two exports of one table is one
 * document with two origins, while a row re-read from the same file keeps its id.
 */
export const parseTable: Parser = async function* (input, context) {
  const { options } = context;
  const charset = isUtf8Sample(input.source.head)
    ? 'utf-8'
    : guessLegacyCharset(input.source.head).charset;
  const skipped: IngestFailure[] = [];
  let columnNames: string[] = [];
  const parser = parse({
    delimiter: input.format === 'tsv' ? '\t' : ',',
    columns: (header: string[]) => (columnNames = uniqueColumnNames(header)),
    bom: true,
    skip_empty_lines: true,
    relax_quotes: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      if (!error) return;
      const line = (error as CsvError & { lines?: number }).lines;
      skipped.push(
        failure('MALFORMED_INPUT', input.origin, 'csv', `Row skipped: ${error.message}`, {
          hint: 'Fix the row in a spreadsheet or text editor; the other rows were read.',
          ...(line !== undefined ? { line } : {}),
        }),
      );
    },
    info: true,
  });
  const stages: Array<Readable | Transform> = [input.source.stream()];
  if (charset !== 'utf-8') stages.push(iconv.decodeStream(charset) as unknown as Transform);
  stages.push(parser);
  // pipeline destroys every stage when one fails, so the error reaches the loop below.
  pipeline(stages, () => undefined);

  let columns: ColumnChoice | null = null;
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { records: number; lines: number };
    }>) {
      while (skipped.length > 0) yield failureEvent(skipped.shift()!);
      if (columns === null) {
        columns = chooseColumns(columnNames, options);
        if (options.textColumn && columns.text === null) {
          throw ingestError(
            'INVALID_ARGUMENT',
            input.origin,
            `The table has no column "${options.textColumn}".`,
            {
              hint: `Pick the text column among: ${columnNames.join(', ')}.`,
            },
          );
        }
      }
      rows++;
      const serialised = JSON.stringify([
        columnNames,
        columnNames.map((name) => record[name] ?? ''),
      ]);
      const document = recordToDocument(
        record,
        columns,
        {
          id: contentId(serialised),
          origin: `${input.origin}#row=${info.records}`,
          kind: 'table-row',
          mimeType: input.format === 'tsv' ? 'text/tab-separated-values' : 'text/csv',
          sizeBytes: Buffer.byteLength(serialised),
          row: info.records,
          line: info.lines,
        },
        options,
      );
      document.metadata.charset = charset;
      yield itemEvent({ document, parent: null });
    }
  } catch (error) {
    // A stream error ends the table; the rows before it stand.
    yield failureEvent(toIngestFailure(error, input.origin, 'csv'));
    return;
  } finally {
    parser.destroy();
  }
  const skippedRows = skipped.length;
  while (skipped.length > 0) yield failureEvent(skipped.shift()!);
  if (rows === 0 && skippedRows === 0) {
    throw ingestError(
      'FILE_EMPTY',
      input.origin,
      columnNames.length > 0 ? 'The table has a header but no rows.' : 'The table has no rows.',
    );
  }
};
