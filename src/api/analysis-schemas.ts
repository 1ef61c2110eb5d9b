import { z } from 'zod';
import { KindSchema } from './schemas.js';

/**
 * The wire format of what extraction and text reuse found: a document's extraction and shared
 * passages, the timeline, the map, entities and the link chart. Kept apart from schemas.ts, which
 * describes documents, search and ingest.
 */

export const ENTITY_TYPES = ['person', 'organization', 'place'] as const;
export const EntityTypeSchema = z.enum(ENTITY_TYPES);

const IsoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD');

const Span = { start: z.number().int(), end: z.number().int() };

export const GeoPointSchema = z.object({
  lat: z.number(),
  lon: z.number(),
  country: z.string(),
  admin1: z.string().optional(),
  gazetteerId: z.string(),
});

export const ExtractionSchema = z.object({
  mentions: z.array(
    z.object({
      ...Span,
      text: z.string(),
      type: EntityTypeSchema,
      normalized: z.string(),
      confidence: z.number(),
      source: z.string(),
      geo: GeoPointSchema.optional(),
    }),
  ),
  dates: z.array(
    z.object({
      ...Span,
      text: z.string(),
      value: z.string(),
      precision: z.enum(['year', 'month', 'day']),
      relative: z.boolean(),
    }),
  ),
  figures: z.array(
    z.object({
      ...Span,
      text: z.string(),
      value: z.number(),
      unit: z.string().nullable(),
      about: z.string().nullable(),
    }),
  ),
  quotes: z.array(
    z.object({
      ...Span,
      text: z.string(),
      speaker: z.string().nullable(),
      speakerStart: z.number().int().optional(),
      speakerEnd: z.number().int().optional(),
      verb: z.string().nullable(),
      saidOn: z.string().nullable(),
    }),
  ),
  claims: z.array(
    z.object({
      ...Span,
      text: z.string(),
      speaker: z.string().nullable(),
      speakerStart: z.number().int().optional(),
      speakerEnd: z.number().int().optional(),
      verb: z.string(),
    }),
  ),
  sourcesCited: z.array(z.object({ ...Span, name: z.string(), cue: z.string() })),
});

export const ExtractionResponseSchema = z.object({
  documentId: z.string(),
  extractorVersion: z.string(),
  extractedAt: z.string(),
  extraction: ExtractionSchema,
});

/** Another document carrying a passage, named so the reader can link to it. */
const ReuseOccurrenceSchema = z.object({
  documentId: z.string(),
  title: z.string().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  date: z.string().nullable(),
});

export const ReuseResponseSchema = z.object({
  /** Documents sharing passages with this one, most similar first. */
  pairs: z.array(
    z.object({
      otherId: z.string(),
      otherTitle: z.string().nullable(),
      similarity: z.number(),
      nearDuplicate: z.boolean(),
      /** Spans in this document and in the other one. */
      passages: z.array(
        z.object({
          text: z.string(),
          words: z.number().int(),
          start: z.number().int(),
          end: z.number().int(),
          otherStart: z.number().int(),
          otherEnd: z.number().int(),
        }),
      ),
    }),
  ),
  /** Passages this document carries, with every document carrying them, earliest first. */
  passages: z.array(
    z.object({
      id: z.number().int(),
      text: z.string(),
      words: z.number().int(),
      occurrences: z.array(ReuseOccurrenceSchema),
    }),
  ),
});

export const TimelineQuerySchema = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(2000),
});

export const TimelineResponseSchema = z.object({
  events: z.array(
    z.object({
      documentId: z.string(),
      documentTitle: z.string().nullable(),
      value: z.string(),
      precision: z.enum(['year', 'month', 'day']),
      text: z.string(),
      start: z.number().int(),
      end: z.number().int(),
    }),
  ),
  /** The publication dates of the documents those events come from. */
  documents: z.array(
    z.object({
      id: z.string(),
      title: z.string().nullable(),
      kind: KindSchema,
      publishedAt: z.string(),
    }),
  ),
});

export const PlacesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});

export const PlaceSchema = z.object({
  name: z.string(),
  lat: z.number(),
  lon: z.number(),
  country: z.string(),
  admin1: z.string().nullable(),
  gazetteerId: z.string(),
  mentions: z.number().int(),
  documents: z.number().int(),
});

export const PlacesResponseSchema = z.object({ places: z.array(PlaceSchema) });

export const EntitySummarySchema = z.object({
  type: EntityTypeSchema,
  name: z.string(),
  mentions: z.number().int(),
  documents: z.number().int(),
});

export const EntitiesQuerySchema = z.object({
  type: EntityTypeSchema.optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const EntitiesResponseSchema = z.object({
  total: z.number().int(),
  entities: z.array(EntitySummarySchema),
});

/** An entity is named by its type and name today; a resolved entity id can replace both later. */
export const EntityParamsSchema = z.object({
  type: EntityTypeSchema,
  name: z.string().min(1).max(500),
});

export const EntityQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const EntityResponseSchema = z.object({
  entity: EntitySummarySchema,
  /** The spellings the text uses for it, most frequent first. */
  surfaceForms: z.array(z.object({ text: z.string(), count: z.number().int() })),
  mentions: z.array(
    z.object({
      documentId: z.string(),
      documentTitle: z.string().nullable(),
      start: z.number().int(),
      end: z.number().int(),
      text: z.string(),
      /** Plain text around the mention, cut from the document. */
      context: z.object({ before: z.string(), match: z.string(), after: z.string() }),
    }),
  ),
  documents: z.array(
    z.object({ id: z.string(), title: z.string().nullable(), mentions: z.number().int() }),
  ),
  coOccurring: z.array(EntitySummarySchema),
  /** How many of its documents `coOccurring` was counted over: its first 5,000 at most. */
  coOccurringOver: z.number().int(),
  /** Where a place is, when the gazetteer knew it. */
  geo: GeoPointSchema.nullable(),
});

export const GraphQuerySchema = z.object({
  type: EntityTypeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(60),
  /** Only documents published from this date (inclusive; YYYY, YYYY-MM or YYYY-MM-DD). */
  from: IsoDate.optional(),
  /** Only documents published up to this date (inclusive). */
  to: IsoDate.optional(),
});

export const GraphNodeSchema = z.object({
  id: z.string(),
  kind: z.enum(['entity', 'document']),
  /** For entities: person, organization or place. */
  type: EntityTypeSchema.nullable(),
  label: z.string(),
  /** Entities: documents mentioning them; documents: entities of the chart they mention. */
  weight: z.number().int(),
});

export const GraphEdgeSchema = z.object({
  source: z.string(),
  target: z.string(),
  kind: z.enum(['mention', 'co-occurrence']),
  /** Mentions: times the document names the entity; co-occurrence: documents shared. */
  weight: z.number().int(),
});

export const GraphResponseSchema = z.object({
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
  /** True when documents or edges were left out to keep the chart readable. */
  truncated: z.boolean(),
});
