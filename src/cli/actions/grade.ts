import type { Command } from 'commander';
import { z } from 'zod';
import { isCredibility, isReliability } from '../../assess/index.js';
import { CrosscheckError } from '../../core/index.js';
import type { Output } from '../context.js';
import { parseOptions } from '../parse-options.js';
import { withStore } from '../with-store.js';

/** `crosscheck grade claim|source <id>`: an analyst's Admiralty grade, which always wins. */
export async function recordGrade(
  output: Output,
  subject: string,
  id: string,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(
    z.object({
      store: z.string().optional(),
      subject: z.enum(['claim', 'source']),
      reliability: z.string().refine(isReliability, 'a letter from A to F').optional(),
      credibility: z.coerce.number().refine(isCredibility, 'a number from 1 to 6').optional(),
      reason: z.string().trim().min(3),
      analyst: z.string().trim().min(1),
    }),
    { ...command.optsWithGlobals(), ...raw, subject },
  );
  if (flags.reliability === undefined && flags.credibility === undefined) {
    throw new CrosscheckError('INVALID_ARGUMENT', 'Give --reliability, --credibility or both', {
      hint: 'For example: crosscheck grade source MX1 --reliability C --reason "…"',
    });
  }
  await withStore(flags, async (store) => {
    let subjectId = id;
    if (flags.subject === 'claim') {
      const cluster = await store.getClaimCluster(id);
      if (!cluster) {
        throw new CrosscheckError('NOT_FOUND', `No traced claim has the id ${id}`, {
          hint: 'Use an id from `crosscheck claims`.',
        });
      }
      subjectId = cluster.id;
    }
    const grade = await store.addAnalystGrade({
      subjectType: flags.subject,
      subjectId,
      ...(flags.reliability !== undefined && { reliability: flags.reliability }),
      ...(flags.credibility !== undefined && { credibility: flags.credibility }),
      analyst: flags.analyst,
      at: new Date().toISOString(),
      reason: flags.reason,
    });
    output.out(`Recorded grade #${grade.id} for ${flags.subject} ${subjectId}.`);
  });
}
