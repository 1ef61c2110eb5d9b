import { foldForMatch } from '../core/index.js';
import type { MergeRecord, ResolutionRows } from '../resolve/index.js';
import type { RunQuery } from './analysis-queries.js';
import type { Statement } from './claims-queries.js';
import type { Store } from './store.js';
import {
  CO_OCCURRENCE_SAMPLE,
  type EntityDecision,
  type EntityDocumentsOption,
  type EntityRecord,
  type EntityType,
  type RecordedEntityDecision,
  type ResolvedEntityQuery,
  type WriterClearance,
} from './types.js';
import {
  presentEntities,
  presentMerges,
  toCounted,
  visibleAlias,
  visibleCounts,
} from './entity-visibility.js';
import { DOCUMENT_KEY_OF_ID } from './document-keys.js';
import { ENTITY_KEY_OF_ID } from './entity-keys.js';
import { entityJsonOf, storedEntities, toEntityJson } from './entity-rows.js';
import { FULL_VIEW, andKeyVisible, rankParams, type ClearanceSource } from './visibility.js';
import {
  andWrittenWithin,
  decisionSubjects,
  withoutHiddenSubjects,
  writerClearance,
} from './analyst-visibility.js';

/*
 * Resolved entities, in the SQL both backends accept (positional `?`). An entity is stored as JSON
 * but for its names' documents (entity-rows.ts); its aliases, their documents and its mention
 * links sit in their own tables.
 */

type Row = Record<string, unknown>;
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

const ENTITY_FILTER = `
  WHERE (? = 0 OR type = ?)
    AND (? = 0 OR id IN (SELECT entity_id FROM entity_aliases WHERE folded LIKE ?))`;

/**
 * The statements that replace the stored resolution, made one at a time as they are run: the
 * resolution's lists may be lazy (a million documents' mention links), and so is this.
 */
export function* replaceResolutionStatements(resolution: ResolutionRows): Generator<Statement> {
  for (const sql of [
    'DELETE FROM alias_document_keys',
    'DELETE FROM entity_merges',
    'DELETE FROM mention_entity_keys',
    'DELETE FROM entity_keys',
    'DELETE FROM entity_aliases',
    'DELETE FROM entities',
  ]) {
    yield { sql, params: [] };
  }
  let key = 0;
  for (const entity of resolution.entities) {
    key += 1;
    yield {
      sql: 'INSERT INTO entity_keys (key, entity_id) VALUES (?, ?)',
      params: [key, entity.id],
    };
    yield {
      sql: `INSERT INTO entities (id, type, name, folded_name, mention_count, document_count, data)
            VALUES (?, ?, ?, ?, ?, ?, ?)`,
      params: [
        entity.id,
        entity.type,
        entity.name,
        foldForMatch(entity.name),
        entity.mentionCount,
        entity.documentCount,
        JSON.stringify(toEntityJson(entity)),
      ],
    };
    const names = [entity.name, ...entity.aliases.map((a) => a.name)];
    const seqOf = new Map<string, number>();
    for (const name of names) if (!seqOf.has(name)) seqOf.set(name, seqOf.size);
    for (const [name, seq] of seqOf) {
      yield {
        sql: 'INSERT INTO entity_aliases (entity_id, seq, name, folded, rule) VALUES (?, ?, ?, ?, ?)',
        params: [
          entity.id,
          seq,
          name,
          foldForMatch(name),
          entity.aliases.find((a) => a.name === name)?.rule ?? 'display-name',
        ],
      };
    }
    // A repeated (name, document) is one row: the table's key drops it, with no set of every
    // pair held for the largest entities (hundreds of thousands of documents at 1,000,000).
    for (const alias of entity.aliases) {
      for (const documentId of alias.documents) {
        yield {
          sql: `INSERT INTO alias_document_keys (entity_key, alias_seq, document_key)
                VALUES (?, ?, ${DOCUMENT_KEY_OF_ID}) ON CONFLICT DO NOTHING`,
          params: [key, seqOf.get(alias.name), documentId],
        };
      }
    }
  }
  for (const a of resolution.assignments) {
    yield {
      sql: `INSERT INTO mention_entity_keys (document_key, seq, entity_key)
            VALUES (${DOCUMENT_KEY_OF_ID}, ?, ${ENTITY_KEY_OF_ID})`,
      params: [a.documentId, a.seq, a.entityId],
    };
  }
  const seqByEntity = new Map<string, number>();
  for (const merge of resolution.merges) {
    const seq = seqByEntity.get(merge.entityId) ?? 0;
    seqByEntity.set(merge.entityId, seq + 1);
    yield {
      sql: 'INSERT INTO entity_merges (entity_id, seq, data) VALUES (?, ?, ?)',
      params: [merge.entityId, seq, JSON.stringify(merge)],
    };
  }
}

