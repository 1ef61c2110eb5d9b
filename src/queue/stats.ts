import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { statsKey, type ResolvedQueueSettings } from './settings.js';

/** Samples older than this are dropped; the rate window is at most this long. */
const KEEP_MS = 15 * 60_000;

export type SampleKind = 'docs' | 'jobs';

/** Redis's own clock, so workers on machines with skewed clocks still agree on rates. */
async function redisNow(client: Redis): Promise<number> {
  const [seconds, micros] = await client.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}

/**
 * Throughput samples shared by every worker: a running total of documents stored and a sorted set
 * of (time, kind, amount) from which any reader computes rates over a recent window.
 */
export async function recordSample(
  client: Redis,
  settings: ResolvedQueueSettings,
  kind: SampleKind,
  amount: number,
): Promise<void> {
  if (amount <= 0) return;
  const now = await redisNow(client);
  const samples = statsKey(settings, 'samples');
  const member = `${now}:${kind}:${amount}:${randomBytes(6).toString('hex')}`;
  const pipeline = client.multi().zadd(samples, now, member);
  if (kind === 'docs') pipeline.incrby(statsKey(settings, 'stored'), amount);
  pipeline.zremrangebyscore(samples, '-inf', now - KEEP_MS);
  await pipeline.exec();
}

export interface Throughput {
  documentsStored: number;
  docsPerSecond: number;
  jobsPerSecond: number;
  /** Whether any sample fell in the window (rates of 0 then mean "idle", not "unknown"). */
  sampled: boolean;
}

export async function readThroughput(
  client: Redis,
  settings: ResolvedQueueSettings,
  windowMs = 60_000,
): Promise<Throughput> {
  const now = await redisNow(client);
  const [stored, members] = await Promise.all([
    client.get(statsKey(settings, 'stored')),
    client.zrangebyscore(statsKey(settings, 'samples'), now - windowMs, '+inf', 'WITHSCORES'),
  ]);
  let docs = 0;
  let jobs = 0;
  let oldest = now;
  for (let i = 0; i + 1 < members.length; i += 2) {
    const [, kind, amount] = members[i]!.split(':');
    const at = Number(members[i + 1]);
    if (at < oldest) oldest = at;
    if (kind === 'docs') docs += Number(amount);
    else if (kind === 'jobs') jobs += Number(amount);
  }
  // Over the time actually covered by samples (a run that began 5 s ago is not averaged over a
  // minute), but never less than a second so that one early sample does not read as a burst.
  const seconds = Math.max(1, (now - oldest) / 1000);
  return {
    documentsStored: Number(stored ?? 0),
    docsPerSecond: docs / seconds,
    jobsPerSecond: jobs / seconds,
    sampled: members.length > 0,
  };
}

/** The Redis keys this module writes, for cleanup. */
export function statsKeys(settings: ResolvedQueueSettings): string[] {
  return [statsKey(settings, 'samples'), statsKey(settings, 'stored')];
}
