import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { StoreError, tlpFromRank, tlpRank, type TlpLevel } from '../../core/index.js';
import type { ClaimCluster, StreamedReuseReport } from '../../provenance/index.js';
import type { Resolution, ResolutionRows } from '../../resolve/index.js';
import { parseQuery } from '../query/parse.js';
import { hasPhrase, TS_CONFIG, toTsQuery } from '../query/tsquery.js';
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
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../snippet.js';
import type { Store } from '../store.js';
import type {
  DocumentLink,
  MarkedIngestItem,
  IngestBatch,
  IngestBatchResult,
  IngestRun,
  StartRunOptions,
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
  entityAndSourceFacets,
  FACET_SAMPLE,
  facetKey,
  sampleKey,
  languageAndKindFacets,
  MENTIONS_ENTITY_SQL,
  sourceSql,
  type LanguageKindCount,
} from '../search-facets.js';

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
import { numberPlaceholders } from '../analysis-sql.js';
import {
  entryKey,
  MENTION_DICTIONARIES,
  MENTION_NAMES,
  MENTION_SPAN_COLUMNS,
  MentionIdCache,
  mentionSpanValues,
  type MentionDictionary,
} from '../mention-rows.js';
import {
  EXTRACTION_FIELDS,
  EXTRACTION_STORED_TABLES,
  EXTRACTION_TABLES,
  PLAIN_EXTRACTION_FIELDS,
  PLAIN_EXTRACTION_TABLES,
  storedTableOf,
  groupExtractions,
  type ExtractionField,
} from '../extraction-rows.js';
import { MissingDocumentError } from '../document-keys.js';
import {
  CHANGE_TOKEN_SQL,
  ENSURE_RANKED_INDEX,
  migratePostgres,
  quoteIdent,
  RANKED_INDEX,
  WORDS_INDEX,
} from './migrations.js';
import { QueryReadings } from './query-readings.js';
import { schemaPool, type SchemaPool } from './schema-pool.js';
import {
  bestPassing,
  countsOfPairs,
  countsPassing,
  KEPT_MATCHES,
  rankedMatches,
  wordsOnly,
  type RankedMatches,
  type RankedMatchRow,
} from './ranked-matches.js';
import { DEFAULT_SEARCH_CACHE_ENTRIES, SearchCache } from '../search-cache.js';
import { maxRankFor, notHidden, RestrictedViewError, type MaxRank } from '../visibility.js';

/**
 * Each document's source (see sourceSql), kept by triggers at write time (migration 10): the
 * relation the source facet counts, and the value the source filter tests on each match.
 */
const SOURCES = 'document_sources';
/** The source as derived from a document's rows: what document_sources must hold. */
const DERIVED_SOURCE_SQL = sourceSql('strpos');
const SOURCE_SQL = '(SELECT ds.source FROM document_sources ds WHERE ds.document_id = d.id)';

/**
 * How a search's words are matched: `ranked` for a read in rank order from the RUM index,
 * `count` for a count on a bitmap, `plain` otherwise (see PostgresStore.matchQuery).
 */
type MatchMode = 'plain' | 'ranked' | 'count';

const MAX_SEARCH_LIMIT = 500;
/** A run expecting this many files into an empty store builds the ranked index after the load. */
const BULK_LOAD_FILES = 10_000;
/** An ingest run storing this many documents refreshes the planner's statistics. */
const ANALYZE_AFTER_DOCUMENTS = 1000;
/**
 * A tsvector holds at most 1 MB; longer bodies are indexed on their first characters only
 * (the full text is still stored and shown).
 */
const MAX_INDEXED_CHARS = 400_000;
/**
 * ts_headline drops anything that looks like an HTML tag; snippets must show a document's
 * characters as they are, so `<` is swapped for a private-use character around the call.
 */
const TAG_GUARD = '\uE000';
const TABLES = [
  'documents',
  'document_origins',
  'document_links',
  'emails',
  'intel_reports',
  'completed_files',
  'ingest_runs',
  'ingest_failures',
  'extractions',
  'reuse_pairs',
  'passage_groups',
  'passage_occurrences',
  'claim_clusters',
  'claim_members',
  'analyst_grades',
  'entities',
  'entity_aliases',
  'alias_document_keys',
  'document_sources',
  'entity_keys',
  'mention_entity_keys',
  'entity_merges',
  'entity_decisions',
  'hypotheses',
  'hypothesis_marks',
  ...EXTRACTION_STORED_TABLES,
];

/** Mention dictionary entries written per statement: at most seven parameters each (limit 65,535). */
const DICTIONARY_ENTRIES_PER_STATEMENT = 1000;

/**
 * Writes the `pending` entries of a mention dictionary (by key), in key order, and puts the ids
 * of them and of any other entry read back with them in `ids`.
 */
