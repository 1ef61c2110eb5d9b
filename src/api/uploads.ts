import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UsageError } from '../core/index.js';

const MAX_NAME_CHARS = 200;

/**
 * Makes a client's file name safe to create on disk. A name that tries to leave the upload folder
 * (a path separator, `..`, a NUL byte) is refused outright rather than quietly rewritten, so an
 * attack is visible in the response; anything else odd is replaced by `_`, and leading dots are
 * dropped so an upload can never become a hidden file that the reader skips.
 */
export function sanitizeUploadName(name: string): string {
  if (/[/\\\0]/.test(name) || name === '.' || name === '..') {
    throw new UsageError(
      'INVALID_ARGUMENT',
      `The file name ${JSON.stringify(name)} is not allowed`,
      {
        hint: 'Send a plain file name without folders, such as report.pdf.',
      },
    );
  }
  let safe = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what is being removed
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[^\p{L}\p{N} ._()+,@=-]/gu, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  if (safe.length > MAX_NAME_CHARS) {
    const extension = /\.[\p{L}\p{N}]{1,10}$/u.exec(safe)?.[0] ?? '';
    safe = safe.slice(0, MAX_NAME_CHARS - extension.length) + extension;
  }
  if (!safe) {
    throw new UsageError(
      'INVALID_ARGUMENT',
      `The file name ${JSON.stringify(name)} is empty once made safe`,
      {
        hint: 'Send a file name with letters or digits in it.',
      },
    );
  }
  return safe;
}

export function tooLarge(maxBytes: number): UsageError {
  return new UsageError('FILE_TOO_LARGE', `The upload is larger than ${maxBytes} bytes`, {
    hint: 'Split it into smaller files, or restart the server with a larger upload limit.',
  });
}

/**
 * Streams a request body to a file, counting bytes as they arrive: a client that sends no (or a
 * false) Content-Length is still cut off at the limit, and the partial file is removed.
 *
 * The body is piped by hand rather than through `pipeline`, which would destroy the request
 * stream on error; leaving it intact (unpiped, the rest discarded) lets the 413 response go out
 * the ordinary way, and the error handler then closes the connection.
 */
export async function saveUpload(body: Readable, path: string, maxBytes: number): Promise<number> {
  await mkdir(dirname(path), { recursive: true });
  let bytes = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback(bytes > maxBytes ? tooLarge(maxBytes) : null, chunk);
    },
  });
  const forwardError = (error: Error) => limiter.destroy(error);
  body.once('error', forwardError);
  body.pipe(limiter);
  try {
    await pipeline(limiter, createWriteStream(path, { flags: 'wx' }));
    return bytes;
  } catch (error) {
    body.unpipe(limiter);
    body.resume();
    await rm(path, { force: true });
    throw error;
  } finally {
    body.off('error', forwardError);
  }
}
