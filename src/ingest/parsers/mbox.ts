import { mboxReader } from 'mbox-reader';
import { contentId } from '../../core/index.js';
import { startsWithMboxSeparator } from '../detect.js';
import { ingestError, toIngestFailure } from '../failures.js';
import { parseEmailMessage } from './email.js';
import type { Parser } from './types.js';
import { failureEvent } from './types.js';

/**
 * An mbox mailbox, read as a stream one message at a time (mbox-reader waits for each message to
 * be consumed before reading on), so a multi-gigabyte mailbox takes the memory of its largest
 * message. Each message is a document of its own, `box.mbox#N` (1-based), identified by the hash of
 * its raw bytes as mbox-reader returns them (`>From ` unescaped, `\n` line ends), so the same
 * message in two mailboxes is one document. Messages sit at the mailbox's depth: a mailbox is a
 * list of messages, not a container nested in another.
 */
export const parseMbox: Parser = async function* (input, context) {
  if (!startsWithMboxSeparator(input.source.head)) {
    throw ingestError(
      'MALFORMED_INPUT',
      input.origin,
      'This is not an mbox mailbox: it does not start with a "From " line.',
      {
        hint: 'If it is a single message, name it .eml; otherwise re-export the mailbox.',
        byteOffset: 0,
      },
    );
  }
  const stream = input.source.stream();
  let number = 0;
  try {
    for await (const message of mboxReader(stream)) {
      number++;
      const origin = `${input.origin}#${number}`;
      try {
        yield* parseEmailMessage(
          message.content,
          { id: contentId(message.content), origin, depth: input.depth },
          context,
        );
      } catch (error) {
        // One broken message does not stop the mailbox.
        yield failureEvent(toIngestFailure(error, origin, 'mbox'));
      }
    }
  } finally {
    stream.destroy();
  }
  if (number === 0) {
    throw ingestError('FILE_EMPTY', input.origin, 'The mailbox holds no messages.');
  }
};
