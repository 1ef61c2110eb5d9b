import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Writes one chunk, waiting for the stream to drain when its buffer is full (backpressure). */
export async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Drops null, undefined and empty arrays: STIX and schema.org readers reject or misread them. */
export function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(
    Object.entries(object).filter(
      ([, value]) =>
        value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0),
    ),
  ) as T;
}
