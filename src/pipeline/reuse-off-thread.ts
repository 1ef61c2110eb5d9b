import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReuseOptions } from '../provenance/index.js';
import type { Store } from '../store/index.js';
import { epochNow, type AnalysisProgress, type OnAnalysisProgress } from './analysis-progress.js';
import { startThread, type ThreadRun } from './on-thread.js';
import { readReportFiles, reportFilesIn } from './reuse-report-file.js';
import type { FoundReuse, ReuseSummary } from './reuse-run.js';
import type { ReuseThreadData } from './reuse-thread.js';

const THREAD_FILE = fileURLToPath(new URL('./reuse-thread.js', import.meta.url));

/**
 * Starts finding reuse on a thread of its own, reading the store through a connection of its own,
 * so that it runs beside entity resolution on the other core: the two read different things and
 * neither needs the other's results. Null when it cannot: an in-memory store or a restricted view
 * has no location to reopen, and code run from TypeScript sources (unit tests) has no compiled
 * thread file; the caller then finds reuse on its own thread.
 *
 * The report comes back through scratch files, read only after the thread has ended: the passage
 * groups at once, the pairs one at a time each time they are iterated. `stop` removes the files,
 * so record the pairs first.
 */
export function startReuseThread(
  store: Store,
  options: {
    reuse?: ReuseOptions;
    /** Told as each part of the search ends, timed from `progressStartedAt` (epochNow). */
    onProgress?: OnAnalysisProgress;
    progressStartedAt?: number;
  } = {},
  threadFile: string = THREAD_FILE,
): ThreadRun<FoundReuse> | null {
  if (store.location === null) return null;
  const scratch = mkdtempSync(join(tmpdir(), 'crosscheck-reuse-report-'));
  const reportFiles = reportFilesIn(scratch);
  const { onProgress, progressStartedAt, reuse } = options;
  const data: ReuseThreadData = {
    location: store.location,
    reportFiles,
    ...(reuse && { reuse }),
    ...(onProgress && { progressStartedAt: progressStartedAt ?? epochNow() }),
  };
  const run = startThread<ReuseSummary, AnalysisProgress>(
    threadFile,
    data,
    'finding reuse',
    onProgress,
  );
  const removeScratch = (): void => rmSync(scratch, { recursive: true, force: true });
  if (!run) {
    removeScratch();
    return null;
  }
  const result = (async (): Promise<FoundReuse> => {
    const summary = await run.result;
    // The thread, and all it held, is gone before the report is read.
    await run.stop();
    return { summary, report: readReportFiles(reportFiles) };
  })();
  // Awaited by the caller; this only keeps an abandoned run's failure from going unhandled.
  result.catch(() => {});
  const stop = async (): Promise<void> => {
    try {
      await run.stop();
    } finally {
      removeScratch();
    }
  };
  return { result, stop };
}
