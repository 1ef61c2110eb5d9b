import type { Command } from 'commander';
import type { Output } from '../context.js';
import { lazyAction } from '../lazy-action.js';

export function registerMark(program: Command, output: Output): void {
  program
    .command('mark')
    .description('Set a document’s TLP marking (an analyst’s decision: it may lower the marking)')
    .argument('<id>', 'document id, or its first 6+ characters')
    .argument('<level>', 'CLEAR, GREEN, AMBER, AMBER+STRICT or RED')
    .option('--json', 'print the result as JSON')
    .action(lazyAction(output, async () => (await import('../actions/mark.js')).markDocument));
}
