import type { Command } from 'commander';
import type { Output } from '../context.js';
import { DOCUMENT_KINDS, SUPPORTED_LANGUAGES } from '../declared-defaults.js';
import { lazyAction } from '../lazy-action.js';
import { commaList, repeated } from '../option-parsers.js';

export function registerSearch(program: Command, output: Output): void {
  program
    .command('search')
    .description(
      'Full-text search: words, "phrases", AND / OR / NOT, prefix*, (groups); accents optional',
    )
    .argument('<query...>', 'what to look for')
    .option(
      '--lang <codes>',
      `languages to keep (${SUPPORTED_LANGUAGES.join(', ')}, und)`,
      commaList,
    )
    .option('--type <kinds>', `document types to keep (${DOCUMENT_KINDS.join(', ')})`, commaList)
    .option('--from <date>', 'published on or after (YYYY[-MM[-DD]])')
    .option('--to <date>', 'published on or before (YYYY[-MM[-DD]])')
    // Repeated, not comma lists: entity ids and bylines may contain commas.
    .option('--entity <id>', 'mentions this resolved entity (repeat: all of them)', repeated, [])
    .option(
      '--source <source>',
      'from this source: intel code, sender address or byline (repeat: any of them)',
      repeated,
      [],
    )
    .option('--limit <n>', 'results per page', '20')
    .option('--offset <n>', 'results to skip', '0')
    .option('--json', 'print results as JSON')
    .action(lazyAction(output, async () => (await import('../actions/search.js')).searchDocuments));
}
