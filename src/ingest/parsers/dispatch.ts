import { contentId } from '../../core/index.js';
import { detectFormat, type Detection, type Format } from '../detect.js';
import { buildDocument } from '../document.js';
import { failure, toIngestFailure } from '../failures.js';
import type { IngestOptions } from '../options.js';
import { bufferSource } from '../source.js';
import type { NestedInput, ParseContext, ParseEvent, ParseInput, Parser } from './types.js';
import { failureEvent, itemEvent } from './types.js';

/**
 * Parser per format, with the name failures are reported under. Each is imported on first use:
 * every parse worker is a V8 isolate of its own, and one reading a folder of e-mails has no use
 * for the PDF, table, archive or mbox code (nor does the main thread, which parses nothing when
 * workers do).
 */
const PARSERS: Record<Format, { name: string; load: () => Promise<Parser> }> = {
  text: { name: 'text', load: async () => (await import('./text.js')).parseText },
  markdown: { name: 'text', load: async () => (await import('./text.js')).parseText },
  html: { name: 'html', load: async () => (await import('./html.js')).parseHtml },
  email: { name: 'email', load: async () => (await import('./email.js')).parseEmail },
  mbox: { name: 'mbox', load: async () => (await import('./mbox.js')).parseMbox },
  pdf: { name: 'pdf', load: async () => (await import('./pdf.js')).parsePdf },
  csv: { name: 'csv', load: async () => (await import('./table.js')).parseTable },
  tsv: { name: 'csv', load: async () => (await import('./table.js')).parseTable },
  jsonl: { name: 'jsonl', load: async () => (await import('./jsonl.js')).parseJsonLines },
  zip: { name: 'zip', load: async () => (await import('./zip.js')).parseZip },
};

/** Parsers already imported, so a file of a known format costs no module lookup. */
const loadedParsers = new Map<Format, Parser>();

async function parserFor(format: Format): Promise<Parser> {
  let parse = loadedParsers.get(format);
  if (!parse) {
    parse = await PARSERS[format].load();
    loadedParsers.set(format, parse);
  }
  return parse;
}

/**
 * Runs the parser for `input.format`. Whatever the parser throws becomes a failure event: a bad
 * input never ends the run, and documents yielded before the problem stand.
 */
export async function* runParser(
  input: ParseInput,
  context: ParseContext,
): AsyncGenerator<ParseEvent> {
  const { name } = PARSERS[input.format];
  try {
    const parse = loadedParsers.get(input.format) ?? (await parserFor(input.format));
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
