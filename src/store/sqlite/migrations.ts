import type Database from 'better-sqlite3';
import { StoreError } from '../../core/index.js';
import { MOVE_OLD_MENTIONS } from '../mention-rows.js';
import { ENTITY_ALIAS_DOCUMENTS_VIEW, MENTION_ENTITIES_VIEW } from '../entity-keys.js';
import { sourceSql } from '../search-facets.js';

/**
 * Versioned schema. A migration is never edited once released: add a new one. Each runs in its
 * own transaction, so a store is always at exactly one version.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'documents, full-text index, ingest log',
    sql: `
      CREATE TABLE documents (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        title TEXT,
        body TEXT NOT NULL,
        language TEXT NOT NULL,
        published_at TEXT,
        byline TEXT,
        mime_type TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        metadata TEXT NOT NULL DEFAULT '{}',
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX documents_kind ON documents(kind);
      CREATE INDEX documents_language ON documents(language);
      CREATE INDEX documents_published ON documents(published_at);

      -- External-content FTS5 table: the text is stored once, in documents.body.
      CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, body,
        content='documents', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
      END;
      CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, body)
          VALUES ('delete', old.rowid, old.title, old.body);
      END;
      CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, body ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, body)
          VALUES ('delete', old.rowid, old.title, old.body);
        INSERT INTO documents_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
      END;

      CREATE TABLE document_origins (
        document_id TEXT NOT NULL,
        origin TEXT NOT NULL,
        seq INTEGER NOT NULL,
        first_seen TEXT NOT NULL,
        PRIMARY KEY (document_id, origin)
      ) WITHOUT ROWID;

      -- One child may have many parents: the same attachment in two e-mails is stored once and
      -- linked twice, so neither e-mail loses its attachment.
      CREATE TABLE document_links (
        parent_id TEXT NOT NULL,
        child_id TEXT NOT NULL,
        relation TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (parent_id, child_id, name)
      ) WITHOUT ROWID;
      CREATE INDEX document_links_child ON document_links(child_id);

      CREATE TABLE emails (
        document_id TEXT PRIMARY KEY,
        message_id TEXT,
        in_reply_to TEXT,
        refs TEXT NOT NULL DEFAULT '[]',
        thread_id TEXT,
        from_addr TEXT,
        to_addrs TEXT NOT NULL DEFAULT '[]',
        cc_addrs TEXT NOT NULL DEFAULT '[]',
        subject TEXT,
        sent_at TEXT
      ) WITHOUT ROWID;
      CREATE INDEX emails_thread ON emails(thread_id);
      CREATE INDEX emails_message ON emails(message_id);

      CREATE TABLE intel_reports (
        document_id TEXT PRIMARY KEY,
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
        fields TEXT NOT NULL DEFAULT '{}'
      ) WITHOUT ROWID;
      CREATE INDEX intel_reports_code ON intel_reports(code);

      CREATE TABLE completed_files (
        content_id TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        completed_at TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE ingest_runs (
        id TEXT PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        inputs TEXT NOT NULL,
        succeeded INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;

      CREATE TABLE ingest_failures (
        id INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL,
        path TEXT NOT NULL,
        parser TEXT NOT NULL,
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        hint TEXT,
        byte_offset INTEGER,
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
        document_id TEXT PRIMARY KEY,
        extractor_version TEXT NOT NULL,
        extracted_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX extractions_version ON extractions(extractor_version);

      CREATE TABLE mentions (
        document_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        normalized TEXT NOT NULL,
        folded TEXT NOT NULL,
        confidence REAL NOT NULL,
        source TEXT NOT NULL,
        lat REAL,
        lon REAL,
        country TEXT,
        admin1 TEXT,
        gazetteer_id TEXT,
        PRIMARY KEY (document_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX mentions_entity ON mentions(type, normalized);
      CREATE INDEX mentions_folded ON mentions(folded);

      CREATE TABLE date_mentions (
        document_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        value TEXT NOT NULL,
        precision TEXT NOT NULL,
        relative INTEGER NOT NULL,
        PRIMARY KEY (document_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX date_mentions_value ON date_mentions(value);

      CREATE TABLE figures (
        document_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        value REAL NOT NULL,
        unit TEXT,
        about TEXT,
        PRIMARY KEY (document_id, seq)
      ) WITHOUT ROWID;

      CREATE TABLE quotes (
        document_id TEXT NOT NULL,
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
      ) WITHOUT ROWID;
      CREATE INDEX quotes_speaker ON quotes(speaker);

      CREATE TABLE claims (
        document_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        speaker TEXT,
        verb TEXT NOT NULL,
        PRIMARY KEY (document_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX claims_speaker ON claims(speaker);

      CREATE TABLE citations (
        document_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        name TEXT NOT NULL,
        cue TEXT NOT NULL,
        PRIMARY KEY (document_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX citations_name ON citations(name);
    `,
  },
  {
    version: 3,
    name: 'text reuse: document pairs and shared passages',
    sql: `
      CREATE TABLE reuse_pairs (
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        similarity REAL NOT NULL,
        near_duplicate INTEGER NOT NULL,
        passages TEXT NOT NULL,
        PRIMARY KEY (a, b)
      ) WITHOUT ROWID;
      CREATE INDEX reuse_pairs_b ON reuse_pairs(b);

      CREATE TABLE passage_groups (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,
        words INTEGER NOT NULL
      );

      CREATE TABLE passage_occurrences (
        group_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        document_id TEXT NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        date TEXT,
        PRIMARY KEY (group_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX passage_occurrences_document ON passage_occurrences(document_id);
    `,
  },
  {
    version: 4,
    name: 'claim provenance clusters and analyst grades',
    sql: `
      CREATE TABLE claim_clusters (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        speaker TEXT,
        folded_text TEXT NOT NULL,
        folded_speaker TEXT NOT NULL,
        documents INTEGER NOT NULL,
        independent_origins INTEGER NOT NULL,
        circular INTEGER NOT NULL,
        earliest_date TEXT,
        data TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX claim_clusters_speaker ON claim_clusters(folded_speaker);

      CREATE TABLE claim_members (
        cluster_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        document_id TEXT NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        PRIMARY KEY (cluster_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX claim_members_document ON claim_members(document_id);

      -- Append-only: every grade an analyst gives is kept; the latest per subject is in force.
      CREATE TABLE analyst_grades (
        id INTEGER PRIMARY KEY,
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
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        folded_name TEXT NOT NULL,
        mention_count INTEGER NOT NULL,
        document_count INTEGER NOT NULL,
        data TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX entities_type ON entities(type, document_count);

      CREATE TABLE entity_aliases (
        entity_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        name TEXT NOT NULL,
        folded TEXT NOT NULL,
        rule TEXT NOT NULL,
        PRIMARY KEY (entity_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX entity_aliases_folded ON entity_aliases(folded);

      CREATE TABLE mention_entities (
        document_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        entity_id TEXT NOT NULL,
        PRIMARY KEY (document_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX mention_entities_entity ON mention_entities(entity_id);

      CREATE TABLE entity_merges (
        entity_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (entity_id, seq)
      ) WITHOUT ROWID;

      -- Append-only: analysts' merges, splits and renames, re-applied on every resolution.
      CREATE TABLE entity_decisions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
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
        id TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        analyst TEXT NOT NULL,
        at TEXT NOT NULL,
        -- Creation order: two hypotheses stated in the same millisecond still list in order.
        position INTEGER NOT NULL
      ) WITHOUT ROWID;

      -- Append-only: the latest mark per hypothesis and claim is the one in force.
      CREATE TABLE hypothesis_marks (
        id INTEGER PRIMARY KEY,
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
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        document_id TEXT NOT NULL,
        PRIMARY KEY (entity_id, name, document_id)
      ) WITHOUT ROWID;
      CREATE INDEX entity_alias_documents_document ON entity_alias_documents(document_id);
      INSERT OR IGNORE INTO entity_alias_documents (entity_id, name, document_id)
        SELECT e.id, json_extract(a.value, '$.name'), d.value
        FROM entities e, json_each(e.data, '$.aliases') a, json_each(a.value, '$.documents') d;
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
    version: 9,
    name: 'document facts: the columns searches filter, group and clear on, in a narrow table',
    sql: `
      -- A copy of the documents columns searches filter on (language, kind, date, TLP rank), one
      -- short row per document (rowid = documents.rowid). In documents they sit after the body,
      -- so reading them for every match of a common word followed each multi-KB row's overflow
      -- pages (~50 ms a search at 100,000 documents); here a page holds hundreds of rows.
      -- Triggers keep it in step, so every writer of documents stays as it was.
      CREATE TABLE document_facts (
        rowid INTEGER PRIMARY KEY,
        language TEXT NOT NULL,
        kind TEXT NOT NULL,
        published_at TEXT,
        tlp_rank INTEGER NOT NULL
      );
      INSERT INTO document_facts(rowid, language, kind, published_at, tlp_rank)
        SELECT rowid, language, kind, published_at, tlp_rank FROM documents;
      CREATE TRIGGER document_facts_insert AFTER INSERT ON documents BEGIN
        INSERT OR REPLACE INTO document_facts(rowid, language, kind, published_at, tlp_rank)
          VALUES (new.rowid, new.language, new.kind, new.published_at, new.tlp_rank);
      END;
      CREATE TRIGGER document_facts_delete AFTER DELETE ON documents BEGIN
        DELETE FROM document_facts WHERE rowid = old.rowid;
      END;
      CREATE TRIGGER document_facts_update
        AFTER UPDATE OF rowid, language, kind, published_at, tlp_rank ON documents BEGIN
        DELETE FROM document_facts WHERE rowid = old.rowid;
        INSERT OR REPLACE INTO document_facts(rowid, language, kind, published_at, tlp_rank)
          VALUES (new.rowid, new.language, new.kind, new.published_at, new.tlp_rank);
      END;
    `,
  },
  {
    version: 10,
    name: "each document's source in document facts, for the source facet and filter",
    sql: `
      -- A document's source (see sourceSql). Deriving it per search read the document's row (its
      -- byline sits after the body), its e-mail and its intel report for every one of the 1,000
      -- documents a facet counts; here it is one narrow row per document, as the filters read.
      ALTER TABLE document_facts ADD COLUMN source TEXT;
      UPDATE document_facts SET source = ${sourceOfFacts('document_facts.rowid')};

      -- Kept by triggers, whichever writer changes a document, its e-mail or its intel report, in
      -- whatever order they arrive (ingest writes the document first).
      DROP TRIGGER document_facts_insert;
      CREATE TRIGGER document_facts_insert AFTER INSERT ON documents BEGIN
        INSERT OR REPLACE INTO document_facts(rowid, language, kind, published_at, tlp_rank, source)
          VALUES (new.rowid, new.language, new.kind, new.published_at, new.tlp_rank,
            ${sourceOfFacts('new.rowid')});
      END;
      DROP TRIGGER document_facts_update;
      CREATE TRIGGER document_facts_update
        AFTER UPDATE OF rowid, id, language, kind, published_at, tlp_rank, byline ON documents BEGIN
        DELETE FROM document_facts WHERE rowid = old.rowid;
        INSERT OR REPLACE INTO document_facts(rowid, language, kind, published_at, tlp_rank, source)
          VALUES (new.rowid, new.language, new.kind, new.published_at, new.tlp_rank,
            ${sourceOfFacts('new.rowid')});
      END;
      ${followSource('emails', 'from_addr')}
      ${followSource('intel_reports', 'code')}
    `,
  },
  {
    version: 11,
    name: 'extraction and entity rows keyed by the document rowid, not its 64-character id',
    sql: `
      -- Each of these rows repeated its document's id (64 hex characters) in the table and again
      -- in every index, about half of their bytes: 10,000 generated e-mails, 300 MB of store, 100
      -- MB of it these ids. documents.rowid is an explicit INTEGER PRIMARY KEY, so VACUUM keeps
      -- it. Rows whose document is gone are dropped: nothing could reach them.
      ${rekeyed(
        'mentions',
        `
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        normalized TEXT NOT NULL,
        folded TEXT NOT NULL,
        confidence REAL NOT NULL,
        source TEXT NOT NULL,
        lat REAL,
        lon REAL,
        country TEXT,
        admin1 TEXT,
        gazetteer_id TEXT`,
      )}
      CREATE INDEX mentions_entity ON mentions(type, normalized);
      CREATE INDEX mentions_folded ON mentions(folded);

      ${rekeyed(
        'date_mentions',
        `
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        value TEXT NOT NULL,
        precision TEXT NOT NULL,
        relative INTEGER NOT NULL`,
      )}
      CREATE INDEX date_mentions_value ON date_mentions(value);

      ${rekeyed(
        'figures',
        `
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        value REAL NOT NULL,
        unit TEXT,
        about TEXT`,
      )}

      ${rekeyed(
        'quotes',
        `
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        speaker TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        verb TEXT,
        said_on TEXT`,
      )}
      CREATE INDEX quotes_speaker ON quotes(speaker);

      ${rekeyed(
        'claims',
        `
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        speaker TEXT,
        verb TEXT NOT NULL`,
      )}
      CREATE INDEX claims_speaker ON claims(speaker);

      ${rekeyed(
        'citations',
        `
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        name TEXT NOT NULL,
        cue TEXT NOT NULL`,
      )}
      CREATE INDEX citations_name ON citations(name);

      ${rekeyed(
        'mention_entities',
        `
        entity_id TEXT NOT NULL`,
      )}
      CREATE INDEX mention_entities_entity ON mention_entities(entity_id);

      CREATE TABLE entity_alias_documents_keyed (
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        document_key INTEGER NOT NULL,
        PRIMARY KEY (entity_id, name, document_key)
      ) WITHOUT ROWID;
      INSERT INTO entity_alias_documents_keyed (entity_id, name, document_key)
        SELECT a.entity_id, a.name, d.rowid
        FROM entity_alias_documents a JOIN documents d ON d.id = a.document_id;
      DROP TABLE entity_alias_documents;
      ALTER TABLE entity_alias_documents_keyed RENAME TO entity_alias_documents;
      -- Without its index by document: every read finds an alias's documents by its key (entity,
      -- name), and the index was a twentieth of a 100,000-document store.
    `,
  },
  {
    version: 12,
    name: 'mentions as names, readings and spans, each name and reading stored once; the view mentions joins them',
    sql: `
      -- See mention-rows.ts. 100,000 e-mails: 12.9 s at the first open; the store, compacted
      -- before and after (crosscheck compact), 1,649 -> 1,384 MB.
      ALTER TABLE mentions RENAME TO old_mentions;
      DROP INDEX IF EXISTS mentions_entity;
      DROP INDEX IF EXISTS mentions_folded;
      CREATE TABLE mention_names (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        normalized TEXT NOT NULL,
        folded TEXT NOT NULL
      );
      CREATE TABLE mention_readings (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        confidence REAL NOT NULL,
        gazetteer_id TEXT,
        lat REAL,
        lon REAL,
        country TEXT,
        admin1 TEXT
      );
      CREATE TABLE mention_spans (
        document_key INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        name_id INTEGER NOT NULL,
        reading_id INTEGER NOT NULL,
        text TEXT,
        PRIMARY KEY (document_key, seq)
      ) WITHOUT ROWID;
      ${MOVE_OLD_MENTIONS}
      -- A name's spans in document order (its first mentions read without sorting them all), each
      -- with its reading, so that the map's places are counted from the index alone (0.55 s at
      -- 100,000 e-mails; 2.2 s looking each span's reading up in the table).
      CREATE INDEX mention_spans_name ON mention_spans (name_id, document_key, seq, reading_id);
    `,
  },
  {
    version: 13,
    name: "an entity's names without their documents, which entity_alias_documents holds; each with its count",
    sql: `
      -- See entity-rows.ts. The count is the table's, as reads rebuild the lists from it.
      UPDATE entities SET data = json_set(data, '$.aliases', json((
        SELECT json_group_array(json_set(json_remove(a.value, '$.documents'), '$.documentCount', (
            SELECT count(*) FROM entity_alias_documents x
            WHERE x.entity_id = entities.id AND x.name = json_extract(a.value, '$.name')))
          ORDER BY a.key)
        FROM json_each(entities.data, '$.aliases') a)));
    `,
  },
  {
    version: 14,
    name: 'mention links by an integer entity key; the view mention_entities names the entity',
    sql: `
      -- Each of a million mention links (and its index entry) spelled out its entity's id; the
      -- ids are numbered once in entity_keys, in id order as resolution writes them.
      CREATE TABLE entity_keys (
        key INTEGER PRIMARY KEY,
        entity_id TEXT NOT NULL UNIQUE
      );
      INSERT INTO entity_keys (entity_id) SELECT id FROM entities ORDER BY id;
      CREATE TABLE mention_entity_keys (
        document_key INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        entity_key INTEGER NOT NULL,
        PRIMARY KEY (document_key, seq)
      ) WITHOUT ROWID;
      -- CROSS JOIN keeps the links outermost, read and written in key order; with the entities
      -- outermost the rows went in scattered, and the move took minutes at 100,000 e-mails.
      INSERT INTO mention_entity_keys (document_key, seq, entity_key)
        SELECT me.document_key, me.seq, k.key
        FROM mention_entities me CROSS JOIN entity_keys k
        WHERE k.entity_id = me.entity_id
        ORDER BY me.document_key, me.seq;
      DROP TABLE mention_entities;
      ${MENTION_ENTITIES_VIEW}
      -- With the table's key, an entity's links in document order.
      CREATE INDEX mention_entity_keys_entity ON mention_entity_keys (entity_key);
    `,
  },
  {
    version: 15,
    name: "each name's documents by entity key and name number; the view entity_alias_documents names them",
    sql: `
      -- See entity-keys.ts. A name's number is its seq in entity_aliases.
      CREATE TABLE alias_document_keys (
        entity_key INTEGER NOT NULL,
        alias_seq INTEGER NOT NULL,
        document_key INTEGER NOT NULL,
        PRIMARY KEY (entity_key, alias_seq, document_key)
      ) WITHOUT ROWID;
      -- In the old table's key order, which is the new one's (entity keys are in id order).
      INSERT INTO alias_document_keys (entity_key, alias_seq, document_key)
        SELECT k.key, a.seq, x.document_key
        FROM entity_alias_documents x CROSS JOIN entity_keys k CROSS JOIN entity_aliases a
        WHERE k.entity_id = x.entity_id AND a.entity_id = x.entity_id AND a.name = x.name
        ORDER BY k.key, a.seq, x.document_key;
      DROP TABLE entity_alias_documents;
      ${ENTITY_ALIAS_DOCUMENTS_VIEW}
    `,
  },
];

/**
 * Rebuilds a (document_id, seq)-keyed table as (document_key, seq) with the same other columns
 * (migration 11). The caller creates its secondary indexes again.
 */
