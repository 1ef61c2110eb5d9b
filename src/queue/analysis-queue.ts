import { createHash, randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { parseRedisUrl } from './connection.js';
import { ANALYZE_JOB, type AnalyzeJobData, type AnalyzeJobResult } from './jobs.js';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, jobOptions } from './job-options.js';
import { statsKey, type ResolvedQueueSettings } from './settings.js';

/**
 * The analysis jobs sit in a queue of their own next to the main one. Then "nothing waiting,
 * active or delayed in the main queue" means exactly "every ingest and extraction job is done",
 * which is what an analysis job checks before it runs, and the main queue's counts stay those of
 * ingest and extraction. Queue names cannot contain "." (settings.ts), so this one cannot clash.
 */
export function analysisQueueName(settings: ResolvedQueueSettings): string {
  return `${settings.queueName}.analysis`;
}

export type AnalysisQueue = Queue<AnalyzeJobData, AnalyzeJobResult>;

export async function openAnalysisQueue(settings: ResolvedQueueSettings): Promise<AnalysisQueue> {
  const queue: AnalysisQueue = new Queue(analysisQueueName(settings), {
    connection: parseRedisUrl(settings.redisUrl),
    prefix: settings.queuePrefix,
  });
  queue.on('error', () => {});
  await queue.waitUntilReady();
  return queue;
}

function storeHash(store: string): string {
  return createHash('sha256').update(store).digest('hex').slice(0, 24);
}

/** The id of the analysis job that is to cover everything queued so far for one store. */
export function currentAnalysisKey(settings: ResolvedQueueSettings, store: string): string {
  return statsKey(settings, `analysis:current:${storeHash(store)}`);
}

/** Held by the worker running an analysis of the store; no second one runs meanwhile. */
export function analysisLockKey(settings: ResolvedQueueSettings, store: string): string {
  return statsKey(settings, `analysis:lock:${storeHash(store)}`);
}

/** The last finished analysis of the store (job id, summary, duration). */
export function analysisResultKey(settings: ResolvedQueueSettings, store: string): string {
  return statsKey(settings, `analysis:result:${storeHash(store)}`);
}

/** The pattern of every key above, for cleanup. */
export function analysisKeysPattern(settings: ResolvedQueueSettings): string {
  return statsKey(settings, 'analysis:*');
}

export interface StoredAnalysisResult extends AnalyzeJobResult {
  jobId: string;
  finishedAt: number;
}

export async function readAnalysisResult(
  client: Redis,
  settings: ResolvedQueueSettings,
  store: string,
): Promise<StoredAnalysisResult | null> {
  const raw = await client.get(analysisResultKey(settings, store));
  return raw ? (JSON.parse(raw) as StoredAnalysisResult) : null;
}

const PENDING_STATES = new Set(['waiting', 'delayed', 'prioritized', 'waiting-children']);

export interface AnalysisRequest {
  jobId: string;
  /** False when a pending (or, with nothing new queued, a finished) analysis job already covers it. */
  added: boolean;
}

/**
 * Makes sure one analysis job will run after everything queued so far for the store.
 *
 * Why not one fixed job id per store: a finished job would have to be removed before a new one
 * could be added under its id, and a running one cannot be removed at all, yet it may have
 * looked at the queue before the files just queued. So each request that needs a new job gets a
 * fresh id, and Redis keeps which id is current; an older job that finds it is no longer current
 * completes without analysing (the current one covers its work), and a per-store lock keeps two
 * analyses of one store from ever running at once. Call it after the ingest jobs are added: a
 * pending job then necessarily sees them when it looks.
 */
export async function requestAnalysis(
  queue: AnalysisQueue,
  client: Redis,
  settings: ResolvedQueueSettings,
  store: string,
  options: { newWork: boolean; attempts?: number; backoffMs?: number },
): Promise<AnalysisRequest> {
  const key = currentAnalysisKey(settings, store);
  const currentId = await client.get(key);
  if (currentId) {
    const job = await queue.getJob(currentId);
    const state = job ? await job.getState() : 'unknown';
    if (PENDING_STATES.has(state)) return { jobId: currentId, added: false };
    // Re-queueing files that were all queued before: the finished or running job covers them.
    if (!options.newWork && state !== 'unknown') return { jobId: currentId, added: false };
  }
  const jobId = `analyze-${storeHash(store)}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  await client.set(key, jobId);
  const data: AnalyzeJobData = { kind: ANALYZE_JOB, store };
  await queue.add(
    ANALYZE_JOB,
    data,
    jobOptions(
      jobId,
      options.attempts ?? DEFAULT_ATTEMPTS,
      options.backoffMs ?? DEFAULT_BACKOFF_MS,
    ),
  );
  return { jobId, added: true };
}

/*
 * A compare-and-delete and a compare-and-extend: the two standard single-key Redis lock scripts,
 * written out because a lock library (redlock) would be a dependency for eight lines.
 */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0`;

export async function acquireLock(
  client: Redis,
  key: string,
  owner: string,
  ttlMs: number,
): Promise<boolean> {
  return (await client.set(key, owner, 'PX', ttlMs, 'NX')) === 'OK';
}

export async function extendLock(
  client: Redis,
  key: string,
  owner: string,
  ttlMs: number,
): Promise<boolean> {
  return (await client.eval(EXTEND, 1, key, owner, ttlMs)) === 1;
}

export async function releaseLock(client: Redis, key: string, owner: string): Promise<void> {
  await client.eval(RELEASE, 1, key, owner);
}
