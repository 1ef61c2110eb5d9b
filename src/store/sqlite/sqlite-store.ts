import { randomUUID } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  CrosscheckError,
  StoreError,
  tlpFromRank,
  tlpRank,
  type TlpLevel,
} from '../../core/index.js';
import type { ClaimCluster, StreamedReuseReport } from '../../provenance/index.js';
import type { Resolution, ResolutionRows } from '../../resolve/index.js';
import { parseQuery } from '../query/parse.js';
import type { QueryNode } from '../query/ast.js';
import { toFts5 } from '../query/fts5.js';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../snippet.js';
import {
  toDocument,
  toExtractedDocument,
  toFailure,
  toLink,
  toRun,
  toSearchHit,
  type DocumentRow,
  type EmailRow,
  type ExtractedDocumentRow,
  type FailureRow,
  type IntelRow,
  type LinkRow,
  type RunRow,
  type SearchHitRow,
} from '../rows.js';
import type { Store } from '../store.js';
import type {
  DocumentLink,
  MarkedIngestItem,
  IngestBatch,
  IngestBatchResult,
  IngestRun,
  ExtractionRecord,
  ExtractedDocument,
  EntityDecision,
  LoggedFailure,
  RecordedEntityDecision,
  RecordedGrade,
  RecordedMark,
  StoredHypothesis,
  SearchFacets,
  SearchQuery,
  StoredExtraction,
  SearchResults,
  StoreStats,
  StoredDocument,
  AnalystWrite,
  WriterClearance,
} from '../types.js';
import { SEARCH_COUNT_LIMIT } from '../types.js';
import { writerRank } from '../analyst-visibility.js';
import { analysisQueries, reuseRows } from '../analysis-queries.js';
import {
  claimQueries,
  insertGradeStatement,
  replaceClaimStatements,
  type Statement,
} from '../claims-queries.js';
import {
  entityQueries,
  insertEntityDecisionStatement,
  replaceResolutionStatements,
} from '../entity-queries.js';
import { hypothesisQueries, insertMarkStatement, newHypothesis } from '../hypothesis-queries.js';
import {
  EXTRACTION_FIELDS,
  EXTRACTION_TABLES,
  PLAIN_EXTRACTION_FIELDS,
  PLAIN_EXTRACTION_TABLES,
  storedTableOf,
  type PlainExtractionField,
  groupExtractions,
  type ExtractionField,
} from '../extraction-rows.js';
import { DOCUMENT_KEY_OF_ID, MissingDocumentError } from '../document-keys.js';
import {
  MENTION_DICTIONARIES,
  MENTION_SPAN_COLUMNS,
  MentionIdCache,
  mentionSpanValues,
  type MentionDictionary,
} from '../mention-rows.js';
import { migrate } from './migrations.js';
import {
  deferIndexes,
  newIndexOwner,
  releaseIndexOwner,
  restoreIndexes,
  type IndexOwner,
} from './deferred-indexes.js';
import { SqliteSearchPool } from './search-pool.js';
import { DEFAULT_SEARCH_CACHE_ENTRIES, SearchCache } from '../search-cache.js';
import { maxRankFor, notHidden, RestrictedViewError, type MaxRank } from '../visibility.js';
import {
  entityAndSourceFacets,
  FACET_SAMPLE,
  facetKey,
  sampleKey,
  languageAndKindFacets,
  type LanguageKindCount,
  MENTIONS_ENTITY_SQL,
  sourceSql,
} from '../search-facets.js';

/**
 * Each document's source (see sourceSql), kept in document_facts by triggers at write time
 * (migration 10): the relation the source facet counts (a covering id index, then one narrow row
 * per id); the source filter reads `f.source`. The derived value is only checked against it.
 */
const SOURCES = `(SELECT d.id AS document_id, f.source AS source
  FROM documents d CROSS JOIN document_facts f ON f.rowid = d.rowid)`;
const DERIVED_SOURCE_SQL = sourceSql('instr');

/**
 * Rows read as arrays, named by `columns`: at 10,000 documents' mentions this takes about half the
 * CPU of letting better-sqlite3 build the objects.
 */
function namedRows(columns: readonly string[], rows: unknown[][]): Record<string, unknown>[] {
  return rows.map((values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i];
    return row;
  });
}

/** The tables replaceResolution empties and fills again. */
const RESOLUTION_TABLES = [
  'entities',
  'entity_aliases',
  'alias_document_keys',
  'entity_keys',
  'mention_entity_keys',
  'entity_merges',
] as const;

/** The tables writeExtractions fills, whose secondary indexes a bulk extraction defers. */
// Not mention_names: every mention written looks its name up by the table's unique key.
const EXTRACTION_INDEXED_TABLES = EXTRACTION_FIELDS.map((field) =>
  storedTableOf(EXTRACTION_TABLES[field]),
);

/**
 * An extraction of at least this many documents, and of at least as many as the extraction tables
 * already hold, builds their secondary indexes once, at its end (see iterateDocumentsToExtract).
 */
const BULK_EXTRACTION_DOCUMENTS = 10_000;

/** A clearance-restricted view shares its store's open database and search workers. */
interface SqliteView {
  db: Database.Database;
  clearance: TlpLevel;
  searchPool: SqliteSearchPool | null;
  searchCache: SearchCache;
}

export interface SqliteStoreOptions {
  /**
   * Searches on this many worker threads with read-only connections (0: in the calling thread).
   * Worth it for a server answering several users; a one-shot command is faster without.
   */
  searchWorkers?: number;
  /** Opens an existing store read-only, without migrating it (the search workers' connections). */
  readonly?: boolean;
  /** Recent search answers kept while the store is unchanged (0: none). */
  searchCacheEntries?: number;
  /** Documents to extract from which a bulk extraction defers indexes (tests lower it). */
  bulkExtractionDocuments?: number;
}

type SqliteDocumentRow = DocumentRow & { rowid: number };

/**
 * Answers a search thread keeps when its store caches (the store itself keeps
 * DEFAULT_SEARCH_CACHE_ENTRIES): the facets' ranked sample gives the page asked right after them,
 * which the pool sends to the same thread.
 */
const SEARCH_THREAD_CACHE_ENTRIES = 200;

/** A search's MATCH and filters, and which tables beside the full-text index they read. */
interface SearchClauses {
  where: string[];
  params: Record<string, unknown>;
  /** The clearance condition, appended to `where` (starts with ` AND`, or is empty). */
  visibility: string;
  /** document_facts (`f`) is read: a language, type, date or source filter, or a clearance. */
  facts: boolean;
  /** documents (`d`) is read: an entity filter. */
  documents: boolean;
}

const MAX_SEARCH_LIMIT = 500;

/** A match of a search's ranked sample: its document, its row in the index, its score. */
interface RankedMatch {
  id: string;
  rowid: number;
  score: number;
}

/** True when the query holds a prefix term (`negoci*`). */
function hasPrefix(node: QueryNode): boolean {
  switch (node.type) {
    case 'term':
      return node.prefix;
    case 'phrase':
      return false;
    case 'and':
    case 'or':
      return node.children.some(hasPrefix);
    case 'not':
      return hasPrefix(node.include) || hasPrefix(node.exclude);
  }
}

/**
 * A page's hits, given `ctes`: common table expressions ending with `page` (page_rowid, score),
 * ranked. The page's rows are read from the full-text index for their snippets; the scores come
 * with the page, since bm25 in this query would count every match of each phrase in the whole
 * index again for its weights, once per hit (a page from the ranked sample of a word in 450,000
 * of 1,000,000 documents: 257 ms; of a two-word phrase: 526 ms).
 *
 * FTS5 opens one cursor per hit when the page comes first, and builds a prefix term's doclist
 * anew for each: with a prefix, one cursor reads the page's range of rows instead (`negoci*` at
 * 1,000,000 documents: 74 → 32 ms). Without one, the page comes first (CROSS JOIN): with its LIMIT
 * a parameter, SQLite cannot tell the page is small and would rather run the MATCH over every
 * match again and look each one up in the page (55 ms instead of 9 for a word in 45,000
 * documents).
 */
