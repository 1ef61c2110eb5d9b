import type { PoolClient } from 'pg';
import { StoreError } from '../../core/index.js';
import { MOVE_OLD_MENTIONS } from '../mention-rows.js';
import { ENTITY_ALIAS_DOCUMENTS_VIEW, MENTION_ENTITIES_VIEW } from '../entity-keys.js';
import { sourceSql } from '../search-facets.js';

/**
 * Versioned PostgreSQL schema, in step with the SQLite one (same tables, same meaning). A
 * migration is never edited once released: add a new one.
 *
 * Full-text search uses a text search configuration that folds accents (unaccent) and does not
 * stem, so that both backends match the same documents for the same query.
 */
export interface PostgresMigration {
  version: number;
  name: string;
  sql: string;
}

/** Run once per database, outside any tenant schema: extensions and the shared search config. */
export const DATABASE_SETUP = `
  CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
  CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
  DO $$
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'crosscheck_fold') THEN
      CREATE TEXT SEARCH CONFIGURATION public.crosscheck_fold (COPY = pg_catalog.simple);
      ALTER TEXT SEARCH CONFIGURATION public.crosscheck_fold
        ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.simple;
    END IF;
    -- The same folding without English and Spanish stopwords (PostgreSQL's own lists): the
    -- candidates the ranked index reads for a phrase (tsquery.ts, TS_CANDIDATE_CONFIG). A simple
    -- dictionary that does not accept its words drops a stopword and hands the rest on.
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'crosscheck_fold_candidates') THEN
      IF NOT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'crosscheck_stop_en') THEN
        CREATE TEXT SEARCH DICTIONARY public.crosscheck_stop_en
          (TEMPLATE = pg_catalog.simple, STOPWORDS = english, ACCEPT = false);
      END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'crosscheck_stop_es') THEN
        CREATE TEXT SEARCH DICTIONARY public.crosscheck_stop_es
          (TEMPLATE = pg_catalog.simple, STOPWORDS = spanish, ACCEPT = false);
      END IF;
      CREATE TEXT SEARCH CONFIGURATION public.crosscheck_fold_candidates (COPY = pg_catalog.simple);
      ALTER TEXT SEARCH CONFIGURATION public.crosscheck_fold_candidates
        ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent,
          public.crosscheck_stop_en, public.crosscheck_stop_es, pg_catalog.simple;
      ALTER TEXT SEARCH CONFIGURATION public.crosscheck_fold_candidates
        ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH
          public.crosscheck_stop_en, public.crosscheck_stop_es, pg_catalog.simple;
    END IF;
  END
  $$;
  -- RUM (Postgres Professional's GIN successor, Debian's postgresql-15-rum) keeps word positions
  -- in the index, so "the 20 best-ranked matches" is read in rank order from the index instead of
  -- ranking every match from its heap row: 20 ms instead of 400 ms for a word in 45% of 100,000
  -- documents. Optional: without it (not installed, or not superuser) search ranks as before.
  DO $$
  BEGIN
    CREATE EXTENSION IF NOT EXISTS rum WITH SCHEMA public;
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'RUM is not available (%); full-text ranking reads every match', SQLERRM;
  END
  $$;
`;

/** The ranked full-text index, named so the store can tell whether it has one. */
export const RANKED_INDEX = 'documents_search_rum';

/**
 * Beside the ranked index, a GIN index of each document's words without their positions, for
 * counting: RUM keeps every word's positions in its posting lists, and reading them made the
 * bitmap of a word in 45,000 of 100,000 documents cost 6 ms against GIN's 3 (a count: 12.4 →
 * 9.0 ms). Phrases are still counted on RUM, which places them without reading the rows.
 */
export const WORDS_INDEX = 'documents_search_words';

/**
 * Creates the ranked index in place of the GIN index when RUM is installed and the index is
 * missing: on the first open after the migrations, or after an administrator installs RUM into an
 * existing database (the build then takes about 15 s per 100,000 documents, once); and the words
 * index beside it (about 3 s per 100,000 documents).
 */
