import type { Command } from 'commander';
import type { Output } from '../context.js';
import {
  DEFAULT_ATTEMPTS,
  DEFAULT_QUEUE_NAME,
  DEFAULT_QUEUE_PREFIX,
} from '../declared-defaults.js';
import { lazyAction } from '../lazy-action.js';

const queueActions = () => import('../actions/queue.js');

/** The options every queue-facing command shares (`crosscheck worker` too). */
export function addQueueOptions(command: Command): Command {
  return command
    .option('--redis <url>', 'Redis holding the queue (default: $CROSSCHECK_REDIS)')
    .option('--queue-name <name>', 'queue name: one per corpus', DEFAULT_QUEUE_NAME)
    .option('--queue-prefix <prefix>', 'Redis key prefix', DEFAULT_QUEUE_PREFIX);
}

export function registerQueue(program: Command, output: Output): void {
  const queue = program
    .command('queue')
    .description('Spread ingest over `crosscheck worker` processes through a Redis queue');

  addQueueOptions(
    queue
      .command('add')
      .description(
        'Queue files and folders for the workers (queueing the same files twice is safe)',
      )
      .argument('<paths...>', 'files or folders, at paths every worker can read')
      .option('--chunk-size <n>', 'files per job', '25')
      .option('--attempts <n>', 'tries per job before it is failed', String(DEFAULT_ATTEMPTS))
      .option(
        '--no-analyze',
        'do not queue the corpus-wide analysis to run once the jobs are done; run `crosscheck analyze` by hand',
      )
      .option('--json', 'print the summary as JSON'),
  ).action(lazyAction(output, async () => (await queueActions()).addToQueue));

  addQueueOptions(
    queue
      .command('status')
      .description('Workers, queued and running jobs, documents per second, ETA')
      .option('--watch', 'print the status again every --interval seconds until Ctrl+C')
      .option('--interval <seconds>', 'seconds between looks with --watch', '2')
      .option('--json', 'print as JSON'),
  ).action(lazyAction(output, async () => (await queueActions()).queueStatus));

  addQueueOptions(
    queue
      .command('failed')
      .description('Jobs that failed after all their tries, with the reason')
      .option('--limit <n>', 'most jobs listed', '100')
      .option('--json', 'print as JSON'),
  ).action(lazyAction(output, async () => (await queueActions()).listFailedJobs));

  addQueueOptions(
    queue.command('retry').description('Move every failed job back to the queue'),
  ).action(lazyAction(output, async () => (await queueActions()).retryFailedJobs));
}
