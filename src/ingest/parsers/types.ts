import type { IngestOptions } from '../options.js';
import type { ByteSource } from '../source.js';
import type { Format } from '../detect.js';
import type { IngestFailure, IngestItem } from '../types.js';

/** What a parser produces: documents, and problems it met without giving up on the rest. */
export type ParseEvent =
  { type: 'item'; item: IngestItem } | { type: 'failure'; failure: IngestFailure };

/** One input handed to a parser. */
export interface ParseInput {
  format: Format;
  source: ByteSource;
  /** contentId of the input's bytes. */
  id: string;
  /** Where it was read from: a path, `a.zip!/member`, `mail.eml#attachment/x.pdf`. */
  origin: string;
  /** How many containers (archives, e-mails) it sits in; 0 for a file given by the user. */
  depth: number;
}

/** Bytes found inside an input (an attachment, an archive member), to be parsed in turn. */
export interface NestedInput {
  bytes: Buffer;
  origin: string;
  /** The name the container gave it, for its extension. */
  name: string;
  /** The MIME type the container declared (attachments), if any. */
  declaredType: string | null;
  depth: number;
  /**
   * What to do with bytes no parser reads. An e-mail keeps them as an `attachment` document with
   * no text (its name, type and hash still tie e-mails that share it together); an archive member
   * of an unknown type is reported as a failure, like a file on disk would be.
   */
  unreadable: 'attachment-document' | 'failure';
  /** The parser of the container (`email`, `zip`), named in failures about limits. */
  container: string;
}

export interface ParseContext {
  readonly options: IngestOptions;
  /** Parses bytes found inside the current input; refuses ones nested deeper than limits.maxDepth. */
  parseNested(input: NestedInput): AsyncGenerator<ParseEvent>;
}

/** A parser reads one input. It throws for a problem with the whole input, yields failures for parts. */
export type Parser = (input: ParseInput, context: ParseContext) => AsyncGenerator<ParseEvent>;

export function itemEvent(item: IngestItem): ParseEvent {
  return { type: 'item', item };
}

export function failureEvent(failure: IngestFailure): ParseEvent {
  return { type: 'failure', failure };
}
