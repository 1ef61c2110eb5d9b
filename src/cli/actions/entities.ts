import type { Command } from 'commander';
import pc from 'picocolors';
import { z } from 'zod';
import { CrosscheckError } from '../../core/index.js';
import type { EntityDocumentsOption, EntityRecord, Store } from '../../store/index.js';
import type { Output } from '../context.js';
import { NonNegativeInt, PositiveInt, parseOptions, StoreJsonFlags } from '../parse-options.js';
import { withStore } from '../with-store.js';

const EntityType = z.enum(['person', 'organization', 'place']);

/** The entity by id or name; with no name's documents unless asked (decisions need the names). */
export async function findEntity(
  store: Store,
  idOrName: string,
  options: EntityDocumentsOption = { documentsPerName: 0 },
): Promise<EntityRecord> {
  const record = await store.getResolvedEntity(idOrName, options);
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

/** `crosscheck entities`. */
export async function listEntities(
  output: Output,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(
    StoreJsonFlags.extend({
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
      // A listing, as the API's: each name's first 20 documents and its documentCount.
      documentsPerName: 20,
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
}

/** `crosscheck entity [show] <name>`. */
export async function showEntity(
  output: Output,
  name: string,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(StoreJsonFlags.extend({ limit: PositiveInt.default(20) }), {
    ...command.optsWithGlobals(),
    ...raw,
  });
  await withStore(flags, async (store) => {
    // Each name's first 20 documents and their count: a corpus-wide name is in most documents.
    const { entity: e, merges } = await findEntity(store, name, { documentsPerName: 20 });
    const mentions = await store.listEntityMentionsById(e.id, { limit: flags.limit });
    const neighbours = await store.listEntityCoOccurrences(e.id, { limit: 15 });
    if (flags.json) return output.json({ entity: e, merges, mentions, coOccurring: neighbours });
    const c = process.stdout.isTTY ? pc : pc.createColors(false);
    output.out(`${c.bold(e.name)}  ${c.dim(`${e.type} · ${e.id}`)}`);
    output.out(`${e.documentCount} document(s), ${e.mentionCount} mention(s)`);
    output.out('');
    output.out(c.bold('Names'));
    for (const alias of e.aliases) {
      const docs = alias.documents.map((d) => d.slice(0, 10));
      output.out(
        `  ${alias.name}  ${c.dim(`(${alias.rule}${docs.length ? `; in ${docs.slice(0, 4).join(', ')}${alias.documentCount > 4 ? ', …' : ''}` : ''})`)}`,
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
        texts.set(m.documentId, (await store.getDocumentText(m.documentId)) ?? '');
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
}
