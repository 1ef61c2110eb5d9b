import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CrosscheckError } from '../../core/index.js';
import { assessClaims } from '../../pipeline/index.js';
import type { ClaimCluster } from '../../provenance/index.js';
import type { Store } from '../../store/index.js';
import {
  AssessedClaimSchema,
  ClaimParamsSchema,
  ClaimQuerySchema,
  ClaimsQuerySchema,
  ClaimsResponseSchema,
  GradeBodySchema,
  RecordedGradeSchema,
  SourceParamsSchema,
} from '../claim-schemas.js';
import { errorResponses } from '../schemas.js';
import { fullClaim, listedClaim } from '../analysis/wire-lists.js';

async function requireClaim(store: Store, id: string): Promise<ClaimCluster> {
  const cluster = await store.getClaimCluster(id);
  if (!cluster) {
    throw new CrosscheckError('NOT_FOUND', `No traced claim has the id ${id}`, {
      hint: 'Pick one from /api/claims (run `crosscheck analyze` after ingesting).',
    });
  }
  return cluster;
}

/** Traced quotes and claims with their Admiralty grades, and the analysts' grades of them. */
export const claimRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/claims',
    {
      schema: {
        summary: 'Traced quotes and claims, most carried first, each with its Admiralty grade',
        description:
          '`document` keeps the claims a document carries; `about` those said by or naming an ' +
          'entity; `shared=true` those carried by two documents or more.',
        tags: ['claims'],
        querystring: ClaimsQuerySchema,
        response: { 200: ClaimsResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { about, document, shared, limit, offset } = request.query;
      const documentId = document ? await store.resolveDocumentId(document) : undefined;
      if (documentId === null) return { total: 0, claims: [] };
      const { total, clusters } = await store.listClaimClusters({
        ...(documentId && { documentId }),
        ...(about && { about }),
        sharedOnly: shared,
        limit,
        offset,
      });
      const assessed = await assessClaims(store, clusters);
      return { total, claims: assessed.map((claim) => listedClaim(claim, { documentId })) };
    },
  );

  app.get(
    '/api/claims/:id',
    {
      schema: {
        summary: 'One claim: provenance tree, independent origins, grade with reasons, history',
        description:
          'Every member, document, link and reason; with `first`, the first that many of each ' +
          '(a claim carried across a large leak has thousands), `memberCount` and ' +
          '`documentCount` giving the totals.',
        tags: ['claims'],
        params: ClaimParamsSchema,
        querystring: ClaimQuerySchema,
        response: { 200: AssessedClaimSchema, ...errorResponses },
      },
    },
    async (request) => {
      const cluster = await requireClaim(store, request.params.id);
      const [assessed] = await assessClaims(store, [cluster]);
      const { first } = request.query;
      return first === undefined ? fullClaim(assessed!) : listedClaim(assessed!, { first });
    },
  );

  app.post(
    '/api/claims/:id/grades',
    {
      schema: {
        summary: "Record an analyst's Admiralty grade for a claim (it always wins)",
        description: 'Give a reliability (A–F), a credibility (1–6) or both, and why.',
        tags: ['claims'],
        params: ClaimParamsSchema,
        body: GradeBodySchema,
        response: { 201: RecordedGradeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const cluster = await requireClaim(store, request.params.id);
      const grade = await store.addAnalystGrade({
        ...request.body,
        subjectType: 'claim',
        subjectId: cluster.id,
        at: new Date().toISOString(),
      });
      return reply.code(201).send(grade);
    },
  );

  app.post(
    '/api/sources/:name/grades',
    {
      schema: {
        summary: "Record an analyst's reliability grade for a source (a speaker, a code like MX1)",
        tags: ['claims'],
        params: SourceParamsSchema,
        body: GradeBodySchema,
        response: { 201: RecordedGradeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const grade = await store.addAnalystGrade({
        ...request.body,
        subjectType: 'source',
        subjectId: request.params.name,
        at: new Date().toISOString(),
      });
      return reply.code(201).send(grade);
    },
  );
};
