import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReuseOptions } from '../provenance/index.js';
import type { Store } from '../store/index.js';
import { startThread, type ThreadRun } from './on-thread.js';
import { readReportFile } from './reuse-report-file.js';
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
 * The report comes back through a scratch file, read only after the thread has ended, so that
 * the thread's copy and this one are never held at once.
 */
export function startReuseThread(
  store: Store,
  options: { reuse?: ReuseOptions } = {},
  threadFile: string = THREAD_FILE,
): ThreadRun<FoundReuse> | null {
  if (store.location === null) return null;
  const scratch = mkdtempSync(join(tmpdir(), 'crosscheck-reuse-report-'));
  const reportFile = join(scratch, 'report.jsonl');
  const data: ReuseThreadData = { location: store.location, reportFile, ...options };
  const run = startThread<ReuseSummary>(threadFile, data, 'finding reuse');
  if (!run) {
    rmSync(scratch, { recursive: true, force: true });
    return null;
  }
  const result = (async (): Promise<FoundReuse> => {
    try {
      const summary = await run.result;
      await run.stop();
      return { summary, report: await readReportFile(reportFile) };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  })();
  // Awaited by the caller; this only keeps an abandoned run's failure from going unhandled.
  result.catch(() => {});
  return { result, stop: run.stop };
}