export const ENSURE_RANKED_INDEX = `
  DO $$
  BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'rum') THEN
      CREATE INDEX IF NOT EXISTS ${RANKED_INDEX} ON documents USING rum (search public.rum_tsvector_ops);
      CREATE INDEX IF NOT EXISTS ${WORDS_INDEX} ON documents USING gin (strip(search));
      -- RUM answers every match the GIN index did, and phrases without re-reading each match's
      -- vector from the heap (30 ms instead of 310 ms to count "Ciudad Juárez" in 100,000
      -- documents); keeping both would only slow every write.
      DROP INDEX IF EXISTS documents_search;
    END IF;
  END
  $$;
`;

/** The migration that adds the change marker; later ones bump it when they are applied. */
const CHANGE_MARKER_VERSION = 9;

/**
 * A counter per schema that moves with every committed change to its tables, whoever commits it
 * (a server, a queue worker, the CLI): the search cache's change token (PostgresStore). The
 * cluster's WAL position, used before, also moves for every other schema and database, so one
 * collection's ingest emptied every collection's cache.
 *
 * The counter moves inside the writing transaction, so a reader that reads it and then queries
 * (READ COMMITTED: each later statement sees at least what the counter's statement saw) caches
 * answers at least as new as the token they are kept under; a commit in between only makes the
 * next lookup miss. Not a sequence: nextval is not transactional, so the token could move before
 * the rows it stands for are visible, and an old answer would be kept under the new token.
 *
 * Writers run concurrently (ingest workers), and the marker row's lock is held until commit, so
 * it is taken as late as possible: a deferred trigger fires at commit, and only the first of a
 * transaction's rows bumps the counter (a transaction-local setting lists the schemas already
 * bumped; one transaction may write to several schemas). Commits to one schema still queue on the
 * row for the length of a commit, and each changed row costs about 1.5 µs at commit (100,000
 * rows: 150 ms); a 10,000-document ingest commits about 35 times. The schema is the trigger's
 * table's, never the search_path's, so a write through a qualified name bumps the right counter.
 */
const CHANGE_MARKER_SETUP = `
  CREATE TABLE change_marker (
    id BOOLEAN PRIMARY KEY DEFAULT true CHECK (id),
    version BIGINT NOT NULL
  );
  INSERT INTO change_marker (version) VALUES (0);

  CREATE FUNCTION change_marker_bump() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    bumped TEXT := coalesce(current_setting('crosscheck.changed_schemas', true), '');
    -- Schema names are letters, digits and underscores (parsePostgresLocation): no '/' in them.
    mine TEXT := '/' || TG_TABLE_SCHEMA || '/';
  BEGIN
    IF strpos(bumped, mine) = 0 THEN
      EXECUTE format('UPDATE %I.change_marker SET version = version + 1', TG_TABLE_SCHEMA);
      PERFORM set_config('crosscheck.changed_schemas', bumped || mine, true);
    END IF;
    RETURN NULL;
  END
  $$;
`;

/**
 * Makes every committed change to `table` move the schema's change marker. Every table whose
 * rows any answer reads needs it (safest: every table the store writes), so a migration that
 * creates a table adds this function's SQL for it to its own (a test checks that none is missed).
 */
export function watchForChanges(table: string): string {
  const name = quoteIdent(table);
  return `
    CREATE CONSTRAINT TRIGGER change_marker_row AFTER INSERT OR UPDATE OR DELETE ON ${name}
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION change_marker_bump();
    -- The store never truncates, but an administrator might; TRUNCATE fires no row triggers.
    CREATE TRIGGER change_marker_truncate AFTER TRUNCATE ON ${name}
      FOR EACH STATEMENT EXECUTE FUNCTION change_marker_bump();
  `;
}

/**
 * Moves the change marker: after a migration, whose DDL (a new column's default, say) can change
 * answers without firing any row trigger.
 */
const BUMP_CHANGE_MARKER = 'UPDATE change_marker SET version = version + 1';

/**
 * The change token's statement (see CHANGE_MARKER_SETUP): the marker table's OID, so that a
 * schema dropped and created again never repeats an old token, and the counter.
 */
export const CHANGE_TOKEN_SQL =
  "SELECT tableoid::text || ':' || version AS token FROM change_marker";

