import type { Language, TlpLevel } from '../core/index.js';
import type { Extraction } from '../extract/index.js';
import type { AnalystGrade } from '../assess/index.js';
import type { PassageGroup } from '../provenance/index.js';
import type {
  EntityAlias,
  MergeDecision,
  MergeRecord,
  RenameDecision,
  ResolvedEntity,
  SplitDecision,
} from '../resolve/index.js';
import type {
  DocumentKind,
  EmailInfo,
  IngestFailure,
  IntelSourceBlock,
  IngestItem,
} from '../ingest/index.js';

export interface StoredDocument {
  id: string;
  kind: DocumentKind;
  title: string | null;
  text: string;
  language: Language;
  publishedAt: string | null;
  byline: string | null;
  mimeType: string;
  sizeBytes: number;
  /** Every place this exact content was found, first one first. */
  origins: string[];
  email: EmailInfo | null;
  intel: IntelSourceBlock | null;
  metadata: Record<string, unknown>;
  ingestedAt: string;
  /** Its TLP marking: who may read it (CLEAR for documents stored before markings existed). */
  tlp: TlpLevel;
}

export interface DocumentLink {
  parentId: string;
  childId: string;
  relation: 'attachment' | 'embedded';
  name: string | null;
}

/** A file whose every document has been committed: re-ingesting it is skipped at once. */
export interface CompletedFile {
  contentId: string;
  path: string;
}

/**
 * A parsed item with the TLP marking to store it under (CLEAR when absent). When the document is
 * already stored, the stricter of its marking and this one is kept: re-ingesting never lowers it.
 */
export type MarkedIngestItem = IngestItem & { tlp?: TlpLevel };

/** Everything one ingest transaction writes. It is committed whole or not at all. */
export interface IngestBatch {
  runId: string;
  items: MarkedIngestItem[];
  failures: IngestFailure[];
  completedFiles: CompletedFile[];
}

export interface IngestBatchResult {
  /** Documents new to the store. */
  inserted: number;
  /** Documents already stored (their new origin and parent links are still recorded). */
  duplicates: number;
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

export interface StartRunOptions {
  /**
   * How many files the run is about to read. A store may prepare for a large first load: the
   * PostgreSQL store builds its ranked full-text index once, after the load, instead of on every
   * insert (see BULK_LOAD_FILES there).
   */
  expectedFiles?: number;
}

export interface LoggedFailure extends IngestFailure {
  runId: string;
  at: string;
}

export interface SearchQuery {
  /** The user's query: words, "phrases", AND / OR / NOT, prefix*, parentheses. */
  text: string;
  languages?: Language[];
  kinds?: DocumentKind[];
  /** Inclusive ISO dates on `publishedAt`. */
  from?: string;
  to?: string;
  /** Resolved entity ids: only documents mentioning ALL of them. */
  entities?: string[];
  /**
   * Sources: documents from ANY of them. A document's source is its intel report's source code
   * (e.g. MX1), else its e-mail sender address (lower-cased), else its byline (see sourceSql in search-facets.ts), stored per document as it is written.
   */
  sources?: string[];
  limit?: number;
  offset?: number;
  /**
   * Count and rank every match, however many (exports, which need them all). Otherwise a store
   * may stop counting at SEARCH_COUNT_LIMIT and rank only that many matches (see SearchResults).
   */
  exhaustive?: boolean;
}

/**
 * Past this many matches a search may report "at least this many" and rank only this many of
 * them: a word in half of a million documents would otherwise cost its whole posting list on
 * every page (Elasticsearch stops counting at the same 10,000 by default).
 */
export const SEARCH_COUNT_LIMIT = 10_000;

/**
 * Co-occurring entities are counted over at most this many of an entity's documents (its first,
 * in the order they were stored): a corpus-wide name is in hundreds of thousands, and counting
 * every mention beside it took 4.4-5.8 s per entity page at 300,000 e-mails.
 */
export const CO_OCCURRENCE_SAMPLE = 5000;

/** A piece of snippet text; `match` marks the words the query hit. Never HTML. */
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
  /** The document's TLP marking, to show beside it. */
  tlp: TlpLevel;
  origin: string;
  score: number;
  snippet: SnippetPart[];
}

