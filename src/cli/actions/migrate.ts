import { z } from 'zod';
import { CrosscheckError } from '../../core/index.js';
import { migrateStore } from '../../pipeline/index.js';
import { openStore } from '../../store/index.js';
import type { Output } from '../context.js';
import { parseOptions } from '../parse-options.js';

const Flags = z.object({
  from: z.string().min(1),
  to: z.string().min(1),
  json: z.boolean().default(false),
});

/** `crosscheck migrate --from <location> --to <location>`. */
export async function migrateCase(output: Output, raw: Record<string, unknown>): Promise<void> {
  const flags = parseOptions(Flags, raw);
  if (flags.from === flags.to) {
    throw new CrosscheckError('INVALID_ARGUMENT', 'A store cannot be migrated into itself', {
      hint: 'Give --to another SQLite file or PostgreSQL schema (?schema=…).',
    });
  }
  const source = await openStore(flags.from);
  try {
    const target = await openStore(flags.to);
    try {
      const report = await migrateStore(source, target);
      if (flags.json) output.json(report);
      else {
        output.out(`Migrated in ${report.seconds.toFixed(1)}s.`);
        for (const key of Object.keys(report.source) as Array<keyof typeof report.source>) {
          output.out(
            `  ${key.padEnd(16)} ${String(report.source[key]).padStart(8)} → ${report.target[key]}`,
          );
        }
        output.out(
          report.complete ? 'Every count matches: nothing was lost.' : 'COUNTS DIFFER: see above.',
        );
      }
      if (!report.complete) process.exitCode = 1;
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
