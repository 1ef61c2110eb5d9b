import { z } from 'zod';

/**
 * Limits that protect the user from hostile or broken input. Leaked material includes zip bombs,
 * multi-gigabyte junk and attachments nested inside attachments; every limit is configurable.
 */
export const IngestLimitsSchema = z.object({
  /** Largest single file (or archive member, or attachment) read, in bytes. */
  maxFileBytes: z
    .number()
    .int()
    .positive()
    .default(256 * 1024 * 1024),
  /** Largest total uncompressed size of one archive, in bytes. */
  maxArchiveExpandedBytes: z
    .number()
    .int()
    .positive()
    .default(2 * 1024 * 1024 * 1024),
  /** Most entries read from one archive. */
  maxArchiveEntries: z.number().int().positive().default(100_000),
  /** Largest compression ratio of an archive member before it is treated as a bomb. */
  maxCompressionRatio: z.number().positive().default(200),
  /** How deep archives in archives and attachments in attachments are followed. */
  maxDepth: z.number().int().min(0).default(5),
  /** Longest text kept from one document, in characters; the rest is cut and noted. */
  maxTextChars: z.number().int().positive().default(20_000_000),
});
export type IngestLimits = z.infer<typeof IngestLimitsSchema>;

export const IngestOptionsSchema = z.object({
  limits: IngestLimitsSchema.default(IngestLimitsSchema.parse({})),
  /** CSV / JSON Lines: the column (or key) holding each row's text. */
  textColumn: z.string().min(1).optional(),
  /** CSV / JSON Lines: the column holding each row's title. */
  titleColumn: z.string().min(1).optional(),
  /** CSV / JSON Lines: the column holding each row's date. */
  dateColumn: z.string().min(1).optional(),
  /** OCR pages without a text layer when `tesseract` is installed. */
  ocr: z.boolean().default(true),
});
export type IngestOptions = z.infer<typeof IngestOptionsSchema>;

export function defaultIngestOptions(): IngestOptions {
  return IngestOptionsSchema.parse({});
}