export interface SearchResults {
  /** Matching documents: exact, or SEARCH_COUNT_LIMIT when `totalIsLowerBound`. */
  total: number;
  /** More documents match than were counted. */
  totalIsLowerBound: boolean;
  /**
   * How many matches were ranked to choose the hits, when not all of them were: the embedded
   * store ranks the SEARCH_COUNT_LIMIT most recently added matches of a very common query.
   * Null when every match was ranked.
   */
  rankedAmong: number | null;
  hits: SearchHit[];
}

/** A resolved entity among the matches, with how many matching documents mention it. */
export interface EntityFacet {
  id: string;
  name: string;
  type: EntityType;
  count: number;
}

/** A source among the matches, with how many matching documents come from it. */
export interface SourceFacet {
  source: string;
  count: number;
}

/**
 * Matching documents per language and per type, each counted with the other filters applied
 * (exact); the top entities (every filter applied) and top sources (the source filter left out).
 */
export interface SearchFacets {
  languages: Record<string, number>;
  kinds: Record<string, number>;
  entities: EntityFacet[];
  sources: SourceFacet[];
  /**
   * True when some counts are over part of the matches, because more documents matched: entities
   * and sources over the best-ranked FACET_SAMPLE; languages and types, past SEARCH_COUNT_LIMIT
   * matches, over that many of them (the embedded store's most recently added, PostgreSQL's first
   * found). False when every count is exact.
   */
  sampled: boolean;
}

export interface StoreStats {
  documents: number;
  byKind: Record<string, number>;
  byLanguage: Record<string, number>;
  failures: number;
  runs: number;
  textBytes: number;
  /** Bytes the store takes on disk (or in the database), when the backend can tell. */
  storeBytes: number | null;
}

/** One document's extraction, as the extract stage produced it, tagged with the extractor version. */
export interface ExtractionRecord {
  documentId: string;
  /** Changes whenever the extractors change, so `crosscheck extract` knows what to redo. */
  extractorVersion: string;
  extraction: Extraction;
}

export interface StoredExtraction extends ExtractionRecord {
  extractedAt: string;
}

/**
 * A document as the corpus-wide analyses read it (resolution, claim tracing): the few document
 * fields they use with its stored extraction, read in batches rather than document by document.
 */
export interface ExtractedDocument<F extends keyof Extraction = keyof Extraction> {
  id: string;
  kind: DocumentKind;
  title: string | null;
  text: string;
  publishedAt: string | null;
  /** The first place this content was found (StoredDocument.origins[0]); null when none is known. */
  origin: string | null;
  /** Present when the document has an intelligence block, as StoredDocument.intel is. */
  intel: { code: string | null } | null;
  /** The extraction tables asked for (`iterateExtractedDocuments`' `fields`; all by default). */
  extraction: Omit<StoredExtraction, 'extraction'> & { extraction: Pick<Extraction, F> };
}

/** A date mentioned in a document, for the timeline. */
export interface DatedEvent {
  documentId: string;
  documentTitle: string | null;
  value: string;
  precision: 'year' | 'month' | 'day';
  text: string;
  start: number;
  end: number;
}

/** A geocoded place with how often, and in how many documents, it is mentioned. */
export interface PlaceSummary {
  name: string;
  lat: number;
  lon: number;
  country: string;
  admin1: string | null;
  gazetteerId: string;
  mentions: number;
  documents: number;
}

export type EntityType = 'person' | 'organization' | 'place';

export interface EntitySummary {
  type: EntityType;
  name: string;
  mentions: number;
  documents: number;
}

export interface EntityMention {
  documentId: string;
  documentTitle: string | null;
  /** When the document was published or sent, when it says so. */
  documentDate: string | null;
  start: number;
  end: number;
  text: string;
}

export interface EntityQuery {
  type?: EntityType;
  /** Exactly this normalized name. */
  name?: string;
  /** Case- and accent-insensitive substring of the name. */
  contains?: string;
  limit?: number;
  offset?: number;
}

/** A shared passage and every document carrying it, earliest first, with its stored id. */
export interface StoredPassageGroup extends PassageGroup {
  id: number;
}

export type GradeSubjectType = 'claim' | 'source';

