import type { Command } from 'commander';
import { z } from 'zod';
import { CrosscheckError } from '../../core/index.js';
import type { Output } from '../context.js';
import { parseOptions } from '../parse-options.js';
import { withStore } from '../with-store.js';

/** `crosscheck hypotheses add <text>`. */
export async function addHypothesis(
  output: Output,
  text: string,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
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
}

/** `crosscheck hypotheses mark <hypothesis> <claim> <mark>`. */
export async function markHypothesis(
  output: Output,
  hypothesisId: string,
  claimId: string,
  mark: string,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
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
}
