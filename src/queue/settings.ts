import { Queue } from 'bullmq';
import { z } from 'zod';
import { UsageError } from '../core/index.js';
import { checkRedis, parseRedisUrl, RedisUrl } from './connection.js';
import type { JobData } from './jobs.js';

export const DEFAULT_QUEUE_NAME = 'crosscheck';
export const DEFAULT_QUEUE_PREFIX = 'crosscheck';

/** Where the queue lives: every producer, worker and monitor of one corpus must agree on these. */
export const QueueSettingsSchema = z.object({
  redisUrl: RedisUrl,
  /** Several corpora can share one Redis under different queue names. */
  queueName: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only')
    .default(DEFAULT_QUEUE_NAME),
  /** The Redis key prefix (BullMQ `prefix`); tests use a unique one per run. */
  queuePrefix: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, ".", "-" and "_" only')
    .default(DEFAULT_QUEUE_PREFIX),
});
export type QueueSettings = z.input<typeof QueueSettingsSchema>;
export type ResolvedQueueSettings = z.output<typeof QueueSettingsSchema>;

export function resolveSettings(settings: QueueSettings): ResolvedQueueSettings {
  const result = QueueSettingsSchema.safeParse(settings);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new UsageError(
    'INVALID_ARGUMENT',
    `Invalid queue setting ${String(issue.path[0] ?? '')}: ${issue.message}`,
    { hint: 'Check --redis, --queue-name and --queue-prefix.' },
  );
}

/** Opens the BullMQ queue after checking Redis answers, so a wrong URL fails at once. */
export async function openQueue(settings: ResolvedQueueSettings): Promise<Queue<JobData>> {
  await checkRedis(settings.redisUrl);
  const queue = new Queue<JobData>(settings.queueName, {
    connection: parseRedisUrl(settings.redisUrl),
    prefix: settings.queuePrefix,
  });
  // Connection errors after start-up surface through the calls that fail; this keeps Node from
  // printing them a second time as unhandled 'error' events.
  queue.on('error', () => {});
  await queue.waitUntilReady();
  return queue;
}

/** Our own keys (rates, counters) live next to BullMQ's, under the same prefix and name. */
export function statsKey(settings: ResolvedQueueSettings, name: string): string {
  return `${settings.queuePrefix}:${settings.queueName}:crosscheck:${name}`;
}
