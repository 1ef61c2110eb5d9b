/**
 * A parse worker: reads the files the main thread sends, one at a time, and streams their events
 * back. It holds back once too many events are unacknowledged, so a huge mailbox cannot flood the
 * main thread while the store is busy.
 */
import { parentPort } from 'node:worker_threads';
import type { IngestHooks } from './events.js';
import type { FromWorker, ToWorker } from './parse-protocol.js';
import { createParseContext } from './parsers/dispatch.js';
import type { ParseContext } from './parsers/types.js';
import { readOneFile } from './read-sources.js';

const MAX_UNACKNOWLEDGED_EVENTS = 2000;

if (parentPort) {
  const port = parentPort;
  const send = (message: FromWorker) => port.postMessage(message);
  let context: ParseContext | null = null;
  const queue: Array<Extract<ToWorker, { type: 'file' }>> = [];
  const answers = new Map<number, (completed: boolean) => void>();
  let nextRequest = 0;
  let unacknowledged = 0;
  let resumeSending: (() => void) | null = null;
  let busy = false;

  const hooks: IngestHooks = {
    isFileCompleted: (contentId) =>
      new Promise((resolve) => {
        const requestId = nextRequest++;
        answers.set(requestId, resolve);
        send({ type: 'ask', requestId, contentId });
      }),
  };

  const drain = async () => {
    if (busy || !context) return;
    busy = true;
    while (queue.length > 0) {
      const file = queue.shift()!;
      for await (const event of readOneFile(file.path, file.size, context, hooks)) {
        if (unacknowledged >= MAX_UNACKNOWLEDGED_EVENTS) {
          await new Promise<void>((resolve) => (resumeSending = resolve));
        }
        unacknowledged++;
        send({ type: 'event', fileId: file.fileId, event });
      }
      send({ type: 'file-end', fileId: file.fileId });
    }
    busy = false;
  };

  port.on('message', (message: ToWorker) => {
    switch (message.type) {
      case 'init':
        context = createParseContext(message.options);
        break;
      case 'file':
        queue.push(message);
        void drain();
        break;
      case 'answer':
        answers.get(message.requestId)?.(message.completed);
        answers.delete(message.requestId);
        break;
      case 'ack':
        unacknowledged -= message.count;
        if (unacknowledged < MAX_UNACKNOWLEDGED_EVENTS && resumeSending) {
          const resume = resumeSending;
          resumeSending = null;
          resume();
        }
        break;
    }
  });
}
