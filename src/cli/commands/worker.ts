import type { Command } from 'commander';
import type { Output } from '../context.js';
import { lazyAction } from '../lazy-action.js';
import { addQueueOptions } from './queue.js';

export function registerWorker(program: Command, output: Output): void {
  addQueueOptions(
    program
      .command('worker')
      .description('Take ingest, extraction and analysis jobs from the Redis queue until stopped')
      .option('--concurrency <n>', 'jobs this process works on at once', '1')
      .option(
        '--lock-duration <ms>',
        'a job whose worker is silent this long is taken over',
        '30000',
      )
      .option('--stalled-interval <ms>', 'how often to look for such jobs', '15000')
      .option('--max-stalled <n>', 'takeovers before a job is failed', '2')
      .option(
        '--analysis-recheck <ms>',
        'how often a queued analysis looks whether ingest and extraction are done',
        '2000',
      )
      .option(
        '--analysis-lock-duration <ms>',
        'an analysis whose worker is silent this long is taken over',
        '60000',
      )
      .option('--parse-workers <n>', 'parse threads per job (0 or 1 = this thread)', '1')
      .option('--batch-size <n>', 'documents per transaction')
      .option('--name <name>', 'how this worker is listed (default host:pid)')
      .option('-q, --quiet', 'log failures only'),
  ).action(lazyAction(output, async () => (await import('../actions/worker.js')).runWorker));
}
