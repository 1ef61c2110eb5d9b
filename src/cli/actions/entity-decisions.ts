import type { Command } from 'commander';
import { z } from 'zod';
import { CrosscheckError } from '../../core/index.js';
import { runResolution } from '../../pipeline/index.js';
import type { EntityDecision, Store } from '../../store/index.js';
import type { Output } from '../context.js';
import { parseOptions } from '../parse-options.js';
import { withStore } from '../with-store.js';
import { findEntity } from './entities.js';

const DecisionFlags = z.object({
  store: z.string().optional(),
  reason: z.string().trim().min(3),
  analyst: z.string().trim().min(1),
});

/** Records an analyst's decision, then re-resolves the entities so that it shows at once. */
async function record(
  store: Store,
  decision: EntityDecision,
  flags: z.infer<typeof DecisionFlags>,
  output: Output,
): Promise<void> {
  const saved = await store.addEntityDecision({
    ...decision,
    analyst: flags.analyst,
    at: new Date().toISOString(),
    reason: flags.reason,
  });
  const summary = await runResolution(store);
  output.out(
    `Recorded ${decision.kind} #${saved.id}; entities re-resolved: ${summary.entities} entities` +
      (summary.unappliedDecisions
        ? `, ${summary.unappliedDecisions} decision(s) no longer match anything`
        : '') +
      '.',
  );
}

/** `crosscheck entity merge <first> <second>`. */
export async function mergeEntities(
  output: Output,
  first: string,
  second: string,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(DecisionFlags, { ...command.optsWithGlobals(), ...raw });
  await withStore(flags, async (store) => {
    const a = await findEntity(store, first);
    const b = await findEntity(store, second);
    if (a.entity.id === b.entity.id) {
      throw new CrosscheckError(
        'CONFLICT',
        `"${first}" and "${second}" are already one entity (${a.entity.id})`,
      );
    }
    await record(
      store,
      { kind: 'merge', decision: { keys: [a.entity.id, b.entity.id] } },
      flags,
      output,
    );
  });
}

/** `crosscheck entity split <entity> <name>`. */
export async function splitEntity(
  output: Output,
  target: string,
  name: string,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(DecisionFlags, { ...command.optsWithGlobals(), ...raw });
  await withStore(flags, async (store) => {
    const { entity: e } = await findEntity(store, target);
    if (!e.aliases.some((a) => a.name === name)) {
      throw new CrosscheckError('NOT_FOUND', `${e.name} has no name "${name}"`, {
        hint: `Its names: ${e.aliases.map((a) => a.name).join('; ')}`,
      });
    }
    await record(store, { kind: 'split', decision: { entity: e.id, name } }, flags, output);
  });
}

/** `crosscheck entity rename <entity> <new-name>`. */
export async function renameEntity(
  output: Output,
  target: string,
  newName: string,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(DecisionFlags, { ...command.optsWithGlobals(), ...raw });
  await withStore(flags, async (store) => {
    const { entity: e } = await findEntity(store, target);
    await record(
      store,
      { kind: 'rename', decision: { entity: e.id, name: newName.trim() } },
      flags,
      output,
    );
  });
}
