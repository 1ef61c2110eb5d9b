import type { Command } from 'commander';
import type { Output } from '../context.js';
import { lazyAction } from '../lazy-action.js';

export function registerFailures(program: Command, output: Output): void {
  program
    .command('failures')
    .description('List every file the ingest runs could not read, and why')
    .option('--run <id>', 'only this ingest run')
    .option('--limit <n>', 'most rows', '1000')
    .option('--json', 'print as JSON')
    .action(lazyAction(output, async () => (await import('../actions/failures.js')).listFailures));
}
