import { z } from 'zod';
import { SUPPORTED_LANGUAGES, TLP_LEVELS } from '../core/index.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../ingest/index.js';

/**
 * The API's wire format as zod schemas: they validate what comes in, filter what goes out, and
 * are the source of the OpenAPI description at /api/openapi.json.
 */

export const LANGUAGES = [...SUPPORTED_LANGUAGES, 'und'] as const;
const Kinds = DOCUMENT_KINDS as readonly [DocumentKind, ...DocumentKind[]];

export const LanguageSchema = z.enum(LANGUAGES);
export const KindSchema = z.enum(Kinds);

/** `lang=en,es` and `lang=en&lang=es` both mean the same list. */
function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((v) => String(v).split(','))
        .map((v) => v.trim())
        .filter(Boolean),
    z.array(item).max(20),
  );
}

/**
 * `entity=a&entity=b`: repeated only, never split on commas, because entity ids and sources
 * (bylines such as "Smith, John") may themselves contain commas.
 */
function repeatedOf<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) =>
      (Array.isArray(value) ? value : [value]).map((v) => String(v).trim()).filter(Boolean),
    z.array(item).max(20),
  );
}

const IsoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD');

export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'the query is empty').max(2000),
  lang: listOf(LanguageSchema).optional(),
  type: listOf(KindSchema).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** Resolved entity ids: documents mentioning all of them. */
  entity: repeatedOf(z.string().max(500)).optional(),
  /** Sources (intel source code, sender address or byline): documents from any of them. */
  source: repeatedOf(z.string().max(500)).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  /** Counting per language and type costs one query per value; callers paging can skip it. */
  facets: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export const SnippetPartSchema = z.object({ text: z.string(), match: z.boolean() });

export const SearchHitSchema = z.object({
  id: z.string(),
  kind: KindSchema,
  title: z.string().nullable(),
  language: LanguageSchema,
  publishedAt: z.string().nullable(),
  tlp: z.enum(TLP_LEVELS),
  origin: z.string(),
  score: z.number(),
  snippet: z.array(SnippetPartSchema),
});

export const FacetsSchema = z.object({
  language: z.record(z.string(), z.number().int()),
  type: z.record(z.string(), z.number().int()),
  /** Top entities among the matches (every filter applied), most documents first. */
  entity: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.enum(['person', 'organization', 'place']),
      count: z.number().int(),
    }),
  ),
  /** Top sources among the matches (the source filter left out), most documents first. */
  source: z.array(z.object({ source: z.string(), count: z.number().int() })),
  /**
   * True when some counts cover only part of the matches: entities and sources the best-ranked
   * 1,000; past 10,000 matches, languages and types 10,000 of them (on the embedded store the
   * most recently added).
   */
  sampled: z.boolean(),
});

export const SearchResponseSchema = z.object({
  total: z.number().int(),
  totalIsLowerBound: z
    .boolean()
    .describe('More documents match than were counted: `total` is "at least".'),
  rankedAmong: z
    .number()
    .int()
    .nullable()
    .describe(
      'When very many documents match, the hits are the best-ranked of this many most recently added matches; null when all were ranked.',
    ),
  hits: z.array(SearchHitSchema),
  facets: FacetsSchema.nullable(),
});

export const DocumentIdParamsSchema = z.object({
  id: z
    .string()
    .regex(/^[0-9a-fA-F]{6,64}$/, 'expected a document id or its first 6+ hex characters'),
});

const EmailSchema = z.object({
  messageId: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  threadId: z.string().nullable(),
  from: z.string().nullable(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  subject: z.string().nullable(),
  sentAt: z.string().nullable(),
});

const IntelSchema = z.object({
  code: z.string().nullable(),
  publication: z.string().nullable(),
  attribution: z.string().nullable(),
  sourceDescription: z.string().nullable(),
  sourceReliability: z.string().nullable(),
  itemCredibility: z.string().nullable(),
  specialHandling: z.string().nullable(),
  sourceHandler: z.string().nullable(),
  subjectType: z.string().nullable(),
  subjectCountry: z.string().nullable(),
  subjectTopic: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
});

export const LinkSchema = z.object({
  parentId: z.string(),
  childId: z.string(),
  relation: z.enum(['attachment', 'embedded']),
  name: z.string().nullable(),
  /** The title of the document at the other end of the link, so a reader can show it. */
  title: z.string().nullable(),
});

export const DocumentResponseSchema = z.object({
  id: z.string(),
  kind: KindSchema,
  title: z.string().nullable(),
  text: z.string(),
  language: LanguageSchema,
  publishedAt: z.string().nullable(),
  byline: z.string().nullable(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  origins: z.array(z.string()),
  email: EmailSchema.nullable(),
  intel: IntelSchema.nullable(),
  metadata: z.record(z.string(), z.unknown()),
  ingestedAt: z.string(),
  /** The document's TLP 2.0 marking: who it may be shared with. */
  tlp: z.enum(TLP_LEVELS),
  links: z.object({ parents: z.array(LinkSchema), children: z.array(LinkSchema) }),
});

export const StatsResponseSchema = z.object({
  documents: z.number().int(),
  byKind: z.record(z.string(), z.number().int()),
  byLanguage: z.record(z.string(), z.number().int()),
  failures: z.number().int(),
  runs: z.number().int(),
  textBytes: z.number().int(),
  storeBytes: z.number().int().nullable(),
});

export const FailureSchema = z.object({
  path: z.string(),
  parser: z.string(),
  code: z.string(),
  reason: z.string(),
  hint: z.string().nullable(),
  byteOffset: z.number().int().nullable(),
  line: z.number().int().nullable(),
});

export const LoggedFailureSchema = FailureSchema.extend({ runId: z.string(), at: z.string() });

export const FailuresQuerySchema = z.object({
  run: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
});

export const RunSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  inputs: z.array(z.string()),
  succeeded: z.number().int(),
  failed: z.number().int(),
  duplicates: z.number().int(),
});

export const RunsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(20),
});

export const HealthResponseSchema = z.object({
  status: z.literal('ok'),
  store: z.enum(['sqlite', 'postgres']),
});

export const ErrorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), hint: z.string().nullable() }),
});

export const UploadQuerySchema = z.object({
  name: z.string().min(1).max(255),
});

export const ProgressSchema = z.object({
  totalFiles: z.number().int(),
  totalBytes: z.number().int(),
  filesDone: z.number().int(),
  bytesDone: z.number().int(),
  documentsStored: z.number().int(),
  duplicates: z.number().int(),
  failures: z.number().int(),
  skippedFiles: z.number().int(),
  currentPath: z.string().nullable(),
  elapsedSeconds: z.number(),
});

export const SummarySchema = z.object({
  runId: z.string(),
  stored: z.number().int(),
  duplicates: z.number().int(),
  skippedFiles: z.number().int(),
  failures: z.array(FailureSchema),
  files: z.number().int(),
  bytes: z.number().int(),
  seconds: z.number(),
});

export const JobSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  createdAt: z.string(),
  progress: ProgressSchema.nullable(),
  summary: SummarySchema.nullable(),
  error: z
    .object({ code: z.string(), message: z.string(), hint: z.string().nullable() })
    .nullable(),
});

export const JobIdParamsSchema = z.object({ id: z.string().uuid('expected a job id') });

/** Every error status a route can answer with shares one shape. */
export const errorResponses = {
  400: ErrorResponseSchema,
  404: ErrorResponseSchema,
  500: ErrorResponseSchema,
} as const;
