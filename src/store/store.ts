import type { TlpLevel } from '../core/index.js';
import type { Extraction } from '../extract/index.js';
import type { IntelSourceBlock } from '../ingest/index.js';
import type { ClaimCluster, ReusePair, StreamedReuseReport } from '../provenance/index.js';
import type { Resolution, ResolutionRows } from '../resolve/index.js';
import type {
  ClaimMembership,
  ClaimQuery,
  DocumentOrigin,
  RecordedMark,
  StoredHypothesis,
  EntityCoOccurrence,
  EntityDecision,
  EntityDocumentsOption,
  EntityRecord,
  RecordedEntityDecision,
  ResolvedEntityQuery,
  StoredEntity,
  GradeSubjectType,
  RecordedGrade,
  DatedEvent,
  StoredPassageGroup,
  DocumentLink,
  EntityMention,
  EntityQuery,
  EntitySummary,
  EntityType,
  PlaceSummary,
  ExtractionRecord,
  ExtractedDocument,
  StoredExtraction,
  IngestBatch,
  IngestBatchResult,
  IngestRun,
  StartRunOptions,
  LoggedFailure,
  SearchFacets,
  SearchQuery,
  SearchResults,
  StoreStats,
  StoredDocument,
  AnalystWrite,
  WriterClearance,
} from './types.js';

