import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { holdHeapGrowing } from '../core/index.js';
import type { IngestEvent, IngestHooks } from './events.js';
import { failure } from './failures.js';
import type { IngestOptions } from './options.js';
import type { FromWorker, ToWorker } from './parse-protocol.js';
import { readSources } from './read-sources.js';
import { walkInputs } from './walk.js';

const WORKER_FILE = fileURLToPath(new URL('./parse-worker.js', import.meta.url));
/**
 * Files queued at each worker (it parses two at once): enough to keep it busy, few enough to
 * spread the work.
 */
const FILES_PER_WORKER = 4;
/**
 * Events a worker may send before this thread has consumed them (see SendWindow). With the
 * writer's batch this bounds the documents parsed but not yet written, whatever the corpus size:
 * an e-mail is three events (file-start, item, file-done), so a worker is at most some 700
 * documents ahead of the writer.
 */
export const EVENT_WINDOW = 2000;
/** Consumed events acknowledged at once; well under EVENT_WINDOW, or the worker would stall. */
const ACK_EVERY = 100;

interface ParseWorker {
  worker: Worker;
  /** Files sent and not yet ended, by file id. */
  outstanding: Map<number, string>;
  unacknowledged: number;
  alive: boolean;
}

/**
 * readSources on several threads: the main thread walks the inputs and hands files to parse
 * workers, which send back each file's events in order (a file never spans two workers, so the
 * order `readSources` promises per file still holds). Without the compiled worker file (when
 * running from TypeScript sources) or with fewer than two workers, it is readSources itself.
 */
export async function* readSourcesInParallel(
  paths: string[],
  options: IngestOptions,
  hooks: IngestHooks,
  workerCount: number,
): AsyncGenerator<IngestEvent> {
  if (workerCount < 2 || !existsSync(WORKER_FILE)) {
    yield* readSources(paths, options, hooks);
    return;
  }
  const ready: Array<{ event: IngestEvent; from: ParseWorker | null }> = [];
  let wake: (() => void) | null = null;
  const notify = () => {
    const resume = wake;
    wake = null;
    resume?.();
  };
  let nextFileId = 0;

  const workers: ParseWorker[] = Array.from({ length: workerCount }, () => {
    const state: ParseWorker = {
      worker: new Worker(WORKER_FILE),
      outstanding: new Map(),
      unacknowledged: 0,
      alive: true,
    };
    const post = (message: ToWorker) => state.worker.postMessage(message);
    post({ type: 'init', options, window: EVENT_WINDOW });
    state.worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'events':
          for (const event of message.events) ready.push({ event, from: state });
          if (message.end) state.outstanding.delete(message.fileId);
          break;
        case 'ask':
          void hooks.isFileCompleted(message.contentId).then(
            (completed) => post({ type: 'answer', requestId: message.requestId, completed }),
            // The store failed: tell the worker "not completed"; the write will fail loudly.
            () => post({ type: 'answer', requestId: message.requestId, completed: false }),
          );
          return;
      }
      notify();
    });
    const crashed = (reason: string) => {
      if (!state.alive) return;
      state.alive = false;
      // A crash (a parser bug, memory) fails the files it held; the others carry on.
      for (const path of state.outstanding.values()) {
        ready.push({
          event: {
            type: 'failure',
            failure: failure('FILE_UNREADABLE', path, 'worker', `The parser crashed: ${reason}`, {
              hint: 'Run the ingest again; if it crashes again, please report the file.',
            }),
          },
          from: null,
        });
      }
      state.outstanding.clear();
      notify();
    };
    state.worker.on('error', (error) => crashed(error.message));
    state.worker.on('exit', (code) => crashed(`the worker exited with code ${code}`));
    return state;
  });

  const walker = walkInputs(paths)[Symbol.asyncIterator]();
  let walkDone = false;
  const dispatch = async () => {
    for (;;) {
      const target = workers
        .filter((w) => w.alive && w.outstanding.size < FILES_PER_WORKER)
        .sort((a, b) => a.outstanding.size - b.outstanding.size)[0];
      if (!target || walkDone) return;
      const next = await walker.next();
      if (next.done) {
        walkDone = true;
        return;
      }
      const entry = next.value;
      if (entry.type === 'file') {
        const fileId = nextFileId++;
        target.outstanding.set(fileId, entry.path);
        target.worker.postMessage({
          type: 'file',
          fileId,
          path: entry.path,
          size: entry.size,
        } satisfies ToWorker);
      } else {
        const code = entry.type === 'missing' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE';
        ready.push({
          event: { type: 'failure', failure: failure(code, entry.path, 'walk', entry.reason) },
          from: null,
        });
      }
    }
  };

  // Parse workers keep ~30 MB live but let their heaps reach 95–125 MB (core/heap-growing.ts).
  const releaseHeapGrowing = holdHeapGrowing();
  try {
    for (;;) {
      await dispatch();
      const next = ready.shift();
      if (next) {
        yield next.event;
        if (next.from && ++next.from.unacknowledged >= ACK_EVERY) {
          next.from.worker.postMessage({
            type: 'ack',
            count: next.from.unacknowledged,
          } satisfies ToWorker);
          next.from.unacknowledged = 0;
        }
        continue;
      }
      const pending = workers.some((w) => w.outstanding.size > 0);
      if (walkDone && !pending) return;
      if (!workers.some((w) => w.alive)) {
        // Every worker died: read what is left on this thread.
        for await (const event of readRemaining(walker, options, hooks)) yield event;
        return;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    releaseHeapGrowing();
    for (const w of workers) {
      w.alive = false;
      await w.worker.terminate();
    }
  }
}

async function* readRemaining(
  walker: AsyncIterator<{ type: string; path: string }>,
  options: IngestOptions,
  hooks: IngestHooks,
): AsyncGenerator<IngestEvent> {
  const rest: string[] = [];
  for (let next = await walker.next(); !next.done; next = await walker.next())
    rest.push(next.value.path);
  if (rest.length > 0) yield* readSources(rest, options, hooks);
}
