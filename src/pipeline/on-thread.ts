import { existsSync } from 'node:fs';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** What a one-answer thread posts back: its result, or its error's text. */
export type ThreadAnswer<T> = { result: T } | { error: string };

export interface ThreadRun<T> {
  /** The thread's result; rejects with its error, or if it stops without answering. */
  readonly result: Promise<T>;
  /** Ends the thread if it still runs (after an error elsewhere). */
  stop(): Promise<void>;
}

/**
 * Runs `threadFile` (compiled JavaScript that calls `answerOnce`) with `data`, for one answer.
 * Null when the file does not exist, which is the case when the code runs from TypeScript
 * sources (unit tests): the caller then does the work on its own thread.
 */
export function startThread<T>(
  threadFile: string,
  data: unknown,
  what: string,
): ThreadRun<T> | null {
  if (!existsSync(threadFile)) return null;
  const worker = new Worker(threadFile, { workerData: data });
  let settled = false;
  const result = new Promise<T>((resolve, reject) => {
    worker.once('message', (answer: ThreadAnswer<T>) => {
      settled = true;
      if ('result' in answer) resolve(answer.result);
      else reject(new Error(`${what} failed: ${answer.error}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`${what} stopped (exit code ${code}) before it answered`));
    });
  });
  // Awaited by the caller; this only keeps an abandoned thread's failure from going unhandled.
  result.catch(() => {});
  return {
    result,
    stop: async () => {
      await worker.terminate();
    },
  };
}

/** The thread side: computes one answer from the thread's data and posts it back. */
export function answerOnce<D, T>(work: (data: D) => Promise<T>): void {
  const port = parentPort;
  if (!port) return;
  work(workerData as D).then(
    (result) => port.postMessage({ result } satisfies ThreadAnswer<T>),
    (error: unknown) =>
      port.postMessage({
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies ThreadAnswer<T>),
  );
}
