import type { Command } from 'commander';
import pc from 'picocolors';
import { z } from 'zod';
import { runReuse } from '../../pipeline/index.js';
import type { Store } from '../../store/index.js';
import type { Output } from '../context.js';
import { PositiveInt, parseOptions } from '../parse-options.js';
import { withStore } from '../with-store.js';

const ReuseFlags = z.object({
  store: z.string().optional(),
  document: z.string().optional(),
  limit: PositiveInt.default(50),
  json: z.boolean().default(false),
});

async function titleOf(store: Store, id: string): Promise<string> {
  const document = await store.getDocument(id);
  return `${document?.title ?? '(untitled)'} [${id.slice(0, 10)}${document?.publishedAt ? `, ${document.publishedAt.slice(0, 10)}` : ''}]`;
}

/** `crosscheck reuse`. */
export async function findReuse(
  output: Output,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(ReuseFlags, { ...command.optsWithGlobals(), ...raw });
  await withStore(flags, async (store) => {
    const summary = await runReuse(store);
    const documentId = flags.document
      ? ((await store.resolveDocumentId(flags.document)) ?? flags.document)
      : undefined;
    const pairs = await store.listReusePairs({
      ...(documentId && { documentId }),
      limit: flags.limit,
    });
    const passages = await store.listPassageGroups({
      ...(documentId && { documentId }),
      limit: flags.limit,
    });
    if (flags.json) return output.json({ summary, pairs, passages });
    const c = process.stdout.isTTY ? pc : pc.createColors(false);
    output.out(
      `${summary.documents} documents compared in ${summary.seconds.toFixed(1)}s: ${summary.pairs} pair(s) share text ` +
        `(${summary.nearDuplicates} near-duplicate), ${summary.passageGroups} shared passage(s); ` +
        `${summary.aligned} of ${summary.candidates} candidate pair(s) aligned on their texts.`,
    );
    for (const pair of pairs) {
      output.out('');
      output.out(
        `${c.bold(await titleOf(store, pair.a))}\n  ~ ${c.bold(await titleOf(store, pair.b))}\n  similarity ${pair.similarity.toFixed(2)}${pair.nearDuplicate ? ', near-duplicate' : ''}, ${pair.passages.length} shared passage(s)`,
      );
    }
    for (const group of passages) {
      output.out('');
      output.out(
        `${c.yellow(`“${group.text.slice(0, 160)}${group.text.length > 160 ? '…' : ''}”`)} (${group.words} words)`,
      );
      for (const [i, o] of group.occurrences.entries()) {
        output.out(`  ${i === 0 ? 'first in' : 'then in '} ${await titleOf(store, o.documentId)}`);
      }
    }
  });
}
