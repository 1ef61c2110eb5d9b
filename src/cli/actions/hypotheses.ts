import type { Command } from 'commander';
import { z } from 'zod';
import { buildHypothesisWorkspace } from '../../pipeline/index.js';
import type { Output } from '../context.js';
import { PositiveInt, parseOptions } from '../parse-options.js';
import { withStore } from '../with-store.js';

const SYMBOL = { consistent: 'C', inconsistent: 'I', neutral: '·' } as const;

/** `crosscheck hypotheses [show]`: the matrix of claims × hypotheses. */
export async function showHypotheses(
  output: Output,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
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
      const hint = mark === 'neutral' ? suggested.get(`${h.id}\u0000${row.evidenceId}`) : undefined;
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
}
