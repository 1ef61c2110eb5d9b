import { CrosscheckError } from '../core/index.js';
import type { Store } from '../store/index.js';

/**
 * Which part of the store an export covers. Today: everything, the documents a search matches, or
 * the documents naming one entity.
 *
 * Seam: when collections land, a collection becomes one more way to build a scope (its document
 * ids), and it will carry its own TLP level into `ExportOptions.marking`. Nothing here pretends
 * collections exist yet.
 */
export interface ExportScope {
  /** The documents in scope; null means the whole store. */
  documentIds: ReadonlySet<string> | null;
  /** For people: "the whole store", "documents matching …". */
  description: string;
}

export const WHOLE_STORE: ExportScope = { documentIds: null, description: 'the whole store' };

export function inScope(scope: ExportScope, documentId: string): boolean {
  return scope.documentIds === null || scope.documentIds.has(documentId);
}

/** The store caps a search page at 500 hits; an export wants every hit, so it pages through. */
const SEARCH_PAGE = 500;

export async function scopeFromQuery(store: Store, query: string): Promise<ExportScope> {
  const ids = new Set<string>();
  for (let offset = 0; ; offset += SEARCH_PAGE) {
    const { total, hits } = await store.search({
      text: query,
      limit: SEARCH_PAGE,
      offset,
      exhaustive: true,
    });
    for (const hit of hits) ids.add(hit.id);
    if (hits.length < SEARCH_PAGE || offset + hits.length >= total) break;
  }
  return { documentIds: ids, description: `documents matching “${query}”` };
}

export async function scopeFromEntity(store: Store, idOrName: string): Promise<ExportScope> {
  const record = await store.getResolvedEntity(idOrName);
  if (!record) {
    throw new CrosscheckError('NOT_FOUND', `No entity is called "${idOrName}"`, {
      hint: 'List them with `crosscheck entities --q <part of the name>` (run `crosscheck analyze` first).',
    });
  }
  const ids = new Set(record.entity.aliases.flatMap((alias) => alias.documents));
  return { documentIds: ids, description: `documents naming ${record.entity.name}` };
}