/** An analyst's grade of a claim cluster or a source, as recorded (append-only). */
export interface RecordedGrade extends AnalystGrade {
  id: number;
  subjectType: GradeSubjectType;
  subjectId: string;
  /** The writer's clearance (see WriterClearance). */
  clearance: TlpLevel;
}

/**
 * What an analyst's record (grade, entity decision, hypothesis, mark) carries about who may read
 * it. Its free text (a reason, a hypothesis, a new name) may quote anything the writer could see,
 * so the store records the clearance of the view it was written through (the full store: RED)
 * and shows the record only to views cleared at least as high.
 */
export interface WriterClearance {
  clearance: TlpLevel;
}

/**
 * A record as an analyst writes it: the store assigns the id and records the clearance of the
 * view written through. `clearance` may name a lower one (`crosscheck migrate` copies each
 * record's own), never a higher one: a view cannot vouch for more than it sees.
 */
export type AnalystWrite<T extends WriterClearance> = Omit<T, 'id' | 'clearance'> &
  Partial<WriterClearance>;

export interface ClaimQuery {
  /** Claims carried by this document. */
  documentId?: string;
  /** Claims said by, or naming, this entity (case- and accent-insensitive). */
  about?: string;
  /** Only claims carried by two documents or more. */
  sharedOnly?: boolean;
  limit?: number;
  offset?: number;
}

/** One document's membership of a claim cluster, with the cluster's size (no cluster JSON). */
export interface ClaimMembership {
  documentId: string;
  clusterId: string;
  /** How many documents carry the cluster. */
  documents: number;
}

/** A place a stored document was found (`StoredDocument.origins`), and that document. */
export interface DocumentOrigin {
  origin: string;
  documentId: string;
}

/** A name of a stored entity, with how many documents it was seen in. */
export interface StoredAlias extends EntityAlias {
  /**
   * All the documents, sorted by id, unless the read asked for `documentsPerName`: then the
   * first that many in the order the documents were stored.
   */
  documents: string[];
  /** How many documents the name was seen in (visible ones, for a restricted reader). */
  documentCount: number;
}

/** A resolved entity as the store gives it back: each name with its document count. */
export interface StoredEntity extends Omit<ResolvedEntity, 'aliases'> {
  aliases: StoredAlias[];
}

/** A resolved entity with the merges that built it (why each name belongs). */
export interface EntityRecord {
  entity: StoredEntity;
  merges: MergeRecord[];
}

/** How many of each name's documents an entity read lists (see StoredAlias). */
export interface EntityDocumentsOption {
  /**
   * At most this many documents per name, the first stored: a corpus-wide name is in hundreds
   * of thousands of documents, and a listing needs a few. Every one when left out.
   */
  documentsPerName?: number;
}

export interface ResolvedEntityQuery extends EntityDocumentsOption {
  type?: EntityType;
  /** Case- and accent-insensitive substring of any of the entity's names. */
  contains?: string;
  limit?: number;
  offset?: number;
}

export interface EntityCoOccurrence {
  id: string;
  type: EntityType;
  name: string;
  /** Documents mentioning both. */
  documents: number;
}

export type EntityDecision =
  | { kind: 'merge'; decision: MergeDecision }
  | { kind: 'split'; decision: SplitDecision }
  | { kind: 'rename'; decision: RenameDecision };

/** An analyst's merge, split or rename, as recorded (append-only). */
export type RecordedEntityDecision = EntityDecision & {
  id: number;
  analyst: string;
  at: string;
  reason: string;
  /** The writer's clearance (see WriterClearance). */
  clearance: TlpLevel;
};

export interface StoredHypothesis {
  id: string;
  text: string;
  analyst: string;
  at: string;
  /** The writer's clearance (see WriterClearance). */
  clearance: TlpLevel;
}

/** An analyst's mark of one claim against one hypothesis (Heuer's ACH), as recorded. */
export interface RecordedMark {
  id: number;
  hypothesisId: string;
  claimId: string;
  mark: 'consistent' | 'inconsistent' | 'neutral';
  analyst: string;
  at: string;
  reason: string | null;
  /** The writer's clearance (see WriterClearance). */
  clearance: TlpLevel;
}
