import type { Command } from 'commander';
import type { Output } from '../context.js';
import { parseOptions, StoreJsonFlags } from '../parse-options.js';
import { withStore } from '../with-store.js';

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** `crosscheck stats`. */
export async function showStats(
  output: Output,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(StoreJsonFlags, { ...command.optsWithGlobals(), ...raw });
  const stats = await withStore(flags, (store) => store.stats());
  if (flags.json) return output.json(stats);
  output.out(`Documents: ${stats.documents}`);
  for (const [kind, n] of Object.entries(stats.byKind)) output.out(`  ${kind}: ${n}`);
  output.out('Languages:');
  for (const [language, n] of Object.entries(stats.byLanguage)) output.out(`  ${language}: ${n}`);
  output.out(`Failures logged: ${stats.failures} (over ${stats.runs} ingest run(s))`);
  output.out(`Text: ${formatBytes(stats.textBytes)}`);
  if (stats.storeBytes !== null) output.out(`Store on disk: ${formatBytes(stats.storeBytes)}`);
}
