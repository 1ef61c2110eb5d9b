import type { EntityAlias, ResolvedEntity } from '../resolve/index.js';
import type { RunQuery } from './analysis-queries.js';
import { parameterSlots } from './analysis-sql.js';

/*
 * Which documents each alias of an entity was seen in lives in entity_alias_documents only: the
 * entity's JSON (`entities.data`) keeps its aliases without their document lists. A corpus-wide
 * name's list is hundreds of thousands of ids at a million documents; written into the JSON too it
 * was a tenth of a 100,000-e-mail store and one string of tens of MB to build, write and parse
 * per large entity.
 */

/** An entity as `entities.data` holds it: each alias without its documents. */
export function storedEntityJson(entity: ResolvedEntity): string {
  return JSON.stringify({
    ...entity,
    aliases: entity.aliases.map(({ documents: _documents, ...alias }) => alias),
  });
}

/** One alias's documents: every id, sorted, and those a reader may see (all, without a rank). */
export interface AliasDocuments {
  all: string[];
  visible: string[];
}

const aliasKey = (entityId: string, name: string) => `${entityId}\u0000${name}`;

/**
 * The documents of every alias of these entities, by entity and name; with `maxRank`, also which
 * of them a reader of that rank may see. One query per call.
 */
export async function readAliasDocuments(
  run: RunQuery,
  entityIds: readonly string[],
  maxRank: number | null = null,
): Promise<(entityId: string, name: string) => AliasDocuments> {
  const byAlias = new Map<string, AliasDocuments>();
  const ids = [...new Set(entityIds)];
  if (ids.length > 0) {
    for (const row of await run(
      `SELECT ead.entity_id, ead.name, d.id AS document_id, d.tlp_rank
       FROM entity_alias_documents ead JOIN documents d ON d.rowid = ead.document_key
       WHERE ead.entity_id IN (${parameterSlots(ids.length)})`,
      ids,
    )) {
      const key = aliasKey(String(row.entity_id), String(row.name));
      let lists = byAlias.get(key);
      if (!lists) byAlias.set(key, (lists = { all: [], visible: [] }));
      const id = String(row.document_id);
      lists.all.push(id);
      if (maxRank === null || Number(row.tlp_rank) <= maxRank) lists.visible.push(id);
    }
    for (const lists of byAlias.values()) {
      lists.all.sort();
      if (lists.visible.length < lists.all.length) lists.visible.sort();
      else lists.visible = lists.all;
    }
  }
  const none: AliasDocuments = { all: [], visible: [] };
  return (entityId, name) => byAlias.get(aliasKey(entityId, name)) ?? none;
}

/** The entities with each alias's documents read back from entity_alias_documents. */
export async function withAliasDocuments(
  run: RunQuery,
  entities: ResolvedEntity[],
): Promise<ResolvedEntity[]> {
  const documentsOf = await readAliasDocuments(
    run,
    entities.map((e) => e.id),
  );
  return entities.map((entity) => ({
    ...entity,
    // A row written before the lists left the JSON still carries one: the table's replaces it.
    aliases: entity.aliases.map(({ name, documents: _stored, ...rest }): EntityAlias => ({
      name,
      documents: documentsOf(entity.id, name).all,
      ...rest,
    })),
  }));
}
