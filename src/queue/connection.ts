import { Redis } from 'ioredis';
import { z } from 'zod';
import { CrosscheckError, UsageError } from '../core/index.js';

/** The Redis connection BullMQ is given: host, port, credentials, database and TLS from one URL. */
export interface RedisConnection {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls?: Record<string, never>;
  /** BullMQ workers block on Redis; a null limit keeps ioredis from failing those commands. */
  maxRetriesPerRequest: null;
}

/** Redis is named in one place (flag, env, API option); it must be a redis:// or rediss:// URL. */
export const RedisUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      return ['redis:', 'rediss:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'a redis:// or rediss:// URL such as redis://127.0.0.1:6379');

/** The URL with any password replaced, safe for logs, errors and job data. */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return value;
  }
}

export function parseRedisUrl(value: string): RedisConnection {
  const result = RedisUrl.safeParse(value);
  if (!result.success) {
    throw new UsageError(
      'INVALID_ARGUMENT',
      `Invalid Redis URL ${JSON.stringify(redactUrl(value))}: ${result.error.issues[0]!.message}`,
      { hint: 'Pass --redis redis://host:6379 or set CROSSCHECK_REDIS.' },
    );
  }
  const url = new URL(result.data);
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) {
    throw new UsageError(
      'INVALID_ARGUMENT',
      `Invalid Redis database "${db}" in ${redactUrl(value)}`,
      {
        hint: 'The path of a Redis URL is a database number, e.g. redis://host:6379/2.',
      },
    );
  }
  return {
    host: url.hostname || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    ...(url.username && { username: decodeURIComponent(url.username) }),
    ...(url.password && { password: decodeURIComponent(url.password) }),
    db: db === '' ? 0 : Number(db),
    ...(url.protocol === 'rediss:' && { tls: {} }),
    maxRetriesPerRequest: null,
  };
}

/** Redis could not be reached at the URL the user gave. */
export class QueueUnavailableError extends CrosscheckError {
  constructor(url: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super('QUEUE_UNAVAILABLE', `Cannot reach Redis at ${redactUrl(url)}: ${reason}`, {
      hint: 'Start Redis (e.g. `redis-server`) or pass the right --redis URL / CROSSCHECK_REDIS.',
      cause,
    });
  }
}

/**
 * Pings Redis once with a short timeout, so a wrong URL fails fast with a clear message instead
 * of BullMQ retrying the connection for ever.
 */
export async function checkRedis(url: string, timeoutMs = 3000): Promise<void> {
  const connection = parseRedisUrl(url);
  const client = new Redis({
    ...connection,
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // The event carries the real cause (ECONNREFUSED, ENOTFOUND); the rejected promise often says
  // only "Connection is closed".
  let cause: unknown = null;
  client.on('error', (error) => (cause ??= error));
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new QueueUnavailableError(url, cause ?? error);
  } finally {
    client.disconnect();
  }
}
