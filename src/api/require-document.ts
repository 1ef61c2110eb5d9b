import { CrosscheckError } from '../core/index.js';
import type { Store, StoredDocument } from '../store/index.js';

/** The document a path names by its id or a unique prefix, or a 404 the reader can act on. */
export async function requireDocument(store: Store, idOrPrefix: string): Promise<StoredDocument> {
  const id = await store.resolveDocumentId(idOrPrefix);
  const document = id ? await store.getDocument(id) : null;
  if (!document) {
    throw new CrosscheckError('NOT_FOUND', `No document has the id ${idOrPrefix}`, {
      hint: 'Use an id from a search result; a prefix must be at least 6 characters and match one document only.',
    });
  }
  return document;
}

/**
 * Looks titles up once per document for the life of one request. The store has no title-only
 * lookup, so each miss reads the whole document; requests ask for a bounded number of them.
 */
export function titleLookup(store: Store): (id: string) => Promise<string | null> {
  const titles = new Map<string, Promise<string | null>>();
  return (id) => {
    let title = titles.get(id);
    if (!title) {
      title = store.getDocument(id).then((document) => document?.title ?? null);
      titles.set(id, title);
    }
    return title;
  };
}
