import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CrosscheckError } from '../../core/index.js';
import type { QueueProgress } from '../../queue/index.js';
import { errorResponses } from '../schemas.js';

const CountsSchema = z.object({
  waiting: z.number().int(),
  active: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
  delayed: z.number().int(),
});

const AnalysisSchema = z.object({
  /** none, waiting (for ingest and extraction), running, done, failed. */
  phase: z.enum(['none', 'waiting', 'running', 'done', 'failed']),
  counts: CountsSchema,
  etaSeconds: z.number().nullable(),
  /** While running: the step that ended last, and how far into the analysis; null otherwise. */
  // Defaults to null for answers from servers older than the steps.
  step: z
    .object({
      /** Entity resolution, the reuse search, or claim tracing. */
      step: z.enum(['resolution', 'reuse', 'claims']),
      /** What just finished, in a few words: "entities recorded". */
      done: z.string(),
      count: z.number().int().nullable(),
      /** Seconds into the analysis when the step ended. */
      seconds: z.number(),
    })
    .nullable()
    .default(null),
  /** The most recent analysis that ran to the end. */
  last: z
    .object({
      jobId: z.string(),
      documents: z.number().int(),
      entities: z.number().int(),
      reusePairs: z.number().int(),
      claimClusters: z.number().int(),
      circularClaims: z.number().int(),
      seconds: z.number(),
      finishedAt: z.string(),
    })
    .nullable(),
});

const NO_ANALYSIS: z.infer<typeof AnalysisSchema> = {
  phase: 'none',
  counts: { waiting: 0, active: 0, completed: 0, failed: 0, delayed: 0 },
  etaSeconds: null,
  step: null,
  last: null,
};

export const QueueResponseSchema = z.object({
  /** False when the server was started without a Redis queue; every number is then 0. */
  enabled: z.boolean(),
  counts: CountsSchema,
  documentsStored: z.number().int(),
  docsPerSecond: z.number(),
  /** Jobs to come (extractions of queued ingest jobs included) plus the analysis. */
  etaSeconds: z.number().nullable(),
  /** True when a first analysis has no pace to estimate from: the ETA covers the jobs only. */
  // Defaults keep answers from servers older than the analysis job (and fixtures) valid.
  etaExcludesAnalysis: z.boolean().default(false),
  /** The corpus-wide analysis queued to run once ingest and extraction are done. */
  analysis: AnalysisSchema.default(NO_ANALYSIS),
  workers: z.number().int(),
  failed: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      reason: z.string(),
      attempts: z.number().int(),
      failedAt: z.string().nullable(),
    }),
  ),
});
export type QueueResponse = z.infer<typeof QueueResponseSchema>;

export interface QueueRouteOptions {
  /** One look at the distributed-ingest queue; null when no Redis is configured. */
  progress: (() => Promise<QueueProgress>) | null;
  /** A Redis that does not answer must not hold the request for ever (default 5 s). */
  timeoutMs?: number;
}

const DISABLED: QueueResponse = {
  enabled: false,
  counts: { waiting: 0, active: 0, completed: 0, failed: 0, delayed: 0 },
  documentsStored: 0,
  docsPerSecond: 0,
  etaSeconds: null,
  etaExcludesAnalysis: false,
  analysis: NO_ANALYSIS,
  workers: 0,
  failed: [],
};

/** The state of the distributed ingest (`crosscheck worker`): jobs, throughput, ETA, failures. */
export const queueRoutes: FastifyPluginAsyncZod<QueueRouteOptions> = async (app, options) => {
  const { progress, timeoutMs = 5000 } = options;
  app.get(
    '/api/queue',
    {
      schema: {
        summary:
          'Distributed ingest: queued, running and failed jobs, analysis phase, docs/s, ETA and workers',
        tags: ['ingest'],
        response: { 200: QueueResponseSchema, ...errorResponses },
      },
    },
    async () => {
      if (!progress) return DISABLED;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new CrosscheckError('QUEUE_UNAVAILABLE', 'Redis did not answer in time.', {
                hint: 'Check that Redis is running and reachable from the server.',
              }),
            ),
          timeoutMs,
        );
      });
      try {
        return { enabled: true, ...(await Promise.race([progress(), timeout])) };
      } finally {
        clearTimeout(timer);
      }
    },
  );
};
