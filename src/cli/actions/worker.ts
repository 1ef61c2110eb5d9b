import type { Command } from 'commander';
import { z } from 'zod';
import { startWorker, type WorkerEvent } from '../../queue/index.js';
import type { Output } from '../context.js';
import { NonNegativeInt, PositiveInt, parseOptions } from '../parse-options.js';
import { storeLocation } from '../with-store.js';
import { QueueFlags, queueSettings } from './queue.js';

const WorkerFlags = QueueFlags.extend({
  store: z.string().optional(),
  concurrency: PositiveInt.default(1),
  lockDuration: PositiveInt.default(30_000),
  stalledInterval: PositiveInt.default(15_000),
  maxStalled: PositiveInt.default(2),
  analysisRecheck: PositiveInt.default(2000),
  analysisLockDuration: PositiveInt.default(60_000),
  parseWorkers: NonNegativeInt.default(1),
  batchSize: PositiveInt.optional(),
  name: z.string().min(1).optional(),
  quiet: z.boolean().default(false),
});

function describeEvent(event: WorkerEvent): string {
  const job = event.jobId ? `${event.jobName} ${event.jobId.slice(0, 20)}` : 'worker';
  return `${new Date().toISOString()} ${job}: ${event.type} ${event.message}`;
}

/** `crosscheck worker`: takes jobs from the queue until SIGINT or SIGTERM. */
export async function runWorker(
  output: Output,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(WorkerFlags, { ...command.optsWithGlobals(), ...raw });
  const store = storeLocation(flags);
  const worker = await startWorker({
    ...queueSettings(flags),
    storeUrl: store,
    concurrency: flags.concurrency,
    lockDurationMs: flags.lockDuration,
    stalledIntervalMs: flags.stalledInterval,
    maxStalledCount: flags.maxStalled,
    analysisRecheckMs: flags.analysisRecheck,
    analysisLockMs: flags.analysisLockDuration,
    parseWorkers: flags.parseWorkers,
    ...(flags.batchSize !== undefined && { batchSize: flags.batchSize }),
    ...(flags.name && { name: flags.name }),
    onEvent: (event) => {
      if (event.type === 'failed' || event.type === 'error') output.err(describeEvent(event));
      else if (!flags.quiet) output.out(describeEvent(event));
    },
  });
  output.out(
    `Worker ${worker.name} is taking jobs from queue ${flags.queueName} for ${store} ` +
      `(concurrency ${flags.concurrency}). Ctrl+C finishes the jobs in hand and stops.`,
  );
  // First signal: finish the jobs in hand. Second: hand them back to the queue at once (another
  // worker takes them without waiting for --lock-duration) and leave.
  let forced = false;
  await new Promise<void>((done) => {
    const first = (signal: NodeJS.Signals) => {
      output.err(`crosscheck: ${signal} received, finishing the job(s) in hand…`);
      process.once('SIGINT', second);
      process.once('SIGTERM', second);
      void worker.close().then(done, done);
    };
    const second = (signal: NodeJS.Signals) => {
      output.err(
        `crosscheck: ${signal} again, stopping now; the job(s) in hand go back to the queue.`,
      );
      forced = true;
      void worker.close({ force: true }).then(done, done);
    };
    process.once('SIGINT', first);
    process.once('SIGTERM', first);
  });
  output.out(`Worker ${worker.name} stopped.`);
  // The abandoned jobs' work would otherwise go on in this process (their locks are gone, so
  // nothing it did could complete them): end it here.
  if (forced) process.exit(130);
}
