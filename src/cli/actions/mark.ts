import type { Command } from 'commander';
import { CrosscheckError, TlpLevelSchema } from '../../core/index.js';
import type { Output } from '../context.js';
import { parseOptions, StoreJsonFlags } from '../parse-options.js';
import { withStore } from '../with-store.js';
import { findDocument } from './show.js';

/** `crosscheck mark <id> <level>`: an analyst's TLP marking for a document. */
export async function markDocument(
  output: Output,
  idOrPrefix: string,
  rawLevel: string,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(StoreJsonFlags, { ...command.optsWithGlobals(), ...raw });
  const parsed = TlpLevelSchema.safeParse(rawLevel);
  if (!parsed.success) {
    throw new CrosscheckError('INVALID_ARGUMENT', `Unknown TLP level "${rawLevel}"`, {
      hint: 'Use one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED.',
    });
  }
  const level = parsed.data;
  const result = await withStore(flags, async (store) => {
    const document = await findDocument(store, idOrPrefix);
    await store.setDocumentTlp(document.id, level);
    return { id: document.id, title: document.title, from: document.tlp, to: level };
  });
  if (flags.json) return output.json(result);
  output.out(
    result.from === result.to
      ? `${result.id.slice(0, 12)} is already TLP:${level}.`
      : `${result.id.slice(0, 12)} ${result.title ?? '(untitled)'}: TLP:${result.from} → TLP:${level}`,
  );
}