function rekeyed(table: string, columns: string): string {
  const names = columns
    .split(',')
    .map((line) => line.trim().split(/\s+/)[0])
    .join(', ');
  return `
    CREATE TABLE ${table}_keyed (
      document_key INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      ${columns.trim()},
      PRIMARY KEY (document_key, seq)
    ) WITHOUT ROWID;
    INSERT INTO ${table}_keyed (document_key, seq, ${names})
      SELECT d.rowid, t.seq, ${names
        .split(', ')
        .map((n) => `t.${n}`)
        .join(', ')}
      FROM ${table} t JOIN documents d ON d.id = t.document_id;
    DROP TABLE ${table};
    ALTER TABLE ${table}_keyed RENAME TO ${table};`;
}

/** The source of the document at `rowid`, derived (for document_facts.source). */
function sourceOfFacts(rowid: string): string {
  return `(SELECT ${sourceSql('instr')} FROM documents d WHERE d.rowid = ${rowid})`;
}

/** Triggers that recompute a document's source when `table` (one row per document) changes. */
function followSource(table: 'emails' | 'intel_reports', column: string): string {
  const refresh = (documentId: string) => `
    UPDATE document_facts SET source = ${sourceOfFacts('document_facts.rowid')}
      WHERE rowid = (SELECT rowid FROM documents WHERE id = ${documentId});`;
  return `
    CREATE TRIGGER ${table}_source_insert AFTER INSERT ON ${table} BEGIN
      ${refresh('new.document_id')}
    END;
    CREATE TRIGGER ${table}_source_update AFTER UPDATE OF document_id, ${column} ON ${table} BEGIN
      ${refresh('old.document_id')}
      ${refresh('new.document_id')}
    END;
    CREATE TRIGGER ${table}_source_delete AFTER DELETE ON ${table} BEGIN
      ${refresh('old.document_id')}
    END;`;
}

export function migrate(db: Database.Database, file: string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const latest = SQLITE_MIGRATIONS.at(-1)?.version ?? 0;
  const currentVersion = () =>
    (
      db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as {
        version: number | null;
      }
    ).version ?? 0;
  const current = currentVersion();
  if (current > latest) {
    throw new StoreError(
      'STORE_SCHEMA',
      `The store is at schema version ${current}, newer than this Crosscheck knows (${latest})`,
      { file, hint: 'Upgrade Crosscheck, or point --store at another file.' },
    );
  }
  const record = db.prepare(
    'INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const migration of SQLITE_MIGRATIONS) {
    if (migration.version <= current) continue;
    // IMMEDIATE takes the write lock first; re-reading the version under it means two processes
    // opening a new store at once cannot both apply the same migration.
    db.transaction(() => {
      if (currentVersion() >= migration.version) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
}
