import { basename } from 'node:path';
import { contentId } from '../core/index.js';
import { detectFormat, STREAMING_FORMATS, type Detection } from './detect.js';
import type { IngestEvent, IngestHooks } from './events.js';
import { failure, toIngestFailure } from './failures.js';
import type { IngestOptions } from './options.js';
import { createParseContext, runParser } from './parsers/dispatch.js';
import type { ParseContext } from './parsers/types.js';
import {
  bufferSource,
  fileSource,
  hashFile,
  HEAD_BYTES,
  readFileWithin,
  readSmallFile,
  readHead,
  type ByteSource,
} from './source.js';
import type { IngestFailure } from './types.js';
import { walkInputs } from './walk.js';

/**
 * Reads files and folders into documents, one event at a time (see IngestEvent for the order).
 * Nothing is collected across files, so memory stays flat however large the pile. Problems with
 * a file (missing, unreadable, damaged, hostile) become `failure` events and the run goes on;
 * only a failing hook (the store) ends it.
 */
export async function* readSources(
  paths: string[],
  options: IngestOptions,
  hooks: IngestHooks,
): AsyncGenerator<IngestEvent> {
  const context = createParseContext(options);
  for await (const entry of walkInputs(paths)) {
    if (entry.type === 'file') {
      yield* readOneFile(entry.path, entry.size, context, hooks);
    } else {
      const code = entry.type === 'missing' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE';
      yield failureEvent(failure(code, entry.path, 'walk', entry.reason));
    }
  }
}

/** Counts what readSources would read, for a progress bar: a walk and a stat per file, no reading. */
export async function countInputs(paths: string[]): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for await (const entry of walkInputs(paths)) {
    if (entry.type !== 'file') continue;
    files++;
    bytes += entry.size;
  }
  return { files, bytes };
}

/** Files up to this size are read whole in one go, whatever their format. */
const READ_WHOLE_BYTES = 4 * 1024 * 1024;

/** Reads one file into events; exported for the parse workers (src/ingest/parallel.ts). */
export async function* readOneFile(
  path: string,
  size: number,
  context: ParseContext,
  hooks: IngestHooks,
): AsyncGenerator<IngestEvent> {
  const { limits } = context.options;
  if (size > limits.maxFileBytes) {
    yield failureEvent(
      failure(
        'FILE_TOO_LARGE',
        path,
        'read',
        `The file is larger than limits.maxFileBytes (${size} > ${limits.maxFileBytes} bytes).`,
      ),
    );
    return;
  }

  let id: string;
  let source: ByteSource;
  let detection: Detection;
  try {
    if (size <= READ_WHOLE_BYTES) {
      // Most files (an e-mail, an article) are small: one read gives the head, the hash and the
      // bytes to parse, instead of an open for sniffing and another for reading.
      const bytes = readSmallFile(path, limits.maxFileBytes);
      detection = detectFormat(basename(path), bytes.subarray(0, HEAD_BYTES));
      id = contentId(bytes);
      source = bufferSource(bytes);
    } else {
      const head = await readHead(path);
      detection = detectFormat(basename(path), head);
      if (detection.format && STREAMING_FORMATS.has(detection.format)) {
        // Hashed in one streaming pass, parsed in another: a big mailbox is never held whole.
        id = await hashFile(path, limits.maxFileBytes);
        source = fileSource(path, size, head, limits.maxFileBytes);
      } else {
        const bytes = await readFileWithin(path, limits.maxFileBytes);
        id = contentId(bytes);
        source = bufferSource(bytes);
      }
    }
  } catch (error) {
    yield failureEvent(toIngestFailure(error, path, 'read', 'FILE_UNREADABLE'));
    return;
  }

  if (await hooks.isFileCompleted(id)) {
    yield { type: 'file-skipped', path, contentId: id, reason: 'already-ingested' };
    return;
  }
  yield { type: 'file-start', path, bytes: source.size };
  let documents = 0;
  let failures = 0;
  if (source.size === 0) {
    failures++;
    yield failureEvent(failure('FILE_EMPTY', path, 'read', 'The file is empty (0 bytes).'));
  } else if (detection.rejection) {
    failures++;
    const { code, reason, hint } = detection.rejection;
    yield failureEvent(failure(code, path, 'detect', reason, { hint }));
  } else {
    const input = { format: detection.format, source, id, origin: path, depth: 0 };
    for await (const event of runParser(input, context)) {
      if (event.type === 'item') documents++;
      else failures++;
      yield event;
    }
  }
  yield { type: 'file-done', path, contentId: id, documents, failures };
}

function failureEvent(failure: IngestFailure): IngestEvent {
  return { type: 'failure', failure };
}
