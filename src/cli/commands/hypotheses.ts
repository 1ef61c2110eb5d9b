import type { Command } from 'commander';
import type { Output } from '../context.js';
import { lazyAction } from '../lazy-action.js';

const editActions = () => import('../actions/hypothesis-edits.js');

export function registerHypotheses(program: Command, output: Output): void {
  const hypotheses = program
    .command('hypotheses')
    .description(
      'Analysis of competing hypotheses: state hypotheses, mark claims against them, rank them',
    );

  hypotheses
    .command('show', { isDefault: true })
    .description(
      'The matrix: claims × hypotheses, weighted by grade and independence, least inconsistent first',
    )
    .option('--claims <n>', 'most claims in the matrix', '40')
    .option('--json', 'print as JSON')
    .action(
      lazyAction(output, async () => (await import('../actions/hypotheses.js')).showHypotheses),
    );

  hypotheses
    .command('add')
    .description('State a hypothesis')
    .argument('<text>', 'the hypothesis')
    .option('--analyst <name>', 'who states it', process.env.USER ?? 'analyst')
    .action(lazyAction(output, async () => (await editActions()).addHypothesis));

  hypotheses
    .command('mark')
    .description(
      'Mark a claim as consistent, inconsistent or neutral with a hypothesis (the latest mark counts)',
    )
    .argument('<hypothesis>', 'hypothesis id')
    .argument('<claim>', 'claim id (or prefix)')
    .argument('<mark>', 'consistent, inconsistent or neutral')
    .option('--reason <text>', 'why')
    .option('--analyst <name>', 'who marks', process.env.USER ?? 'analyst')
    .action(lazyAction(output, async () => (await editActions()).markHypothesis));
}
