/**
 * Worker-thread entry point: finds reuse in the store at `workerData.location` and posts back
 * what it found, writing nothing (the calling thread records it, so two threads never write to
 * the store at once). The report goes back in parts (reuse-parts.ts), the summary last.
 * Loaded from the compiled dist/ folder.
 */
import type { ReuseOptions } from '../provenance/index.js';
import { openStore } from '../store/index.js';
import { answerOnce } from './on-thread.js';
import { sendReportInParts } from './reuse-parts.js';
import { findStoredReuse, type FoundReuse } from './reuse-run.js';

export interface ReuseThreadData {
  location: string;
  reuse?: ReuseOptions;
}

answerOnce<ReuseThreadData, FoundReuse>(async (data, sendPart) => {
  // Read-only: the calling thread may be writing entities meanwhile, and this one only reads.
  const store = await openStore(data.location, { readOnly: true, searchCacheEntries: 0 });
  try {
    const found = await findStoredReuse(store, data.reuse ? { reuse: data.reuse } : {});
    sendReportInParts(found.report, sendPart);
    return found;
  } finally {
    await store.close();
  }
});
