/**
 * Worker-thread entry point: runs the whole analysis on the store at `workerData.location`
 * through a connection of its own. Loaded from the compiled dist/ folder.
 */
import { openStore } from '../store/index.js';
import type { AnalysisProgress } from './analysis-progress.js';
import { runAnalysis, type AnalysisSummary } from './analyze.js';
import { answerOnce } from './on-thread.js';

export interface AnalysisThreadData {
  location: string;
}

answerOnce<AnalysisThreadData, AnalysisSummary, AnalysisProgress>(async ({ location }, report) => {
  const store = await openStore(location, { searchCacheEntries: 0 });
  try {
    return await runAnalysis(store, { onProgress: report });
  } finally {
    await store.close();
  }
});
