/**
 * A parse worker: reads the files the main thread sends, two at a time, and streams their events
 * back. It holds back once `window` events are unacknowledged (see SendWindow), so a huge mailbox
 * cannot flood the main thread while the store is busy.
 */
import { parentPort } from 'node:worker_threads';
import type { IngestEvent, IngestHooks } from './events.js';
import type { FromWorker, ToWorker } from './parse-protocol.js';
import { createParseContext } from './parsers/dispatch.js';
import type { ParseContext } from './parsers/types.js';
import { readOneFile } from './read-sources.js';
import { SendWindow } from './send-window.js';

/**
 * Files parsed at once. Before parsing, a worker asks the main thread whether an earlier run
 * completed the file, and the answer waits while the main thread commits a batch: with a second
 * file under way the worker parses instead of idling. Events of each file still go out in order.
 */
const FILES_AT_ONCE = 2;
/** Most events sent in one message. */
const EVENTS_PER_MESSAGE = 64;

if (parentPort) {
  const port = parentPort;
  const send = (message: FromWorker) => port.postMessage(message);
  let context: ParseContext | null = null;
  const queue: Array<Extract<ToWorker, { type: 'file' }>> = [];
  const answers = new Map<number, (completed: boolean) => void>();
  let nextRequest = 0;
  let window: SendWindow | null = null;
  /** Files being parsed now (see FILES_AT_ONCE). */
  let running = 0;

  const hooks: IngestHooks = {
    isFileCompleted: (contentId) =>
      new Promise((resolve) => {
        const requestId = nextRequest++;
        answers.set(requestId, resolve);
        send({ type: 'ask', requestId, contentId });
      }),
  };

  /**
   * Sends one file's events, a few per message: each message costs a copy and a wake-up of the
   * main thread, and most files are a `file-start`, an item and a `file-done`. Before waiting for
   * room in the window the worker sends what it holds, so every event counted is on its way.
   */
  const parseFile = async (
    file: Extract<ToWorker, { type: 'file' }>,
    context: ParseContext,
    window: SendWindow,
  ) => {
    let events: IngestEvent[] = [];
    const flush = (end: boolean) => {
      send({ type: 'events', fileId: file.fileId, events, end });
      events = [];
    };
    for await (const event of readOneFile(file.path, file.size, context, hooks)) {
      if (window.full && events.length > 0) flush(false);
      await window.take();
      events.push(event);
      if (events.length >= EVENTS_PER_MESSAGE) flush(false);
    }
    flush(true);
  };

  const work = async (context: ParseContext, window: SendWindow) => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      await parseFile(file, context, window);
    }
    running--;
  };

  const drain = () => {
    if (!context || !window) return;
    while (running < FILES_AT_ONCE && queue.length > 0) {
      running++;
      void work(context, window);
    }
  };

  port.on('message', (message: ToWorker) => {
    switch (message.type) {
      case 'init':
        context = createParseContext(message.options);
        window = new SendWindow(message.window);
        break;
      case 'file':
        queue.push(message);
        drain();
        break;
      case 'answer':
        answers.get(message.requestId)?.(message.completed);
        answers.delete(message.requestId);
        break;
      case 'ack':
        window?.acknowledge(message.count);
        break;
    }
  });
}
