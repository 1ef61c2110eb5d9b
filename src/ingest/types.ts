import type { Language } from '../core/index.js';

/** What a document is, by the format it came in. */
export type DocumentKind =
  'text' | 'markdown' | 'html' | 'email' | 'pdf' | 'table-row' | 'json-record' | 'attachment';

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'text',
  'markdown',
  'html',
  'email',
  'pdf',
  'table-row',
  'json-record',
  'attachment',
];

/** Headers of an e-mail, kept for threading and for the reader. */
export interface EmailInfo {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  /** The Message-ID of the first message of the thread, as far as the headers tell. */
  threadId: string | null;
  from: string | null;
  to: string[];
  cc: string[];
  subject: string | null;
  /** ISO 8601 timestamp from the Date header, when it parses. */
  sentAt: string | null;
}

/**
 * The structured block of a Stratfor-style intelligence e-mail, values exactly as written.
 * Stratfor's reliability letters are not NATO Admiralty letters: the assess stage maps them,
 * this record keeps the original.
 */
export interface IntelSourceBlock {
  code: string | null;
  publication: string | null;
  attribution: string | null;
  sourceDescription: string | null;
  sourceReliability: string | null;
  itemCredibility: string | null;
  specialHandling: string | null;
  sourceHandler: string | null;
  /** From the subject convention `INSIGHT - COUNTRY - Subject - CODE`. */
  subjectType: string | null;
  subjectCountry: string | null;
  subjectTopic: string | null;
  /** Every `FIELD: value` line of the block, including ones this version does not know. */
  fields: Record<string, string>;
}

export interface ParsedDocument {
  /** SHA-256 (hex) of the bytes the document came from. */
  id: string;
  kind: DocumentKind;
  title: string | null;
  text: string;
  language: Language;
  /** ISO date or date-time the document says it was published or sent, when it says so. */
  publishedAt: string | null;
  byline: string | null;
  mimeType: string;
  sizeBytes: number;
  /** Where it was read from: a path, `archive.zip!/member`, `box.mbox#3`, `mail.eml#attachment/a.pdf`. */
  origin: string;
  email: EmailInfo | null;
  intel: IntelSourceBlock | null;
  /** Format-specific extras (CSV columns, PDF page count, OCR notes, charset guesses…). */
  metadata: Record<string, unknown>;
}

/** A child document's link to the document that contained it. One child may have many parents. */
export interface ParentLink {
  parentId: string;
  relation: 'attachment' | 'embedded';
  /** The file name the parent gave the child (the attachment's name). */
  name: string | null;
}

/** One unit of ingest output: a document, and the parent it was found in if any. */
export interface IngestItem {
  document: ParsedDocument;
  parent: ParentLink | null;
}

/** A file (or archive member, or attachment) the run could not read. */
export interface IngestFailure {
  path: string;
  parser: string;
  code: string;
  reason: string;
  hint: string | null;
  byteOffset: number | null;
  line: number | null;
}
