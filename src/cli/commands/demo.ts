import type { Command } from 'commander';
import type { Output } from '../context.js';
import { lazyAction } from '../lazy-action.js';

export function registerDemo(program: Command, output: Output): void {
  program
    .command('demo')
    .description('Ingest the bundled sample corpus, then serve the workbench (the quick start)')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '4173')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--upload-dir <path>', 'where uploaded files are kept', '.crosscheck/uploads')
    .action(lazyAction(output, async () => (await import('../actions/demo.js')).runDemo));
}
