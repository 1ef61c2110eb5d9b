/**
 * The API's wire format as the browser sees it. Written out here rather than imported because
 * the UI must not pull server code (SQLite, Node built-ins) into its type graph; the API's tests
 * check that these stay in step with what the server sends (src/api/wire-types.test.ts).
 */

import type { TlpLevel } from './access-types.js';

export type Language = 'en' | 'es' | 'und';
export type DocumentKind =
  'text' | 'markdown' | 'html' | 'email' | 'pdf' | 'table-row' | 'json-record' | 'attachment';

export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  id: string;
  kind: DocumentKind;
  title: string | null;
  language: Language;
  publishedAt: string | null;
  tlp: TlpLevel;
  origin: string;
  score: number;
  snippet: SnippetPart[];
}

export interface SearchResponse {
  total: number;
  /** More documents match than were counted: `total` is "at least". */
  totalIsLowerBound: boolean;
  /** The hits were ranked among this many most recently added matches; null: among all. */
  rankedAmong: number | null;
  hits: SearchHit[];
  facets: SearchFacets | null;
}

export interface EntityFacet {
  id: string;
  name: string;
  type: 'person' | 'organization' | 'place';
  count: number;
}

export interface SourceFacet {
  source: string;
  count: number;
}

export interface SearchFacets {
  language: Record<string, number>;
  type: Record<string, number>;
  /** Top entities among the matches, most documents first. */
  entity: EntityFacet[];
  /** Top sources (intel code, sender address or byline) among the matches. */
  source: SourceFacet[];
  /** True when some counts cover only part of the matches (see the API schema). */
  sampled: boolean;
}

export interface EmailInfo {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  threadId: string | null;
  from: string | null;
  to: string[];
  cc: string[];
  subject: string | null;
  sentAt: string | null;
}

export interface IntelSourceBlock {
  code: string | null;
  publication: string | null;
  attribution: string | null;
  sourceDescription: string | null;
  sourceReliability: string | null;
  itemCredibility: string | null;
  specialHandling: string | null;
  sourceHandler: string | null;
  subjectType: string | null;
  subjectCountry: string | null;
  subjectTopic: string | null;
  fields: Record<string, string>;
}

export interface DocumentLink {
  parentId: string;
  childId: string;
  relation: 'attachment' | 'embedded';
  name: string | null;
  /** Title of the document at the other end of the link. */
  title: string | null;
}

export interface DocumentResponse {
  id: string;
  kind: DocumentKind;
  title: string | null;
  text: string;
  language: Language;
  publishedAt: string | null;
  byline: string | null;
  mimeType: string;
  sizeBytes: number;
  origins: string[];
  email: EmailInfo | null;
  intel: IntelSourceBlock | null;
  metadata: Record<string, unknown>;
  ingestedAt: string;
  /** Its TLP 2.0 marking: who it may be shared with. */
  tlp: TlpLevel;
  links: { parents: DocumentLink[]; children: DocumentLink[] };
}

export interface StoreStats {
  documents: number;
  byKind: Record<string, number>;
  byLanguage: Record<string, number>;
  failures: number;
  runs: number;
  textBytes: number;
  storeBytes: number | null;
}

export interface IngestFailure {
  path: string;
  parser: string;
  code: string;
  reason: string;
  hint: string | null;
  byteOffset: number | null;
  line: number | null;
}

export interface LoggedFailure extends IngestFailure {
  runId: string;
  at: string;
}

export interface IngestRun {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  inputs: string[];
  succeeded: number;
  failed: number;
  duplicates: number;
}

export interface IngestProgress {
  totalFiles: number;
  totalBytes: number;
  filesDone: number;
  bytesDone: number;
  documentsStored: number;
  duplicates: number;
  failures: number;
  skippedFiles: number;
  currentPath: string | null;
  elapsedSeconds: number;
}

export interface IngestSummary {
  runId: string;
  stored: number;
  duplicates: number;
  skippedFiles: number;
  failures: IngestFailure[];
  files: number;
  bytes: number;
  seconds: number;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface IngestJob {
  id: string;
  fileName: string;
  sizeBytes: number;
  status: JobStatus;
  createdAt: string;
  progress: IngestProgress | null;
  summary: IngestSummary | null;
  error: ApiErrorDetail | null;
}

export interface ApiErrorDetail {
  code: string;
  message: string;
  hint: string | null;
}
