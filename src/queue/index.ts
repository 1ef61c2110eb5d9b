/**
 * The queue stage: spreads ingest and extraction over worker processes on several machines
 * through a Redis queue (BullMQ), all writing to one store.
 */
export {
  checkRedis,
  parseRedisUrl,
  redactUrl,
  QueueUnavailableError,
  RedisUrl,
  type RedisConnection,
} from './connection.js';
export {
  DEFAULT_QUEUE_NAME,
  DEFAULT_QUEUE_PREFIX,
  QueueSettingsSchema,
  type QueueSettings,
} from './settings.js';
export { enqueueIngest, type EnqueueOptions, type EnqueueSummary } from './enqueue.js';
export {
  startWorker,
  type RunningWorker,
  type StartWorkerOptions,
  type WorkerEvent,
} from './worker.js';
export {
  getQueueProgress,
  openQueueMonitor,
  type AnalysisProgress,
  type FailedJob,
  type QueueCounts,
  type QueueMonitor,
  type QueueProgress,
} from './monitor.js';
export { DEFAULT_ATTEMPTS } from './job-options.js';
export type {
  AnalyzeJobData,
  AnalyzeJobResult,
  ExtractJobData,
  ExtractJobResult,
  IngestJobData,
  IngestJobResult,
  JobData,
} from './jobs.js';
export { storeLabel } from './store-label.js';
