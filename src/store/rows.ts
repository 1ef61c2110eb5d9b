import { isLanguage, tlpFromRank } from '../core/index.js';
import type { DocumentKind, EmailInfo, IntelSourceBlock } from '../ingest/index.js';
import { splitSnippet } from './snippet.js';
import type { Extraction } from '../extract/index.js';
import type {
  DocumentLink,
  ExtractedDocument,
  IngestRun,
  LoggedFailure,
  SearchHit,
  StoredDocument,
} from './types.js';

/*
 * Row shapes shared by both backends (same column names in SQLite and PostgreSQL) and their
 * mapping to domain objects. JSON columns arrive as text from SQLite and parsed from PostgreSQL.
 */

type Json<T> = T | string;

function json<T>(value: Json<T>): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

export interface DocumentRow {
  id: string;
  kind: string;
  title: string | null;
  body: string;
  language: string;
  published_at: string | null;
  byline: string | null;
  mime_type: string;
  size_bytes: number | string;
  metadata: Json<Record<string, unknown>>;
  ingested_at: string;
  tlp_rank: number | string;
}

export interface EmailRow {
  message_id: string | null;
  in_reply_to: string | null;
  refs: Json<string[]>;
  thread_id: string | null;
  from_addr: string | null;
  to_addrs: Json<string[]>;
  cc_addrs: Json<string[]>;
  subject: string | null;
  sent_at: string | null;
}

export interface IntelRow {
  code: string | null;
  publication: string | null;
  attribution: string | null;
  source_description: string | null;
  source_reliability: string | null;
  item_credibility: string | null;
  special_handling: string | null;
  source_handler: string | null;
  subject_type: string | null;
  subject_country: string | null;
  subject_topic: string | null;
  fields: Json<Record<string, string>>;
}

export interface RunRow {
  id: string;
  started_at: string;
  finished_at: string | null;
  inputs: Json<string[]>;
  succeeded: number;
  failed: number;
  duplicates: number;
}

export interface FailureRow {
  run_id: string;
  path: string;
  parser: string;
  code: string;
  reason: string;
  hint: string | null;
  byte_offset: number | string | null;
  line: number | null;
  at: string;
}

export interface LinkRow {
  parent_id: string;
  child_id: string;
  relation: string;
  name: string;
}

export function toEmail(row: EmailRow): EmailInfo {
  return {
    messageId: row.message_id,
    inReplyTo: row.in_reply_to,
    references: json(row.refs),
    threadId: row.thread_id,
    from: row.from_addr,
    to: json(row.to_addrs),
    cc: json(row.cc_addrs),
    subject: row.subject,
    sentAt: row.sent_at,
  };
}

export function toIntel(row: IntelRow): IntelSourceBlock {
  return {
    code: row.code,
    publication: row.publication,
    attribution: row.attribution,
    sourceDescription: row.source_description,
    sourceReliability: row.source_reliability,
    itemCredibility: row.item_credibility,
    specialHandling: row.special_handling,
    sourceHandler: row.source_handler,
    subjectType: row.subject_type,
    subjectCountry: row.subject_country,
    subjectTopic: row.subject_topic,
    fields: json(row.fields),
  };
}

export function toDocument(
  row: DocumentRow,
  origins: string[],
  email: EmailRow | undefined,
  intel: IntelRow | undefined,
): StoredDocument {
  return {
    id: row.id,
    kind: row.kind as DocumentKind,
    title: row.title,
    text: row.body,
    language: isLanguage(row.language) ? row.language : 'und',
    publishedAt: row.published_at,
    byline: row.byline,
    mimeType: row.mime_type,
    sizeBytes: Number(row.size_bytes),
    origins,
    metadata: json(row.metadata),
    ingestedAt: row.ingested_at,
    tlp: tlpFromRank(Number(row.tlp_rank ?? 0)),
    email: email ? toEmail(email) : null,
    intel: intel ? toIntel(intel) : null,
  };
}

/** A page row of iterateExtractedDocuments: document fields, its extraction's, first origin, intel code. */
export interface ExtractedDocumentRow {
  id: string;
  kind: string;
  title: string | null;
  body: string;
  published_at: string | null;
  extractor_version: string;
  extracted_at: string;
  origin: string | null;
  /** 0/1 from SQLite, a boolean from PostgreSQL. */
  has_intel: number | boolean;
  intel_code: string | null;
}

export function toExtractedDocument(
  row: ExtractedDocumentRow,
  extraction: Extraction,
): ExtractedDocument {
  return {
    id: row.id,
    kind: row.kind as DocumentKind,
    title: row.title,
    text: row.body,
    publishedAt: row.published_at,
    origin: row.origin,
    intel: row.has_intel ? { code: row.intel_code } : null,
    extraction: {
      documentId: row.id,
      extractorVersion: row.extractor_version,
      extractedAt: row.extracted_at,
      extraction,
    },
  };
}

export function toRun(row: RunRow): IngestRun {
  return {
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    inputs: json(row.inputs),
    succeeded: row.succeeded,
    failed: row.failed,
    duplicates: row.duplicates,
  };
}

export function toFailure(row: FailureRow): LoggedFailure {
  return {
    runId: row.run_id,
    path: row.path,
    parser: row.parser,
    code: row.code,
    reason: row.reason,
    hint: row.hint,
    byteOffset: row.byte_offset === null ? null : Number(row.byte_offset),
    line: row.line,
    at: row.at,
  };
}

export function toLink(row: LinkRow): DocumentLink {
  return {
    parentId: row.parent_id,
    childId: row.child_id,
    relation: row.relation === 'embedded' ? 'embedded' : 'attachment',
    name: row.name === '' ? null : row.name,
  };
}

export interface SearchHitRow {
  id: string;
  kind: string;
  title: string | null;
  language: string;
  published_at: string | null;
  tlp_rank: number | string;
  origin: string | null;
  /** Higher is better. */
  score: number;
  /** Snippet text with SNIPPET_OPEN / SNIPPET_CLOSE around matches. */
  snippet: string;
}

export function toSearchHit(row: SearchHitRow): SearchHit {
  return {
    id: row.id,
    kind: row.kind as DocumentKind,
    title: row.title,
    language: isLanguage(row.language) ? row.language : 'und',
    publishedAt: row.published_at,
    tlp: tlpFromRank(Number(row.tlp_rank)),
    origin: row.origin ?? '',
    score: Number(row.score),
    snippet: splitSnippet(row.snippet),
  };
}
