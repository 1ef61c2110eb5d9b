import type { Command } from 'commander';
import type { Output } from '../context.js';
import { parseOptions, StoreJsonFlags } from '../parse-options.js';
import { withStore } from '../with-store.js';
import { formatBytes } from './stats.js';

/** `crosscheck compact`. */
export async function compactStore(
  output: Output,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(StoreJsonFlags, { ...command.optsWithGlobals(), ...raw });
  const sizes = await withStore(flags, (store) => store.compact());
  if (flags.json) return output.json(sizes);
  output.out(
    `Compacted the store: ${formatBytes(sizes.beforeBytes)} → ${formatBytes(sizes.afterBytes)} ` +
      `(${formatBytes(Math.max(0, sizes.beforeBytes - sizes.afterBytes))} given back).`,
  );
}
