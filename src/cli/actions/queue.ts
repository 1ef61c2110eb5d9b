import type { Command } from 'commander';
import { z } from 'zod';
import { UsageError } from '../../core/index.js';
import {
  DEFAULT_ATTEMPTS,
  DEFAULT_QUEUE_NAME,
  DEFAULT_QUEUE_PREFIX,
  enqueueIngest,
  openQueueMonitor,
  redactUrl,
  type QueueProgress,
  type QueueSettings,
} from '../../queue/index.js';
import type { Output } from '../context.js';
import { PositiveInt, parseOptions } from '../parse-options.js';
import { storeLocation } from '../with-store.js';

/** Flags every queue-facing command shares. */
export const QueueFlags = z.object({
  redis: z.string().optional(),
  queueName: z.string().default(DEFAULT_QUEUE_NAME),
  queuePrefix: z.string().default(DEFAULT_QUEUE_PREFIX),
});

/** `--redis`, else CROSSCHECK_REDIS; there is no default, a queue is opt-in. */
export function queueSettings(flags: z.infer<typeof QueueFlags>): QueueSettings {
  const redisUrl = flags.redis ?? process.env.CROSSCHECK_REDIS;
  if (!redisUrl) {
    throw new UsageError('INVALID_ARGUMENT', 'No Redis given for the queue.', {
      hint: 'Pass --redis redis://host:6379 or set CROSSCHECK_REDIS.',
    });
  }
  return { redisUrl, queueName: flags.queueName, queuePrefix: flags.queuePrefix };
}

const AddFlags = QueueFlags.extend({
  store: z.string().optional(),
  chunkSize: PositiveInt.default(25),
  attempts: PositiveInt.default(DEFAULT_ATTEMPTS),
  analyze: z.boolean().default(true),
  json: z.boolean().default(false),
});
const StatusFlags = QueueFlags.extend({
  watch: z.boolean().default(false),
  interval: z.coerce.number().positive().default(2),
  json: z.boolean().default(false),
});
const FailedFlags = QueueFlags.extend({
  limit: PositiveInt.default(100),
  json: z.boolean().default(false),
});

function duration(seconds: number | null): string {
  if (seconds === null) return 'unknown';
  if (seconds < 90) return `${seconds}s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)}m`;
  return `${(seconds / 3600).toFixed(1)}h`;
}

const ANALYSIS_PHASE: Record<QueueProgress['analysis']['phase'], string> = {
  none: 'not queued',
  waiting: 'waiting for ingest and extraction',
  running: 'running',
  done: 'done',
  failed: 'failed',
};

/** While it runs, the step that ended last, in the words `crosscheck analyze` prints. */
function analysisInWords(analysis: QueueProgress['analysis']): string {
  const { step } = analysis;
  const phase = ANALYSIS_PHASE[analysis.phase];
  if (analysis.phase !== 'running' || !step) return phase;
  const count = step.count === null ? '' : ` (${step.count.toLocaleString('en-US')})`;
  return `${phase} — ${step.step}: ${step.done}${count}, ${duration(Math.round(step.seconds))} in`;
}

/** One line of `crosscheck queue status` (exported for its test). */
export function describeProgress(p: QueueProgress): string {
  const c = p.counts;
  const eta = `${duration(p.etaSeconds)}${p.etaExcludesAnalysis ? ' + analysis' : ''}`;
  return (
    `${p.workers} worker(s) · ${c.waiting} queued · ${c.active} active · ${c.delayed} retrying · ` +
    `${c.completed} done · ${c.failed} failed · ${p.documentsStored} documents stored · ` +
    `${p.docsPerSecond.toFixed(1)} docs/s · analysis ${analysisInWords(p.analysis)} · ETA ${eta}`
  );
}

/** Resolves on the first SIGINT or SIGTERM (for `status --watch`). */
function untilInterrupted(): { stopped: Promise<void>; dispose(): void } {
  let dispose = () => {};
  const stopped = new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    dispose = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    };
  });
  return { stopped, dispose };
}

/** `crosscheck queue add <paths...>`. */
export async function addToQueue(
  output: Output,
  paths: string[],
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(AddFlags, { ...command.optsWithGlobals(), ...raw });
  const summary = await enqueueIngest(paths, {
    ...queueSettings(flags),
    storeUrl: storeLocation(flags),
    chunkSize: flags.chunkSize,
    attempts: flags.attempts,
    analyze: flags.analyze,
  });
  if (flags.json) return output.json(summary);
  output.out(
    `Queued ${summary.files} file(s) in ${summary.jobs} job(s): ${summary.added} added, ` +
      `${summary.alreadyQueued} already queued.`,
  );
  if (summary.analysis) {
    output.out(
      summary.analysis.added
        ? 'The analysis (entities, reused passages, claim provenance) runs once these jobs are done.'
        : 'The analysis already queued (or done, if nothing new was added) covers these files.',
    );
  }
  for (const s of summary.skipped) output.out(`  SKIPPED ${s.path}: ${s.reason}`);
  if (summary.skipped.length > 0) process.exitCode = 2;
}

/** `crosscheck queue status`. */
export async function queueStatus(
  output: Output,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(StatusFlags, { ...command.optsWithGlobals(), ...raw });
  const settings = queueSettings(flags);
  const monitor = await openQueueMonitor(settings);
  const show = async () => {
    const progress = await monitor.progress({ failedLimit: flags.json ? 50 : 0 });
    if (flags.json) output.json(progress);
    else output.out(describeProgress(progress));
  };
  try {
    if (!flags.json && !flags.watch) {
      output.out(`Queue ${settings.queueName} on ${redactUrl(settings.redisUrl)}`);
    }
    await show();
    if (!flags.watch) return;
    const interrupt = untilInterrupted();
    let stopped = false;
    void interrupt.stopped.then(() => (stopped = true));
    while (!stopped) {
      await Promise.race([
        interrupt.stopped,
        new Promise((done) => setTimeout(done, flags.interval * 1000)),
      ]);
      if (!stopped) await show();
    }
    interrupt.dispose();
  } finally {
    await monitor.close();
  }
}

/** `crosscheck queue failed`. */
export async function listFailedJobs(
  output: Output,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(FailedFlags, { ...command.optsWithGlobals(), ...raw });
  const monitor = await openQueueMonitor(queueSettings(flags));
  try {
    const failed = await monitor.listFailed(flags.limit);
    if (flags.json) return output.json(failed);
    if (failed.length === 0) return output.out('No failed jobs.');
    for (const job of failed) {
      output.out(`${job.id} (${job.name}, ${job.attempts} attempt(s), ${job.failedAt ?? '?'})`);
      output.out(`  ${job.reason}`);
    }
    output.out(`${failed.length} failed job(s). Fix the cause, then \`crosscheck queue retry\`.`);
  } finally {
    await monitor.close();
  }
}

/** `crosscheck queue retry`. */
export async function retryFailedJobs(
  output: Output,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(QueueFlags, { ...command.optsWithGlobals(), ...raw });
  const monitor = await openQueueMonitor(queueSettings(flags));
  try {
    const count = await monitor.retryFailed();
    output.out(`${count} failed job(s) moved back to the queue.`);
  } finally {
    await monitor.close();
  }
}
