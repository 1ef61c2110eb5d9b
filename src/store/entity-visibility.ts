import { nameKey, type MergeRecord } from '../resolve/index.js';
import type { RunQuery } from './analysis-queries.js';
import { parameterSlots } from './analysis-sql.js';
import {
  aliasKey,
  entityJsonOf,
  withDocuments,
  type AliasDocuments,
  type EntityJson,
} from './entity-rows.js';
import type { StoredEntity } from './types.js';
import { keyNotHidden } from './visibility.js';

/*
 * Resolved entities as a clearance-restricted reader sees them. An entity is stored as built from
 * every document; a restricted reader gets it rebuilt from what they may see: only names seen
 * in a visible document (or curated names, seen in none), only visible documents under each name,
 * counts from visible mentions, and no entity at all when none of its mentions is visible.
 */

type Row = Record<string, unknown>;
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/**
 * True for an alias row `alias` (entity_aliases) a reader may see; one `?` slot: max rank. A name
 * only an analyst's rename gave (rule display-name) is never matched for a restricted reader: the
 * rename may have been written above their clearance (analyst-visibility.ts), and presentEntities
 * shows it to those it may be shown to.
 */
export const visibleAlias = (alias: string) => `${alias}.rule <> 'display-name' AND (
  NOT EXISTS (SELECT 1 FROM entity_alias_documents ad
              WHERE ad.entity_id = ${alias}.entity_id AND ad.name = ${alias}.name)
  OR EXISTS (SELECT 1 FROM entity_alias_documents ad
             WHERE ad.entity_id = ${alias}.entity_id AND ad.name = ${alias}.name
               AND ${keyNotHidden('ad.document_key')}))`;

/**
 * Entities (`entity_id`) with their visible mention and document counts, joined as `v`. `scope`
 * narrows the mention links `vm` counted by their `entity_key` (its own `?` slots come first),
 * then one `?` slot: max rank. Grouped by the integer key, then named.
 */
export const visibleCounts = (scope = '') => `(
  SELECT k.entity_id, c.mentions, c.documents
  FROM (SELECT vm.entity_key, count(*) AS mentions, count(DISTINCT vm.document_key) AS documents
        FROM mention_entity_keys vm
        WHERE ${scope ? `${scope} AND ` : ''}${keyNotHidden('vm.document_key')}
        GROUP BY vm.entity_key) c
  JOIN entity_keys k ON k.key = c.entity_key) v`;

export interface CountedEntity {
  entity: EntityJson;
  mentions: number;
  documents: number;
}

export const toCounted = (row: Row): CountedEntity => ({
  entity: entityJsonOf(row.data),
  mentions: Number(row.mentions),
  documents: Number(row.documents),
});

async function visibleDocumentIds(run: RunQuery, ids: string[], r: number): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await run(
    `SELECT id FROM documents WHERE tlp_rank <= ? AND id IN (${parameterSlots(ids.length)})`,
    [r, ...ids],
  );
  return new Set(rows.map((row) => String(row.id)));
}

/**
 * Rebuilds each entity from what a reader with highest rank `r` may see; each name with its
 * visible documents, all or the first `perName` stored (as StoredAlias).
 */
export async function presentEntities(
  run: RunQuery,
  counted: CountedEntity[],
  r: number,
  perName?: number,
): Promise<StoredEntity[]> {
  if (counted.length === 0) return [];
  const ids = counted.map((c) => c.entity.id);
  // Every visible document of each name, in the order they were stored: the count needs them all.
  const seen: AliasDocuments = new Map();
  for (const row of await run(
    `SELECT ead.entity_id, ead.name, d.id AS document_id
     FROM entity_alias_documents ead JOIN documents d ON d.rowid = ead.document_key
     WHERE ead.entity_id IN (${parameterSlots(ids.length)}) AND d.tlp_rank <= ?
     ORDER BY ead.entity_id, ead.name, ead.document_key`,
    [...ids, r],
  )) {
    const key = aliasKey(String(row.entity_id), String(row.name));
    if (!seen.has(key)) seen.set(key, []);
    seen.get(key)!.push(String(row.document_id));
  }
  const evidence = await visibleDocumentIds(
    run,
    [
      ...new Set(
        counted.flatMap((c) => c.entity.aliases.flatMap((a) => a.evidence?.documentId ?? [])),
      ),
    ],
    r,
  );
  const renames = await visibleRenames(run, counted, r);
  return counted.map(({ entity: row, mentions, documents }) => {
    const entity = withDocuments(row, seen, perName);
    const aliases = entity.aliases.flatMap((alias) => {
      const visible = seen.get(aliasKey(entity.id, alias.name))?.length ?? 0;
      // A curated name seen in no document tells nothing about any document.
      if (alias.documentCount > 0 && visible === 0) return [];
      const { evidence: aliasEvidence, ...rest } = alias;
      return [
        {
          ...rest,
          documentCount: visible,
          ...(aliasEvidence && evidence.has(aliasEvidence.documentId)
            ? { evidence: aliasEvidence }
            : {}),
        },
      ];
    });
    const named = entity.aliases.some((a) => a.name === entity.name);
    // The display name is an analyst's rename (in no alias) or one of the names. A rename shows
    // when a rename within the reader's clearance gave it; a name when a visible document holds
    // it. Otherwise the first visible name stands in for it.
    const shown = named ? aliases.some((a) => a.name === entity.name) : renames.has(entity.name);
    const fallback = named ? entity.name : entity.id.slice(entity.id.indexOf(':') + 1);
    const name = shown ? entity.name : (aliases[0]?.name ?? fallback);
    return { ...entity, name, aliases, mentionCount: mentions, documentCount: documents };
  });
}

/**
 * The names analysts' renames written within the reader's clearance give (analyst-visibility.ts);
 * only looked up when one of the entities carries a rename.
 */
async function visibleRenames(run: RunQuery, counted: CountedEntity[], r: number) {
  if (counted.every(({ entity }) => entity.aliases.some((a) => a.name === entity.name))) {
    return new Set<string>();
  }
  const rows = await run(
    "SELECT data FROM entity_decisions WHERE kind = 'rename' AND clearance_rank <= ?",
    [r],
  );
  return new Set(rows.map((row) => json<{ name: string }>(row.data).name));
}

/** Merges a reader may see: both names visible, and the evidence (if any) in a visible document. */
export async function presentMerges(
  run: RunQuery,
  entity: StoredEntity,
  merges: MergeRecord[],
  r: number,
): Promise<MergeRecord[]> {
  const keys = new Set(
    [entity.name, ...entity.aliases.map((a) => a.name)].map((n) => nameKey(entity.type, n)),
  );
  const evidence = await visibleDocumentIds(
    run,
    [...new Set(merges.flatMap((m) => m.evidence?.documentId ?? []))],
    r,
  );
  return merges.filter(
    (m) =>
      keys.has(m.from) && keys.has(m.into) && (!m.evidence || evidence.has(m.evidence.documentId)),
  );
}
