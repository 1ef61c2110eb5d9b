import type { Command } from 'commander';
import type { Output } from '../context.js';
import { lazyAction } from '../lazy-action.js';

export function registerEval(program: Command, output: Output): void {
  program
    .command('eval')
    .description('Score extraction, entity resolution and reuse detection against gold answers')
    .argument('<gold-dir>', 'folder of <document>.gold.json files (and reuse.json)')
    .argument('<docs-dir>', 'folder holding the documents the gold files describe')
    .option('--details', 'list misses and spurious predictions per document')
    .option('--json', 'print as JSON')
    .action(lazyAction(output, async () => (await import('../actions/eval.js')).evaluate));
}
