import type { Command } from 'commander';
import type { Output } from '../context.js';
import { lazyAction } from '../lazy-action.js';

export function registerExtract(program: Command, output: Output): void {
  program
    .command('extract')
    .description(
      'Extract names, places, dates, figures, quotes and cited sources from stored documents',
    )
    .option('--all', 're-extract every document, not only new or stale ones')
    .option('--workers <n>', 'worker threads (0 = this thread)')
    .option('--json', 'print the summary as JSON')
    .option('-q, --quiet', 'no progress output')
    .action(
      lazyAction(output, async () => (await import('../actions/extract.js')).extractDocuments),
    );
}
