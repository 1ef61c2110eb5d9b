import { z } from 'zod';
import { UsageError } from '../core/index.js';

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1024,
  mb: 1024 ** 2,
  gb: 1024 ** 3,
  tb: 1024 ** 4,
};

/** `512MB`, `2 GB`, `1048576` → bytes. */
export const ByteSize = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?\s*(b|kb|mb|gb|tb)?$/i, 'a size such as 500MB, 2GB or 1048576')
  .transform((value) => {
    const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value)!;
    return Math.round(Number(match[1]) * (UNITS[(match[2] || 'b').toLowerCase()] ?? 1));
  });

/** The flags every command that reads one store takes: which store, and JSON output. */
export const StoreJsonFlags = z.object({
  store: z.string().optional(),
  json: z.boolean().default(false),
});

export const PositiveInt = z.coerce.number().int().positive();
export const NonNegativeInt = z.coerce.number().int().min(0);
export const IsoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD');

/** Validates a command's options; a bad flag becomes a UsageError naming the flag. */
export function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const flag = issue.path.length
    ? `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
    : 'input';
  throw new UsageError('INVALID_ARGUMENT', `Invalid value for ${flag}: ${issue.message}`, {
    hint: 'Run the command with --help to see the accepted values.',
  });
}