export function insertEntityDecisionStatement(
  decision: EntityDecision & {
    analyst: string;
    at: string;
    reason: string;
  } & Partial<WriterClearance>,
  clearanceRank: number,
): Statement {
  return {
    sql: `INSERT INTO entity_decisions (kind, data, analyst, at, reason, clearance_rank)
          VALUES (?, ?, ?, ?, ?, ?)`,
    params: [
      decision.kind,
      JSON.stringify(decision.decision),
      decision.analyst,
      decision.at,
      decision.reason,
      clearanceRank,
    ],
  };
}

const toDecision = (row: Row): RecordedEntityDecision =>
  ({
    id: Number(row.id),
    kind: String(row.kind),
    decision: json(row.data),
    analyst: String(row.analyst),
    at: String(row.at),
    reason: String(row.reason),
    clearance: writerClearance(row),
  }) as RecordedEntityDecision;

export function entityQueries(
  run: RunQuery,
  clearance: ClearanceSource = FULL_VIEW,
): Pick<
  Store,
  | 'listResolvedEntities'
  | 'getResolvedEntity'
  | 'listEntityMentionsById'
  | 'listEntityCoOccurrences'
  | 'listEntityDecisions'
> {
  const byId = async (id: string) => {
    const [row] = await run('SELECT data FROM entities WHERE id = ?', [id]);
    return row ? entityJsonOf(row.data) : null;
  };
  const full = {
    async listResolvedEntities(query: ResolvedEntityQuery) {
      const contains = foldForMatch(query.contains ?? '').replace(/[%_\\]/g, '');
      const filter = [query.type ? 1 : 0, query.type ?? '', contains ? 1 : 0, `%${contains}%`];
      const [count] = await run(`SELECT count(*) AS n FROM entities ${ENTITY_FILTER}`, filter);
      const rows = await run(
        `SELECT data FROM entities ${ENTITY_FILTER}
         ORDER BY document_count DESC, mention_count DESC, id LIMIT ? OFFSET ?`,
        [...filter, limitOf(query.limit, 100, 10_000), Math.max(0, query.offset ?? 0)],
      );
      return {
        total: Number(count?.n ?? 0),
        entities: await storedEntities(
          run,
          rows.map((r) => entityJsonOf(r.data)),
          query.documentsPerName,
        ),
      };
    },
    async getResolvedEntity(
      idOrName: string,
      { documentsPerName }: EntityDocumentsOption,
    ): Promise<EntityRecord | null> {
      let entity = await byId(idOrName);
      if (!entity) {
        const [row] = await run(
          `SELECT e.data FROM entities e
           WHERE e.id IN (SELECT entity_id FROM entity_aliases WHERE folded = ?)
           ORDER BY e.document_count DESC, e.mention_count DESC, e.id LIMIT 1`,
          [foldForMatch(idOrName)],
        );
        entity = row ? entityJsonOf(row.data) : null;
      }
      if (!entity) return null;
      const [stored] = await storedEntities(run, [entity], documentsPerName);
      return { entity: stored!, merges: await mergesOf(entity.id) };
    },
  };
  const mergesOf = async (entityId: string) =>
    (await run('SELECT data FROM entity_merges WHERE entity_id = ? ORDER BY seq', [entityId])).map(
      (r) => json<MergeRecord>(r.data),
    );

  // What a clearance-restricted reader sees (entity-visibility.ts): entities rebuilt from
  // visible mentions and names, ordered by their visible counts.
  const restricted = {
    async listResolvedEntities(query: ResolvedEntityQuery, r: number) {
      const contains = foldForMatch(query.contains ?? '').replace(/[%_\\]/g, '');
      const from = `FROM entities e JOIN ${visibleCounts()} ON v.entity_id = e.id
        WHERE (? = 0 OR e.type = ?) AND (? = 0 OR e.id IN (
          SELECT a.entity_id FROM entity_aliases a WHERE a.folded LIKE ? AND ${visibleAlias('a')}))`;
      const params = [
        r,
        query.type ? 1 : 0,
        query.type ?? '',
        contains ? 1 : 0,
        `%${contains}%`,
        r,
      ];
      const [count] = await run(`SELECT count(*) AS n ${from}`, params);
      const rows = await run(
        `SELECT e.data, v.mentions, v.documents ${from}
         ORDER BY v.documents DESC, v.mentions DESC, e.id LIMIT ? OFFSET ?`,
        [...params, limitOf(query.limit, 100, 10_000), Math.max(0, query.offset ?? 0)],
      );
      return {
        total: Number(count?.n ?? 0),
        entities: await presentEntities(run, rows.map(toCounted), r, query.documentsPerName),
      };
    },
    async getResolvedEntity(
      idOrName: string,
      { documentsPerName }: EntityDocumentsOption,
      r: number,
    ): Promise<EntityRecord | null> {
      const find = async (scope: string, params: unknown[]) => {
        const [row] = await run(
          `SELECT e.data, v.mentions, v.documents FROM entities e
           JOIN ${visibleCounts(scope)} ON v.entity_id = e.id
           ORDER BY v.documents DESC, v.mentions DESC, e.id LIMIT 1`,
          [...params, r],
        );
        return row ? toCounted(row) : null;
      };
      const counted =
        (await find(`vm.entity_key = ${ENTITY_KEY_OF_ID}`, [idOrName])) ??
        (await find(
          `vm.entity_key IN (SELECT k.key FROM entity_aliases a
             JOIN entity_keys k ON k.entity_id = a.entity_id
             WHERE a.folded = ? AND ${visibleAlias('a')})`,
          [foldForMatch(idOrName), r],
        ));
      if (!counted) return null;
      const [entity] = await presentEntities(run, [counted], r, documentsPerName);
      return {
        entity: entity!,
        merges: await presentMerges(run, entity!, await mergesOf(entity!.id), r),
      };
    },
  };

  return {
    async listResolvedEntities(query = {}) {
      const r = clearance();
      return r === null
        ? full.listResolvedEntities(query)
        : restricted.listResolvedEntities(query, r);
    },
    async getResolvedEntity(idOrName, options = {}) {
      const r = clearance();
      return r === null
        ? full.getResolvedEntity(idOrName, options)
        : restricted.getResolvedEntity(idOrName, options, r);
    },
    async listEntityMentionsById(entityId, options = {}) {
      const r = clearance();
      const rows = await run(
        // In the order the documents were stored, limited before any is read (as entityMentionsSql).
        `SELECT d.id AS document_id, d.title AS document_title, d.published_at AS document_date,
           m.start_offset, m.end_offset, m.text
         FROM (SELECT document_key, seq FROM mention_entity_keys
               WHERE entity_key = ${ENTITY_KEY_OF_ID}${andKeyVisible(r, 'document_key')}
               ORDER BY document_key, seq LIMIT ?) me
         JOIN mentions m ON m.document_key = me.document_key AND m.seq = me.seq
         JOIN documents d ON d.rowid = me.document_key
         ORDER BY me.document_key, me.seq`,
        [entityId, ...rankParams(r), limitOf(options.limit, 500, 100_000)],
      );
      return rows.map((r) => ({
        documentId: String(r.document_id),
        documentTitle: r.document_title === null ? null : String(r.document_title),
        documentDate: r.document_date === null ? null : String(r.document_date),
        start: Number(r.start_offset),
        end: Number(r.end_offset),
        text: String(r.text),
      }));
    },
    async listEntityCoOccurrences(entityId, options = {}) {
      const r = clearance();
      // Counted on the mention links alone, then the few named: joining entities before grouping
      // read an entity row per co-occurring mention, 270 s for "Washington, D.C." at 100,000
      // e-mails against 0.8 s. Over the first CO_OCCURRENCE_SAMPLE documents the reader may see.
      // Ties at the cut go by entity key, which is id order as resolution writes the entities.
      const rows = await run(
        `SELECT e.id, e.type, e.name, c.documents
         FROM (SELECT me.entity_key, count(DISTINCT me.document_key) AS documents
               FROM mention_entity_keys me
               WHERE me.document_key IN (
                   SELECT DISTINCT document_key FROM mention_entity_keys
                   WHERE entity_key = ${ENTITY_KEY_OF_ID}${andKeyVisible(r, 'document_key')}
                   ORDER BY document_key LIMIT ?)
                 AND me.entity_key <> ${ENTITY_KEY_OF_ID}
               GROUP BY me.entity_key
               ORDER BY documents DESC, me.entity_key LIMIT ?) c
         JOIN entity_keys k ON k.key = c.entity_key
         JOIN entities e ON e.id = k.entity_id
         ORDER BY c.documents DESC, e.id`,
        [
          entityId,
          ...rankParams(r),
          limitOf(options.sample, CO_OCCURRENCE_SAMPLE, 1_000_000),
          entityId,
          limitOf(options.limit, 50, 10_000),
        ],
      );
      const names = new Map<string, string>();
      if (r !== null && rows.length > 0) {
        // The neighbours' display names, as this reader may see them.
        const stored = await run(
          `SELECT data FROM entities WHERE id IN (${rows.map(() => '?').join(', ')})`,
          rows.map((row) => String(row.id)),
        );
        const shown = await presentEntities(
          run,
          stored.map((row) => ({
            entity: entityJsonOf(row.data),
            mentions: 0,
            documents: 0,
          })),
          r,
          0,
        );
        for (const entity of shown) names.set(entity.id, entity.name);
      }
      return rows.map((row) => ({
        id: String(row.id),
        type: String(row.type) as EntityType,
        name: names.get(String(row.id)) ?? String(row.name),
        documents: Number(row.documents),
      }));
    },
    async listEntityDecisions() {
      // A restricted reader sees decisions written within their clearance that name no entity
      // or name known only from hidden documents (analyst-visibility.ts).
      const r = clearance();
      const decisions = (
        await run(
          `SELECT * FROM entity_decisions WHERE 1 = 1${andWrittenWithin(r)} ORDER BY id`,
          rankParams(r),
        )
      ).map(toDecision);
      return r === null ? decisions : withoutHiddenSubjects(run, decisions, decisionSubjects, r);
    },
  };
}

const limitOf = (value: number | undefined, fallback: number, max: number) =>
  Math.max(1, Math.min(value ?? fallback, max));
