import type { Command } from 'commander';
import type { Output } from '../context.js';
import { lazyAction } from '../lazy-action.js';

const claimActions = () => import('../actions/claims.js');

export function registerClaims(program: Command, output: Output): void {
  program
    .command('analyze')
    .description(
      'Resolve entities, find reused passages, then trace every quote and claim to its origins',
    )
    .option('--json', 'print the summary as JSON (progress lines still go to stderr)')
    .option('-q, --quiet', 'no progress lines')
    .action(lazyAction(output, async () => (await claimActions()).analyzeStore));

  program
    .command('claims')
    .description(
      'List traced quotes and claims with their independent origins and Admiralty grades',
    )
    .option('--about <entity>', 'said by, or naming, this person, organisation or place')
    .option('--document <id>', 'carried by this document (id or prefix)')
    .option('--shared', 'only claims carried by two documents or more')
    .option('--limit <n>', 'most claims', '30')
    .option('--offset <n>', 'claims to skip', '0')
    .option('--json', 'print as JSON')
    .action(lazyAction(output, async () => (await claimActions()).listClaims));

  program
    .command('trace')
    .description(
      'Show where a quote or claim comes from: origin, who cites whom, independent origins, grade',
    )
    .argument('<claim>', 'a claim id (or prefix) from `crosscheck claims`, or words from the quote')
    .option('--json', 'print as JSON')
    .action(lazyAction(output, async () => (await claimActions()).traceClaim));

  program
    .command('grade')
    .description("Record an analyst's Admiralty grade for a claim or a source (it always wins)")
    .argument('<subject>', '"claim" or "source"')
    .argument('<id>', 'claim id (or prefix), or the source name or code (e.g. MX1)')
    .option('--reliability <A-F>', 'source reliability')
    .option('--credibility <1-6>', 'information credibility')
    .requiredOption('--reason <text>', 'why: kept with the grade')
    .option('--analyst <name>', 'who grades', process.env.USER ?? 'analyst')
    .action(lazyAction(output, async () => (await import('../actions/grade.js')).recordGrade));
}
