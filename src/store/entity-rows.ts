import type { ResolvedEntity } from '../resolve/index.js';
import type { RunQuery } from './analysis-queries.js';
import { parameterSlots } from './analysis-sql.js';
import { ALIAS_SEQ_OF_NAME, ENTITY_KEY_OF_ID } from './entity-keys.js';
import type { StoredAlias, StoredEntity } from './types.js';

/*
 * An entity row's JSON holds each name with how many documents it was seen in, not the documents:
 * alias_document_keys holds those (behind the view entity_alias_documents; entity-keys.ts), and the
 * JSON used to repeat them as 64-character ids (a
 * corpus-wide name's row was 2 MB at 100,000 e-mails; the entities table 175 MB). Reads put the
 * documents back from the table, all of them or the first few a listing needs.
 */

/** An entity as its row's JSON holds it. */
export interface EntityJson extends Omit<StoredEntity, 'aliases'> {
  aliases: Array<Omit<StoredAlias, 'documents'>>;
}

export const entityJsonOf = (data: unknown): EntityJson =>
  (typeof data === 'string' ? JSON.parse(data) : data) as EntityJson;

/** What an entity row stores for a resolved entity. */
export function toEntityJson(entity: ResolvedEntity): EntityJson {
  return {
    ...entity,
    aliases: entity.aliases.map(({ documents, ...alias }) => ({
      ...alias,
      // As the table holds them: a name's repeated document is one row.
      documentCount: new Set(documents).size,
    })),
  };
}

/** Document ids by entity id and name. */
export type AliasDocuments = Map<string, string[]>;

export const aliasKey = (entityId: string, name: string) => `${entityId}\u0000${name}`;

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The entity with each name's documents: all, sorted by id, or the first `perName` stored. */
export function withDocuments(
  entity: EntityJson,
  documents: AliasDocuments,
  perName?: number,
): StoredEntity {
  return {
    ...entity,
    aliases: entity.aliases.map((alias) => {
      const ids = documents.get(aliasKey(entity.id, alias.name)) ?? [];
      return {
        ...alias,
        documents: perName === undefined ? [...ids].sort(byCodeUnits) : ids.slice(0, perName),
      };
    }),
  };
}

/** Entity ids per query: well under both engines' parameter limits. */
const IDS_PER_QUERY = 500;
/** Names per query when each reads its first few: SQLite allows 500 terms in one UNION. */
const NAMES_PER_QUERY = 200;

/**
 * Each name's documents, in the order they were stored: every one, or the first `perName` (read
 * name by name from the table's key, so a listing of corpus-wide names does not read their
 * hundreds of thousands of rows).
 */
export async function readAliasDocuments(
  run: RunQuery,
  entities: readonly EntityJson[],
  perName?: number,
): Promise<AliasDocuments> {
  const documents: AliasDocuments = new Map();
  const add = (entityId: string, name: string, documentId: unknown) => {
    const key = aliasKey(entityId, name);
    if (!documents.has(key)) documents.set(key, []);
    documents.get(key)!.push(String(documentId));
  };
  if (perName === undefined) {
    const ids = entities.map((e) => e.id);
    for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
      const chunk = ids.slice(i, i + IDS_PER_QUERY);
      const rows = await run(
        `SELECT a.entity_id, a.name, d.id AS document_id
         FROM entity_alias_documents a JOIN documents d ON d.rowid = a.document_key
         WHERE a.entity_id IN (${parameterSlots(chunk.length)})`,
        chunk,
      );
      for (const row of rows) add(String(row.entity_id), String(row.name), row.document_id);
    }
    return documents;
  }
  if (perName <= 0) return documents;
  const names = entities.flatMap((e) =>
    e.aliases.filter((a) => a.documentCount > 0).map((a) => [e.id, a.name] as const),
  );
  for (let i = 0; i < names.length; i += NAMES_PER_QUERY) {
    const chunk = names.slice(i, i + NAMES_PER_QUERY);
    // By the keys, looked up first: through the view entity_alias_documents, SQLite read every
    // document of the entity to sort them (8.4 s against 21 ms for a listing at 100,000 e-mails).
    // Each name's rows say which name they are by its place in the chunk, a number written here.
    const rows = await run(
      chunk
        .map(
          (_, n) => `SELECT * FROM (
            SELECT ${n} AS name_index, x.document_key, d.id AS document_id
            FROM alias_document_keys x JOIN documents d ON d.rowid = x.document_key
            WHERE x.entity_key = ${ENTITY_KEY_OF_ID} AND x.alias_seq = ${ALIAS_SEQ_OF_NAME}
            ORDER BY x.document_key LIMIT ?) n${n}`,
        )
        .join(' UNION ALL '),
      chunk.flatMap(([id, name]) => [id, id, name, perName]),
    );
    rows.sort((a, b) => Number(a.document_key) - Number(b.document_key));
    for (const row of rows) add(...chunk[Number(row.name_index)]!, row.document_id);
  }
  return documents;
}

/** The entities whose rows were read, each name with its documents (see readAliasDocuments). */
export async function storedEntities(
  run: RunQuery,
  entities: EntityJson[],
  perName?: number,
): Promise<StoredEntity[]> {
  const documents = await readAliasDocuments(run, entities, perName);
  return entities.map((entity) => withDocuments(entity, documents, perName));
}
