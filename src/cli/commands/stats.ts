import type { Command } from 'commander';
import type { Output } from '../context.js';
import { lazyAction } from '../lazy-action.js';

export function registerStats(program: Command, output: Output): void {
  program
    .command('stats')
    .description('Counts by type and language, failures, and the size of the store')
    .option('--json', 'print as JSON')
    .action(lazyAction(output, async () => (await import('../actions/stats.js')).showStats));
}
