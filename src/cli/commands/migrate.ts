import type { Command } from 'commander';
import type { Output } from '../context.js';
import { lazyAction } from '../lazy-action.js';

export function registerMigrate(program: Command, output: Output): void {
  program
    .command('migrate')
    .description('Copy a case between stores (SQLite ↔ PostgreSQL), then count both: nothing lost')
    .requiredOption('--from <location>', 'the store to copy (a SQLite path or postgres:// URL)')
    .requiredOption('--to <location>', 'the store to copy into')
    .option('--json', 'print the report as JSON')
    .action(lazyAction(output, async () => (await import('../actions/migrate.js')).migrateCase));
}
