import { StoreError } from '../core/index.js';

/*
 * Extraction and entity rows name their document by its integer key (documents.rowid, on both
 * stores) rather than its 64-character id: the id repeated in every row and index was about a
 * third of a store (schema migration 11).
 */

/** The key of the document whose id fills the one `?` slot (NULL when there is none). */
export const DOCUMENT_KEY_OF_ID = '(SELECT rowid FROM documents WHERE id = ?)';

/** Extraction results, entity names or mentions were written for a document the store lacks. */
export class MissingDocumentError extends StoreError {
  constructor(documentId: string) {
    super('NOT_FOUND', `No stored document has the id ${documentId}`, {
      hint: 'Results are stored for stored documents only: ingest the document first.',
    });
  }
}
