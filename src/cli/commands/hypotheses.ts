import type { Command } from 'commander';
import { z } from 'zod';
import { CrosscheckError } from '../../core/index.js';
import { buildHypothesisWorkspace } from '../../pipeline/index.js';
import { withStore, type Output } from '../context.js';
import { PositiveInt, parseOptions } from '../parse-options.js';

const SYMBOL = { consistent: 'C', inconsistent: 'I', neutral: '·' } as const;

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
    .action(async (raw: Record<string, unknown>, command: Command) => {
      const flags = parseOptions(
        z.object({
          store: z.string().optional(),
          claims: PositiveInt.default(40),
          json: z.boolean().default(false),
        }),
        { ...command.optsWithGlobals(), ...raw },
      );
      const workspace = await withStore(flags, (store) =>
        buildHypothesisWorkspace(store, { claimLimit: flags.claims }),
      );
      if (flags.json) return output.json(workspace);
      const { hypotheses: hs, matrix, claims, suggestions } = workspace;
      if (hs.length === 0) {
        output.out('No hypotheses yet: add one with `crosscheck hypotheses add "…"`.');
        return;
      }
      output.out('Hypotheses, least inconsistent evidence first (Heuer):');
      for (const score of matrix.scores) {
        const h = hs.find((x) => x.id === score.hypothesisId)!;
        output.out(
          `  ${score.rank}. ${h.id}  ${h.text}  (inconsistency ${score.inconsistency}, consistency ${score.consistency})`,
        );
      }
      output.out('');
      output.out(
        `${'claim'.padEnd(18)} ${'weight'.padStart(6)}  ${hs.map((h) => h.id.padEnd(8)).join(' ')}  text`,
      );
      const suggested = new Map(
        suggestions.map((s) => [`${s.hypothesisId}\u0000${s.claimId}`, s.suggestion.mark]),
      );
      for (const row of matrix.rows) {
        const claim = claims.find((c) => c.cluster.id === row.evidenceId)!;
        const cells = hs.map((h) => {
          const mark = row.marks[h.id]!;
          const hint =
            mark === 'neutral' ? suggested.get(`${h.id}\u0000${row.evidenceId}`) : undefined;
          return (hint ? `${SYMBOL[hint].toLowerCase()}?` : SYMBOL[mark]).padEnd(8);
        });
        output.out(
          `${row.evidenceId.padEnd(18)} ${row.weight.toFixed(2).padStart(6)}  ${cells.join(' ')}  ` +
            `${claim.assessment.code} “${claim.cluster.text.slice(0, 70)}${claim.cluster.text.length > 70 ? '…' : ''}”`,
        );
      }
      output.out('');
      output.out(
        'C consistent, I inconsistent, · neutral; c? / i? are suggestions from the words, not counted.',
      );
    });

  hypotheses
    .command('add')
    .description('State a hypothesis')
    .argument('<text>', 'the hypothesis')
    .option('--analyst <name>', 'who states it', process.env.USER ?? 'analyst')
    .action(async (text: string, raw: Record<string, unknown>, command: Command) => {
      const flags = parseOptions(
        z.object({ store: z.string().optional(), analyst: z.string().trim().min(1) }),
        {
          ...command.optsWithGlobals(),
          ...raw,
        },
      );
      const trimmed = text.trim();
      if (trimmed.length < 5) {
        throw new CrosscheckError('INVALID_ARGUMENT', 'A hypothesis needs a sentence', {
          hint: 'For example: crosscheck hypotheses add "The figure comes from one source"',
        });
      }
      const h = await withStore(flags, (store) =>
        store.addHypothesis({
          text: trimmed,
          analyst: flags.analyst,
          at: new Date().toISOString(),
        }),
      );
      output.out(`Added hypothesis ${h.id}.`);
    });

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
    .action(
      async (
        hypothesisId: string,
        claimId: string,
        mark: string,
        raw: Record<string, unknown>,
        command: Command,
      ) => {
        const flags = parseOptions(
          z.object({
            store: z.string().optional(),
            mark: z.enum(['consistent', 'inconsistent', 'neutral']),
            reason: z.string().trim().min(1).optional(),
            analyst: z.string().trim().min(1),
          }),
          { ...command.optsWithGlobals(), ...raw, mark },
        );
        await withStore(flags, async (store) => {
          if (!(await store.listHypotheses()).some((h) => h.id === hypothesisId)) {
            throw new CrosscheckError('NOT_FOUND', `No hypothesis has the id ${hypothesisId}`, {
              hint: 'See the ids with `crosscheck hypotheses`.',
            });
          }
          const cluster = await store.getClaimCluster(claimId);
          if (!cluster) {
            throw new CrosscheckError('NOT_FOUND', `No traced claim has the id ${claimId}`, {
              hint: 'See the ids with `crosscheck claims`.',
            });
          }
          await store.addHypothesisMark({
            hypothesisId,
            claimId: cluster.id,
            mark: flags.mark,
            analyst: flags.analyst,
            at: new Date().toISOString(),
            reason: flags.reason ?? null,
          });
          output.out(`Marked ${cluster.id} ${flags.mark} with ${hypothesisId}.`);
        });
      },
    );
}
