import { contentId } from '../../src/core/index.js';
import type { IngestItem, ParsedDocument } from '../../src/ingest/index.js';
import type { Store } from '../../src/store/index.js';

/** A hand-written document, id'd by the hash of its text as the reader would. */
export function testDocument(
  text: string,
  overrides: Partial<ParsedDocument> = {},
): ParsedDocument {
  return {
    id: contentId(text),
    kind: 'text',
    title: text.split('\n')[0]!.slice(0, 80),
    text,
    language: 'en',
    publishedAt: null,
    byline: null,
    mimeType: 'text/plain',
    sizeBytes: Buffer.byteLength(text),
    origin: `e2e/${contentId(text).slice(0, 8)}.txt`,
    email: null,
    intel: null,
    metadata: {},
    ...overrides,
  };
}

/** Writes items straight to the store in one run, as an ingest would. */
export async function storeItems(store: Store, items: IngestItem[]): Promise<void> {
  const run = await store.startRun(['e2e']);
  await store.writeBatch({ runId: run.id, items, failures: [], completedFiles: [] });
  await store.finishRun(run.id, { succeeded: items.length, failed: 0, duplicates: 0 });
}
