import type { Command } from 'commander';
import type { Output } from '../context.js';
import { lazyAction } from '../lazy-action.js';

/** `crosscheck audit`: who read, changed or exported what, newest first. */
export function registerAudit(program: Command, output: Output): void {
  program
    .command('audit')
    .description('Show the audit log of a multi-user server, newest first')
    .option('--collection <slug>', 'only this collection')
    .option('--limit <n>', 'most entries shown (up to 1000)', '100')
    .option('--json', 'print JSON')
    .option('--home <dir>', 'multi-user server home folder (or --store postgres://…)')
    .action(lazyAction(output, async () => (await import('../actions/audit.js')).showAudit));
}
