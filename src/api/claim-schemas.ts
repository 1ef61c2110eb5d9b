import { z } from 'zod';
import { EntitiesQuerySchema, EntityTypeSchema } from './analysis-schemas.js';

/**
 * The wire format of the analyst's workbench: traced claims with their Admiralty grades, the
 * analysts' grades, resolved entities with their decisions, and competing hypotheses.
 */

export const RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const;
export const ReliabilitySchema = z.enum(RELIABILITIES);
export const CredibilitySchema = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
  z.literal(6),
]);
export const MarkSchema = z.enum(['consistent', 'inconsistent', 'neutral']);

/** Why an analyst decided: required, bounded, never empty. */
const Reason = z.string().trim().min(3, 'say why in a few words').max(2000);
/** Single-user embedded mode: no accounts yet, so the analyst names themselves (or not). */
const Analyst = z.string().trim().min(1).max(100).default('analyst');
const ClaimId = z
  .string()
  .regex(/^[0-9a-f]{6,64}$/, 'expected a claim id or its first 6+ hex characters');

// ---- Claims -------------------------------------------------------------------------------

const ClaimMemberSchema = z.object({
  documentId: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  kind: z.enum(['quote', 'claim', 'reprint']),
  speaker: z.string().nullable(),
  date: z.string().nullable(),
  saidOn: z.string().nullable(),
  citedSource: z.string().nullable(),
  citedCue: z.string().nullable(),
  citedScope: z.enum(['attribution', 'nearby', 'document']).nullable(),
  // Absent from clusters traced before members could enclose the words.
  encloses: z.boolean().optional(),
});

/**
 * In listings, `members`, `documents`, `chain`, `reasoning` and `originGroups` (and each group's
 * `documentIds`) hold their first 20 entries, plus all about the listed document when a listing
 * is a document's; `memberCount` and `documentCount` are the totals. `/api/claims/{id}` lists all.
 */
export const ClaimClusterSchema = z.object({
  id: z.string(),
  kind: z.enum(['quote', 'claim']),
  text: z.string(),
  speaker: z.string().nullable(),
  members: z.array(ClaimMemberSchema),
  memberCount: z.number().int(),
  documentCount: z.number().int(),
  documents: z.array(
    z.object({
      id: z.string(),
      title: z.string().nullable(),
      date: z.string().nullable(),
      kind: z.string(),
    }),
  ),
  earliest: z.object({ documentId: z.string(), date: z.string().nullable() }),
  origin: z.object({
    speaker: z.string().nullable(),
    documentId: z.string().nullable(),
    date: z.string().nullable(),
    datedBy: z.string().nullable(),
    description: z.string(),
  }),
  /** Provenance edges, upstream to downstream: `to` quotes, cites or reprints `from`. */
  chain: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      relation: z.enum(['quotes', 'cites', 'reprints']),
    }),
  ),
  originGroups: z.array(
    z.object({ speaker: z.string().nullable(), documentIds: z.array(z.string()) }),
  ),
  independentOrigins: z.number().int(),
  circular: z.boolean(),
  reasoning: z.array(
    z.object({
      documentId: z.string(),
      reason: z.string(),
      basedOn: z.string().nullable(),
      explanation: z.string(),
    }),
  ),
  summary: z.string(),
});

const AnalystGradeSchema = z.object({
  reliability: ReliabilitySchema.optional(),
  credibility: CredibilitySchema.optional(),
  analyst: z.string(),
  at: z.string(),
  reason: z.string(),
});

function graded<T extends z.ZodType>(value: T) {
  return z.object({
    value,
    derived: value,
    reasons: z.array(z.object({ rule: z.string(), text: z.string() })),
    analyst: AnalystGradeSchema.nullable(),
    stratfor: z
      .object({ original: z.string(), suggested: value, rationale: z.string() })
      .nullable(),
  });
}

export const AssessmentSchema = z.object({
  clusterId: z.string(),
  source: z.string().nullable(),
  reliability: graded(ReliabilitySchema),
  credibility: graded(CredibilitySchema),
  code: z.string(),
  derivedCode: z.string(),
});

export const RecordedGradeSchema = AnalystGradeSchema.extend({
  id: z.number().int(),
  subjectType: z.enum(['claim', 'source']),
  subjectId: z.string(),
});

export const AssessedClaimSchema = z.object({
  cluster: ClaimClusterSchema,
  assessment: AssessmentSchema,
  history: z.array(RecordedGradeSchema),
});