export const POSTGRES_MIGRATIONS: PostgresMigration[] = [
  {
    version: 1,
    name: 'documents, full-text index, ingest log',
    sql: `
      CREATE TABLE documents (
        seq BIGSERIAL UNIQUE,
        id TEXT COLLATE "C" PRIMARY KEY,
        kind TEXT NOT NULL,
        title TEXT,
        body TEXT NOT NULL,
        language TEXT NOT NULL,
        published_at TEXT COLLATE "C",
        byline TEXT,
        mime_type TEXT NOT NULL,
        size_bytes BIGINT NOT NULL,
        metadata JSONB NOT NULL DEFAULT '{}',
        ingested_at TEXT NOT NULL,
        search TSVECTOR NOT NULL
      );
      CREATE INDEX documents_search ON documents USING GIN (search);
      CREATE INDEX documents_kind ON documents(kind);
      CREATE INDEX documents_language ON documents(language);
      CREATE INDEX documents_published ON documents(published_at);

      CREATE TABLE document_origins (
        seq BIGSERIAL,
        document_id TEXT COLLATE "C" NOT NULL,
        origin TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        PRIMARY KEY (document_id, origin)
      );

      CREATE TABLE document_links (
        parent_id TEXT COLLATE "C" NOT NULL,
        child_id TEXT COLLATE "C" NOT NULL,
        relation TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (parent_id, child_id, name)
      );
      CREATE INDEX document_links_child ON document_links(child_id);

      CREATE TABLE emails (
        document_id TEXT COLLATE "C" PRIMARY KEY,
        message_id TEXT,
        in_reply_to TEXT,
        refs JSONB NOT NULL DEFAULT '[]',
        thread_id TEXT,
        from_addr TEXT,
        to_addrs JSONB NOT NULL DEFAULT '[]',
        cc_addrs JSONB NOT NULL DEFAULT '[]',
        subject TEXT,
        sent_at TEXT
      );
      CREATE INDEX emails_thread ON emails(thread_id);
      CREATE INDEX emails_message ON emails(message_id);

      CREATE TABLE intel_reports (
        document_id TEXT COLLATE "C" PRIMARY KEY,
        code TEXT,
        publication TEXT,
        attribution TEXT,
        source_description TEXT,
        source_reliability TEXT,
        item_credibility TEXT,
        special_handling TEXT,
        source_handler TEXT,
        subject_type TEXT,
        subject_country TEXT,
        subject_topic TEXT,
        fields JSONB NOT NULL DEFAULT '{}'
      );
      CREATE INDEX intel_reports_code ON intel_reports(code);

      CREATE TABLE completed_files (
        content_id TEXT COLLATE "C" PRIMARY KEY,
        path TEXT NOT NULL,
        completed_at TEXT NOT NULL
      );

      CREATE TABLE ingest_runs (
        id TEXT PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        inputs JSONB NOT NULL,
        succeeded INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE ingest_failures (
        id BIGSERIAL PRIMARY KEY,
        run_id TEXT NOT NULL,
        path TEXT NOT NULL,
        parser TEXT NOT NULL,
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        hint TEXT,
        byte_offset BIGINT,
        line INTEGER,
        at TEXT NOT NULL
      );
      CREATE INDEX ingest_failures_run ON ingest_failures(run_id);
    `,
  },
  {
    version: 2,
    name: 'extraction results: mentions, dates, figures, quotes, claims, citations',
    sql: `
      CREATE TABLE extractions (
        document_id TEXT COLLATE "C" PRIMARY KEY,
        extractor_version TEXT NOT NULL,
        extracted_at TEXT NOT NULL
      );
      CREATE INDEX extractions_version ON extractions(extractor_version);

      CREATE TABLE mentions (
        document_id TEXT COLLATE "C" NOT NULL,
        seq INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        normalized TEXT NOT NULL,
        folded TEXT NOT NULL,
        confidence DOUBLE PRECISION NOT NULL,
        source TEXT NOT NULL,
        lat DOUBLE PRECISION,
        lon DOUBLE PRECISION,
        country TEXT,
        admin1 TEXT,
        gazetteer_id TEXT,
        PRIMARY KEY (document_id, seq)
      );
      CREATE INDEX mentions_entity ON mentions(type, normalized);
      CREATE INDEX mentions_folded ON mentions(folded);

      CREATE TABLE date_mentions (
        document_id TEXT COLLATE "C" NOT NULL,
        seq INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        value TEXT NOT NULL,
        precision TEXT NOT NULL,
        relative INTEGER NOT NULL,
        PRIMARY KEY (document_id, seq)
      );
      CREATE INDEX date_mentions_value ON date_mentions(value);

      CREATE TABLE figures (
        document_id TEXT COLLATE "C" NOT NULL,
        seq INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        value DOUBLE PRECISION NOT NULL,
        unit TEXT,
        about TEXT,
        PRIMARY KEY (document_id, seq)
      );

      CREATE TABLE quotes (
        document_id TEXT COLLATE "C" NOT NULL,
        seq INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        speaker TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        verb TEXT,
        said_on TEXT,
        PRIMARY KEY (document_id, seq)
      );
      CREATE INDEX quotes_speaker ON quotes(speaker);

      CREATE TABLE claims (
        document_id TEXT COLLATE "C" NOT NULL,
        seq INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        speaker TEXT,
        verb TEXT NOT NULL,
        PRIMARY KEY (document_id, seq)
      );
      CREATE INDEX claims_speaker ON claims(speaker);

      CREATE TABLE citations (
        document_id TEXT COLLATE "C" NOT NULL,
        seq INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        name TEXT NOT NULL,
        cue TEXT NOT NULL,
        PRIMARY KEY (document_id, seq)
      );
      CREATE INDEX citations_name ON citations(name);
    `,
  },
  {
    version: 3,
    name: 'text reuse: document pairs and shared passages',
    sql: `
      CREATE TABLE reuse_pairs (
        a TEXT COLLATE "C" NOT NULL,
        b TEXT COLLATE "C" NOT NULL,
        similarity DOUBLE PRECISION NOT NULL,
        near_duplicate INTEGER NOT NULL,
        passages JSONB NOT NULL,
        PRIMARY KEY (a, b)
      );
      CREATE INDEX reuse_pairs_b ON reuse_pairs(b);

      CREATE TABLE passage_groups (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,
        words INTEGER NOT NULL
      );

      CREATE TABLE passage_occurrences (
        group_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        document_id TEXT COLLATE "C" NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        date TEXT,
        PRIMARY KEY (group_id, seq)
      );
      CREATE INDEX passage_occurrences_document ON passage_occurrences(document_id);
    `,
  },
  {
    version: 4,
    name: 'claim provenance clusters and analyst grades',
    sql: `
      CREATE TABLE claim_clusters (
        id TEXT COLLATE "C" PRIMARY KEY,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        speaker TEXT,
        folded_text TEXT NOT NULL,
        folded_speaker TEXT NOT NULL,
        documents INTEGER NOT NULL,
        independent_origins INTEGER NOT NULL,
        circular INTEGER NOT NULL,
        earliest_date TEXT,
        data JSONB NOT NULL
      );
      CREATE INDEX claim_clusters_speaker ON claim_clusters(folded_speaker);

      CREATE TABLE claim_members (
        cluster_id TEXT COLLATE "C" NOT NULL,
        seq INTEGER NOT NULL,
        document_id TEXT COLLATE "C" NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        PRIMARY KEY (cluster_id, seq)
      );
      CREATE INDEX claim_members_document ON claim_members(document_id);

      -- Append-only: every grade an analyst gives is kept; the latest per subject is in force.
      CREATE TABLE analyst_grades (
        id BIGSERIAL PRIMARY KEY,
        subject_type TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        reliability TEXT,
        credibility TEXT,
        analyst TEXT NOT NULL,
        at TEXT NOT NULL,
        reason TEXT NOT NULL
      );
      CREATE INDEX analyst_grades_subject ON analyst_grades(subject_type, subject_id);
    `,
  },
  {
    version: 5,
    name: "resolved entities, their aliases and mentions, analysts' entity decisions",
    sql: `
      CREATE TABLE entities (
        id TEXT COLLATE "C" PRIMARY KEY,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        folded_name TEXT NOT NULL,
        mention_count INTEGER NOT NULL,
        document_count INTEGER NOT NULL,
        data JSONB NOT NULL
      );
      CREATE INDEX entities_type ON entities(type, document_count);

      CREATE TABLE entity_aliases (
        entity_id TEXT COLLATE "C" NOT NULL,
        seq INTEGER NOT NULL,
        name TEXT NOT NULL,
        folded TEXT NOT NULL,
        rule TEXT NOT NULL,
        PRIMARY KEY (entity_id, seq)
      );
      CREATE INDEX entity_aliases_folded ON entity_aliases(folded);

      CREATE TABLE mention_entities (
        document_id TEXT COLLATE "C" NOT NULL,
        seq INTEGER NOT NULL,
        entity_id TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (document_id, seq)
      );
      CREATE INDEX mention_entities_entity ON mention_entities(entity_id);

      CREATE TABLE entity_merges (
        entity_id TEXT COLLATE "C" NOT NULL,
        seq INTEGER NOT NULL,
        data JSONB NOT NULL,
        PRIMARY KEY (entity_id, seq)
      );

      -- Append-only: analysts' merges, splits and renames, re-applied on every resolution.
      CREATE TABLE entity_decisions (
        id BIGSERIAL PRIMARY KEY,
        kind TEXT NOT NULL,
        data JSONB NOT NULL,
        analyst TEXT NOT NULL,
        at TEXT NOT NULL,
        reason TEXT NOT NULL
      );
    `,
  },
  {
    version: 6,
    name: 'competing hypotheses and their marks',
    sql: `
      CREATE TABLE hypotheses (
        id TEXT COLLATE "C" PRIMARY KEY,
        text TEXT NOT NULL,
        analyst TEXT NOT NULL,
        at TEXT NOT NULL,
        -- Creation order: two hypotheses stated in the same millisecond still list in order.
        position INTEGER NOT NULL
      );

      -- Append-only: the latest mark per hypothesis and claim is the one in force.
      CREATE TABLE hypothesis_marks (
        id BIGSERIAL PRIMARY KEY,
        hypothesis_id TEXT NOT NULL,
        claim_id TEXT NOT NULL,
        mark TEXT NOT NULL,
        analyst TEXT NOT NULL,
        at TEXT NOT NULL,
        reason TEXT
      );
      CREATE INDEX hypothesis_marks_cell ON hypothesis_marks(hypothesis_id, claim_id);
    `,
  },
  {
    version: 7,
    name: 'TLP markings on documents; the documents each entity alias was seen in',
    sql: `
      -- The TLP rank (0 CLEAR … 4 RED, src/core/tlp.ts). Documents stored before markings existed
      -- are CLEAR: a single-user store reads exactly as before.
      ALTER TABLE documents ADD COLUMN tlp_rank INTEGER NOT NULL DEFAULT 0;
      -- Covers "the ids above a clearance", the subquery every restricted read filters with.
      CREATE INDEX documents_tlp ON documents(tlp_rank, id);

      -- An alias's documents, so a restricted view shows only names seen in documents it may see.
      CREATE TABLE entity_alias_documents (
        entity_id TEXT COLLATE "C" NOT NULL,
        name TEXT NOT NULL,
        document_id TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (entity_id, name, document_id)
      );
      CREATE INDEX entity_alias_documents_document ON entity_alias_documents(document_id);
      INSERT INTO entity_alias_documents (entity_id, name, document_id)
        SELECT e.id, a->>'name', d
        FROM entities e
        CROSS JOIN LATERAL jsonb_array_elements(e.data->'aliases') a
        CROSS JOIN LATERAL jsonb_array_elements_text(a->'documents') d
        ON CONFLICT DO NOTHING;
    `,
  },
  {
    version: 8,
    name: "the clearance each analyst's grade, entity decision, hypothesis and mark was written at",
    sql: `
      -- The TLP rank of the view the record was written through (the full store: 4, RED); a
      -- restricted view shows it only when its clearance is at least that (analyst-visibility.ts).
      -- Rows written before this migration count as RED: nothing says what their writers could
      -- read, and anything lower could hand an unrestricted analyst's words to a restricted reader.
      ALTER TABLE analyst_grades ADD COLUMN clearance_rank INTEGER NOT NULL DEFAULT 4;
      ALTER TABLE entity_decisions ADD COLUMN clearance_rank INTEGER NOT NULL DEFAULT 4;
      ALTER TABLE hypotheses ADD COLUMN clearance_rank INTEGER NOT NULL DEFAULT 4;
      ALTER TABLE hypothesis_marks ADD COLUMN clearance_rank INTEGER NOT NULL DEFAULT 4;
    `,
  },
  {
    version: CHANGE_MARKER_VERSION,
    name: "a change marker: the schema's own change counter, for the search cache",
    sql: `
      ${CHANGE_MARKER_SETUP}
      ${[
        'documents',
        'document_origins',
        'document_links',
        'emails',
        'intel_reports',
        'completed_files',
        'ingest_runs',
        'ingest_failures',
        'extractions',
        'mentions',
        'date_mentions',
        'figures',
        'quotes',
        'claims',
        'citations',
        'reuse_pairs',
        'passage_groups',
        'passage_occurrences',
        'claim_clusters',
        'claim_members',
        'analyst_grades',
        'entities',
        'entity_aliases',
        'mention_entities',
        'entity_merges',
        'entity_decisions',
        'hypotheses',
        'hypothesis_marks',
        'entity_alias_documents',
      ]
        .map(watchForChanges)
        .join('\n')}
    `,
  },
  {
    version: 10,
    name: "each document's source, stored for the source facet and filter",
    sql: `
      -- A document's source (see sourceSql), one narrow row per document that has one. Deriving
      -- it per search cost three lookups per document (~17-35 ms of a facet request over 1,000
      -- documents); the covering key makes the facet an index-only read of 1,000 entries.
      CREATE TABLE document_sources (
        document_id TEXT COLLATE "C" NOT NULL,
        source TEXT NOT NULL,
        PRIMARY KEY (document_id) INCLUDE (source)
      );
      INSERT INTO document_sources (document_id, source)
        SELECT id, source FROM (SELECT d.id, ${sourceSql('strpos')} AS source FROM documents d) s
        WHERE source IS NOT NULL;

      -- Triggers keep it right whichever writer changes a document, its e-mail or its intel
      -- report, in whatever order they arrive (ingest writes the document first). The refresh
      -- names its tables unqualified (a static statement keeps its plan across calls), so they
      -- are the search_path's: every store connection points it at its own schema, and a write
      -- through a qualified name from elsewhere (an administrator's) points it there meanwhile.
      -- An administrator's TRUNCATE of documents leaves rows here that no search reads: each is
      -- read by the id of a stored document, and is written again if that document comes back.
      CREATE FUNCTION document_source_refresh(doc TEXT) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        derived TEXT;
      BEGIN
        SELECT ${sourceSql('strpos')} INTO derived FROM documents d WHERE d.id = doc;
        IF derived IS NULL THEN
          DELETE FROM document_sources WHERE document_id = doc;
        ELSE
          INSERT INTO document_sources (document_id, source) VALUES (doc, derived)
            ON CONFLICT (document_id) DO UPDATE SET source = excluded.source
            WHERE document_sources.source IS DISTINCT FROM excluded.source;
        END IF;
      END
      $$;
      ${sourceFollower('document_source_of_document', 'id')}
      ${sourceFollower('document_source_of_detail', 'document_id')}
      CREATE TRIGGER document_source AFTER INSERT OR DELETE OR UPDATE OF id, byline ON documents
        FOR EACH ROW EXECUTE FUNCTION document_source_of_document();
      CREATE TRIGGER document_source AFTER INSERT OR DELETE OR UPDATE OF document_id, from_addr
        ON emails FOR EACH ROW EXECUTE FUNCTION document_source_of_detail();
      CREATE TRIGGER document_source AFTER INSERT OR DELETE OR UPDATE OF document_id, code
        ON intel_reports FOR EACH ROW EXECUTE FUNCTION document_source_of_detail();
      ${watchForChanges('document_sources')}
    `,
  },
  {
    version: 11,
    name: 'extraction and entity rows keyed by the document rowid, not its 64-character id',
    sql: `
      -- Each of these rows repeated its document's id (64 hex characters) in the table and again
      -- in every index. The documents' serial key is renamed as SQLite names its own, so the SQL
      -- both stores share joins the same column. Rows whose document is gone are dropped: nothing
      -- could reach them.
      ALTER TABLE documents RENAME COLUMN seq TO rowid;
      ${[
        'mentions',
        'date_mentions',
        'figures',
        'quotes',
        'claims',
        'citations',
        'mention_entities',
      ]
        .map((table) => rekeyed(table, 'seq'))
        .join('\n')}
      ${rekeyed('entity_alias_documents', 'entity_id, name')}
      -- Its index by document goes with document_id and is not made again: every read finds an
      -- alias's documents by its key (entity, name).
    `,
  },
  {
    version: 12,
    name: 'mentions as names, readings and spans, each name and reading stored once; the view mentions joins them',
    sql: `
      -- See mention-rows.ts. The new tables are watched once their rows are in: the change
      -- marker's row trigger is deferred, and would queue one event per row moved.
      ALTER TABLE mentions RENAME TO old_mentions;
      DROP INDEX IF EXISTS mentions_entity;
      DROP INDEX IF EXISTS mentions_folded;
      CREATE TABLE mention_names (
        id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        type TEXT NOT NULL,
        normalized TEXT NOT NULL,
        folded TEXT NOT NULL
      );
      CREATE TABLE mention_readings (
        id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        source TEXT NOT NULL,
        confidence DOUBLE PRECISION NOT NULL,
        gazetteer_id TEXT,
        lat DOUBLE PRECISION,
        lon DOUBLE PRECISION,
        country TEXT,
        admin1 TEXT
      );
      CREATE TABLE mention_spans (
        document_key BIGINT NOT NULL,
        seq INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        name_id INTEGER NOT NULL,
        reading_id INTEGER NOT NULL,
        text TEXT,
        PRIMARY KEY (document_key, seq)
      );
      ${MOVE_OLD_MENTIONS}
      -- A name's spans in document order, each with its reading (see SQLite's migration 12).
      CREATE INDEX mention_spans_name ON mention_spans (name_id, document_key, seq)
        INCLUDE (reading_id);
      ${watchForChanges('mention_names')}
      ${watchForChanges('mention_readings')}
      ${watchForChanges('mention_spans')}
    `,
  },
  {
    version: 13,
    name: "an entity's names without their documents, which entity_alias_documents holds; each with its count",
    sql: `
      -- See entity-rows.ts and SQLite's migration 13.
      UPDATE entities e SET data = jsonb_set(e.data, '{aliases}', coalesce((
        SELECT jsonb_agg((a.value - 'documents') || jsonb_build_object('documentCount', (
            SELECT count(*) FROM entity_alias_documents x
            WHERE x.entity_id = e.id AND x.name = a.value->>'name'))
          ORDER BY a.ord)
        FROM jsonb_array_elements(e.data->'aliases') WITH ORDINALITY a(value, ord)), '[]'::jsonb));
    `,
  },
  {
    version: 14,
    name: 'mention links by an integer entity key; the view mention_entities names the entity',
    sql: `
      -- See SQLite's migration 14.
      CREATE TABLE entity_keys (
        key INTEGER PRIMARY KEY,
        entity_id TEXT COLLATE "C" NOT NULL UNIQUE
      );
      INSERT INTO entity_keys (key, entity_id)
        SELECT row_number() OVER (ORDER BY id), id FROM entities;
      CREATE TABLE mention_entity_keys (
        document_key BIGINT NOT NULL,
        seq INTEGER NOT NULL,
        entity_key INTEGER NOT NULL,
        PRIMARY KEY (document_key, seq)
      );
      INSERT INTO mention_entity_keys (document_key, seq, entity_key)
        SELECT me.document_key, me.seq, k.key
        FROM mention_entities me JOIN entity_keys k ON k.entity_id = me.entity_id;
      DROP TABLE mention_entities;
      ${MENTION_ENTITIES_VIEW}
      CREATE INDEX mention_entity_keys_entity ON mention_entity_keys (entity_key, document_key, seq);
      ${watchForChanges('entity_keys')}
      ${watchForChanges('mention_entity_keys')}
    `,
  },
  {
    version: 15,
    name: "each name's documents by entity key and name number; the view entity_alias_documents names them",
    sql: `
      -- See SQLite's migration 15.
      CREATE TABLE alias_document_keys (
        entity_key INTEGER NOT NULL,
        alias_seq INTEGER NOT NULL,
        document_key BIGINT NOT NULL,
        PRIMARY KEY (entity_key, alias_seq, document_key)
      );
      INSERT INTO alias_document_keys (entity_key, alias_seq, document_key)
        SELECT k.key, a.seq, x.document_key
        FROM entity_alias_documents x
        JOIN entity_keys k ON k.entity_id = x.entity_id
        JOIN entity_aliases a ON a.entity_id = x.entity_id AND a.name = x.name;
      DROP TABLE entity_alias_documents;
      ${ENTITY_ALIAS_DOCUMENTS_VIEW}
      ${watchForChanges('alias_document_keys')}
    `,
  },
  {
    version: 16,
    name: 'the view document_facts: the document columns the shared clearance filter reads',
    sql: `
      -- SQLite keeps a narrow table of that name (its rows of documents are long); here documents'
      -- own columns serve, and the shared SQL (visibility.ts, keyNotHidden) reads either.
      CREATE VIEW document_facts AS SELECT rowid, tlp_rank FROM documents;
    `,
  },
];

