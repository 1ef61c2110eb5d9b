import type { Command } from 'commander';
import type { Output } from '../context.js';
import { lazyAction } from '../lazy-action.js';

const HOME_HELP = 'multi-user server home folder (or --store postgres://…)';
const collectionActions = () => import('../actions/collections.js');

/** `crosscheck collection …`: the cases of a multi-user server, their members and their data. */
export function registerCollections(program: Command, output: Output): void {
  const collection = program
    .command('collection')
    .description('Collections (one case each) of a multi-user server');

  collection
    .command('create')
    .description('Create a collection')
    .argument('<slug>', 'short name: lowercase letters, digits, hyphens (e.g. case-42)')
    .option('--title <text>', 'the title shown in the workbench')
    .option(
      '--tlp <level>',
      'TLP marking of the collection: CLEAR, GREEN, AMBER, AMBER+STRICT, RED',
      'AMBER',
    )
    .option('--home <dir>', HOME_HELP)
    .action(lazyAction(output, async () => (await collectionActions()).createCollection));

  collection
    .command('grant')
    .description('Make a user a member of a collection, or change their role and clearance')
    .argument('<slug>', 'the collection')
    .argument('<user>', 'the user')
    .requiredOption('--role <role>', 'reader, analyst or admin')
    .option(
      '--clearance <level>',
      'highest TLP marking they may see (default AMBER+STRICT; RED only when given)',
    )
    .option('--home <dir>', HOME_HELP)
    .action(lazyAction(output, async () => (await collectionActions()).grantMembership));

  collection
    .command('revoke')
    .description('Remove a member from a collection')
    .argument('<slug>', 'the collection')
    .argument('<user>', 'the user')
    .option('--home <dir>', HOME_HELP)
    .action(lazyAction(output, async () => (await collectionActions()).revokeMembership));

  collection
    .command('list')
    .description('List the collections and their members')
    .option('--home <dir>', HOME_HELP)
    .option('--json', 'print JSON')
    .action(lazyAction(output, async () => (await collectionActions()).listCollections));

  collection
    .command('ingest')
    .description(
      'Ingest files into a collection (extraction and analysis included, as `crosscheck ingest`)',
    )
    .argument('<slug>', 'the collection')
    .argument('<paths...>', 'files or folders to read, recursively')
    .option('--tlp <level>', 'TLP marking of these documents (default: the collection’s)')
    .option('--no-ocr', 'do not OCR PDF pages without a text layer')
    .option('--no-extract', 'store the documents only')
    .option('--no-analyze', 'skip the corpus-wide analysis')
    .option('--workers <n>', 'extraction worker threads (0 = this thread)')
    .option('-q, --quiet', 'no progress output')
    .option('--home <dir>', HOME_HELP)
    .action(
      lazyAction(
        output,
        async () => (await import('../actions/collection-ingest.js')).ingestIntoCollection,
      ),
    );
}
