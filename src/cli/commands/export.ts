import type { Command } from 'commander';
import type { Output } from '../context.js';
import { EXPORT_FORMATS, IMPORT_FORMATS } from '../declared-defaults.js';
import { lazyAction } from '../lazy-action.js';

const exportActions = () => import('../actions/export.js');

export function registerExport(program: Command, output: Output): void {
  program
    .command('export')
    .description(
      'Export findings: STIX 2.1, FollowTheMoney, ClaimReview, GEXF, GraphML, CSV tables, or a brief',
    )
    .requiredOption('--format <format>', EXPORT_FORMATS.join(', '))
    .option('--query <query>', 'only the documents this search matches')
    .option('--entity <name>', 'only the documents naming this entity (and a brief about it)')
    .option(
      '--out <path>',
      'file to write (stdout when absent); a folder for csv; for brief, .md, .html or .pdf',
    )
    .option('--organisation <name>', 'who publishes the export (default: $CROSSCHECK_ORGANISATION)')
    .option('--title <text>', 'the brief’s title')
    .option(
      '--tlp <level>',
      'the least restrictive marking to put on everything (each object also carries its documents’ markings)',
    )
    .option('--collection <slug>', 'export a collection of the multi-user server (with --home)')
    .option('--home <dir>', 'the multi-user server home (default: $CROSSCHECK_HOME)')
    .option(
      '--clearance <level>',
      'leave out documents marked above this level, and all that comes from them (default RED)',
    )
    .action(lazyAction(output, async () => (await exportActions()).exportFindings));
}

export function registerImport(program: Command, output: Output): void {
  program
    .command('import')
    .description(
      'Import a STIX 2.1 bundle or FollowTheMoney JSON Lines: documents and entity aliases',
    )
    .argument('<file>', 'the bundle (.json) or the entities file (.ftm.json, .jsonl)')
    .requiredOption('--format <format>', IMPORT_FORMATS.join(' or '))
    .option('--analyst <name>', 'who the imported alias merges are recorded under', 'import')
    .option('--no-analyze', 'store only; run `crosscheck extract` and `crosscheck analyze` later')
    .option('--workers <n>', 'extraction worker threads (0 = this thread)')
    .option('--json', 'print the summary as JSON')
    .action(lazyAction(output, async () => (await exportActions()).importFindings));
}