/**
 * Replaces `table`'s document_id with document_key (migration 11), in the same place in its
 * primary key: after the columns `others` when they key the row, before seq when seq does.
 */
function rekeyed(table: string, others: string): string {
  const key = others === 'seq' ? 'document_key, seq' : `${others}, document_key`;
  // The change marker's row trigger is deferred: its events, one per row updated, would wait
  // for the commit and forbid the ALTERs after them. The migration moves the marker itself.
  // The rows keep the dropped id's bytes until they are next written (or VACUUM FULL).
  return `
    ALTER TABLE ${table} DISABLE TRIGGER change_marker_row;
    ALTER TABLE ${table} ADD COLUMN document_key BIGINT;
    UPDATE ${table} t SET document_key = d.rowid FROM documents d WHERE d.id = t.document_id;
    DELETE FROM ${table} WHERE document_key IS NULL;
    ALTER TABLE ${table} DROP COLUMN document_id;
    ALTER TABLE ${table} ALTER COLUMN document_key SET NOT NULL;
    ALTER TABLE ${table} ADD PRIMARY KEY (${key});
    ALTER TABLE ${table} ENABLE TRIGGER change_marker_row;`;
}

/**
 * A trigger function (migration 10) that refreshes the stored source of the document a changed
 * row names in `column` (its id, or an e-mail's or intel report's document_id), before and after.
 * Static SQL per table, as PL/pgSQL cannot name a row's column from an argument without copying
 * the whole row (a document's body) into JSON first.
 */
