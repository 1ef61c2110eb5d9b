import type { Command } from 'commander';
import { z } from 'zod';
import { CollectionSlugSchema } from '../../store/index.js';
import type { Output } from '../context.js';
import { parseOptions } from '../parse-options.js';
import { withAccounts } from './server-home.js';

const AuditFlags = z.object({
  home: z.string().min(1).optional(),
  store: z.string().optional(),
  collection: CollectionSlugSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  json: z.boolean().default(false),
});

/** `crosscheck audit`: who read, changed or exported what, newest first. */
export async function showAudit(
  output: Output,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(AuditFlags, { ...command.optsWithGlobals(), ...raw });
  const entries = await withAccounts(flags, (accounts) =>
    accounts.listAudit({ collection: flags.collection, limit: flags.limit }),
  );
  if (flags.json) return output.json(entries);
  for (const e of entries) {
    output.out(
      [e.at, e.username ?? '-', e.collection ?? '-', e.action, e.method, e.target, e.status].join(
        '\t',
      ),
    );
  }
}
