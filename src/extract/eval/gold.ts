import { z } from 'zod';

/** The per-document gold file (see ../shared/corpus/gold/README.md). Validated at the edge. */
export const goldEntitySchema = z.object({
  type: z.enum(['person', 'organization', 'place']),
  name: z.string(),
  mentions: z.array(z.string()).default([]),
  also_known_as: z.array(z.string()).optional(),
});

export const goldDocumentSchema = z.object({
  document: z.string(),
  language: z.string().optional(),
  published: z.string().nullable().optional(),
  entities: z.array(goldEntitySchema).default([]),
  quotes: z
    .array(
      z.object({
        speaker: z.string(),
        text: z.string(),
        said_on: z.string().nullable().optional(),
      }),
    )
    .default([]),
  dated_events: z
    .array(
      z.object({
        date: z.string(),
        precision: z.enum(['year', 'month', 'day']),
        what: z.string().optional(),
      }),
    )
    .default([]),
  figures: z
    .array(
      z.object({
        value: z.number(),
        unit: z.string().nullable().optional(),
        about: z.string().nullable().optional(),
        text: z.string().optional(),
      }),
    )
    .default([]),
  sources_cited: z.array(z.string()).default([]),
});

export type GoldEntity = z.infer<typeof goldEntitySchema>;
export type GoldDocument = z.infer<typeof goldDocumentSchema>;
