import type { Command } from 'commander';
import type { Output } from '../context.js';
import { lazyAction } from '../lazy-action.js';

export function registerIngest(program: Command, output: Output): void {
  program
    .command('ingest')
    .description('Read files, folders and archives into the store (re-running is safe)')
    .argument('<paths...>', 'files or folders to read, recursively')
    .option('--text-column <name>', 'CSV / JSON Lines: the column holding each row’s text')
    .option('--title-column <name>', 'CSV / JSON Lines: the column holding each row’s title')
    .option('--date-column <name>', 'CSV / JSON Lines: the column holding each row’s date')
    .option('--max-file-size <size>', 'largest file read (e.g. 256MB)')
    .option('--max-archive-size <size>', 'largest total a zip may expand to (e.g. 2GB)')
    .option('--max-archive-entries <n>', 'most entries read from one zip')
    .option('--max-depth <n>', 'how deep archives and attachments nest')
    .option('--no-ocr', 'do not OCR PDF pages without a text layer')
    .option('--no-extract', 'store the documents only; run `crosscheck extract` later')
    .option('--workers <n>', 'extraction worker threads (0 = this thread)')
    .option('--parse-workers <n>', 'parsing worker threads (0 or 1 = this thread)')
    .option('--no-analyze', 'skip the corpus-wide analysis (reused passages, claim provenance)')
    .option('--batch-size <n>', 'documents per transaction')
    .option(
      '--tlp <level>',
      'TLP marking of every document read: CLEAR, GREEN, AMBER, AMBER+STRICT, RED',
    )
    .option('--json', 'print the summary as JSON')
    .option('-q, --quiet', 'no progress output')
    .action(lazyAction(output, async () => (await import('../actions/ingest.js')).ingestFiles));
}