function sourceFollower(name: string, column: 'id' | 'document_id'): string {
  return `
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      elsewhere BOOLEAN := TG_TABLE_SCHEMA IS DISTINCT FROM current_schema();
      caller TEXT;
    BEGIN
      IF elsewhere THEN
        caller := current_setting('search_path');
        PERFORM set_config('search_path', format('%I, public', TG_TABLE_SCHEMA), true);
      END IF;
      IF TG_OP <> 'INSERT' THEN PERFORM document_source_refresh(OLD.${column}); END IF;
      IF TG_OP <> 'DELETE' THEN PERFORM document_source_refresh(NEW.${column}); END IF;
      IF elsewhere THEN PERFORM set_config('search_path', caller, true); END IF;
      RETURN NULL;
    END
    $$;`;
}

/** Applies missing migrations under an advisory lock, so concurrent openers never race. */
export async function migratePostgres(client: PoolClient, schema: string): Promise<void> {
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [`crosscheck:${schema}`]);
  try {
    await client.query(DATABASE_SETUP);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    );
    const current = rows[0]?.version ?? 0;
    const latest = POSTGRES_MIGRATIONS.at(-1)?.version ?? 0;
    if (current > latest) {
      throw new StoreError(
        'STORE_SCHEMA',
        `The database schema "${schema}" is at version ${current}, newer than this Crosscheck knows (${latest})`,
        { hint: 'Upgrade Crosscheck, or use another schema (?schema=… in the URL).' },
      );
    }
    for (const migration of POSTGRES_MIGRATIONS) {
      if (migration.version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        if (migration.version >= CHANGE_MARKER_VERSION) await client.query(BUMP_CHANGE_MARKER);
        await client.query(
          'INSERT INTO schema_migrations(version, name, applied_at) VALUES ($1, $2, $3)',
          [migration.version, migration.name, new Date().toISOString()],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    await client.query(ENSURE_RANKED_INDEX);
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`crosscheck:${schema}`]);
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
