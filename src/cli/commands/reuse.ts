import type { Command } from 'commander';
import type { Output } from '../context.js';
import { lazyAction } from '../lazy-action.js';

export function registerReuse(program: Command, output: Output): void {
  program
    .command('reuse')
    .description('Find reused passages and near-duplicate documents across the store')
    .option('--document <id>', 'only pairs and passages involving this document (id or prefix)')
    .option('--limit <n>', 'most pairs and passages to print', '50')
    .option('--json', 'print as JSON')
    .action(lazyAction(output, async () => (await import('../actions/reuse.js')).findReuse));
}
