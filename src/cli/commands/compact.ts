import type { Command } from 'commander';
import type { Output } from '../context.js';
import { lazyAction } from '../lazy-action.js';

export function registerCompact(program: Command, output: Output): void {
  program
    .command('compact')
    .description(
      'Give back to the disk the space deleted and rewritten rows left in the store (after an upgrade or a re-analysis); needs free disk about the size of the store',
    )
    .option('--json', 'print as JSON')
    .action(lazyAction(output, async () => (await import('../actions/compact.js')).compactStore));
}