async function writeDictionary(
  client: pg.PoolClient,
  dictionary: MentionDictionary,
  pending: ReadonlyMap<string, readonly unknown[]>,
  ids: MentionIdCache,
): Promise<void> {
  const { table, columns } = dictionary;
  const sorted = [...pending].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const width = columns.length;
  for (let at = 0; at < sorted.length; at += DICTIONARY_ENTRIES_PER_STATEMENT) {
    const chunk = sorted.slice(at, at + DICTIONARY_ENTRIES_PER_STATEMENT);
    const tuples = chunk.map(
      (_, i) => `(${columns.map((_, c) => `$${i * width + c + 1}`).join(', ')})`,
    );
    await client.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}
       ON CONFLICT DO NOTHING`,
      chunk.flatMap(([, values]) => values),
    );
    // Read back by their first column (a name's type and name; a reading's rule): a few more
    // rows than written, each of which is worth knowing.
    const { rows } = await client.query<Record<string, unknown>>(
      dictionary === MENTION_NAMES
        ? `SELECT id, ${columns.join(', ')} FROM ${table}
           WHERE (type, normalized) IN (SELECT * FROM unnest($1::text[], $2::text[]))`
        : `SELECT id, ${columns.join(', ')} FROM ${table} WHERE source = ANY($1::text[])`,
      dictionary === MENTION_NAMES
        ? [chunk.map(([, values]) => values[0]), chunk.map(([, values]) => values[1])]
        : [[...new Set(chunk.map(([, values]) => values[0]))]],
    );
    for (const row of rows) {
      const values = columns.map((column) => row[column]);
      ids.set(dictionary, entryKey(dictionary, values), Number(row.id));
    }
    const unread = chunk.find(([key]) => !ids.has(dictionary, key));
    if (unread) {
      throw new StoreError(
        'STORE_FAILURE',
        `An entry of ${table} was written but not read back: ${unread[0]}`,
        { hint: 'Nothing from this batch was stored; run `crosscheck extract` again.' },
      );
    }
  }
}

/**
 * One multi-row INSERT of a document's rows of one table (keyed document_key, seq by position),
 * which keeps round trips low.
 */
async function insertRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  documentKey: string,
  rows: readonly unknown[][],
): Promise<void> {
  if (rows.length === 0) return;
  const width = columns.length + 2;
  const values: unknown[] = [];
  const tuples = rows.map((row, seq) => {
    values.push(documentKey, seq, ...row);
    return `(${Array.from({ length: width }, (_, i) => `$${seq * width + i + 1}`).join(', ')})`;
  });
  await client.query(
    `INSERT INTO ${table}(document_key, seq, ${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
    values,
  );
}

/** The store's tables' bytes, indexes and TOAST included; `$1` the schema, `$2` TABLES. */
const TABLE_BYTES_SQL = `SELECT coalesce(sum(pg_total_relation_size(format('%I.%I', $1::text, t)::regclass)), 0)
  AS n FROM unnest($2::text[]) AS t`;

const HEADLINE_OPTIONS = `StartSel=${SNIPPET_OPEN}, StopSel=${SNIPPET_CLOSE}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * A search hit's columns, over ranked rows `hits` (id, kind, title, language, published_at,
 * tlp_rank, body, query, score); `options` is the parameter holding HEADLINE_OPTIONS.
 */
const HIT_COLUMNS = (options: string) => `
  SELECT h.id, h.kind, h.title, h.language, h.published_at, h.tlp_rank, h.score,
    (SELECT origin FROM document_origins o WHERE o.document_id = h.id ORDER BY seq LIMIT 1) AS origin,
    ts_headline('${TS_CONFIG}',
      replace(coalesce(h.title, '') || E'\\n' || left(h.body, ${MAX_INDEXED_CHARS}), '<', '${TAG_GUARD}'),
      h.query, ${options}) AS snippet
  FROM hits h ORDER BY h.score DESC, h.id`;

/** The tsquery and the ranked index's candidates PostgreSQL makes of a search text, as text. */
async function readQuery(pool: SchemaPool, text: string): Promise<string> {
  const ast = parseQuery(text);
  const params: unknown[] = [];
  const query = toTsQuery(ast, params);
  const candidates = toTsQuery(ast, params, true);
  const { rows } = await pool.query<{ reading: string }>(
    `SELECT (${query})::text || E'\\n' || (${candidates})::text AS reading`,
    params,
  );
  const reading = rows[0]?.reading;
  if (typeof reading !== 'string') throw new Error(`No reading of ${JSON.stringify(text)}`);
  return reading;
}

export interface PostgresLocation {
  connectionString: string;
  schema: string;
}

/** `postgres://user@host/db?schema=case42` → connection string without `schema`, and the schema. */
export function parsePostgresLocation(location: string): PostgresLocation {
  const url = new URL(location);
  const schema = url.searchParams.get('schema') ?? 'crosscheck';
  if (!/^[a-z_][a-z0-9_]{0,62}$/i.test(schema)) {
    throw new StoreError('STORE_FAILURE', `Invalid schema name "${schema}" in the store URL`, {
      hint: 'Use letters, digits and underscores, starting with a letter.',
    });
  }
  url.searchParams.delete('schema');
  return { connectionString: url.toString(), schema };
}

const queryFailed = (error: unknown) =>
  new StoreError('STORE_FAILURE', `PostgreSQL query failed: ${String(error)}`, { cause: error });

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  /** The URL `open` was given (schema included); views keep null. */
  private openedAt: string | null = null;
  /** The highest TLP rank this store's reads show; null on the full store (no filter at all). */
  private readonly maxRank: MaxRank;
  private readonly analysis = analysisQueries(
    (sql, params) => this.query(numberPlaceholders(sql), params),
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

  private constructor(
    private readonly pool: SchemaPool,
    private readonly schema: string,
    /** Whether the schema has the RUM index, which reads matches in rank order (migrations.ts). */
    private readonly rankedIndex: boolean,
    readonly clearance: TlpLevel = 'RED',
    /** A restricted view: pipeline writes refuse, close() leaves the shared pool open. */
    private readonly isView = false,
    /** Shared by the store and its views (the clearance is part of each key). */
    private readonly searchCache = new SearchCache(DEFAULT_SEARCH_CACHE_ENTRIES),
    /** The views of the store, by level: shared, so a view's views are the same objects. */
    private readonly views = new Map<TlpLevel, PostgresStore>(),
    /** How PostgreSQL reads each search text: the cache keys answers by it. Shared like the cache. */
    private readonly readings = new QueryReadings((text) => readQuery(pool, text)),
  ) {
    this.maxRank = maxRankFor(clearance);
  }

  /** Runs started by this handle that dropped the ranked index for a bulk load (startRun). */
  private readonly deferredIndexRuns = new Set<string>();
  /** The ids of the mention names and readings this handle wrote or found (mention-rows.ts). */
  private readonly mentionIds = new MentionIdCache();

  /**
   * Changes whenever anything is committed to this schema, by any process (workers, other
   * servers, the CLI), and only then: the schema's change marker (migrations.ts), so another
   * collection's ingest leaves this one's cache alone.
   */
  private async changeToken(): Promise<string> {
    const [row] = await this.query<{ token: string }>(CHANGE_TOKEN_SQL);
    // Never a token to cache under when the marker row is gone (an administrator's doing).
    return `${this.schema}:${row?.token ?? randomUUID()}`;
  }

  /**
   * The cached answer, or `run`'s. `run` gets the change token (null without a cache) so that the
   * parts of one search it looks up under the same token cost no further round trip; `token`
   * is such a token, handed down.
   */
  private async cachedSearch<T>(
    kind: string,
    query: SearchQuery,
    run: (token: string | null) => Promise<T>,
    token?: string | null,
  ): Promise<T> {
    // Without a cache, no round trip for the token.
    if (!this.searchCache.enabled) return run(null);
    const current =
      token ?? (await Promise.all([this.changeToken(), this.readings.learn(query.text)]))[0];
    return this.searchCache.get(current, this.cacheKey(kind, query), () => run(current));
  }

  /** A cached answer of this kind for the query, if one is at hand; computes nothing. */
  private cachedAnswer<T>(
    kind: string,
    query: SearchQuery,
    token: string | null,
  ): Promise<T> | undefined {
    return token === null ? undefined : this.searchCache.peek<T>(token, this.cacheKey(kind, query));
  }

  private cacheKey(kind: string, query: SearchQuery): string {
    const reading = this.readings.of(query.text);
    const keyed = reading === undefined ? query : { ...query, text: undefined, reading };
    return `${kind}\u0000${this.clearance}\u0000${JSON.stringify(keyed)}`;
  }

  /** The store as a reader cleared up to `clearance` sees it (see Store.restrictedTo). */
  restrictedTo(clearance: TlpLevel): Store {
    // A view of a view never sees more than the view it came from.
    const level = tlpRank(clearance) < tlpRank(this.clearance) ? clearance : this.clearance;
    // One view per level, kept (as the SQLite store does): a server asks per request.
    let view = this.views.get(level);
    if (!view) {
      view = new PostgresStore(
        this.pool,
        this.schema,
        this.rankedIndex,
        level,
        true,
        this.searchCache,
        this.views,
        this.readings,
      );
      this.views.set(level, view);
    }
    return view;
  }

  private refuseOnView(operation: string): void {
    if (this.isView) throw new RestrictedViewError(operation);
  }

  /** ` AND <column> <= rank` on a restricted view, nothing on the full store. */
  private visible(column: string): string {
    // The rank is our own integer (0–4), never user input.
    return this.maxRank === null ? '' : ` AND ${column} <= ${this.maxRank}`;
  }

  /** ` AND <column> is not a hidden document's id` on a restricted view. */
  private notHidden(column: string): string {
    return this.maxRank === null
      ? ''
      : ` AND ${notHidden(column).replace('?', String(this.maxRank))}`;
  }

  async setDocumentTlp(id: string, level: TlpLevel): Promise<boolean> {
    const rows = await this.query(
      `UPDATE documents SET tlp_rank = $1 WHERE id = $2${this.visible('tlp_rank')} RETURNING id`,
      [tlpRank(level), id],
    );
    return rows.length > 0;
  }

  static async open(
    location: string,
    options: { searchCacheEntries?: number; rankedIndex?: boolean } = {},
  ): Promise<PostgresStore> {
    const { connectionString, schema } = parsePostgresLocation(location);
    const pool = schemaPool(connectionString, schema);
    let client: pg.PoolClient | undefined;
    let ranked = false;
    try {
      client = await pool.connect();
      await migratePostgres(client, schema);
      const { rows } = await client.query<{ present: boolean }>(
        'SELECT EXISTS (SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND indexname = $2) AS present',
        [schema, RANKED_INDEX],
      );
      ranked = rows[0]!.present && options.rankedIndex !== false;
    } catch (error) {
      client?.release();
      await pool.end();
      if (error instanceof StoreError) throw error;
      throw new StoreError('STORE_FAILURE', `Cannot open the PostgreSQL store: ${String(error)}`, {
        hint: 'Check that PostgreSQL is running, the URL is right, and the user may create schemas and extensions (unaccent, pg_trgm).',
        cause: error,
      });
    }
    client.release();
    const cache = new SearchCache(options.searchCacheEntries ?? DEFAULT_SEARCH_CACHE_ENTRIES);
    const store = new PostgresStore(pool, schema, ranked, 'RED', false, cache);
    store.openedAt = location;
    return store;
  }

  get location(): string | null {
    return this.isView ? null : this.openedAt;
  }

  private async query<R extends pg.QueryResultRow>(
    sql: string,
    params: unknown[] = [],
  ): Promise<R[]> {
    try {
      return (await this.pool.query<R>(sql, params)).rows;
    } catch (error) {
      throw queryFailed(error);
    }
  }

  async startRun(inputs: string[], options: StartRunOptions = {}): Promise<IngestRun> {
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
    await this.query('INSERT INTO ingest_runs(id, started_at, inputs) VALUES ($1, $2, $3)', [
      run.id,
      run.startedAt,
      JSON.stringify(inputs),
    ]);
    if (this.rankedIndex && (options.expectedFiles ?? 0) >= BULK_LOAD_FILES) {
      if (await this.dropRankedIndexWhileEmpty()) this.deferredIndexRuns.add(run.id);
    }
    return run;
  }

  /**
   * Before a large first load, drops the ranked index so that it is built once at the end:
   * keeping RUM up to date on every insert cut ingest to a quarter (60 instead of 250 documents/s
   * at 100,000, and the build afterwards took 22 s). Only into an empty store, where no search is
   * lost meanwhile; whatever happens, the index comes back: at the end of the run, when this
   * handle closes, or when any handle next opens the store (the migrations ensure it).
   */
  private async dropRankedIndexWhileEmpty(): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ empty: boolean }>(
        'SELECT NOT EXISTS (SELECT 1 FROM documents) AS empty',
      );
      if (rows[0]?.empty) {
        await client.query(
          `DROP INDEX IF EXISTS ${RANKED_INDEX}; DROP INDEX IF EXISTS ${WORDS_INDEX}`,
        );
      }
      await client.query('COMMIT');
      return rows[0]?.empty === true;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw queryFailed(error);
    } finally {
      client.release();
    }
  }

  /** Builds the ranked index dropped for a bulk load (a no-op when it is there). */
  private async restoreRankedIndex(runId: string): Promise<void> {
    if (!this.deferredIndexRuns.delete(runId)) return;
    const client = await this.pool.connect();
    try {
      // The default 64 MB sorts the build in many passes (22 s at 100,000 documents with 256).
      await client.query(`BEGIN; SET LOCAL maintenance_work_mem = '256MB'`);
      await client.query(ENSURE_RANKED_INDEX);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw queryFailed(error);
    } finally {
      client.release();
    }
  }

  async finishRun(
    runId: string,
    counts: Pick<IngestRun, 'succeeded' | 'failed' | 'duplicates'>,
  ): Promise<void> {
    this.refuseOnView('finishRun');
    await this.query(
      'UPDATE ingest_runs SET finished_at = $1, succeeded = $2, failed = $3, duplicates = $4 WHERE id = $5',
      [new Date().toISOString(), counts.succeeded, counts.failed, counts.duplicates, runId],
    );
    // Fresh statistics after a large ingest: without them the planner takes a common word for a
    // rare one and counts its matches by reading every row (1 s instead of 30 ms at 100,000
    // documents) until autovacuum gets round to it. A queue worker's small chunks leave it to
    // autovacuum.
    await this.restoreRankedIndex(runId);
    if (counts.succeeded >= ANALYZE_AFTER_DOCUMENTS) await this.query('ANALYZE documents');
  }

  async writeBatch(batch: IngestBatch): Promise<IngestBatchResult> {
    this.refuseOnView('writeBatch');
    const now = new Date().toISOString();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      let inserted = 0;
      let duplicates = 0;
      for (const item of batch.items) {
        if (await this.insertDocument(client, item, now)) inserted++;
        else duplicates++;
        await client.query(
          `INSERT INTO document_origins(document_id, origin, first_seen) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING`,
          [item.document.id, item.document.origin, now],
        );
        if (item.parent) {
          await client.query(
            `INSERT INTO document_links(parent_id, child_id, relation, name) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING`,
            [item.parent.parentId, item.document.id, item.parent.relation, item.parent.name ?? ''],
          );
        }
      }
      for (const f of batch.failures) {
        await client.query(
          `INSERT INTO ingest_failures(run_id, path, parser, code, reason, hint, byte_offset, line, at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [batch.runId, f.path, f.parser, f.code, f.reason, f.hint, f.byteOffset, f.line, now],
        );
      }
      for (const file of batch.completedFiles) {
        await client.query(
          `INSERT INTO completed_files(content_id, path, completed_at) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING`,
          [file.contentId, file.path, now],
        );
      }
      await client.query('COMMIT');
      return { inserted, duplicates };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw new StoreError('STORE_FAILURE', `Writing an ingest batch failed: ${String(error)}`, {
        hint: 'Nothing from this batch was stored; run the ingest again to resume.',
        cause: error,
      });
    } finally {
      client.release();
    }
  }

  private async insertDocument(
    client: pg.PoolClient,
    item: MarkedIngestItem,
    now: string,
  ): Promise<boolean> {
    const d = item.document;
    const rank = tlpRank(item.tlp ?? 'CLEAR');
    const result = await client.query(
      `INSERT INTO documents
         (id, kind, title, body, language, published_at, byline, mime_type, size_bytes, metadata, ingested_at, tlp_rank, search)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
         setweight(to_tsvector('${TS_CONFIG}', coalesce($3, '')), 'A') ||
         setweight(to_tsvector('${TS_CONFIG}', left($4, ${MAX_INDEXED_CHARS})), 'D'))
       ON CONFLICT (id) DO NOTHING`,
      [
        d.id,
        d.kind,
        d.title,
        d.text,
        d.language,
        d.publishedAt,
        d.byline,
        d.mimeType,
        d.sizeBytes,
        JSON.stringify(d.metadata ?? {}),
        now,
        rank,
      ],
    );
    if (result.rowCount === 0) {
      // Re-ingest never lowers a marking: the stricter of the stored and the new one wins.
      if (rank > 0)
        await client.query('UPDATE documents SET tlp_rank = $1 WHERE id = $2 AND tlp_rank < $1', [
          rank,
          d.id,
        ]);
      return false;
    }
    if (d.email) {
      const e = d.email;
      await client.query(
        `INSERT INTO emails (document_id, message_id, in_reply_to, refs, thread_id, from_addr,
           to_addrs, cc_addrs, subject, sent_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
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
        ],
      );
    }
    if (d.intel) {
      const i = d.intel;
      await client.query(
        `INSERT INTO intel_reports (document_id, code, publication, attribution, source_description,
           source_reliability, item_credibility, special_handling, source_handler, subject_type,
           subject_country, subject_topic, fields)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
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
        ],
      );
    }
    return true;
  }

  async isFileCompleted(contentId: string): Promise<boolean> {
    return (
      (await this.query('SELECT 1 FROM completed_files WHERE content_id = $1', [contentId]))
        .length > 0
    );
  }

  async hasDocument(id: string): Promise<boolean> {
    return (
      (await this.query(`SELECT 1 FROM documents WHERE id = $1${this.visible('tlp_rank')}`, [id]))
        .length > 0
    );
  }

  async listFailures(options: { runId?: string; limit?: number } = {}): Promise<LoggedFailure[]> {
    const limit = Math.min(options.limit ?? 1000, 100_000);
    const rows = options.runId
      ? await this.query<FailureRow>(
          'SELECT * FROM ingest_failures WHERE run_id = $1 ORDER BY id LIMIT $2',
          [options.runId, limit],
        )
      : await this.query<FailureRow>('SELECT * FROM ingest_failures ORDER BY id LIMIT $1', [limit]);
    return rows.map(toFailure);
  }

  async listRuns(limit = 20): Promise<IngestRun[]> {
    const rows = await this.query<RunRow>(
      'SELECT * FROM ingest_runs ORDER BY started_at DESC LIMIT $1',
      [limit],
    );
    return rows.map(toRun);
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    const [row] = await this.query<DocumentRow>(
      `SELECT * FROM documents WHERE id = $1${this.visible('tlp_rank')}`,
      [id],
    );
    return row ? this.toDocument(row) : null;
  }

  async getDocumentText(id: string): Promise<string | null> {
    const [row] = await this.query<{ body: string }>(
      `SELECT body FROM documents WHERE id = $1${this.visible('tlp_rank')}`,
      [id],
    );
    return row?.body ?? null;
  }

  private async toDocument(row: DocumentRow): Promise<StoredDocument> {
    const [origins, emails, intel] = await Promise.all([
      this.query<{ origin: string }>(
        'SELECT origin FROM document_origins WHERE document_id = $1 ORDER BY seq',
        [row.id],
      ),
      this.query<EmailRow>('SELECT * FROM emails WHERE document_id = $1', [row.id]),
      this.query<IntelRow>('SELECT * FROM intel_reports WHERE document_id = $1', [row.id]),
    ]);
    return toDocument(
      row,
      origins.map((o) => o.origin),
      emails[0],
      intel[0],
    );
  }

  async resolveDocumentId(idOrPrefix: string): Promise<string | null> {
    const prefix = idOrPrefix.toLowerCase();
    if (!/^[0-9a-f]{6,64}$/.test(prefix)) return null;
    const rows = await this.query<{ id: string }>(
      `SELECT id FROM documents WHERE id >= $1 AND id < $2${this.visible('tlp_rank')} ORDER BY id LIMIT 2`,
      [prefix, `${prefix}g`],
    );
    return rows.length === 1 ? rows[0]!.id : null;
  }

  async getLinks(
    documentId: string,
  ): Promise<{ parents: DocumentLink[]; children: DocumentLink[] }> {
    if (this.maxRank !== null && !(await this.hasDocument(documentId)))
      return { parents: [], children: [] };
    const [parents, children] = await Promise.all([
      this.query<LinkRow>(
        `SELECT * FROM document_links WHERE child_id = $1${this.notHidden('parent_id')} ORDER BY parent_id`,
        [documentId],
      ),
      this.query<LinkRow>(
        `SELECT * FROM document_links WHERE parent_id = $1${this.notHidden('child_id')} ORDER BY name`,
        [documentId],
      ),
    ]);
    return { parents: parents.map(toLink), children: children.map(toLink) };
  }

  async *iterateDocuments(options: { batchSize?: number } = {}): AsyncIterable<StoredDocument> {
    const batchSize = options.batchSize ?? 500;
    let after = 0;
    for (;;) {
      const rows = await this.query<DocumentRow & { rowid: string }>(
        `SELECT * FROM documents WHERE rowid > $1${this.visible('tlp_rank')} ORDER BY rowid LIMIT $2`,
        [after, batchSize],
      );
      if (rows.length === 0) return;
      for (const row of rows) yield await this.toDocument(row);
      after = Number(rows.at(-1)!.rowid);
    }
  }

  async writeExtractions(records: ExtractionRecord[]): Promise<void> {
    this.refuseOnView('writeExtractions');
    const now = new Date().toISOString();
    const client = await this.pool.connect();
    try {
      await this.writeMentionDictionaries(client, records);
      await client.query('BEGIN');
      for (const record of records) {
        const { rows: keys } = await client.query<{ rowid: string }>(
          'SELECT rowid FROM documents WHERE id = $1',
          [record.documentId],
        );
        if (keys.length === 0) throw new MissingDocumentError(record.documentId);
        const documentKey = keys[0]!.rowid;
        for (const field of EXTRACTION_FIELDS) {
          await client.query(
            `DELETE FROM ${storedTableOf(EXTRACTION_TABLES[field])} WHERE document_key = $1`,
            [documentKey],
          );
        }
        await insertRows(
          client,
          'mention_spans',
          MENTION_SPAN_COLUMNS,
          documentKey,
          record.extraction.mentions.map((m) =>
            mentionSpanValues(
              m,
              this.mentionIds.spanIds(m, (dictionary) => {
                throw new Error(`${dictionary.table}: an entry was not written first`);
              }),
            ),
          ),
        );
        for (const field of PLAIN_EXTRACTION_FIELDS) {
          const { table, columns, toValues } = PLAIN_EXTRACTION_TABLES[field];
          const items = record.extraction[field];
          await insertRows(
            client,
            table,
            columns,
            documentKey,
            items.map((item) => (toValues as (v: typeof item) => unknown[])(item)),
          );
        }
        await client.query(
          `INSERT INTO extractions(document_id, extractor_version, extracted_at) VALUES ($1, $2, $3)
           ON CONFLICT (document_id) DO UPDATE
           SET extractor_version = excluded.extractor_version, extracted_at = excluded.extracted_at`,
          [record.documentId, record.extractorVersion, now],
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      if (error instanceof MissingDocumentError) throw error;
      throw new StoreError('STORE_FAILURE', `Writing extraction results failed: ${String(error)}`, {
        hint: 'Nothing from this batch was stored; run `crosscheck extract` again.',
        cause: error,
      });
    } finally {
      client.release();
    }
  }

  /**
   * Writes the names and readings of the records' mentions that this handle has no id for, and
   * reads their ids. Each insert commits on its own, before the records' transaction: an entry is
   * never changed or deleted, so one written for a write that then fails is only unused, and
   * concurrent writers (queue workers) hold its lock for one statement, not for a whole batch.
   * Sorted, so that two writers inserting the same new entries take their locks in one order.
   */
  private async writeMentionDictionaries(client: pg.PoolClient, records: ExtractionRecord[]) {
    for (const dictionary of MENTION_DICTIONARIES) {
      const pending = new Map<string, readonly unknown[]>();
      for (const record of records) {
        for (const mention of record.extraction.mentions) {
          const key = dictionary.keyOf(mention);
          if (!this.mentionIds.has(dictionary, key) && !pending.has(key)) {
            pending.set(key, dictionary.values(mention));
          }
        }
      }
      await writeDictionary(client, dictionary, pending, this.mentionIds);
    }
  }

  async getExtraction(documentId: string): Promise<StoredExtraction | null> {
    if (this.maxRank !== null && !(await this.hasDocument(documentId))) return null;
    const [row] = await this.query<{ extractor_version: string; extracted_at: string }>(
      'SELECT * FROM extractions WHERE document_id = $1',
      [documentId],
    );
    if (!row) return null;
    const read = async (field: (typeof EXTRACTION_FIELDS)[number]) =>
      (
        await this.query(
          `SELECT * FROM ${EXTRACTION_TABLES[field].table}
           WHERE document_key = (SELECT rowid FROM documents WHERE id = $1) ORDER BY seq`,
          [documentId],
        )
      ).map((r) => EXTRACTION_TABLES[field].fromRow(r));
    const [mentions, dates, figures, quotes, claims, sourcesCited] = await Promise.all(
      EXTRACTION_FIELDS.map((field) => read(field)),
    );
    return {
      documentId,
      extractorVersion: row.extractor_version,
      extractedAt: row.extracted_at,
      extraction: {
        mentions: mentions as StoredExtraction['extraction']['mentions'],
        dates: dates as StoredExtraction['extraction']['dates'],
        figures: figures as StoredExtraction['extraction']['figures'],
        quotes: quotes as StoredExtraction['extraction']['quotes'],
        claims: claims as StoredExtraction['extraction']['claims'],
        sourcesCited: sourcesCited as StoredExtraction['extraction']['sourcesCited'],
      },
    };
  }

  async *iterateExtractedDocuments<F extends ExtractionField = ExtractionField>(
    options: { batchSize?: number; fields?: readonly F[] } = {},
  ): AsyncIterable<ExtractedDocument<F>> {
    const batchSize = options.batchSize ?? 500;
    const fields: readonly ExtractionField[] = options.fields ?? EXTRACTION_FIELDS;
    let after = '';
    for (;;) {
      // iterateDocuments' filter, less the documents never extracted, in id order: the analyses
      // that read it then give the same answer however the documents were ingested.
      const rows = await this.query<ExtractedDocumentRow>(
        `SELECT d.id, d.kind, d.title, d.body, d.published_at,
           e.extractor_version, e.extracted_at,
           (SELECT o.origin FROM document_origins o WHERE o.document_id = d.id
             ORDER BY o.seq LIMIT 1) AS origin,
           i.document_id IS NOT NULL AS has_intel, i.code AS intel_code
         FROM documents d
         JOIN extractions e ON e.document_id = d.id
         LEFT JOIN intel_reports i ON i.document_id = d.id
         WHERE d.id > $1${this.visible('d.tlp_rank')} ORDER BY d.id LIMIT $2`,
        [after, batchSize],
      );
      if (rows.length === 0) return;
      const ids = rows.map((row) => row.id);
      const tables = await Promise.all(
        fields.map((field) =>
          this.query(
            `SELECT d.id AS document_id, t.* FROM documents d
             JOIN ${EXTRACTION_TABLES[field].table} t ON t.document_key = d.rowid
             WHERE d.id = ANY($1::text[]) ORDER BY t.document_key, t.seq`,
            [ids],
          ),
        ),
      );
      const extractions = groupExtractions(
        ids,
        Object.fromEntries(fields.map((field, i) => [field, tables[i]!])),
      );
      for (const row of rows) yield toExtractedDocument(row, extractions.get(row.id)!);
      after = rows.at(-1)!.id;
    }
  }

  async *iterateDocumentsToExtract(
    extractorVersion: string,
    options: { batchSize?: number } = {},
  ): AsyncIterable<StoredDocument> {
    const batchSize = options.batchSize ?? 200;
    let after = 0;
    for (;;) {
      const rows = await this.query<DocumentRow & { rowid: string }>(
        `SELECT d.* FROM documents d LEFT JOIN extractions e ON e.document_id = d.id
         WHERE d.rowid > $1 AND (e.document_id IS NULL OR e.extractor_version <> $2)${this.visible('d.tlp_rank')}
         ORDER BY d.rowid LIMIT $3`,
        [after, extractorVersion, batchSize],
      );
      if (rows.length === 0) return;
      for (const row of rows) yield await this.toDocument(row);
      after = Number(rows.at(-1)!.rowid);
    }
  }

  async countDocumentsToExtract(extractorVersion: string): Promise<number> {
    const [row] = await this.query<{ n: string }>(
      `SELECT count(*) AS n FROM documents d LEFT JOIN extractions e ON e.document_id = d.id
       WHERE (e.document_id IS NULL OR e.extractor_version <> $1)${this.visible('d.tlp_rank')}`,
      [extractorVersion],
    );
    return Number(row?.n ?? 0);
  }

  async replaceReuse(report: StreamedReuseReport): Promise<void> {
    this.refuseOnView('replaceReuse');
    await this.runStatements(reuseRows(report), 'text reuse', '`crosscheck reuse`');
  }

  async replaceClaimClusters(clusters: Iterable<ClaimCluster>): Promise<void> {
    this.refuseOnView('replaceClaimClusters');
    await this.runStatements(
      replaceClaimStatements(clusters),
      'claim provenance',
      '`crosscheck analyze`',
    );
  }

  async replaceResolution(resolution: ResolutionRows | Resolution): Promise<void> {
    this.refuseOnView('replaceResolution');
    await this.runStatements(
      replaceResolutionStatements(resolution),
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
    const [row] = await this.query<{ id: string }>(
      `${numberPlaceholders(sql)} RETURNING id`,
      params,
    );
    return { ...decision, id: Number(row!.id), clearance: tlpFromRank(rank) };
  }

  async addHypothesis(hypothesis: AnalystWrite<StoredHypothesis>): Promise<StoredHypothesis> {
    const rank = writerRank(this.clearance, hypothesis.clearance);
    const { hypothesis: stored, statement } = newHypothesis(hypothesis, rank);
    await this.query(numberPlaceholders(statement.sql), statement.params);
    return stored;
  }

  async addHypothesisMark(mark: AnalystWrite<RecordedMark>): Promise<RecordedMark> {
    const rank = writerRank(this.clearance, mark.clearance);
    const { sql, params } = insertMarkStatement(mark, rank);
    const [row] = await this.query<{ id: string }>(
      `${numberPlaceholders(sql)} RETURNING id`,
      params,
    );
    return { ...mark, id: Number(row!.id), clearance: tlpFromRank(rank) };
  }

  async addAnalystGrade(grade: AnalystWrite<RecordedGrade>): Promise<RecordedGrade> {
    const rank = writerRank(this.clearance, grade.clearance);
    const { sql, params } = insertGradeStatement(grade, rank);
    const [row] = await this.query<{ id: string }>(
      `${numberPlaceholders(sql)} RETURNING id`,
      params,
    );
    return { ...grade, id: Number(row!.id), clearance: tlpFromRank(rank) };
  }

  /**
   * Runs statements in one transaction; on failure nothing changes. They are read as they run, so
   * they may be made lazily.
   */
  private async runStatements(
    statements: Iterable<Statement>,
    what: string,
    retry: string,
  ): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (const { sql, params } of statements) await client.query(numberPlaceholders(sql), params);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw new StoreError('STORE_FAILURE', `Writing ${what} failed: ${String(error)}`, {
        hint: `The previous results are unchanged; run ${retry} again.`,
        cause: error,
      });
    } finally {
      client.release();
    }
  }

  /**
   * Best matches first. With the RUM index the order is its distance, read from the index in that
   * order (a tie-breaker would make PostgreSQL rank every match from the heap instead; ties keep
   * the index's fixed order); without it, every match is ranked with ts_rank_cd.
   */
  private rankOrder(exhaustive = false): string {
    return this.usesRankedIndex(exhaustive)
      ? 'd.search <=> q.candidates'
      : 'ts_rank_cd(d.search, q.query) DESC, d.id';
  }

  /** A match's score, higher for better: RUM's distance is the inverse of its rank. */
  private rankScore(exhaustive = false): string {
    return this.usesRankedIndex(exhaustive)
      ? '1 / greatest(d.search <=> q.candidates, 1e-9)'
      : 'ts_rank_cd(d.search, q.query)';
  }

  /** An exhaustive search (an export paging through every match) wants ids in a total order. */
  private usesRankedIndex(exhaustive: boolean): boolean {
    return this.rankedIndex && !exhaustive;
  }

  /**
   * Runs a query ordered by RUM distance on the index's ordered scan. The index returns equal
   * distances in one fixed order whatever the LIMIT, so pages never overlap; a plan that sorted
   * by distance alone (which PostgreSQL may prefer on a small table) would break ties
   * differently per LIMIT and repeat or skip hits across pages.
   */
  private async rankedQuery<R extends pg.QueryResultRow>(
    sql: string,
    params: unknown[],
    exhaustive = false,
  ): Promise<R[]> {
    if (!this.usesRankedIndex(exhaustive)) return this.query<R>(sql, params);
    return this.plannedQuery<R>(
      'SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off',
      sql,
      params,
    );
  }

  /**
   * Counts (and groups) at most SEARCH_COUNT_LIMIT + 1 matches on a bitmap of the full-text index.
   * Left to itself the planner reads the table in order for a LIMIT it expects to reach soon,
   * testing every row's vector (477 ms instead of 8 for a word in 18,000 of 100,000 documents).
   */
  private boundedCountQuery<R extends pg.QueryResultRow>(sql: string, params: unknown[]) {
    return this.plannedQuery<R>(
      'SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off',
      sql,
      params,
    );
  }

  /** Runs one read-only query under plan settings of its own (SET LOCAL ends with it). */
  private async plannedQuery<R extends pg.QueryResultRow>(
    settings: string,
    sql: string,
    params: unknown[],
  ): Promise<R[]> {
    const client = await this.pool.connect();
    try {
      // jit off: the disabled plans cost 10^10, past JIT's threshold, and compiling the query
      // took ~150 ms of a 17 ms search.
      await client.query(`BEGIN READ ONLY; ${settings}; SET LOCAL jit = off`);
      const { rows } = await client.query<R>(sql, params);
      await client.query('COMMIT');
      return rows;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw queryFailed(error);
    } finally {
      client.release();
    }
  }

  /**
   * The match and filter clauses of a search; `skip` leaves one filter out (for its facet).
   * `ranked`: for a read in rank order from the RUM index, which reads the query's cheaper
   * candidates (`q.candidates`, see toTsQuery) and keeps those that match the query itself.
   */
  private searchClauses(
    query: SearchQuery,
    params: unknown[],
    skip?: 'languages' | 'kinds' | 'sources',
    mode: MatchMode = 'plain',
  ) {
    const { matches, source } = this.matchQuery(query, params, mode);
    // The clearance sits in the same row as the index: one comparison, in the count, the ranked
    // page and the facets alike.
    const where: string[] = [`${matches}${this.visible('(d.tlp_rank + 0)')}`];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    // The full-text index finds the rows and the filters test them, never the other way round:
    // an indexable filter let the planner drive a bounded count from the language index, testing
    // the words on 35,000 rows ("cartel" in Spanish, 100,000 documents: 428 ms, 57 ms the right
    // way). `IS TRUE` (and `+ 0` above) keep a condition off every index, meaning the same.
    const onRow = (condition: string) => where.push(`(${condition}) IS TRUE`);
    if (query.languages?.length && skip !== 'languages')
      onRow(`d.language = ANY(${bind(query.languages)})`);
    if (query.kinds?.length && skip !== 'kinds') onRow(`d.kind = ANY(${bind(query.kinds)})`);
    if (query.from) onRow(`d.published_at >= ${bind(query.from)}`);
    if (query.to) onRow(`d.published_at < ${bind(`${query.to}\uffff`)}`);
    for (const entity of query.entities ?? [])
      where.push(MENTIONS_ENTITY_SQL.replace('?', bind(entity)));
    if (query.sources?.length && skip !== 'sources')
      where.push(`${SOURCE_SQL} = ANY(${bind(query.sources)})`);
    return { source, where, bind };
  }

  /**
   * The search's tsquery as the subquery `q` (`source`) and the condition a document matches it
   * by. Ranked, `q` also holds the candidates, the index reads them, and each candidate is tested
   * against the query itself unless the two are the same (then the test is planned away: both are
   * constants by then). Only the few candidates a page reads are tested: counting tests every one
   * (114 ms against 40 for a bitmap of the phrase in the index), so counts are not ranked.
   *
   * Counted, a query without a quoted phrase reads the words index (see WORDS_INDEX). Its vectors
   * have no positions, so a tsquery that still holds a phrase operator (a word the parser splits,
   * such as "U.S.") matches a superset there; `q.phrase` notices and tests those rows' own vectors.
   */
  private matchQuery(query: SearchQuery, params: unknown[], mode: MatchMode) {
    const ast = parseQuery(query.text);
    const tsquery = toTsQuery(ast, params);
    if (mode === 'count' && this.rankedIndex && !hasPhrase(ast)) {
      return {
        matches: 'strip(d.search) @@ q.query AND (NOT q.phrase OR d.search @@ q.query)',
        source: `(SELECT t.query, strpos(t.query::text, '<') > 0 AS phrase
                  FROM (SELECT ${tsquery} AS query) t) q`,
      };
    }
    if (mode !== 'ranked') {
      return { matches: 'd.search @@ q.query', source: `(SELECT ${tsquery} AS query) q` };
    }
    const candidates = toTsQuery(ast, params, true);
    return {
      matches:
        'd.search @@ q.candidates AND (q.candidates = q.query OR ts_match_vq(d.search, q.query))',
      source: `(SELECT ${tsquery} AS query, ${candidates} AS candidates) q`,
    };
  }

  async searchFacets(query: SearchQuery): Promise<SearchFacets> {
    return this.cachedSearch('facets', facetKey(query), (token) =>
      this.searchFacetsNow(query, token),
    );
  }

  private async searchFacetsNow(query: SearchQuery, token: string | null): Promise<SearchFacets> {
    // Facets always count up to the bound, whatever an export asks of its pages.
    const counted = { ...query, exhaustive: undefined };
    const countMatches = (skip?: 'languages' | 'kinds') =>
      this.matchCounts(skip ? { ...counted, [skip]: undefined } : counted, token);
    const rankedIds = (skipSources: boolean) =>
      this.rankedSample(skipSources ? { ...counted, sources: undefined } : counted, token);
    const [{ languages, kinds, sampled }, ranked] = await Promise.all([
      languageAndKindFacets(query, countMatches),
      entityAndSourceFacets(
        this.analysis.run,
        rankedIds,
        Boolean(query.sources?.length),
        this.maxRank,
        SOURCES,
      ),
    ]);
    return { languages, kinds, ...ranked, sampled: sampled || ranked.sampled };
  }

  async search(query: SearchQuery): Promise<SearchResults> {
    return this.cachedSearch('search', query, (token) => this.searchNow(query, token));
  }

  /**
   * Up to FACET_SAMPLE + 1 matching ids, best first: the sample the entity and source facets
   * count over, and, when a search's page falls inside it, that page's hits (the web UI asks for
   * facets with its first page), so the matches are ranked once for both.
   */
  private rankedSample(query: SearchQuery, token: string | null): Promise<string[]> {
    return this.cachedSearch(
      'ranked',
      sampleKey(query),
      async (current) => {
        // The words' kept ranking, when it holds every match, holds the sample too.
        const words = wordsOnly(query);
        const kept =
          words &&
          (await this.cachedAnswer<RankedMatches>('words', words, current)?.catch(() => null));
        const derived = kept && bestPassing(kept, query, FACET_SAMPLE + 1);
        if (derived) return derived;
        const params: unknown[] = [];
        const ranked = this.usesRankedIndex(false);
        const { source, where, bind } = this.searchClauses(
          query,
          params,
          undefined,
          ranked ? 'ranked' : 'plain',
        );
        const rows = await this.rankedQuery<{ id: string }>(
          `SELECT d.id FROM documents d, ${source}
         WHERE ${where.join(' AND ')}
         ORDER BY ${this.rankOrder()} LIMIT ${bind(FACET_SAMPLE + 1)}`,
          params,
        );
        return rows.map((r) => r.id);
      },
      token,
    );
  }

  /**
   * Matches by language and type, counted up to SEARCH_COUNT_LIMIT + 1 (every one when
   * exhaustive). One scan gives a search's total and its language and type facets, so the first
   * page of a search with facets, and every later page, count once.
   */
  private matchCounts(query: SearchQuery, token: string | null): Promise<LanguageKindCount[]> {
    return this.cachedSearch(
      'counts',
      facetKey(query),
      async (current) => {
        const derived = await this.countsAtHand(query, current);
        if (derived) return derived;
        const params: unknown[] = [];
        const { source, where } = this.searchClauses(query, params, undefined, 'count');
        const rows = await this.boundedCountQuery<{ language: string; kind: string; n: string }>(
          `SELECT s.language, s.kind, count(*) AS n FROM (
           SELECT d.language, d.kind FROM documents d, ${source}
           WHERE ${where.join(' AND ')} LIMIT $${params.length + 1}) s
         GROUP BY s.language, s.kind`,
          [...params, query.exhaustive ? null : SEARCH_COUNT_LIMIT + 1],
        );
        return rows.map((r) => ({ language: r.language, kind: r.kind, n: Number(r.n) }));
      },
      token,
    );
  }

  private async searchNow(query: SearchQuery, token: string | null): Promise<SearchResults> {
    const params: unknown[] = [];
    const exhaustive = query.exhaustive === true;
    const ranked = this.usesRankedIndex(exhaustive);
    const { source, where, bind } = this.searchClauses(
      query,
      params,
      undefined,
      ranked ? 'ranked' : 'plain',
    );
    const limit = Math.max(1, Math.min(query.limit ?? 20, MAX_SEARCH_LIMIT));
    const offset = Math.max(0, query.offset ?? 0);
    const from = `FROM documents d, ${source} WHERE ${where.join(' AND ')}`;
    // A page inside the best ranked matches is a slice of them: the same index order, so pages
    // agree whichever way they were found. Found first: when they hold every match, they count
    // them too.
    const pageIds =
      ranked && offset + limit <= FACET_SAMPLE
        ? await this.pageAtHand(query, offset, limit, token)
        : null;
    // Counting stops one past the limit: past it the total is a lower bound. The ranking still
    // covers every match: RUM ranks in the index.
    const counted = (await this.matchCounts(query, token)).reduce((sum, row) => sum + row.n, 0);
    const bounded = !exhaustive && counted > SEARCH_COUNT_LIMIT;
    const rows = pageIds
      ? await this.hitsOf(query, pageIds)
      : await this.rankedQuery<SearchHitRow>(
          `WITH hits AS (
             SELECT d.id, d.kind, d.title, d.language, d.published_at, d.tlp_rank, d.body, q.query,
                    ${this.rankScore(exhaustive)} AS score
             ${from}
             ORDER BY ${this.rankOrder(exhaustive)} LIMIT ${bind(limit)} OFFSET ${bind(offset)})
           ${HIT_COLUMNS(bind(HEADLINE_OPTIONS))}`,
          params,
          exhaustive,
        );
    return {
      total: bounded ? SEARCH_COUNT_LIMIT : counted,
      totalIsLowerBound: bounded,
      rankedAmong: null,
      hits: rows.map((row) =>
        toSearchHit({ ...row, snippet: row.snippet.replaceAll(TAG_GUARD, '<') }),
      ),
    };
  }

  /**
   * A page's ids, best first, without ranking the search again: a slice of the facets' ranked
   * sample when that is at hand, else of the query's words' kept ranking with the filters applied
   * (ranking them now if no other search has). Null when neither can tell.
   */
  private async pageAtHand(
    query: SearchQuery,
    offset: number,
    limit: number,
    token: string | null,
  ): Promise<string[] | null> {
    const sample = await this.cachedAnswer<string[]>('ranked', sampleKey(query), token);
    if (sample) return sample.slice(offset, offset + limit);
    const kept = await this.wordRanking(query, token);
    return kept && (bestPassing(kept, query, offset + limit)?.slice(offset) ?? null);
  }

  /**
   * The best KEPT_MATCHES matches of the query's words alone, ranked once for all of
   * their filters, pages and facets (see ranked-matches.ts); null for a search that cannot use
   * them (entity or source filters, an export) or without a cache to keep them in.
   */
  private wordRanking(query: SearchQuery, token: string | null): Promise<RankedMatches> | null {
    const words = wordsOnly(query);
    if (!words || token === null) return null;
    return this.cachedSearch(
      'words',
      words,
      async () => {
        const params: unknown[] = [];
        const ranked = this.usesRankedIndex(false);
        const { source, where, bind } = this.searchClauses(
          words,
          params,
          undefined,
          ranked ? 'ranked' : 'plain',
        );
        const rows = await this.rankedQuery<RankedMatchRow>(
          `SELECT d.id, d.language, d.kind, d.published_at FROM documents d, ${source}
           WHERE ${where.join(' AND ')}
           ORDER BY ${this.rankOrder()} LIMIT ${bind(KEPT_MATCHES)}`,
          params,
        );
        return rankedMatches(rows);
      },
      token,
    );
  }

  /**
   * A search's counts by language and type without a scan, when answers at hand tell them: the
   * words' kept ranking holding every match, or, for a language or type filter, the words'
   * unfiltered counts when those stopped short of the bound (they hold every match's pair).
   */
  private async countsAtHand(
    query: SearchQuery,
    token: string | null,
  ): Promise<LanguageKindCount[] | null> {
    const words = wordsOnly(query);
    if (!words || token === null) return null;
    const kept = await this.cachedAnswer<RankedMatches>('words', words, token)?.catch(() => null);
    const fromKept = kept && countsPassing(kept, query);
    if (fromKept) return fromKept;
    if (query.from !== undefined || query.to !== undefined) return null;
    if (!query.languages?.length && !query.kinds?.length) return null;
    const unfiltered = await this.cachedAnswer<LanguageKindCount[]>('counts', words, token)?.catch(
      () => null,
    );
    return unfiltered ? countsOfPairs(unfiltered, query) : null;
  }

  /** The hits for documents already chosen and ordered by rank (a slice of the ranked sample). */
  private async hitsOf(query: SearchQuery, ids: string[]): Promise<SearchHitRow[]> {
    if (ids.length === 0) return [];
    const params: unknown[] = [];
    const { source } = this.matchQuery(query, params, 'ranked');
    params.push(ids, HEADLINE_OPTIONS);
    return this.query<SearchHitRow>(
      `WITH hits AS (
         SELECT d.id, d.kind, d.title, d.language, d.published_at, d.tlp_rank, d.body, q.query,
                ${this.rankScore()} AS score
         FROM documents d, ${source}
         WHERE d.id = ANY($${params.length - 1}))
       ${HIT_COLUMNS(`$${params.length}`)}`,
      params,
    );
  }

  async stats(): Promise<StoreStats> {
    const grouped = async (column: 'kind' | 'language') =>
      Object.fromEntries(
        (
          await this.query<{ k: string; n: string }>(
            `SELECT ${column} AS k, count(*) AS n FROM documents WHERE true${this.visible('tlp_rank')}
             GROUP BY ${column} ORDER BY n DESC`,
          )
        ).map((r) => [r.k, Number(r.n)]),
      );
    const [counts] = await this.query<{
      documents: string;
      failures: string;
      runs: string;
      text_bytes: string;
      store_bytes: string;
    }>(
      `SELECT (SELECT count(*) FROM documents WHERE true${this.visible('tlp_rank')}) AS documents,
              (SELECT count(*) FROM ingest_failures) AS failures,
              (SELECT count(*) FROM ingest_runs) AS runs,
              (SELECT coalesce(sum(octet_length(body)), 0) FROM documents
                 WHERE true${this.visible('tlp_rank')}) AS text_bytes,
              (${TABLE_BYTES_SQL}) AS store_bytes`,
      [this.schema, TABLES],
    );
    return {
      documents: Number(counts!.documents),
      byKind: await grouped('kind'),
      byLanguage: await grouped('language'),
      failures: Number(counts!.failures),
      runs: Number(counts!.runs),
      textBytes: Number(counts!.text_bytes),
      // The store's size would tell a restricted reader how much they cannot see.
      storeBytes: this.maxRank === null ? Number(counts!.store_bytes) : null,
    };
  }

  async compact(): Promise<{ beforeBytes: number; afterBytes: number }> {
    this.refuseOnView('compact');
    const bytes = async () =>
      Number((await this.query<{ n: string }>(TABLE_BYTES_SQL, [this.schema, TABLES]))[0]!.n);
    const beforeBytes = await bytes();
    try {
      // One table at a time (VACUUM runs outside a transaction): each is rewritten whole, so a
      // failure leaves the tables before it compacted and the rest as they were, none damaged.
      for (const table of TABLES)
        await this.query(`VACUUM (FULL, ANALYZE) ${quoteIdent(this.schema)}.${quoteIdent(table)}`);
    } catch (error) {
      throw new StoreError('STORE_FAILURE', `Compacting the store failed: ${String(error)}`, {
        hint: 'Nothing was lost (each table is rewritten whole or not at all). VACUUM FULL needs free disk about the size of the largest table.',
        cause: error,
      });
    }
    return { beforeBytes, afterBytes: await bytes() };
  }

  async checkIntegrity(): Promise<{ ok: boolean; problems: string[] }> {
    const problems: string[] = [];
    const [orphans] = await this.query<{ n: string }>(
      `SELECT count(*) AS n FROM document_origins o
       WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = o.document_id)`,
    );
    if (Number(orphans?.n) > 0) problems.push(`${orphans!.n} origin row(s) without a document`);
    const [unindexed] = await this.query<{ n: string }>(
      `SELECT count(*) AS n FROM documents WHERE search IS NULL OR (length(body) > 0 AND search = ''::tsvector AND body ~ '[[:alnum:]]')`,
    );
    if (Number(unindexed?.n) > 0)
      problems.push(`${unindexed!.n} document(s) missing from the full-text index`);
    // Rows for documents that are gone are harmless (each is read by a stored document's id).
    const [staleSources] = await this.query<{ n: string }>(
      `SELECT count(*) AS n FROM documents d
       LEFT JOIN document_sources ds ON ds.document_id = d.id
       WHERE ds.source IS DISTINCT FROM ${DERIVED_SOURCE_SQL}`,
    );
    if (Number(staleSources?.n) > 0)
      problems.push(`document_sources: ${staleSources!.n} document(s) missing or out of date`);
    return { ok: problems.length === 0, problems };
  }

  async close(): Promise<void> {
    if (this.isView) return;
    // A bulk load that ended without finishing its run (an error, an interrupted CLI).
    for (const runId of [...this.deferredIndexRuns]) await this.restoreRankedIndex(runId);
    await this.pool.end();
  }
}
