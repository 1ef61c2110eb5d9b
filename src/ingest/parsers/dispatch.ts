import { contentId } from '../../core/index.js';
import { detectFormat, type Detection, type Format } from '../detect.js';
import { buildDocument } from '../document.js';
import { failure, toIngestFailure } from '../failures.js';
import type { IngestOptions } from '../options.js';
import { bufferSource } from '../source.js';
import { parseEmail } from './email.js';
import { parseHtml } from './html.js';
import { parseJsonLines } from './jsonl.js';
import { parseMbox } from './mbox.js';
import { parsePdf } from './pdf.js';
import { parseTable } from './table.js';
import { parseText } from './text.js';
import type { NestedInput, ParseContext, ParseEvent, ParseInput, Parser } from './types.js';
import { failureEvent, itemEvent } from './types.js';
import { parseZip } from './zip.js';

/** Parser per format, with the name failures are reported under. */
const PARSERS: Record<Format, { name: string; parse: Parser }> = {
  text: { name: 'text', parse: parseText },
  markdown: { name: 'text', parse: parseText },
  html: { name: 'html', parse: parseHtml },
  email: { name: 'email', parse: parseEmail },
  mbox: { name: 'mbox', parse: parseMbox },
  pdf: { name: 'pdf', parse: parsePdf },
  csv: { name: 'csv', parse: parseTable },
  tsv: { name: 'csv', parse: parseTable },
  jsonl: { name: 'jsonl', parse: parseJsonLines },
  zip: { name: 'zip', parse: parseZip },
};

/**
 * Runs the parser for `input.format`. Whatever the parser throws becomes a failure event: a bad
 * input never ends the run, and documents yielded before the problem stand.
 */
export async function* runParser(
  input: ParseInput,
  context: ParseContext,
): AsyncGenerator<ParseEvent> {
  const { name, parse } = PARSERS[input.format];
  try {
    yield* parse(input, context);
  } catch (error) {
    yield failureEvent(toIngestFailure(error, input.origin, name));
  }
}

/**
 * The context parsers get. parseNested lives here, not in the parsers, so that the e-mail and zip
 * parsers can hand bytes back to the dispatcher without importing it (no import cycle).
 */
export function createParseContext(options: IngestOptions): ParseContext {
  const context: ParseContext = {
    options,
    parseNested: (nested) => parseNested(nested, context),
  };
  return context;
}

async function* parseNested(
  nested: NestedInput,
  context: ParseContext,
): AsyncGenerator<ParseEvent> {
  const { limits } = context.options;
  const { bytes, origin } = nested;
  if (nested.depth > limits.maxDepth) {
    yield failureEvent(
      failure(
        'DEPTH_LIMIT',
        origin,
        nested.container,
        `Nested ${nested.depth} levels deep, past limits.maxDepth (${limits.maxDepth}).`,
      ),
    );
    return;
  }
  if (bytes.length > limits.maxFileBytes) {
    yield failureEvent(
      failure(
        'FILE_TOO_LARGE',
        origin,
        nested.container,
        `Larger than limits.maxFileBytes (${bytes.length} > ${limits.maxFileBytes} bytes).`,
      ),
    );
    return;
  }
  if (bytes.length === 0) {
    yield failureEvent(
      failure(
        'FILE_EMPTY',
        origin,
        nested.container,
        'The attachment or member is empty (0 bytes).',
      ),
    );
    return;
  }
  const source = bufferSource(bytes);
  const detection: Detection = detectFormat(nested.name, source.head, nested.declaredType);
  const id = contentId(bytes);
  if (detection.format) {
    yield* runParser(
      { format: detection.format, source, id, origin, depth: nested.depth },
      context,
    );
    return;
  }
  if (nested.unreadable === 'attachment-document') {
    yield itemEvent({
      document: buildDocument(
        {
          id,
          kind: 'attachment',
          origin,
          mimeType: nested.declaredType ?? 'application/octet-stream',
          sizeBytes: bytes.length,
          text: '',
          title: nested.name,
          language: 'und',
          metadata: { unread: detection.rejection.reason },
        },
        limits,
      ),
      parent: null,
    });
    return;
  }
  const { code, reason, hint } = detection.rejection;
  yield failureEvent(failure(code, origin, 'detect', reason, { hint }));
}
