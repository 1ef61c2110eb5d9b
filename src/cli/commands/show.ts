import type { Command } from 'commander';
import type { Output } from '../context.js';
import { lazyAction } from '../lazy-action.js';

export function registerShow(program: Command, output: Output): void {
  program
    .command('show')
    .description('Print a document with its metadata, e-mail headers, source block and links')
    .argument('<id>', 'document id, or its first 6+ characters')
    .option('--json', 'print as JSON')
    .action(lazyAction(output, async () => (await import('../actions/show.js')).showDocument));
}