function pageHitsSql(ctes: string, query: SearchQuery): string {
  const columns = `d.id, d.kind, d.title, d.language, d.published_at, d.tlp_rank, page.score,
    (SELECT origin FROM document_origins o WHERE o.document_id = d.id ORDER BY seq LIMIT 1) AS origin,
    snippet(documents_fts, -1, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', 24) AS snippet`;
  const from = hasPrefix(parseQuery(query.text))
    ? `documents_fts
       CROSS JOIN page ON page.page_rowid = documents_fts.rowid
       CROSS JOIN documents d ON d.rowid = documents_fts.rowid
       WHERE documents_fts MATCH @match AND documents_fts.rowid
         BETWEEN (SELECT min(page_rowid) FROM page) AND (SELECT max(page_rowid) FROM page)`
    : `page
       CROSS JOIN documents_fts ON documents_fts.rowid = page.page_rowid
       CROSS JOIN documents d ON d.rowid = page.page_rowid
       WHERE documents_fts MATCH @match`;
  return `WITH ${ctes} SELECT ${columns} FROM ${from} ORDER BY page.score DESC, d.id`;
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly clearance: TlpLevel;
  /** The highest TLP rank this store's reads show; null on the full store (no filter at all). */
  private readonly maxRank: MaxRank;
  /** A restricted view: pipeline writes refuse, close() leaves the shared database open. */
  private readonly isView: boolean;
  private readonly views = new Map<TlpLevel, SqliteStore>();
  private readonly db: Database.Database;
  private readonly searchPool: SqliteSearchPool | null;
  private readonly searchCache: SearchCache;
  private readonly statements;
  /** This handle, as the owner of indexes deferred by its bulk extractions (null: cannot write). */
  private readonly indexOwner: IndexOwner | null = null;
  private readonly bulkExtractionDocuments: number = BULK_EXTRACTION_DOCUMENTS;
  /** The ids of the mention names and readings this handle wrote or found (mention-rows.ts). */
  private readonly mentionIds = new MentionIdCache();
  private readonly analysis = analysisQueries(
    async (sql, params) => {
      try {
        return this.db.prepare(sql).all(...params) as Record<string, unknown>[];
      } catch (error) {
        throw new StoreError('STORE_FAILURE', `Query failed: ${String(error)}`, {
          file: this.file,
          cause: error,
        });
      }
    },
    () => this.maxRank,
  );
  readonly listDatedEvents = this.analysis.listDatedEvents;
  readonly listPlaces = this.analysis.listPlaces;
  readonly listEntities = this.analysis.listEntities;
  readonly getEntityMentions = this.analysis.getEntityMentions;
  readonly listCoOccurring = this.analysis.listCoOccurring;
  readonly listReusePairs = this.analysis.listReusePairs;
  readonly listPassageGroups = this.analysis.listPassageGroups;
  readonly findDocumentsByOrigin = this.analysis.findDocumentsByOrigin;
  readonly findIntelBlocks = this.analysis.findIntelBlocks;
  private readonly claims = claimQueries(this.analysis.run, () => this.maxRank);
  readonly listClaimClusters = this.claims.listClaimClusters;
  readonly listClaimMemberships = this.claims.listClaimMemberships;
  readonly getClaimCluster = this.claims.getClaimCluster;
  readonly listAnalystGrades = this.claims.listAnalystGrades;
  private readonly entities = entityQueries(this.analysis.run, () => this.maxRank);
  readonly listResolvedEntities = this.entities.listResolvedEntities;
  readonly getResolvedEntity = this.entities.getResolvedEntity;
  readonly listEntityMentionsById = this.entities.listEntityMentionsById;
  readonly listEntityCoOccurrences = this.entities.listEntityCoOccurrences;
  readonly listEntityDecisions = this.entities.listEntityDecisions;
  private readonly hypotheses = hypothesisQueries(this.analysis.run, () => this.maxRank);
  readonly listHypotheses = this.hypotheses.listHypotheses;
  readonly listHypothesisMarks = this.hypotheses.listHypothesisMarks;

  constructor(
    private readonly file: string,
    view?: SqliteView,
    options: SqliteStoreOptions = {},
  ) {
    this.clearance = view?.clearance ?? 'RED';
    this.maxRank = maxRankFor(this.clearance);
    this.isView = view !== undefined;
    this.searchCache =
      view?.searchCache ??
      new SearchCache(
        options.readonly
          ? (options.searchCacheEntries ?? 0)
          : (options.searchCacheEntries ?? DEFAULT_SEARCH_CACHE_ENTRIES),
      );
    if (view) {
      this.db = view.db;
      this.searchPool = view.searchPool;
      this.statements = this.prepare();
      return;
    }
    if (options.readonly) {
      this.db = SqliteStore.openReadOnlyDatabase(file);
      this.searchPool = null;
      this.statements = this.prepare();
      return;
    }
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    try {
      this.db = new Database(file);
    } catch (error) {
      throw new StoreError('STORE_FAILURE', `Cannot open the SQLite store: ${String(error)}`, {
        file,
        hint: 'Check that the path is writable and is a Crosscheck store.',
        cause: error,
      });
    }
    // WAL keeps readers working during ingest; NORMAL sync is crash-safe for the application
    // (kill -9) and only risks the last commits on power loss, never corruption.
    try {
      // Large pages waste less space on e-mail-sized rows (fewer half-empty overflow pages: about
      // 13% smaller stores, measured); it only takes effect on a new, empty database.
      this.db.pragma('page_size = 16384');
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 10000');
      this.db.pragma('cache_size = -65536');
      // Indexes a bulk extraction deferred and never built (a killed process, say): before
      // migrating, so migrations find the schema as they left it.
      restoreIndexes(this.db, null);
      migrate(this.db, file);
    } catch (error) {
      this.db.close();
      if (error instanceof StoreError) throw error;
      throw new StoreError('STORE_SCHEMA', `Cannot prepare the store: ${String(error)}`, {
        file,
        hint: 'Is this file a Crosscheck store? Point --store at a new file to start afresh.',
        cause: error,
      });
    }
    this.statements = this.prepare();
    this.indexOwner = newIndexOwner();
    this.bulkExtractionDocuments = options.bulkExtractionDocuments ?? BULK_EXTRACTION_DOCUMENTS;
    // After migrating: the workers' read-only connections expect the current schema.
    this.searchPool = SqliteSearchPool.create(
      file,
      options.searchWorkers ?? 0,
      this.searchCache.enabled,
    );
  }

  get location(): string | null {
    return this.isView || this.file === ':memory:' ? null : this.file;
  }

  /** Threads answering this store's searches (0: the calling thread). */
  get searchThreads(): number {
    return this.searchPool?.size ?? 0;
  }

  /** A read-only connection to an existing, migrated store (see SqliteSearchPool). */
  /** A read-only connection (a search thread); `cache`: keep a few answers, as its store does. */
  static openReadOnly(file: string, cache = false): SqliteStore {
    return new SqliteStore(file, undefined, {
      readonly: true,
      searchCacheEntries: cache ? SEARCH_THREAD_CACHE_ENTRIES : 0,
    });
  }

  private static openReadOnlyDatabase(file: string): Database.Database {
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      db.pragma('busy_timeout = 10000');
      db.pragma('cache_size = -32768');
      return db;
    } catch (error) {
      throw new StoreError('STORE_FAILURE', `Cannot open the SQLite store: ${String(error)}`, {
        file,
        hint: 'Check that the store exists and is readable.',
        cause: error,
      });
    }
  }

  private prepare() {
    const db = this.db;
    // The rank is our own integer (0–4), never user input: written into the SQL, it leaves every
    // statement's parameters as they were.
    const r = this.maxRank;
    const visible = (column: string) => (r === null ? '' : ` AND ${column} <= ${r}`);
    const linkVisible = (column: string) =>
      r === null ? '' : ` AND ${notHidden(column).replace('?', String(r))}`;
    return {
      insertDocument: db.prepare(`INSERT OR IGNORE INTO documents
        (id, kind, title, body, language, published_at, byline, mime_type, size_bytes, metadata, ingested_at, tlp_rank)
        VALUES (@id, @kind, @title, @body, @language, @publishedAt, @byline, @mimeType, @sizeBytes, @metadata, @ingestedAt, @tlpRank)`),
      // Re-ingest never lowers a marking: the stricter of the stored and the new one wins.
      raiseTlp: db.prepare('UPDATE documents SET tlp_rank = ? WHERE id = ? AND tlp_rank < ?'),
      setTlp: db.prepare(`UPDATE documents SET tlp_rank = ? WHERE id = ?${visible('tlp_rank')}`),
      insertOrigin:
        db.prepare(`INSERT OR IGNORE INTO document_origins(document_id, origin, seq, first_seen)
        VALUES (?, ?, (SELECT count(*) FROM document_origins WHERE document_id = ?), ?)`),
      insertLink:
        db.prepare(`INSERT OR IGNORE INTO document_links(parent_id, child_id, relation, name)
        VALUES (?, ?, ?, ?)`),
      insertEmail: db.prepare(`INSERT OR IGNORE INTO emails
        (document_id, message_id, in_reply_to, refs, thread_id, from_addr, to_addrs, cc_addrs, subject, sent_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertIntel: db.prepare(`INSERT OR IGNORE INTO intel_reports
        (document_id, code, publication, attribution, source_description, source_reliability,
         item_credibility, special_handling, source_handler, subject_type, subject_country, subject_topic, fields)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertFailure: db.prepare(`INSERT INTO ingest_failures
        (run_id, path, parser, code, reason, hint, byte_offset, line, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertCompleted:
        db.prepare(`INSERT OR IGNORE INTO completed_files(content_id, path, completed_at)
        VALUES (?, ?, ?)`),
      isCompleted: db.prepare('SELECT 1 FROM completed_files WHERE content_id = ?').pluck(),
      ownChanges: db.prepare('SELECT total_changes()').pluck(),
      hasDocument: db.prepare(`SELECT 1 FROM documents WHERE id = ?${visible('tlp_rank')}`).pluck(),
      getDocument: db.prepare(`SELECT * FROM documents WHERE id = ?${visible('tlp_rank')}`),
      getText: db.prepare(`SELECT body FROM documents WHERE id = ?${visible('tlp_rank')}`).pluck(),
      getOrigins: db
        .prepare('SELECT origin FROM document_origins WHERE document_id = ? ORDER BY seq')
        .pluck(),
      getEmail: db.prepare('SELECT * FROM emails WHERE document_id = ?'),
      getIntel: db.prepare('SELECT * FROM intel_reports WHERE document_id = ?'),
      parents: db.prepare(
        `SELECT * FROM document_links WHERE child_id = ?${linkVisible('parent_id')} ORDER BY parent_id`,
      ),
      children: db.prepare(
        `SELECT * FROM document_links WHERE parent_id = ?${linkVisible('child_id')} ORDER BY name`,
      ),
      byPrefix: db
        .prepare(
          `SELECT id FROM documents WHERE id >= ? AND id < ?${visible('tlp_rank')} ORDER BY id LIMIT 2`,
        )
        .pluck(),
      page: db.prepare(
        `SELECT * FROM documents WHERE rowid > ?${visible('tlp_rank')} ORDER BY rowid LIMIT ?`,
      ),
      // In rowid order: the extraction tables are keyed by the document's rowid, and writing
      // their rows in key order appends to the B-trees instead of touching pages all over them.
      // (When they were keyed by the id, a content hash, extracting 100,000 e-mails in insertion
      // order wrote over 130 GB of write-ahead log and checkpoints for a 1.5 GB store; now id
      // order would be the random one: re-extracting 100,000 took 20% longer, twice the system
      // time.)
      pageToExtract: db.prepare(`SELECT d.* FROM documents d
        LEFT JOIN extractions e ON e.document_id = d.id
        WHERE d.rowid > ? AND (e.document_id IS NULL OR e.extractor_version <> ?)${visible('d.tlp_rank')}
        ORDER BY d.rowid LIMIT ?`),
      countToExtract: db
        .prepare(
          `SELECT count(*) FROM documents d
        LEFT JOIN extractions e ON e.document_id = d.id
        WHERE (e.document_id IS NULL OR e.extractor_version <> ?)${visible('d.tlp_rank')}`,
        )
        .pluck(),
      upsertExtraction:
        db.prepare(`INSERT INTO extractions(document_id, extractor_version, extracted_at)
        VALUES (?, ?, ?) ON CONFLICT(document_id) DO UPDATE
        SET extractor_version = excluded.extractor_version, extracted_at = excluded.extracted_at`),
      getExtraction: db.prepare('SELECT * FROM extractions WHERE document_id = ?'),
      documentKey: db.prepare('SELECT rowid FROM documents WHERE id = ?').pluck(),
      // The same page as `page`, less the documents never extracted, with the few fields the
      // corpus-wide analyses read; the visibility filter is the one iterateDocuments applies.
      // In id order: the analyses that read it then give the same answer however the documents
      // were ingested. (Their extraction rows, keyed by rowid, are then read out of key order: a
      // page each per document, from the OS's cache on a machine that holds the store.)
      pageExtracted: db.prepare(`SELECT d.id, d.kind, d.title, d.body, d.published_at,
          e.extractor_version, e.extracted_at,
          (SELECT o.origin FROM document_origins o WHERE o.document_id = d.id ORDER BY o.seq LIMIT 1) AS origin,
          i.document_id IS NOT NULL AS has_intel, i.code AS intel_code
        FROM documents d
        JOIN extractions e ON e.document_id = d.id
        LEFT JOIN intel_reports i ON i.document_id = d.id
        WHERE d.id > ?${visible('d.tlp_rank')} ORDER BY d.id LIMIT ?`),
      // Per dictionary (MENTION_DICTIONARIES order): add an entry, and find one by its key.
      mentionDictionaries: MENTION_DICTIONARIES.map((dictionary) => ({
        insert: db.prepare(
          `INSERT INTO ${dictionary.table} (${dictionary.columns.join(', ')})
           VALUES (${dictionary.columns.map(() => '?').join(', ')}) ON CONFLICT DO NOTHING`,
        ),
        find: db.prepare(`SELECT id FROM ${dictionary.table} WHERE ${dictionary.match}`).pluck(),
      })),
      insertMentionSpan: db.prepare(
        `INSERT INTO mention_spans (document_key, seq, ${MENTION_SPAN_COLUMNS.join(', ')})
         VALUES (?, ?, ${MENTION_SPAN_COLUMNS.map(() => '?').join(', ')})`,
      ),
      insertPlain: Object.fromEntries(
        PLAIN_EXTRACTION_FIELDS.map((field) => {
          const { table, columns } = PLAIN_EXTRACTION_TABLES[field];
          return [
            field,
            db.prepare(
              `INSERT INTO ${table}(document_key, seq, ${columns.join(', ')})
               VALUES (${['?', '?', ...columns.map(() => '?')].join(', ')})`,
            ),
          ];
        }),
      ) as Record<PlainExtractionField, Database.Statement>,
      extractionTables: Object.fromEntries(
        EXTRACTION_FIELDS.map((field) => {
          const { table, columns } = EXTRACTION_TABLES[field];
          return [
            field,
            {
              remove: db.prepare(
                `DELETE FROM ${storedTableOf(EXTRACTION_TABLES[field])} WHERE document_key = ?`,
              ),
              select: db.prepare(
                `SELECT * FROM ${table}
                 WHERE document_key = ${DOCUMENT_KEY_OF_ID} ORDER BY seq`,
              ),
              // The ids come as one JSON array, so one statement serves every batch size. Rows
              // come as arrays (see namedRows): better-sqlite3 builds row objects slowly.
              selectMany: db
                .prepare(
                  `SELECT d.id, t.seq, ${columns.map((c) => `t.${c}`).join(', ')}
                   FROM documents d JOIN ${table} t ON t.document_key = d.rowid
                   WHERE d.id IN (SELECT value FROM json_each(?))
                   ORDER BY t.document_key, t.seq`,
                )
                .raw(),
            },
          ];
        }),
      ) as Record<
        (typeof EXTRACTION_FIELDS)[number],
        {
          remove: Database.Statement;
          select: Database.Statement;
          selectMany: Database.Statement;
        }
      >,
    };
  }

  /** The store as a reader cleared up to `clearance` sees it (see Store.restrictedTo). */
  restrictedTo(clearance: TlpLevel): Store {
    // A view of a view never sees more than the view it came from.
    const level = tlpRank(clearance) < tlpRank(this.clearance) ? clearance : this.clearance;
    // One view per level, kept: a view prepares its own statements, and a server asks per request.
    let view = this.views.get(level);
    if (!view)
      this.views.set(
        level,
        (view = new SqliteStore(this.file, {
          db: this.db,
          clearance: level,
          searchPool: this.searchPool,
          searchCache: this.searchCache,
        })),
      );
    return view;
  }

  private refuseOnView(operation: string): void {
    if (this.isView) throw new RestrictedViewError(operation);
  }

  async setDocumentTlp(id: string, level: TlpLevel): Promise<boolean> {
    const rank = tlpRank(level);
    return this.statements.setTlp.run(rank, id).changes > 0;
  }

  async startRun(inputs: string[]): Promise<IngestRun> {
    this.refuseOnView('startRun');
    const run: IngestRun = {
      id: randomUUID(),
      startedAt: new Date().toISOString(),
      finishedAt: null,
      inputs,
      succeeded: 0,
      failed: 0,
      duplicates: 0,
    };
    this.db
      .prepare('INSERT INTO ingest_runs(id, started_at, inputs) VALUES (?, ?, ?)')
      .run(run.id, run.startedAt, JSON.stringify(inputs));
    return run;
  }

  async finishRun(
    runId: string,
    counts: Pick<IngestRun, 'succeeded' | 'failed' | 'duplicates'>,
  ): Promise<void> {
    this.refuseOnView('finishRun');
    this.db
      .prepare(
        'UPDATE ingest_runs SET finished_at = ?, succeeded = ?, failed = ?, duplicates = ? WHERE id = ?',
      )
      .run(new Date().toISOString(), counts.succeeded, counts.failed, counts.duplicates, runId);
  }

  async writeBatch(batch: IngestBatch): Promise<IngestBatchResult> {
    this.refuseOnView('writeBatch');
    const now = new Date().toISOString();
    const s = this.statements;
    const write = this.db.transaction((): IngestBatchResult => {
      let inserted = 0;
      let duplicates = 0;
      for (const item of batch.items) {
        if (this.insertDocument(item, now)) inserted++;
        else duplicates++;
        const id = item.document.id;
        s.insertOrigin.run(id, item.document.origin, id, now);
        if (item.parent) {
          s.insertLink.run(item.parent.parentId, id, item.parent.relation, item.parent.name ?? '');
        }
      }
      for (const f of batch.failures) {
        s.insertFailure.run(
          batch.runId,
          f.path,
          f.parser,
          f.code,
          f.reason,
          f.hint,
          f.byteOffset,
          f.line,
          now,
        );
      }
      for (const file of batch.completedFiles)
        s.insertCompleted.run(file.contentId, file.path, now);
      return { inserted, duplicates };
    });
    try {
      return write.immediate();
    } catch (error) {
      throw new StoreError('STORE_FAILURE', `Writing an ingest batch failed: ${String(error)}`, {
        file: this.file,
        hint: 'Nothing from this batch was stored; run the ingest again to resume.',
        cause: error,
      });
    }
  }

  /** Returns true when the document is new. */
  private insertDocument(item: MarkedIngestItem, now: string): boolean {
    const d = item.document;
    const s = this.statements;
    const tlpRankOfItem = tlpRank(item.tlp ?? 'CLEAR');
    const result = s.insertDocument.run({
      tlpRank: tlpRankOfItem,
      id: d.id,
      kind: d.kind,
      title: d.title,
      body: d.text,
      language: d.language,
      publishedAt: d.publishedAt,
      byline: d.byline,
      mimeType: d.mimeType,
      sizeBytes: d.sizeBytes,
      metadata: JSON.stringify(d.metadata ?? {}),
      ingestedAt: now,
    });
    if (result.changes === 0) {
      s.raiseTlp.run(tlpRankOfItem, d.id, tlpRankOfItem);
      return false;
    }
    if (d.email) {
      const e = d.email;
      s.insertEmail.run(
        d.id,
        e.messageId,
        e.inReplyTo,
        JSON.stringify(e.references),
        e.threadId,
        e.from,
        JSON.stringify(e.to),
        JSON.stringify(e.cc),
        e.subject,
        e.sentAt,
      );
    }
    if (d.intel) {
      const i = d.intel;
      s.insertIntel.run(
        d.id,
        i.code,
        i.publication,
        i.attribution,
        i.sourceDescription,
        i.sourceReliability,
        i.itemCredibility,
        i.specialHandling,
        i.sourceHandler,
        i.subjectType,
        i.subjectCountry,
        i.subjectTopic,
        JSON.stringify(i.fields),
      );
    }
    return true;
  }

  async isFileCompleted(contentId: string): Promise<boolean> {
    return this.statements.isCompleted.get(contentId) !== undefined;
  }

  async hasDocument(id: string): Promise<boolean> {
    return this.statements.hasDocument.get(id) !== undefined;
  }

  async listFailures(options: { runId?: string; limit?: number } = {}): Promise<LoggedFailure[]> {
    const limit = Math.min(options.limit ?? 1000, 100_000);
    const rows = (
      options.runId
        ? this.db
            .prepare('SELECT * FROM ingest_failures WHERE run_id = ? ORDER BY id LIMIT ?')
            .all(options.runId, limit)
        : this.db.prepare('SELECT * FROM ingest_failures ORDER BY id LIMIT ?').all(limit)
    ) as FailureRow[];
    return rows.map(toFailure);
  }

  async listRuns(limit = 20): Promise<IngestRun[]> {
    const rows = this.db
      .prepare('SELECT * FROM ingest_runs ORDER BY started_at DESC LIMIT ?')
      .all(limit) as RunRow[];
    return rows.map(toRun);
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    const row = this.statements.getDocument.get(id) as DocumentRow | undefined;
    return row ? this.toDocument(row) : null;
  }

  async getDocumentText(id: string): Promise<string | null> {
    return (this.statements.getText.get(id) as string | undefined) ?? null;
  }

  async resolveDocumentId(idOrPrefix: string): Promise<string | null> {
    const prefix = idOrPrefix.toLowerCase();
    if (!/^[0-9a-f]{6,64}$/.test(prefix)) return null;
    const matches = this.statements.byPrefix.all(prefix, `${prefix}g`) as string[];
    return matches.length === 1 ? matches[0]! : null;
  }

  async getLinks(
    documentId: string,
  ): Promise<{ parents: DocumentLink[]; children: DocumentLink[] }> {
    if (this.maxRank !== null && !(await this.hasDocument(documentId)))
      return { parents: [], children: [] };
    return {
      parents: (this.statements.parents.all(documentId) as LinkRow[]).map(toLink),
      children: (this.statements.children.all(documentId) as LinkRow[]).map(toLink),
    };
  }

  async *iterateDocuments(options: { batchSize?: number } = {}): AsyncIterable<StoredDocument> {
    const batchSize = options.batchSize ?? 500;
    let after = 0;
    for (;;) {
      const rows = this.statements.page.all(after, batchSize) as SqliteDocumentRow[];
      if (rows.length === 0) return;
      for (const row of rows) yield this.toDocument(row);
      after = rows.at(-1)!.rowid;
    }
  }

  private toDocument(row: DocumentRow): StoredDocument {
    const s = this.statements;
    return toDocument(
      row,
      s.getOrigins.all(row.id) as string[],
      s.getEmail.get(row.id) as EmailRow | undefined,
      s.getIntel.get(row.id) as IntelRow | undefined,
    );
  }

  async writeExtractions(records: ExtractionRecord[]): Promise<void> {
    this.refuseOnView('writeExtractions');
    const s = this.statements;
    const now = new Date().toISOString();
    const write = this.db.transaction(() => {
      for (const record of records) {
        const documentKey = s.documentKey.get(record.documentId) as number | undefined;
        if (documentKey === undefined) throw new MissingDocumentError(record.documentId);
        for (const field of EXTRACTION_FIELDS) s.extractionTables[field].remove.run(documentKey);
        record.extraction.mentions.forEach((mention, seq) => {
          s.insertMentionSpan.run(
            documentKey,
            seq,
            ...mentionSpanValues(mention, this.mentionIds.spanIds(mention, this.writeEntry)),
          );
        });
        for (const field of PLAIN_EXTRACTION_FIELDS) {
          const mapping = PLAIN_EXTRACTION_TABLES[field];
          record.extraction[field].forEach((item, seq) => {
            s.insertPlain[field].run(
              documentKey,
              seq,
              ...(mapping.toValues as (value: typeof item) => unknown[])(item),
            );
          });
        }
        s.upsertExtraction.run(record.documentId, record.extractorVersion, now);
      }
    });
    try {
      write.immediate();
    } catch (error) {
      // Names written in the transaction are gone with it, and so must their ids be.
      this.mentionIds.clear();
      if (error instanceof MissingDocumentError) throw error;
      throw new StoreError('STORE_FAILURE', `Writing extraction results failed: ${String(error)}`, {
        file: this.file,
        hint: 'Nothing from this batch was stored; run `crosscheck extract` again.',
        cause: error,
      });
    }
  }

  /** Writes a mention name or reading unless stored, and gives its id; run inside a write. */
  private readonly writeEntry = (dictionary: MentionDictionary, values: unknown[]): number => {
    const { insert, find } =
      this.statements.mentionDictionaries[MENTION_DICTIONARIES.indexOf(dictionary)]!;
    insert.run(...values);
    return find.get(...values.slice(0, dictionary.keyColumns)) as number;
  };

  async getExtraction(documentId: string): Promise<StoredExtraction | null> {
    const s = this.statements;
    if (this.maxRank !== null && !(await this.hasDocument(documentId))) return null;
    const row = s.getExtraction.get(documentId) as
      { document_id: string; extractor_version: string; extracted_at: string } | undefined;
    if (!row) return null;
    const read = <F extends (typeof EXTRACTION_FIELDS)[number]>(field: F) =>
      (s.extractionTables[field].select.all(documentId) as Record<string, unknown>[]).map((r) =>
        EXTRACTION_TABLES[field].fromRow(r),
      );
    return {
      documentId,
      extractorVersion: row.extractor_version,
      extractedAt: row.extracted_at,
      extraction: {
        mentions: read('mentions') as StoredExtraction['extraction']['mentions'],
        dates: read('dates') as StoredExtraction['extraction']['dates'],
        figures: read('figures') as StoredExtraction['extraction']['figures'],
        quotes: read('quotes') as StoredExtraction['extraction']['quotes'],
        claims: read('claims') as StoredExtraction['extraction']['claims'],
        sourcesCited: read('sourcesCited') as StoredExtraction['extraction']['sourcesCited'],
      },
    };
  }

  async *iterateExtractedDocuments<F extends ExtractionField = ExtractionField>(
    options: { batchSize?: number; fields?: readonly F[] } = {},
  ): AsyncIterable<ExtractedDocument<F>> {
    const s = this.statements;
    const batchSize = options.batchSize ?? 500;
    const fields: readonly ExtractionField[] = options.fields ?? EXTRACTION_FIELDS;
    let after = '';
    for (;;) {
      // Read synchronously, so the page and its extraction rows come from one snapshot.
      const rows = s.pageExtracted.all(after, batchSize) as ExtractedDocumentRow[];
      if (rows.length === 0) return;
      const ids = rows.map((row) => row.id);
      const idList = JSON.stringify(ids);
      const extractions = groupExtractions(
        ids,
        Object.fromEntries(
          fields.map((field) => [
            field,
            namedRows(
              ['document_id', 'seq', ...EXTRACTION_TABLES[field].columns],
              s.extractionTables[field].selectMany.all(idList) as unknown[][],
            ),
          ]),
        ),
      );
      for (const row of rows) yield toExtractedDocument(row, extractions.get(row.id)!);
      after = rows.at(-1)!.id;
    }
  }

  /**
   * A large extraction that at least doubles the extraction tables (a first one, or one resumed
   * after an interruption) runs without their secondary indexes
   * (names, dates, speakers…), built once when the documents have all been handed out: the rows
   * arrive in document-id order, which appends them to the id-keyed tables, but each index puts
   * them in its own order, one random page at a time. Extracting 100,000 e-mails (106,484
   * documents) into a store ingested without extraction wrote 75.8 GB (write-ahead log and
   * checkpoints) in 9.5 min with the indexes kept up to date, 3.7 GB in 3.8 min this way, same
   * rows and schema after (10,000 e-mails: 3.5 → 0.37 GB). A bigger wal_autocheckpoint or page
   * cache meanwhile saved under 10% more (measured at 10,000), so they are left as they are.
   * Reads meanwhile give the same answers, from the tables (slower).
   * The indexes come back when the iteration ends however it ends, when the store closes, or,
   * after a killed process, when the store is next opened for writing (deferred-indexes.ts). The
   * last batches' results, written after the iteration ends, go in with the indexes back.
   */
  async *iterateDocumentsToExtract(
    extractorVersion: string,
    options: { batchSize?: number } = {},
  ): AsyncIterable<StoredDocument> {
    const batchSize = options.batchSize ?? 200;
    const deferred = this.deferExtractionIndexes(extractorVersion);
    try {
      let after = 0;
      for (;;) {
        const rows = this.statements.pageToExtract.all(
          after,
          extractorVersion,
          batchSize,
        ) as SqliteDocumentRow[];
        if (rows.length === 0) return;
        for (const row of rows) yield this.toDocument(row);
        after = rows.at(-1)!.rowid;
      }
    } finally {
      if (deferred) this.restoreExtractionIndexes();
    }
  }

  /** Drops the extraction tables' secondary indexes for a bulk extraction; true if it did. */
  private deferExtractionIndexes(extractorVersion: string): boolean {
    if (!this.indexOwner || this.isView) return false;
    const s = this.statements;
    if ((s.countToExtract.get(extractorVersion) as number) < this.bulkExtractionDocuments)
      return false;
    return deferIndexes(
      this.db,
      [...EXTRACTION_INDEXED_TABLES, 'extractions'],
      // Its key is the version, then the id: a run's rows append to it anyway.
      ['extractions_version'],
      this.indexOwner,
      // Under the write lock. At least doubling the tables: building the indexes over every row
      // then costs at most twice building them over the new ones, and a resumed first extraction
      // qualifies (keeping the indexes up to date, resuming 9,220 of 10,720 documents wrote
      // 3.38 GB). Adding a few documents to a large store keeps the indexes its readers use.
      () => {
        const toExtract = s.countToExtract.get(extractorVersion) as number;
        const extracted = this.db
          .prepare('SELECT count(*) FROM extractions')
          .pluck()
          .get() as number;
        return toExtract >= this.bulkExtractionDocuments && extracted <= toExtract;
      },
    );
  }

  private restoreExtractionIndexes(): void {
    if (!this.indexOwner) return;
    try {
      restoreIndexes(this.db, this.indexOwner);
    } catch {
      // Everything extracted so far is stored; close() tries again, and failing that the next
      // open builds them (they are recorded as deferred until then).
    }
  }

  async countDocumentsToExtract(extractorVersion: string): Promise<number> {
    return this.statements.countToExtract.get(extractorVersion) as number;
  }

  async replaceReuse(report: StreamedReuseReport): Promise<void> {
    this.refuseOnView('replaceReuse');
    this.runStatements(reuseRows(report), 'text reuse', '`crosscheck reuse`');
  }

  async replaceClaimClusters(clusters: Iterable<ClaimCluster>): Promise<void> {
    this.refuseOnView('replaceClaimClusters');
    this.runStatements(
      replaceClaimStatements(clusters),
      'claim provenance',
      '`crosscheck analyze`',
    );
  }

  async replaceResolution(resolution: ResolutionRows | Resolution): Promise<void> {
    this.refuseOnView('replaceResolution');
    this.runStatements(
      this.withoutSecondaryIndexes(RESOLUTION_TABLES, replaceResolutionStatements(resolution)),
      'entity resolution',
      '`crosscheck resolve`',
    );
  }

  // Analysts' writes record the clearance of the view they go through (analyst-visibility.ts).
  async addEntityDecision(
    decision: EntityDecision & {
      analyst: string;
      at: string;
      reason: string;
    } & Partial<WriterClearance>,
  ): Promise<RecordedEntityDecision> {
    const rank = writerRank(this.clearance, decision.clearance);
    const { sql, params } = insertEntityDecisionStatement(decision, rank);
    const result = this.db.prepare(sql).run(...params);
    return { ...decision, id: Number(result.lastInsertRowid), clearance: tlpFromRank(rank) };
  }

  async addHypothesis(hypothesis: AnalystWrite<StoredHypothesis>): Promise<StoredHypothesis> {
    const rank = writerRank(this.clearance, hypothesis.clearance);
    const { hypothesis: stored, statement } = newHypothesis(hypothesis, rank);
    this.db.prepare(statement.sql).run(...statement.params);
    return stored;
  }

  async addHypothesisMark(mark: AnalystWrite<RecordedMark>): Promise<RecordedMark> {
    const rank = writerRank(this.clearance, mark.clearance);
    const { sql, params } = insertMarkStatement(mark, rank);
    const id = Number(this.db.prepare(sql).run(...params).lastInsertRowid);
    return { ...mark, id, clearance: tlpFromRank(rank) };
  }

  async addAnalystGrade(grade: AnalystWrite<RecordedGrade>): Promise<RecordedGrade> {
    const rank = writerRank(this.clearance, grade.clearance);
    const { sql, params } = insertGradeStatement(grade, rank);
    const result = this.db.prepare(sql).run(...params);
    return { ...grade, id: Number(result.lastInsertRowid), clearance: tlpFromRank(rank) };
  }

  /**
   * `statements` (which empty `tables` and fill them again) between dropping the tables' secondary
   * indexes and creating them again, so that rows are not added to them one insert at a time:
   * building an index over the filled table is cheaper. Made lazily, so the index list is read
   * inside runStatements' transaction, which also makes the rebuild all-or-nothing. The indexes'
   * planner statistics are kept as they were, as an insert would have left them.
   */
  private *withoutSecondaryIndexes(
    tables: readonly string[],
    statements: Iterable<Statement>,
  ): Generator<Statement> {
    const inTables = `IN (${tables.map(() => '?').join(', ')})`;
    const indexes = this.db
      .prepare(
        `SELECT name, sql FROM sqlite_master
         WHERE type = 'index' AND sql IS NOT NULL AND tbl_name ${inTables}`,
      )
      .all(...tables) as Array<{ name: string; sql: string }>;
    const hasStats =
      this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get() !==
      undefined;
    const stats =
      hasStats && indexes.length > 0
        ? (this.db
            .prepare(
              `SELECT tbl, idx, stat FROM sqlite_stat1
             WHERE idx IN (${indexes.map(() => '?').join(', ')})`,
            )
            .all(...indexes.map((index) => index.name)) as Array<{
            tbl: string;
            idx: string;
            stat: string;
          }>)
        : [];
    for (const { name } of indexes)
      yield { sql: `DROP INDEX "${name.replaceAll('"', '""')}"`, params: [] };
    yield* statements;
    for (const { sql } of indexes) yield { sql, params: [] };
    for (const { tbl, idx, stat } of stats)
      yield {
        sql: 'INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)',
        params: [tbl, idx, stat],
      };
    // The planner reads statistics when it loads the schema: this reloads them for the new indexes.
    if (stats.length > 0) yield { sql: 'ANALYZE sqlite_schema', params: [] };
  }

  /**
   * Runs statements in one transaction; on failure nothing changes. They are read as they run, so
   * they may be made lazily.
   */
  private runStatements(statements: Iterable<Statement>, what: string, retry: string): void {
    const prepared = new Map<string, Database.Statement>();
    const write = this.db.transaction(() => {
      for (const { sql, params } of statements) {
        let statement = prepared.get(sql);
        if (!statement) prepared.set(sql, (statement = this.db.prepare(sql)));
        statement.run(...params);
      }
    });
    try {
      write.immediate();
    } catch (error) {
      throw new StoreError('STORE_FAILURE', `Writing ${what} failed: ${String(error)}`, {
        file: this.file,
        hint: `The previous results are unchanged; run ${retry} again.`,
        cause: error,
      });
    }
  }

  /**
   * The MATCH and filter clauses of a search; `skip` leaves one filter out (for its facet).
   * Language, type, date, source and clearance read document_facts (`f`), a narrow copy of those
   * columns: in documents they come after the body, and reading them there for every match of a
   * common word costs most of the search. Only the entity filter needs documents (`d`).
   */
  private searchClauses(
    query: SearchQuery,
    skip?: 'languages' | 'kinds' | 'sources',
  ): SearchClauses {
    const where: string[] = ['documents_fts MATCH @match'];
    const params: Record<string, unknown> = { match: toFts5(parseQuery(query.text)) };
    let facts = false;
    let documents = false;
    if (query.languages?.length && skip !== 'languages') {
      where.push(`f.language IN (${query.languages.map((_, i) => `@lang${i}`).join(', ')})`);
      query.languages.forEach((l, i) => (params[`lang${i}`] = l));
      facts = true;
    }
    if (query.kinds?.length && skip !== 'kinds') {
      where.push(`f.kind IN (${query.kinds.map((_, i) => `@kind${i}`).join(', ')})`);
      query.kinds.forEach((k, i) => (params[`kind${i}`] = k));
      facts = true;
    }
    if (query.from) {
      where.push('f.published_at >= @from');
      params.from = query.from;
      facts = true;
    }
    if (query.to) {
      // Inclusive: a date-time on the last day still sorts below the next day.
      where.push('f.published_at < @toExclusive');
      params.toExclusive = `${query.to}\uffff`;
      facts = true;
    }
    query.entities?.forEach((entity, i) => {
      where.push(MENTIONS_ENTITY_SQL.replace('?', `@entity${i}`));
      params[`entity${i}`] = entity;
      documents = true;
    });
    if (query.sources?.length && skip !== 'sources') {
      where.push(`f.source IN (${query.sources.map((_, i) => `@source${i}`).join(', ')})`);
      query.sources.forEach((source, i) => (params[`source${i}`] = source));
      facts = true;
    }
    // The clearance is a comparison on the same narrow row. Listing the hidden rowids from
    // documents_tlp instead (NOT IN) costs in proportion to the hidden documents, not the
    // matches: 16 ms against 3 for a word in 45,000 of 100,000 documents, 10% of them hidden.
    const r = this.maxRank;
    const visibility = r === null ? '' : ` AND f.tlp_rank <= ${r}`;
    return { where, params, facts: facts || r !== null, documents, visibility };
  }

  /**
   * The FROM clause of the matches `clauses` select: the full-text index, and the tables its
   * filters read. CROSS JOIN keeps the index outermost, so matches are read newest first (rowid
   * order) and each is looked up by rowid. document_facts has no index on its columns: driving a
   * search from one (a date range, then a MATCH per row) measured 30× slower than this.
   */
  private static searchFrom(clauses: SearchClauses, withFacts = false): string {
    return (
      'FROM documents_fts' +
      (clauses.facts || withFacts
        ? ' CROSS JOIN document_facts f ON f.rowid = documents_fts.rowid'
        : '') +
      (clauses.documents ? ' CROSS JOIN documents d ON d.rowid = documents_fts.rowid' : '')
    );
  }

  /**
   * Changes with every commit: `data_version` for other connections' (a CLI ingest beside the
   * server), `total_changes()` for this connection's own.
   */
  private changeToken(): string {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    const own = this.statements.ownChanges.get() as number;
    return `${version}:${own}`;
  }

  private cachedSearch<T>(kind: string, query: SearchQuery, run: () => Promise<T>): Promise<T> {
    return this.searchCache.get(this.changeToken(), this.cacheKey(kind, query), run);
  }

  /** A cached answer of this kind for the query, if one is at hand; computes nothing. */
  private cachedAnswer<T>(kind: string, query: SearchQuery): Promise<T> | undefined {
    return this.searchCache.peek<T>(this.changeToken(), this.cacheKey(kind, query));
  }

  private cacheKey(kind: string, query: SearchQuery): string {
    return `${kind}\u0000${this.clearance}\u0000${JSON.stringify(query)}`;
  }

  async searchFacets(query: SearchQuery): Promise<SearchFacets> {
    return this.cachedSearch('facets', facetKey(query), () => this.searchFacetsNow(query));
  }

  private async searchFacetsNow(query: SearchQuery): Promise<SearchFacets> {
    if (this.searchPool) return this.searchPool.run('searchFacets', query, this.clearance);
    // Counted over the matches search() ranks: past SEARCH_COUNT_LIMIT, the most recently added
    // (one more, so the caller can tell); a word in half a million documents would otherwise
    // join every one of them to its row.
    const countMatches = async (skip?: 'languages' | 'kinds') => {
      const clauses = this.searchClauses(query, skip);
      const { where, params, visibility } = clauses;
      return this.db
        .prepare(
          `WITH counted AS (
             SELECT f.language AS language, f.kind AS kind
             ${SqliteStore.searchFrom(clauses, true)}
             WHERE ${where.join(' AND ')}${visibility}
             ORDER BY documents_fts.rowid DESC LIMIT @cap)
           SELECT language, kind, count(*) AS n FROM counted GROUP BY language, kind`,
        )
        .all({ ...params, cap: SEARCH_COUNT_LIMIT + 1 }) as LanguageKindCount[];
    };
    const rankedIds = async (skipSources: boolean) =>
      (await this.rankedSample(skipSources ? { ...query, sources: undefined } : query)).map(
        (match) => match.id,
      );
    try {
      const { sampled, ...counted } = await languageAndKindFacets(query, countMatches);
      const ranked = await entityAndSourceFacets(
        this.analysis.run,
        rankedIds,
        Boolean(query.sources?.length),
        this.maxRank,
        SOURCES,
      );
      return { ...counted, ...ranked, sampled: sampled || ranked.sampled };
    } catch (error) {
      if (error instanceof CrosscheckError) throw error;
      throw new StoreError('STORE_FAILURE', `Search facets failed: ${String(error)}`, {
        file: this.file,
        cause: error,
      });
    }
  }

  async search(query: SearchQuery): Promise<SearchResults> {
    return this.cachedSearch('search', query, () => this.searchNow(query));
  }

  /**
   * Up to FACET_SAMPLE + 1 matching ids, best first (ties by row, as search() pages): the sample
   * the entity and source facets count over, and, when a search's page falls inside it, that
   * page's hits (the web UI asks for facets with its first page), so bm25 ranks the matches once
   * for both. Ranked among the most recently added SEARCH_COUNT_LIMIT matches, as search() does
   * past that many (all of them when fewer match). Each comes with its row and score, so a page
   * taken from the sample is not scored again (see pageHitsSql).
   */
  private rankedSample(query: SearchQuery): Promise<RankedMatch[]> {
    const matches = sampleKey(query);
    return this.cachedSearch('ranked', matches, async () => {
      const clauses = this.searchClauses(matches);
      const { where, params, visibility } = clauses;
      // As in search(): ranking reads the full-text index and the filters' tables; documents are
      // joined for the sample only, unless an entity or source filter needs them.
      return this.db
        .prepare(
          `WITH candidates AS (
             SELECT documents_fts.rowid AS best_rowid, bm25(documents_fts, 4.0, 1.0) AS rank
             ${SqliteStore.searchFrom(clauses)} WHERE ${where.join(' AND ')}${visibility}
             ORDER BY documents_fts.rowid DESC LIMIT @rankLimit),
           best AS (SELECT best_rowid, rank FROM candidates ORDER BY rank, best_rowid LIMIT @sample)
           SELECT d.id, best.best_rowid AS rowid, -best.rank AS score
           FROM best CROSS JOIN documents d ON d.rowid = best.best_rowid
           ORDER BY best.rank, best.best_rowid`,
        )
        .all({
          ...params,
          sample: FACET_SAMPLE + 1,
          rankLimit: SEARCH_COUNT_LIMIT,
        }) as RankedMatch[];
    });
  }

  /** The hits for documents already chosen by rank (a slice of the ranked sample). */
  private hitsOf(query: SearchQuery, matches: RankedMatch[]): SearchHitRow[] {
    if (matches.length === 0) return [];
    // Scores are bound as they came (doubles), so a page from the sample equals one ranked anew.
    // Rows are bound as integers: FTS5 drops a `rowid =` constraint whose value is a double, and
    // the join then pairs every match with every row of the page.
    const rows = matches.map(() => '(?, ?)').join(', ');
    return this.db
      .prepare(pageHitsSql(`page(page_rowid, score) AS (VALUES ${rows})`, query))
      .all(...matches.flatMap((match) => [BigInt(match.rowid), match.score]), {
        match: toFts5(parseQuery(query.text)),
      }) as SearchHitRow[];
  }

  private async searchNow(query: SearchQuery): Promise<SearchResults> {
    if (this.searchPool) return this.searchPool.run('search', query, this.clearance);
    const clauses = this.searchClauses(query);
    const { where, params, visibility } = clauses;
    const limit = Math.max(1, Math.min(query.limit ?? 20, MAX_SEARCH_LIMIT));
    const offset = Math.max(0, query.offset ?? 0);
    // Counting and ranking read the full-text index and, for filters, document_facts (a join to
    // documents for every match costs ~100× more on common words); documents are joined for the
    // page only, unless an entity or source filter needs them.
    const from = SqliteStore.searchFrom(clauses);
    const whereSql = where.join(' AND ') + visibility;
    const exhaustive = query.exhaustive === true;
    try {
      // Counting stops one past the limit: past it the total is a lower bound, and FTS5, which
      // has no ranked index, ranks only the most recently added matches (rowid order, read from
      // the index backwards) rather than scoring every one for each page.
      const counted = (
        this.db
          .prepare(`SELECT count(*) AS n FROM (SELECT 1 ${from} WHERE ${whereSql} LIMIT @cap)`)
          .get({ ...params, cap: exhaustive ? -1 : SEARCH_COUNT_LIMIT + 1 }) as { n: number }
      ).n;
      const bounded = !exhaustive && counted > SEARCH_COUNT_LIMIT;
      // A page inside the facets' ranked sample, when that is at hand, is a slice of it: the
      // same candidates in the same order, so pages agree whichever way they were found.
      const sample =
        !exhaustive && offset + limit <= FACET_SAMPLE
          ? this.cachedAnswer<RankedMatch[]>('ranked', sampleKey(query))
          : undefined;
      if (sample) {
        return {
          total: bounded ? SEARCH_COUNT_LIMIT : counted,
          totalIsLowerBound: bounded,
          rankedAmong: bounded ? SEARCH_COUNT_LIMIT : null,
          hits: this.hitsOf(query, (await sample).slice(offset, offset + limit)).map(toSearchHit),
        };
      }
      const rows = this.db
        .prepare(
          pageHitsSql(
            `candidates AS (
               SELECT documents_fts.rowid AS page_rowid, -bm25(documents_fts, 4.0, 1.0) AS score
               ${from} WHERE ${whereSql}
               ${bounded ? 'ORDER BY documents_fts.rowid DESC LIMIT @rankLimit' : ''}),
             page AS (SELECT page_rowid, score FROM candidates
               ORDER BY score DESC, page_rowid LIMIT @limit OFFSET @offset)`,
            query,
          ),
        )
        .all({
          ...params,
          limit,
          offset,
          ...(bounded && { rankLimit: SEARCH_COUNT_LIMIT }),
        }) as SearchHitRow[];
      return {
        total: bounded ? SEARCH_COUNT_LIMIT : counted,
        totalIsLowerBound: bounded,
        rankedAmong: bounded ? SEARCH_COUNT_LIMIT : null,
        hits: rows.map(toSearchHit),
      };
    } catch (error) {
      throw new StoreError('STORE_FAILURE', `Search failed: ${String(error)}`, {
        file: this.file,
        cause: error,
      });
    }
  }

  async stats(): Promise<StoreStats> {
    const count = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    const visible = this.maxRank === null ? '' : ` WHERE tlp_rank <= ${this.maxRank}`;
    const grouped = (column: string) =>
      Object.fromEntries(
        (
          this.db
            .prepare(
              `SELECT ${column} AS k, count(*) AS n FROM documents${visible} GROUP BY ${column} ORDER BY n DESC`,
            )
            .all() as Array<{ k: string; n: number }>
        ).map((r) => [r.k, r.n]),
      );
    // The store's size would tell a restricted reader how much they cannot see.
    const storeBytes = this.file !== ':memory:' && this.maxRank === null ? this.diskBytes() : null;
    return {
      documents: count(`SELECT count(*) AS n FROM documents${visible}`),
      byKind: grouped('kind'),
      byLanguage: grouped('language'),
      failures: count('SELECT count(*) AS n FROM ingest_failures'),
      runs: count('SELECT count(*) AS n FROM ingest_runs'),
      textBytes: count(
        `SELECT coalesce(sum(length(CAST(body AS BLOB))), 0) AS n FROM documents${visible}`,
      ),
      storeBytes,
    };
  }

  /** The database file and its write-ahead log, in bytes. */
  private diskBytes(): number {
    let bytes = 0;
    for (const suffix of ['', '-wal']) {
      try {
        bytes += statSync(this.file + suffix).size;
      } catch {
        // The WAL file exists only while a writer has it open.
      }
    }
    return bytes;
  }

  async compact(): Promise<{ beforeBytes: number; afterBytes: number }> {
    this.refuseOnView('compact');
    if (this.file === ':memory:') return { beforeBytes: 0, afterBytes: 0 };
    const beforeBytes = this.diskBytes();
    try {
      this.db.exec('VACUUM');
      // VACUUM writes the new file through the log: fold it back in, so the size is the file's.
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch (error) {
      throw new StoreError('STORE_FAILURE', `Compacting the store failed: ${String(error)}`, {
        file: this.file,
        hint: 'Nothing was changed (VACUUM is all or nothing). It needs free disk about the size of the store and no other process using it.',
        cause: error,
      });
    }
    return { beforeBytes, afterBytes: this.diskBytes() };
  }

  async checkIntegrity(): Promise<{ ok: boolean; problems: string[] }> {
    const problems = (this.db.pragma('integrity_check') as Array<{ integrity_check: string }>)
      .map((r) => r.integrity_check)
      .filter((r) => r !== 'ok');
    try {
      // Verifies that the full-text index matches the documents table.
      this.db
        .prepare("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
        .run();
    } catch (error) {
      problems.push(`full-text index: ${String(error)}`);
    }
    // Searches filter and clear on document_facts alone: a stale row there would show a reader a
    // document above their clearance, or hide one from a filter.
    const stale = this.db
      .prepare(
        `SELECT count(*) FROM documents d LEFT JOIN document_facts f ON f.rowid = d.rowid
         WHERE f.rowid IS NULL OR f.language IS NOT d.language OR f.kind IS NOT d.kind
           OR f.published_at IS NOT d.published_at OR f.tlp_rank IS NOT d.tlp_rank
           OR f.source IS NOT ${DERIVED_SOURCE_SQL}`,
      )
      .pluck()
      .get() as number;
    const orphans = this.db
      .prepare(
        'SELECT count(*) FROM document_facts f WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.rowid = f.rowid)',
      )
      .pluck()
      .get() as number;
    if (stale + orphans > 0)
      problems.push(
        `document_facts: ${stale} documents missing or out of date, ${orphans} rows without a document`,
      );
    return { ok: problems.length === 0, problems };
  }

  async close(): Promise<void> {
    if (this.isView) return;
    await this.searchPool?.close();
    if (this.db.open) {
      try {
        // A bulk extraction that did not finish its iteration (an error, an interrupted CLI).
        if (this.indexOwner) restoreIndexes(this.db, this.indexOwner);
        if (!this.db.readonly) this.db.pragma('optimize');
      } finally {
        if (this.indexOwner) releaseIndexOwner(this.indexOwner);
        this.db.close();
      }
    }
  }
}