/**
 * The one door to persistence. Two implementations (SQLite, embedded default; PostgreSQL, for
 * servers) pass the same contract tests. Everything is async so that both fit the same shape.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Where this same store opens again, from another thread or process (`openStore(location)`);
   * null for a throw-away in-memory store, and for a restricted view, which reopened would see
   * everything.
   */
  readonly location: string | null;

  // Ingest
  startRun(inputs: string[], options?: StartRunOptions): Promise<IngestRun>;
  finishRun(
    runId: string,
    counts: Pick<IngestRun, 'succeeded' | 'failed' | 'duplicates'>,
  ): Promise<void>;
  /** Commits a batch in one transaction: a crash leaves either all of it or none of it. */
  writeBatch(batch: IngestBatch): Promise<IngestBatchResult>;
  isFileCompleted(contentId: string): Promise<boolean>;
  hasDocument(id: string): Promise<boolean>;
  listFailures(options?: { runId?: string; limit?: number }): Promise<LoggedFailure[]>;
  listRuns(limit?: number): Promise<IngestRun[]>;

  // Documents
  getDocument(id: string): Promise<StoredDocument | null>;
  /**
   * A document's text alone, null when the store (or view) does not show it: what the reuse search
   * reads back for each candidate pair, a million times at a million e-mails, where `getDocument`'s
   * origins, headers and source block cost three more queries each.
   */
  getDocumentText(id: string): Promise<string | null>;
  /**
   * Re-marks a stored document (an analyst's decision: unlike re-ingest, it may lower the
   * marking). Resolves to false when no document has that id.
   */
  setDocumentTlp(id: string, level: TlpLevel): Promise<boolean>;
  /** Resolves a full id or a unique prefix of at least 6 hex characters. */
  resolveDocumentId(idOrPrefix: string): Promise<string | null>;
  getLinks(documentId: string): Promise<{ parents: DocumentLink[]; children: DocumentLink[] }>;
  /**
   * The stored documents found at these exact origins (`StoredDocument.origins`), one row per
   * origin and document, in no particular order; origins no visible document came from are left
   * out. For tools that know files by path (the benchmark's planted pairs).
   */
  findDocumentsByOrigin(origins: readonly string[]): Promise<DocumentOrigin[]>;
  /**
   * The intelligence-report blocks (source code, reliability, credibility) of those of these
   * documents that are visible and carry one, by document id: what grading a claim reads of each
   * carrier, without reading the documents whole.
   */
  findIntelBlocks(documentIds: readonly string[]): Promise<Map<string, IntelSourceBlock>>;
  /** Streams documents in a stable order without holding the corpus in memory. */
  iterateDocuments(options?: { batchSize?: number }): AsyncIterable<StoredDocument>;

  // Extraction
  /** Replaces the stored extraction of each document, all in one transaction. */
  writeExtractions(records: ExtractionRecord[]): Promise<void>;
  getExtraction(documentId: string): Promise<StoredExtraction | null>;
  /**
   * Every extracted document the store (or view) shows, in id order, with the same extraction
   * getExtraction returns; documents never extracted are skipped. Reads each extraction table once
   * per batch, not once per document. Id order, not insertion order: the corpus-wide analyses read
   * this, and must give the same answer for the same documents however they were ingested.
   * `fields` names the extraction tables to read (all by default): resolution needs only the
   * names, and at a million e-mails they are 19 million rows that claim tracing would read for
   * nothing.
   */
  iterateExtractedDocuments<F extends keyof Extraction = keyof Extraction>(options?: {
    batchSize?: number;
    fields?: readonly F[];
  }): AsyncIterable<ExtractedDocument<F>>;
  /** Documents never extracted, or extracted by another extractor version. */
  iterateDocumentsToExtract(
    extractorVersion: string,
    options?: { batchSize?: number },
  ): AsyncIterable<StoredDocument>;
  countDocumentsToExtract(extractorVersion: string): Promise<number>;

  // Views over extraction results (the timeline, the map, entity lists)
  listDatedEvents(options?: { from?: string; to?: string; limit?: number }): Promise<DatedEvent[]>;
  listPlaces(options?: { limit?: number }): Promise<PlaceSummary[]>;
  listEntities(query?: EntityQuery): Promise<{ total: number; entities: EntitySummary[] }>;
  getEntityMentions(
    type: EntityType,
    name: string,
    options?: { limit?: number },
  ): Promise<EntityMention[]>;
  /**
   * Entities mentioned in the documents that mention this one, most shared documents first,
   * counted over its first `sample` (CO_OCCURRENCE_SAMPLE) documents, in stored order.
   */
  listCoOccurring(
    type: EntityType,
    name: string,
    options?: { limit?: number; sample?: number },
  ): Promise<EntitySummary[]>;

  // Text reuse
  /**
   * Replaces the whole reuse picture (pairs and passage groups) in one transaction. The pairs are
   * read once, in order, as they are written: they may come from a file, never held whole.
   */
  replaceReuse(report: StreamedReuseReport): Promise<void>;
  listReusePairs(options?: { documentId?: string; limit?: number }): Promise<ReusePair[]>;
  listPassageGroups(options?: {
    documentId?: string;
    limit?: number;
  }): Promise<StoredPassageGroup[]>;

  // Claim provenance and grades
  /**
   * Replaces every claim cluster in one transaction (analyst grades are kept: ids are stable),
   * reading the clusters one at a time: each may be built only when asked for.
   */
  replaceClaimClusters(clusters: Iterable<ClaimCluster>): Promise<void>;
  listClaimClusters(query?: ClaimQuery): Promise<{ total: number; clusters: ClaimCluster[] }>;
  /**
   * Every claim cluster each of these documents is a member of, with the cluster's size in
   * documents, without reading the clusters themselves (a wide cluster's JSON is megabytes): one
   * row per document and cluster, in no particular order. Hidden clusters are left out, as
   * listClaimClusters leaves them out.
   */
  listClaimMemberships(documentIds: readonly string[]): Promise<ClaimMembership[]>;
  /** A cluster by id or unique id prefix (6+ characters). */
  getClaimCluster(idOrPrefix: string): Promise<ClaimCluster | null>;
  /** Records the grade with the writer's clearance (see AnalystWrite). */
  addAnalystGrade(grade: AnalystWrite<RecordedGrade>): Promise<RecordedGrade>;
  /**
   * Grades, oldest first; the last per subject is the one in force. A restricted view shows a
   * grade only when its writer's clearance is within the view's and its subject is not known only
   * from hidden documents (see analyst-visibility.ts).
   */
  listAnalystGrades(subject?: {
    subjectType: GradeSubjectType;
    subjectId?: string;
  }): Promise<RecordedGrade[]>;

  // Resolved entities
  /**
   * Replaces the whole resolution (entities, aliases, mention links, merges) in one transaction.
   * Each list is read once, in order, as it is written: lazy iterables (`finishStreaming`) keep a
   * large corpus's resolution out of memory. If reading one throws, the previous one stays.
   */
  replaceResolution(resolution: ResolutionRows | Resolution): Promise<void>;
  listResolvedEntities(
    query?: ResolvedEntityQuery,
  ): Promise<{ total: number; entities: StoredEntity[] }>;
  /** By entity id, else by any of its names (the entity seen in most documents wins). */
  getResolvedEntity(
    idOrName: string,
    options?: EntityDocumentsOption,
  ): Promise<EntityRecord | null>;
  listEntityMentionsById(entityId: string, options?: { limit?: number }): Promise<EntityMention[]>;
  /** As listCoOccurring, for a resolved entity: over its first CO_OCCURRENCE_SAMPLE documents. */
  listEntityCoOccurrences(
    entityId: string,
    options?: { limit?: number; sample?: number },
  ): Promise<EntityCoOccurrence[]>;
  /** Records the decision with the writer's clearance (see AnalystWrite). */
  addEntityDecision(
    decision: EntityDecision & {
      analyst: string;
      at: string;
      reason: string;
    } & Partial<WriterClearance>,
  ): Promise<RecordedEntityDecision>;
  /**
   * Oldest first: the order they are applied in. A restricted view shows those its clearance
   * covers that name no entity or name known only from hidden documents (analyst-visibility.ts);
   * resolution, on the full store, applies them all.
   */
  listEntityDecisions(): Promise<RecordedEntityDecision[]>;

  // Competing hypotheses (restricted views: see analyst-visibility.ts)
  addHypothesis(hypothesis: AnalystWrite<StoredHypothesis>): Promise<StoredHypothesis>;
  listHypotheses(): Promise<StoredHypothesis[]>;
  addHypothesisMark(mark: AnalystWrite<RecordedMark>): Promise<RecordedMark>;
  /** Every mark, oldest first: the last per hypothesis and claim is in force. */
  listHypothesisMarks(): Promise<RecordedMark[]>;

  // Search
  search(query: SearchQuery): Promise<SearchResults>;
  searchFacets(query: SearchQuery): Promise<SearchFacets>;

  stats(): Promise<StoreStats>;

  /**
   * The same store as a reader cleared up to `clearance` sees it: every read hides documents
   * marked above it and everything derived from them (search hits, totals, facets and snippets;
   * mentions, entities, places, dates; reuse; claim clusters with any hidden member; stats; and
   * analysts' records written above the clearance or about what only hidden documents show).
   * Analysts' writes (grades, entity decisions, hypotheses, marks, re-marking) go to the store,
   * recorded with the view's clearance;
   * pipeline writes (writeBatch, writeExtractions, replaceReuse, replaceClaimClusters,
   * replaceResolution) throw RestrictedViewError. The view shares the store's connection: closing
   * it does nothing, closing the store ends both. `restrictedTo('RED')` sees everything.
   */
  restrictedTo(clearance: TlpLevel): Store;
  /** The clearance this store's reads are restricted to; RED for the full store. */
  readonly clearance: TlpLevel;
  /** Checks the backend's own consistency (page checksums, index agreement). */
  checkIntegrity(): Promise<{ ok: boolean; problems: string[] }>;
  /**
   * Gives back to the disk the space that deleted and rewritten rows left free inside the store
   * (a schema migration, a re-analysis): SQLite's VACUUM, PostgreSQL's VACUUM FULL of the store's
   * tables. All or nothing; it holds the store's write lock throughout and needs free disk about
   * the size of the store. The full store only (RestrictedViewError on a view).
   */
  compact(): Promise<{ beforeBytes: number; afterBytes: number }>;
  close(): Promise<void>;
}
