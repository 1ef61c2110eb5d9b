import { z } from 'zod';
import { UsageError } from '../../core/index.js';
import { ROLES } from './types.js';

/**
 * Lowercase letters, digits and inner hyphens. The slug names a file (`<slug>.sqlite`) and a
 * PostgreSQL schema (`c_<slug>` with `-` as `_`), so anything that could leave a folder or break
 * out of an identifier is impossible by construction; no underscore, so the schema mapping is
 * one-to-one.
 */
export const CollectionSlugSchema = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, {
  message: 'Use 1–40 lowercase letters, digits and inner hyphens (e.g. case-42)',
});

export const UsernameSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, {
  message: 'Use 1–63 lowercase letters, digits, dots, hyphens and underscores',
});

export const RoleSchema = z.enum(ROLES as [(typeof ROLES)[number], ...(typeof ROLES)[number][]]);
export const LabelSchema = z.string().trim().max(100);
export const TitleSchema = z.string().trim().min(1).max(200);

/** Parses at the store's own door too: the CLI and the API validate, but the store must not trust them. */
export function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new UsageError(
      'INVALID_ARGUMENT',
      `Invalid ${what} ${JSON.stringify(value)}: ${result.error.issues[0]?.message ?? 'invalid'}`,
      { hint: `Check the ${what} and try again.` },
    );
  }
  return result.data;
}