export const ClaimsQuerySchema = z.object({
  /** Said by or naming this entity (case and accents aside). */
  about: z.string().trim().max(200).optional(),
  document: z
    .string()
    .regex(/^[0-9a-fA-F]{6,64}$/, 'expected a document id or its first 6+ hex characters')
    .optional(),
  shared: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const ClaimsResponseSchema = z.object({
  total: z.number().int(),
  claims: z.array(AssessedClaimSchema),
});

export const ClaimParamsSchema = z.object({ id: ClaimId });

export const ClaimQuerySchema = z.object({
  /** The first this many members, documents, links and reasons; all when absent. */
  first: z.coerce.number().int().min(1).max(100_000).optional(),
});

export const GradeBodySchema = z
  .object({
    reliability: ReliabilitySchema.optional(),
    credibility: CredibilitySchema.optional(),
    reason: Reason,
    analyst: Analyst,
  })
  .refine((g) => g.reliability !== undefined || g.credibility !== undefined, {
    message: 'give a reliability (A–F), a credibility (1–6) or both',
    path: ['reliability'],
  });

export const SourceParamsSchema = z.object({ name: z.string().trim().min(1).max(200) });

// ---- Resolved entities --------------------------------------------------------------------

const EvidenceSchema = z.object({
  documentId: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});

export const ResolvedEntitySchema = z.object({
  id: z.string(),
  type: EntityTypeSchema,
  name: z.string(),
  aliases: z.array(
    z.object({
      name: z.string(),
      /** The first 20 documents the name came from, as stored; `documentCount` is how many. */
      documents: z.array(z.string()),
      documentCount: z.number().int(),
      rule: z.string(),
      evidence: EvidenceSchema.optional(),
    }),
  ),
  mentionCount: z.number().int(),
  documentCount: z.number().int(),
});

/** The same filters and paging as the extracted-entity list. */
export const ResolvedEntitiesQuerySchema = EntitiesQuerySchema;

export const ResolvedEntitiesResponseSchema = z.object({
  total: z.number().int(),
  entities: z.array(ResolvedEntitySchema),
});

/** An entity id (`person:folded name`) or any of its names. */
export const ResolvedEntityParamsSchema = z.object({ id: z.string().trim().min(1).max(500) });

export const ResolvedEntityResponseSchema = z.object({
  entity: ResolvedEntitySchema,
  /** Titles of the documents the aliases list (the first 20 of each name's). */
  documents: z.array(z.object({ id: z.string(), title: z.string().nullable() })),
  /** Why each name was linked to the entity. */
  merges: z.array(
    z.object({
      entityId: z.string(),
      from: z.string(),
      into: z.string(),
      rule: z.string(),
      evidence: EvidenceSchema.optional(),
    }),
  ),
  mentions: z.array(
    z.object({
      documentId: z.string(),
      documentTitle: z.string().nullable(),
      start: z.number().int(),
      end: z.number().int(),
      text: z.string(),
    }),
  ),
  coOccurring: z.array(
    z.object({
      id: z.string(),
      type: EntityTypeSchema,
      name: z.string(),
      documents: z.number().int(),
    }),
  ),
  /** How many of its documents `coOccurring` was counted over: its first 5,000 at most. */
  coOccurringOver: z.number().int(),
});

const EntityKey = z.string().trim().min(1).max(500);

export const EntityDecisionBodySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('merge'),
    /** The entity decided on and the one merged into it (ids or names). */
    entity: EntityKey,
    with: EntityKey,
    reason: Reason,
    analyst: Analyst,
  }),
  z.object({
    kind: z.literal('split'),
    entity: EntityKey,
    /** The name to take out of the entity. */
    name: EntityKey,
    reason: Reason,
    analyst: Analyst,
  }),
  z.object({
    kind: z.literal('rename'),
    entity: EntityKey,
    name: z.string().trim().min(1).max(300),
    reason: Reason,
    analyst: Analyst,
  }),
]);

export const EntityDecisionResponseSchema = z.object({
  decision: z.object({
    id: z.number().int(),
    kind: z.enum(['merge', 'split', 'rename']),
    analyst: z.string(),
    at: z.string(),
    reason: z.string(),
  }),
  /** The entity as re-resolution left it (for a split: the entity the name was taken from). */
  entity: ResolvedEntitySchema.nullable(),
  /** Decisions you may see (this one or older) that no longer match any name. */
  unappliedDecisions: z.number().int(),
});

// ---- Hypotheses ---------------------------------------------------------------------------

export const HypothesisSchema = z.object({
  id: z.string(),
  text: z.string(),
  analyst: z.string(),
  at: z.string(),
});

export const HypothesisBodySchema = z.object({
  text: z.string().trim().min(5, 'a hypothesis needs a sentence').max(1000),
  analyst: Analyst,
});

export const HypothesisParamsSchema = z.object({ id: z.string().trim().min(1).max(100) });

export const MarkBodySchema = z.object({
  claimId: ClaimId,
  mark: MarkSchema,
  reason: z.string().trim().max(2000).optional(),
  analyst: Analyst,
});

export const MarkResponseSchema = z.object({
  id: z.number().int(),
  hypothesisId: z.string(),
  claimId: z.string(),
  mark: MarkSchema,
  analyst: z.string(),
  at: z.string(),
  reason: z.string().nullable(),
});

export const WorkspaceQuerySchema = z.object({
  claims: z.coerce.number().int().min(1).max(200).default(40),
});

export const WorkspaceResponseSchema = z.object({
  hypotheses: z.array(HypothesisSchema),
  claims: z.array(AssessedClaimSchema),
  matrix: z.object({
    rows: z.array(
      z.object({
        evidenceId: z.string(),
        weight: z.number(),
        marks: z.record(z.string(), MarkSchema),
        diagnostic: z.boolean(),
      }),
    ),
    /** Least inconsistent first. */
    scores: z.array(
      z.object({
        hypothesisId: z.string(),
        inconsistency: z.number(),
        consistency: z.number(),
        inconsistentEvidence: z.array(z.string()),
        rank: z.number().int(),
      }),
    ),
  }),
  /** Lexical suggestions for unmarked cells: never counted in the scores. */
  suggestions: z.array(
    z.object({
      hypothesisId: z.string(),
      claimId: z.string(),
      mark: MarkSchema,
      rationale: z.string(),
    }),
  ),
});
