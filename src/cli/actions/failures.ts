import type { Command } from 'commander';
import { z } from 'zod';
import type { Output } from '../context.js';
import { PositiveInt, parseOptions } from '../parse-options.js';
import { withStore } from '../with-store.js';

const FailuresFlags = z.object({
  store: z.string().optional(),
  run: z.string().optional(),
  limit: PositiveInt.default(1000),
  json: z.boolean().default(false),
});

/** `crosscheck failures`. */
export async function listFailures(
  output: Output,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(FailuresFlags, { ...command.optsWithGlobals(), ...raw });
  const failures = await withStore(flags, (store) =>
    store.listFailures({ ...(flags.run && { runId: flags.run }), limit: flags.limit }),
  );
  if (flags.json) return output.json(failures);
  if (failures.length === 0) return output.out('No failures logged.');
  for (const f of failures) {
    const where = [
      f.line !== null && `line ${f.line}`,
      f.byteOffset !== null && `byte ${f.byteOffset}`,
    ]
      .filter(Boolean)
      .join(', ');
    output.out(`${f.path}${where ? ` (${where})` : ''}`);
    output.out(`  ${f.code} by ${f.parser}: ${f.reason}`);
    if (f.hint) output.out(`  what to do: ${f.hint}`);
  }
  output.out(`${failures.length} failure(s).`);
}
