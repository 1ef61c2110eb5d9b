import { IngestError, toCrosscheckError, type ErrorCode } from '../core/index.js';
import type { IngestFailure } from './types.js';

/** What to tell the user when an error carries no hint of its own. */
const DEFAULT_HINTS: Partial<Record<ErrorCode, string>> = {
  FILE_NOT_FOUND: 'Check the path; it may have been moved or be a broken link.',
  FILE_UNREADABLE: 'Check the file permissions, or copy the file somewhere readable.',
  FILE_TOO_LARGE: 'Split the file, or raise limits.maxFileBytes if you trust it.',
  FILE_EMPTY: 'Nothing to ingest; the file may have been truncated when it was copied.',
  UNSUPPORTED_FORMAT:
    'Convert it to a supported format (text, HTML, e-mail, mbox, PDF, CSV, JSON Lines, zip).',
  MALFORMED_INPUT:
    'The file looks damaged; re-export or re-download it, or check it in the program that made it.',
  BINARY_CONTENT:
    'The file holds binary data, not text; check its real type (for example with `file`).',
  ARCHIVE_LIMIT:
    'The archive exceeds a safety limit; inspect it by hand, or raise the limit if you trust it.',
  DEPTH_LIMIT:
    'Extract the outer containers by hand, or raise limits.maxDepth if you trust the file.',
  OCR_UNAVAILABLE:
    'tesseract not installed: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa poppler-utils',
};

/** Location of a problem inside the input, when the parser can tell. */
export interface FailureDetails {
  hint?: string;
  line?: number;
  byteOffset?: number;
  cause?: unknown;
}

/** An IngestError for `origin`, with the default hint for its code when none is given. */
export function ingestError(
  code: ErrorCode,
  origin: string,
  reason: string,
  details: FailureDetails = {},
): IngestError {
  return new IngestError(code, reason, {
    file: origin,
    hint: details.hint ?? DEFAULT_HINTS[code],
    line: details.line,
    byteOffset: details.byteOffset,
    cause: details.cause,
  });
}

/**
 * Turns anything thrown while parsing `origin` into the failure record the run logs. Library
 * errors without a code become `fallback` (usually MALFORMED_INPUT: the library choked on the
 * bytes).
 */
export function toIngestFailure(
  error: unknown,
  origin: string,
  parser: string,
  fallback: ErrorCode = 'MALFORMED_INPUT',
): IngestFailure {
  const typed = toCrosscheckError(error, fallback, { file: origin });
  return {
    path: typed.file ?? origin,
    parser,
    code: typed.code,
    reason: typed.message,
    hint: typed.hint ?? DEFAULT_HINTS[typed.code] ?? null,
    byteOffset: typed.byteOffset ?? null,
    line: typed.line ?? null,
  };
}

/** Shorthand for a failure record built from scratch. */
export function failure(
  code: ErrorCode,
  origin: string,
  parser: string,
  reason: string,
  details: FailureDetails = {},
): IngestFailure {
  return toIngestFailure(ingestError(code, origin, reason, details), origin, parser);
}
