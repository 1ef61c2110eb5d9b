import { createInterface } from 'node:readline';
import { contentId } from '../../core/index.js';
import { failure, ingestError, toIngestFailure } from '../failures.js';
import { chooseColumns, recordToDocument } from './record.js';
import type { Parser } from './types.js';
import { failureEvent, itemEvent } from './types.js';

/**
 * JSON Lines / NDJSON, streamed line by line: each object a `json-record` document,
 * `data.jsonl#row=N` where N is the line number. A line that is not valid JSON, or not an object,
 * is a failure with its line number; the rest are read. The id is the hash of the line as written
 * (trimmed): the same record in two files is one document with two origins. JSON Lines is UTF-8
 * by definition; invalid bytes become U+FFFD.
 */
export const parseJsonLines: Parser = async function* (input, context) {
  const { options } = context;
  const stream = input.source.stream();
  const lines = createInterface({ input: stream.setEncoding('utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  let records = 0;
  let failures = 0;
  try {
    for await (const rawLine of lines) {
      lineNumber++;
      const line = (lineNumber === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine).trim();
      if (line === '') continue;
      const origin = `${input.origin}#row=${lineNumber}`;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        failures++;
        yield failureEvent(
          failure(
            'MALFORMED_INPUT',
            origin,
            'jsonl',
            `Line ${lineNumber} is not valid JSON: ${(error as Error).message}`,
            {
              line: lineNumber,
              hint: 'Fix the line (each line must be one complete JSON object); the other lines were read.',
            },
          ),
        );
        continue;
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        failures++;
        yield failureEvent(
          failure(
            'MALFORMED_INPUT',
            origin,
            'jsonl',
            `Line ${lineNumber} is JSON but not an object.`,
            {
              line: lineNumber,
              hint: 'Each line must be a JSON object ({"text": …}); the other lines were read.',
            },
          ),
        );
        continue;
      }
      const fields = value as Record<string, unknown>;
      records++;
      const document = recordToDocument(
        fields,
        chooseColumns(Object.keys(fields), options),
        {
          id: contentId(line),
          origin,
          kind: 'json-record',
          mimeType: 'application/x-ndjson',
          sizeBytes: Buffer.byteLength(line),
          row: lineNumber,
          line: lineNumber,
        },
        options,
      );
      yield itemEvent({ document, parent: null });
    }
  } catch (error) {
    yield failureEvent(toIngestFailure(error, input.origin, 'jsonl', 'FILE_UNREADABLE'));
    return;
  } finally {
    lines.close();
    stream.destroy();
  }
  if (records === 0 && failures === 0) {
    throw ingestError('FILE_EMPTY', input.origin, 'The file holds no JSON records.');
  }
};
