import type { Command } from 'commander';
import { z } from 'zod';
import { CrosscheckError, TlpLevelSchema } from '../../core/index.js';
import {
  CollectionSlugSchema,
  RoleSchema,
  TitleSchema,
  UsernameSchema,
  collectionStoreLocation,
  openStore,
} from '../../store/index.js';
import type { Output } from '../context.js';
import { parseOptions } from '../parse-options.js';
import { withAccounts } from './server-home.js';

export const HomeFlags = z.object({
  home: z.string().min(1).optional(),
  store: z.string().optional(),
});

const CreateFlags = HomeFlags.extend({
  slug: CollectionSlugSchema,
  title: TitleSchema.optional(),
  tlp: TlpLevelSchema.optional(),
});
const GrantFlags = HomeFlags.extend({
  slug: CollectionSlugSchema,
  user: UsernameSchema,
  role: RoleSchema,
  clearance: TlpLevelSchema.optional(),
});

/** `crosscheck collection create <slug>`. */
export async function createCollection(
  output: Output,
  slug: string,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(CreateFlags, { ...command.optsWithGlobals(), ...raw, slug });
  const created = await withAccounts(flags, async (accounts, server) => {
    const created = await accounts.createCollection(flags);
    // Open (and so create and migrate) its store now, so a bad location fails here.
    await (await openStore(collectionStoreLocation(server, created.slug))).close();
    return created;
  });
  output.out(
    `Created collection ${created.slug} (TLP:${created.tlp}). ` +
      `Add members: crosscheck collection grant ${created.slug} <user> --role analyst`,
  );
}

/** `crosscheck collection grant <slug> <user>`. */
export async function grantMembership(
  output: Output,
  slug: string,
  user: string,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(GrantFlags, { ...command.optsWithGlobals(), ...raw, slug, user });
  const membership = await withAccounts(flags, (accounts) =>
    accounts.grant({
      collection: flags.slug,
      username: flags.user,
      role: flags.role,
      clearance: flags.clearance,
    }),
  );
  output.out(
    `${membership.username} is now ${membership.role} of ${membership.collection}, ` +
      `cleared up to TLP:${membership.clearance}.`,
  );
}

/** `crosscheck collection revoke <slug> <user>`. */
export async function revokeMembership(
  output: Output,
  slug: string,
  user: string,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(
    HomeFlags.extend({ slug: CollectionSlugSchema, user: UsernameSchema }),
    {
      ...command.optsWithGlobals(),
      ...raw,
      slug,
      user,
    },
  );
  const removed = await withAccounts(flags, (accounts) =>
    accounts.revokeMembership(flags.slug, flags.user),
  );
  if (!removed) {
    throw new CrosscheckError('NOT_FOUND', `${flags.user} is not a member of ${flags.slug}`);
  }
  output.out(`${flags.user} is no longer a member of ${flags.slug}.`);
}

/** `crosscheck collection list`. */
export async function listCollections(
  output: Output,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(HomeFlags.extend({ json: z.boolean().default(false) }), {
    ...command.optsWithGlobals(),
    ...raw,
  });
  const listing = await withAccounts(flags, async (accounts) => {
    const out = [];
    for (const c of await accounts.listCollections()) {
      out.push({ ...c, members: await accounts.listMembers(c.slug) });
    }
    return out;
  });
  if (flags.json) return output.json(listing);
  for (const c of listing) {
    output.out(`${c.slug}\tTLP:${c.tlp}\t${c.title}`);
    for (const m of c.members) output.out(`  ${m.username}\t${m.role}\tup to TLP:${m.clearance}`);
  }
}
