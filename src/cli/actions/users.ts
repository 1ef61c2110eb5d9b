import type { Command } from 'commander';
import { z } from 'zod';
import { CrosscheckError } from '../../core/index.js';
import { LabelSchema, UsernameSchema } from '../../store/index.js';
import type { Output } from '../context.js';
import { parseOptions } from '../parse-options.js';
import { withAccounts } from './server-home.js';

const HomeFlags = z.object({ home: z.string().min(1).optional(), store: z.string().optional() });

const UserAddFlags = HomeFlags.extend({
  name: UsernameSchema,
  displayName: LabelSchema.optional(),
  admin: z.boolean().default(false),
});

const TokenCreateFlags = HomeFlags.extend({ user: UsernameSchema, label: LabelSchema.default('') });
const TokenRevokeFlags = HomeFlags.extend({ id: z.string().regex(/^[0-9a-f]{16}$/, 'a token id') });

/** `crosscheck user add <name>`. */
export async function addUser(
  output: Output,
  name: string,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(UserAddFlags, { ...command.optsWithGlobals(), ...raw, name });
  const account = await withAccounts(flags, (accounts) =>
    accounts.createUser({
      username: flags.name,
      displayName: flags.displayName,
      serverAdmin: flags.admin,
    }),
  );
  output.out(
    `Created ${account.serverAdmin ? 'server admin' : 'user'} ${account.username}. ` +
      `Give them a token: crosscheck token create ${account.username}`,
  );
}

/** `crosscheck user list`. */
export async function listUsers(
  output: Output,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(HomeFlags.extend({ json: z.boolean().default(false) }), {
    ...command.optsWithGlobals(),
    ...raw,
  });
  const users = await withAccounts(flags, (accounts) => accounts.listUsers());
  if (flags.json) return output.json(users);
  for (const u of users) {
    output.out(`${u.username}\t${u.displayName}${u.serverAdmin ? '\t(server admin)' : ''}`);
  }
}

/** `crosscheck token create <user>`: prints the secret, once. */
export async function createToken(
  output: Output,
  name: string,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(TokenCreateFlags, {
    ...command.optsWithGlobals(),
    ...raw,
    user: name,
  });
  const created = await withAccounts(flags, (accounts) =>
    accounts.createToken(flags.user, flags.label),
  );
  output.err(
    `Token ${created.token.id} for ${flags.user}. The secret below is shown only now; ` +
      'send it as "Authorization: Bearer <secret>".',
  );
  output.out(created.secret);
}

/** `crosscheck token list <user>`. */
export async function listTokens(
  output: Output,
  name: string,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(HomeFlags.extend({ user: UsernameSchema }), {
    ...command.optsWithGlobals(),
    ...raw,
    user: name,
  });
  const tokens = await withAccounts(flags, (accounts) => accounts.listTokens(flags.user));
  for (const t of tokens) {
    output.out(
      `${t.id}\t${t.label || '-'}\tcreated ${t.createdAt}\tlast used ${t.lastUsedAt ?? 'never'}` +
        (t.revokedAt ? `\tREVOKED ${t.revokedAt}` : ''),
    );
  }
}

/** `crosscheck token revoke <id>`. */
export async function revokeToken(
  output: Output,
  id: string,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(TokenRevokeFlags, { ...command.optsWithGlobals(), ...raw, id });
  const revoked = await withAccounts(flags, (accounts) => accounts.revokeToken(flags.id));
  if (!revoked) {
    throw new CrosscheckError('NOT_FOUND', `No live token has the id ${flags.id}`, {
      hint: 'List tokens with `crosscheck token list <user>`.',
    });
  }
  output.out(`Revoked token ${flags.id}.`);
}
