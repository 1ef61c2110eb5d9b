import { fileURLToPath } from 'node:url';
import type { ReuseOptions } from '../provenance/index.js';
import type { Store } from '../store/index.js';
import { startThread, type ThreadRun } from './on-thread.js';
import { ReuseReportAssembler, type ReuseReportPart } from './reuse-parts.js';
import type { FoundReuse } from './reuse-run.js';
import type { ReuseThreadData } from './reuse-thread.js';

const THREAD_FILE = fileURLToPath(new URL('./reuse-thread.js', import.meta.url));

/**
 * Starts finding reuse on a thread of its own, reading the store through a connection of its own,
 * so that it runs beside entity resolution on the other core: the two read different things and
 * neither needs the other's results. Null when it cannot: an in-memory store or a restricted view
 * has no location to reopen, and code run from TypeScript sources (unit tests) has no compiled
 * thread file; the caller then finds reuse on its own thread.
 */
export function startReuseThread(
  store: Store,
  options: { reuse?: ReuseOptions } = {},
  threadFile: string = THREAD_FILE,
): ThreadRun<FoundReuse> | null {
  if (store.location === null) return null;
  const data: ReuseThreadData = { location: store.location, ...options };
  const assembler = new ReuseReportAssembler();
  const run = startThread<FoundReuse>(threadFile, data, 'finding reuse', (part) =>
    assembler.add(part as ReuseReportPart),
  );
  if (!run) return null;
  // The thread posts its report in parts, then the summary with the report emptied.
  const result = run.result.then((found) => ({ ...found, report: assembler.assemble() }));
  result.catch(() => {});
  return { result, stop: run.stop };
}
