import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CrosscheckError } from '../../core/index.js';
import { buildHypothesisWorkspace } from '../../pipeline/index.js';
import type { Store } from '../../store/index.js';
import {
  HypothesisBodySchema,
  HypothesisParamsSchema,
  HypothesisSchema,
  MarkBodySchema,
  MarkResponseSchema,
  WorkspaceQuerySchema,
  WorkspaceResponseSchema,
} from '../claim-schemas.js';
import { errorResponses } from '../schemas.js';
import { listedClaim } from '../analysis/wire-lists.js';

/** Heuer's analysis of competing hypotheses over the traced claims. */
export const hypothesisRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/hypotheses',
    {
      schema: {
        summary: 'The ACH workspace: hypotheses, claims, the matrix of marks and the ranking',
        description:
          'Scores weigh each inconsistent claim by its credibility and independent origins; ' +
          'the least inconsistent hypothesis ranks first. Suggestions are never counted.',
        tags: ['hypotheses'],
        querystring: WorkspaceQuerySchema,
        response: { 200: WorkspaceResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const workspace = await buildHypothesisWorkspace(store, {
        claimLimit: request.query.claims,
      });
      return {
        ...workspace,
        claims: workspace.claims.map((claim) => listedClaim(claim)),
        suggestions: workspace.suggestions.map(({ hypothesisId, claimId, suggestion }) => ({
          hypothesisId,
          claimId,
          mark: suggestion.mark,
          rationale: suggestion.rationale,
        })),
      };
    },
  );

  app.post(
    '/api/hypotheses',
    {
      schema: {
        summary: 'State a hypothesis',
        tags: ['hypotheses'],
        body: HypothesisBodySchema,
        response: { 201: HypothesisSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { text, analyst } = request.body;
      const hypothesis = await store.addHypothesis({ text, analyst, at: new Date().toISOString() });
      return reply.code(201).send(hypothesis);
    },
  );

  app.post(
    '/api/hypotheses/:id/marks',
    {
      schema: {
        summary: 'Mark a claim consistent, inconsistent or neutral with a hypothesis',
        description: 'The latest mark for a hypothesis and a claim is the one that counts.',
        tags: ['hypotheses'],
        params: HypothesisParamsSchema,
        body: MarkBodySchema,
        response: { 201: MarkResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const hypothesisId = request.params.id;
      if (!(await store.listHypotheses()).some((h) => h.id === hypothesisId)) {
        throw new CrosscheckError('NOT_FOUND', `No hypothesis has the id ${hypothesisId}`, {
          hint: 'See the ids at /api/hypotheses.',
        });
      }
      const cluster = await store.getClaimCluster(request.body.claimId);
      if (!cluster) {
        throw new CrosscheckError(
          'NOT_FOUND',
          `No traced claim has the id ${request.body.claimId}`,
          {
            hint: 'See the ids at /api/claims.',
          },
        );
      }
      const { mark, reason, analyst } = request.body;
      const saved = await store.addHypothesisMark({
        hypothesisId,
        claimId: cluster.id,
        mark,
        analyst,
        at: new Date().toISOString(),
        reason: reason || null,
      });
      return reply.code(201).send(saved);
    },
  );
};
