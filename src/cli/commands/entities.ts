import type { Command } from 'commander';
import pc from 'picocolors';
import { z } from 'zod';
import { CrosscheckError } from '../../core/index.js';
import { runResolution } from '../../pipeline/index.js';
import type { EntityDecision, EntityRecord, Store } from '../../store/index.js';
import { withStore, type Output } from '../context.js';
import { NonNegativeInt, PositiveInt, parseOptions } from '../parse-options.js';

const EntityType = z.enum(['person', 'organization', 'place']);
const Global = z.object({ store: z.string().optional(), json: z.boolean().default(false) });
const DecisionFlags = z.object({
  store: z.string().optional(),
  reason: z.string().trim().min(3),
  analyst: z.string().trim().min(1),
});

async function findEntity(store: Store, idOrName: string): Promise<EntityRecord> {
  const record = await store.getResolvedEntity(idOrName);
  if (!record) {
    throw new CrosscheckError('NOT_FOUND', `No entity is called "${idOrName}"`, {
      hint: 'List them with `crosscheck entities --q <part of the name>` (run `crosscheck analyze` first).',
    });
  }
  return record;
}

function context(text: string, start: number, end: number, width = 60): string {
  const before = text.slice(Math.max(0, start - width), start).replace(/\s+/g, ' ');
  const after = text.slice(end, end + width).replace(/\s+/g, ' ');
  return `…${before}[${text.slice(start, end)}]${after}…`;
}

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

export function registerEntities(program: Command, output: Output): void {
  program
    .command('entities')
    .description('List resolved people, organisations and places, most documents first')
    .option('--type <type>', 'person, organization or place')
    .option('--q <text>', 'part of any of the names (accents and case do not matter)')
    .option('--limit <n>', 'most entities', '50')
    .option('--offset <n>', 'entities to skip', '0')
    .option('--json', 'print as JSON')
    .action(async (raw: Record<string, unknown>, command: Command) => {
      const flags = parseOptions(
        Global.extend({
          type: EntityType.optional(),
          q: z.string().optional(),
          limit: PositiveInt.default(50),
          offset: NonNegativeInt.default(0),
        }),
        { ...command.optsWithGlobals(), ...raw },
      );
      const result = await withStore(flags, (store) =>
        store.listResolvedEntities({
          ...(flags.type && { type: flags.type }),
          ...(flags.q && { contains: flags.q }),
          limit: flags.limit,
          offset: flags.offset,
        }),
      );
      if (flags.json) return output.json(result);
      output.out(`${result.total} entit${result.total === 1 ? 'y' : 'ies'}.`);
      for (const e of result.entities) {
        const aliases = e.aliases.map((a) => a.name).filter((n) => n !== e.name);
        output.out(
          `${e.type.padEnd(12)} ${e.name}  (${e.documentCount} doc, ${e.mentionCount} mentions)` +
            (aliases.length
              ? ` aka ${aliases.slice(0, 5).join('; ')}${aliases.length > 5 ? '; …' : ''}`
              : ''),
        );
      }
    });

  const entity = program
    .command('entity')
    .description(
      'Show one entity (names, mentions, co-occurring entities), or merge, split or rename',
    );

  entity
    .command('show', { isDefault: true })
    .description(
      'Show an entity: every name with the documents it came from and why, mentions, neighbours',
    )
    .argument('<name>', 'any of its names, or its id')
    .option('--limit <n>', 'most mentions shown', '20')
    .option('--json', 'print as JSON')
    .action(async (name: string, raw: Record<string, unknown>, command: Command) => {
      const flags = parseOptions(Global.extend({ limit: PositiveInt.default(20) }), {
        ...command.optsWithGlobals(),
        ...raw,
      });
      await withStore(flags, async (store) => {
        const { entity: e, merges } = await findEntity(store, name);
        const mentions = await store.listEntityMentionsById(e.id, { limit: flags.limit });
        const neighbours = await store.listEntityCoOccurrences(e.id, { limit: 15 });
        if (flags.json)
          return output.json({ entity: e, merges, mentions, coOccurring: neighbours });
        const c = process.stdout.isTTY ? pc : pc.createColors(false);
        output.out(`${c.bold(e.name)}  ${c.dim(`${e.type} · ${e.id}`)}`);
        output.out(`${e.documentCount} document(s), ${e.mentionCount} mention(s)`);
        output.out('');
        output.out(c.bold('Names'));
        for (const alias of e.aliases) {
          const docs = alias.documents.map((d) => d.slice(0, 10));
          output.out(
            `  ${alias.name}  ${c.dim(`(${alias.rule}${docs.length ? `; in ${docs.slice(0, 4).join(', ')}${docs.length > 4 ? ', …' : ''}` : ''})`)}`,
          );
        }
        if (merges.length) {
          output.out('');
          output.out(c.bold('Why these names were merged'));
          for (const m of merges) {
            output.out(
              `  ${m.from} → ${m.into}: ${m.rule}${m.evidence ? ` (evidence in ${m.evidence.documentId.slice(0, 10)} at ${m.evidence.start})` : ''}`,
            );
          }
        }
        output.out('');
        output.out(c.bold('Mentions'));
        const texts = new Map<string, string>();
        for (const m of mentions) {
          if (!texts.has(m.documentId))
            texts.set(m.documentId, (await store.getDocument(m.documentId))?.text ?? '');
          output.out(
            `  ${m.documentId.slice(0, 10)} ${context(texts.get(m.documentId)!, m.start, m.end)}`,
          );
        }
        if (neighbours.length) {
          output.out('');
          output.out(c.bold('Mentioned in the same documents'));
          for (const n of neighbours) output.out(`  ${n.name} (${n.type}, ${n.documents} doc)`);
        }
      });
    });

  entity
    .command('merge')
    .description('Record that two entities are one (applied on every later resolution)')
    .argument('<first>', 'a name or id')
    .argument('<second>', 'a name or id')
    .requiredOption('--reason <text>', 'why: kept with the decision')
    .option('--analyst <name>', 'who decides', process.env.USER ?? 'analyst')
    .action(
      async (first: string, second: string, raw: Record<string, unknown>, command: Command) => {
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
      },
    );

  entity
    .command('split')
    .description('Record that a name does not belong to an entity')
    .argument('<entity>', 'the entity (a name or id)')
    .argument('<name>', 'the name to take out of it')
    .requiredOption('--reason <text>', 'why: kept with the decision')
    .option('--analyst <name>', 'who decides', process.env.USER ?? 'analyst')
    .action(
      async (target: string, name: string, raw: Record<string, unknown>, command: Command) => {
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
      },
    );

  entity
    .command('rename')
    .description('Record the name an entity should be shown under')
    .argument('<entity>', 'the entity (a name or id)')
    .argument('<new-name>', 'the name to show')
    .requiredOption('--reason <text>', 'why: kept with the decision')
    .option('--analyst <name>', 'who decides', process.env.USER ?? 'analyst')
    .action(
      async (target: string, newName: string, raw: Record<string, unknown>, command: Command) => {
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
      },
    );
}
