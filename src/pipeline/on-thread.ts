import { existsSync } from 'node:fs';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** What a one-answer thread posts back: its result, or its error's text. */
export type ThreadAnswer<T> = { result: T } | { error: string };

/** What such a thread may post before it answers: news of its progress. */
export interface ThreadProgress<P> {
  progress: P;
}

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
export function startThread<T, P = never>(
  threadFile: string,
  data: unknown,
  what: string,
  onProgress?: (progress: P) => void,
): ThreadRun<T> | null {
  if (!existsSync(threadFile)) return null;
  const worker = new Worker(threadFile, { workerData: data });
  let settled = false;
  const result = new Promise<T>((resolve, reject) => {
    worker.on('message', (message: ThreadAnswer<T> | ThreadProgress<P>) => {
      if ('progress' in message) {
        onProgress?.(message.progress);
        return;
      }
      if (settled) return;
      const answer = message;
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

/**
 * The thread side: computes one answer from the thread's data and posts it back; `report` posts
 * news of its progress on the way.
 */
export function answerOnce<D, T, P = never>(
  work: (data: D, report: (progress: P) => void) => Promise<T>,
): void {
  const port = parentPort;
  if (!port) return;
  const report = (progress: P): void => port.postMessage({ progress } satisfies ThreadProgress<P>);
  work(workerData as D, report).then(
    (result) => port.postMessage({ result } satisfies ThreadAnswer<T>),
    (error: unknown) =>
      port.postMessage({
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies ThreadAnswer<T>),
  );
}
