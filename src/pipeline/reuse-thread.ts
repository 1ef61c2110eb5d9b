/**
 * Worker-thread entry point: finds reuse in the store at `workerData.location`, writing nothing to
 * the store (the calling thread records it, so two threads never write to the store at once). The
 * report goes back through files (reuse-report-file.ts), the summary as the answer. Loaded from
 * the compiled dist/ folder.
 */
import type { ReuseOptions } from '../provenance/index.js';
import { openStore } from '../store/index.js';
import { answerOnce } from './on-thread.js';
import { progressReporter, type AnalysisProgress } from './analysis-progress.js';
import type { ReportFiles } from './reuse-report-file.js';
import { writeStoredReuse, type ReuseSummary } from './reuse-run.js';

export interface ReuseThreadData {
  location: string;
  /** Where to write the report: files the calling thread made room for and will remove. */
  reportFiles: ReportFiles;
  reuse?: ReuseOptions;
  /** When the analysis started (epochNow), if its progress is reported. */
  progressStartedAt?: number;
}

answerOnce<ReuseThreadData, ReuseSummary, AnalysisProgress>(async (data, post) => {
  // Read-only: the calling thread may be writing entities meanwhile, and this one only reads.
  const store = await openStore(data.location, { readOnly: true, searchCacheEntries: 0 });
  try {
    return await writeStoredReuse(store, data.reportFiles, {
      ...(data.reuse ? { reuse: data.reuse } : {}),
      ...(data.progressStartedAt !== undefined && {
        report: progressReporter(post, data.progressStartedAt),
      }),
    });
  } finally {
    await store.close();
  }
});
