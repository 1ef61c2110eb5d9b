/**
 * Typed errors. Every error that can reach a user names what went wrong, where (file, line or byte
 * offset when known) and what to do about it, so the CLI, the API and the ingest log can all
 * report it the same way.
 */
export type ErrorCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'FILE_TOO_LARGE'
  | 'FILE_EMPTY'
  | 'UNSUPPORTED_FORMAT'
  | 'MALFORMED_INPUT'
  | 'BINARY_CONTENT'
  | 'ARCHIVE_LIMIT'
  | 'DEPTH_LIMIT'
  | 'OCR_UNAVAILABLE'
  | 'STORE_FAILURE'
  | 'STORE_SCHEMA'
  | 'QUEUE_UNAVAILABLE'
  | 'INVALID_QUERY'
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN';

export interface ErrorLocation {
  /** The file (or `archive.zip!/member`, `box.mbox#12`) the problem is in. */
  file?: string;
  line?: number;
  byteOffset?: number;
}

export interface CrosscheckErrorOptions extends ErrorLocation {
  /** What the user can do about it, in one sentence. */
  hint?: string;
  cause?: unknown;
}

export class CrosscheckError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly byteOffset: number | undefined;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: CrosscheckErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.file = options.file;
    this.line = options.line;
    this.byteOffset = options.byteOffset;
    this.hint = options.hint;
  }

  /** One line for logs and terminals: `file:line: message (hint)`. */
  describe(): string {
    const where = this.file
      ? `${this.file}${this.line !== undefined ? `:${this.line}` : ''}${
          this.byteOffset !== undefined ? ` @byte ${this.byteOffset}` : ''
        }: `
      : '';
    return `${where}${this.message}${this.hint ? ` — ${this.hint}` : ''}`;
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      file: this.file,
      line: this.line,
      byteOffset: this.byteOffset,
      hint: this.hint,
    };
  }
}

/** A file could not be read or parsed. The ingest run logs it and carries on. */
export class IngestError extends CrosscheckError {}

/** The store failed or holds a schema this version cannot use. */
export class StoreError extends CrosscheckError {}

/** The user asked for something malformed (CLI flags, HTTP input, a search query). */
export class UsageError extends CrosscheckError {}

/** Wraps anything thrown into a CrosscheckError so callers can rely on `code` and `describe()`. */
export function toCrosscheckError(
  error: unknown,
  fallback: ErrorCode,
  location: ErrorLocation = {},
): CrosscheckError {
  if (error instanceof CrosscheckError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CrosscheckError(fallback, message, { ...location, cause: error });
}
