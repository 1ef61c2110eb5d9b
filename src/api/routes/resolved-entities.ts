import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { CrosscheckError } from '../../core/index.js';
import { runResolution, type ResolutionSummary } from '../../pipeline/index.js';
import type { EntityDecision, EntityRecord, Store } from '../../store/index.js';
import { describeResolvedEntity } from '../analysis/resolved-entity-detail.js';
import {
  EntityDecisionBodySchema,
  EntityDecisionResponseSchema,
  ResolvedEntitiesQuerySchema,
  ResolvedEntitiesResponseSchema,
  ResolvedEntityParamsSchema,
  ResolvedEntityResponseSchema,
} from '../claim-schemas.js';
import { errorResponses } from '../schemas.js';
import { LISTED_PER_NAME, listedEntity } from '../analysis/wire-lists.js';

type DecisionBody = z.output<typeof EntityDecisionBodySchema>;

function noSuchEntity(idOrName: string): CrosscheckError {
  return new CrosscheckError('NOT_FOUND', `No entity is called "${idOrName}"`, {
    hint: 'Pick one from /api/resolved-entities (run `crosscheck analyze` first).',
  });
}

/** The entity, with each name's first few documents (a decision needs its names only). */
async function requireEntity(store: Store, idOrName: string): Promise<EntityRecord> {
  const record = await store.getResolvedEntity(idOrName, { documentsPerName: LISTED_PER_NAME });
  if (!record) throw noSuchEntity(idOrName);
  return record;
}

/** The decision the store records, checked against the entities as they stand (as the CLI does). */
async function toDecision(store: Store, body: DecisionBody): Promise<EntityDecision> {
  const { entity } = await requireEntity(store, body.entity);
  switch (body.kind) {
    case 'merge': {
      const other = (await requireEntity(store, body.with)).entity;
      if (other.id === entity.id) {
        throw new CrosscheckError(
          'CONFLICT',
          `"${body.entity}" and "${body.with}" are already one entity`,
        );
      }
      if (other.type !== entity.type) {
        throw new CrosscheckError(
          'INVALID_ARGUMENT',
          `A ${entity.type} cannot be merged with a ${other.type}`,
          { hint: 'Merge entities of the same type.' },
        );
      }
      return { kind: 'merge', decision: { keys: [entity.id, other.id] } };
    }
    case 'split':
      if (!entity.aliases.some((a) => a.name === body.name)) {
        throw new CrosscheckError('NOT_FOUND', `${entity.name} has no name "${body.name}"`, {
          hint: `Its names: ${entity.aliases.map((a) => a.name).join('; ')}`,
        });
      }
      return { kind: 'split', decision: { entity: entity.id, name: body.name } };
    case 'rename':
      return { kind: 'rename', decision: { entity: entity.id, name: body.name } };
  }
}

/** The entity a decision leaves: a rename keeps its id, a merge keeps one of the two. */
async function entityAfter(
  store: Store,
  decision: EntityDecision,
): Promise<EntityRecord['entity'] | null> {
  const keys = decision.kind === 'merge' ? decision.decision.keys : [decision.decision.entity];
  for (const key of keys) {
    const record = await store.getResolvedEntity(key, { documentsPerName: LISTED_PER_NAME });
    if (record) return record.entity;
  }
  return null;
}

/**
 * How many of the decisions resolution could not apply the caller may be told of. Resolution runs
 * over the whole collection, so its own count takes in decisions written above the caller's
 * clearance or about what only hidden documents show; `store` is the caller's view, and the
 * decisions it lists are the ones they may see (all of them on the single-user workbench).
 */
async function visibleUnapplied(store: Store, summary: ResolutionSummary): Promise<number> {
  if (summary.unappliedDecisionIds.length === 0) return 0;
  const visible = new Set((await store.listEntityDecisions()).map((d) => d.id));
  return summary.unappliedDecisionIds.filter((id) => visible.has(id)).length;
}

export interface ResolvedEntityRouteOptions {
  store: Store;
  /**
   * Re-runs resolution after a decision. Resolution replaces what every document yields, so it
   * runs on the full store: the multi-user server, whose `store` is the caller's restricted view,
   * passes one that resolves the request's whole collection. Default: `runResolution(store)`.
   */
  resolve?: () => Promise<ResolutionSummary>;
}

/**
 * Entities as resolution merged them, and the analysts' merges, splits and renames. Each decision
 * is recorded (append-only, with the writer's clearance: `store` is the caller's view) and
 * resolution re-runs at once, so the answer shows its effect.
 */
export const resolvedEntityRoutes: FastifyPluginAsyncZod<ResolvedEntityRouteOptions> = async (
  app,
  { store, resolve = () => runResolution(store) },
) => {
  app.get(
    '/api/resolved-entities',
    {
      schema: {
        summary: 'Resolved entities (one per real-world thing), most documents first',
        description: '`q` matches any part of any of the names, case and accents aside.',
        tags: ['entities'],
        querystring: ResolvedEntitiesQuerySchema,
        response: { 200: ResolvedEntitiesResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { type, q, limit, offset } = request.query;
      const { total, entities } = await store.listResolvedEntities({
        type,
        contains: q || undefined,
        limit,
        offset,
        documentsPerName: LISTED_PER_NAME,
      });
      return { total, entities: entities.map(listedEntity) };
    },
  );

  app.get(
    '/api/resolved-entities/:id',
    {
      schema: {
        summary: 'One resolved entity: its names and where each came from, merges, mentions',
        description: 'By id (`person:folded name`) or any of its names, URL-encoded.',
        tags: ['entities'],
        params: ResolvedEntityParamsSchema,
        response: { 200: ResolvedEntityResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const detail = await describeResolvedEntity(store, request.params.id);
      if (!detail) throw noSuchEntity(request.params.id);
      return detail;
    },
  );

  app.post(
    '/api/entities/decisions',
    {
      schema: {
        summary: "Record an analyst's merge, split or rename, then re-resolve",
        description:
          'merge: `entity` and `with`; split: `entity` and the `name` to take out; rename: ' +
          '`entity` and its new `name`. Every decision needs a `reason`.',
        tags: ['entities'],
        body: EntityDecisionBodySchema,
        response: {
          201: EntityDecisionResponseSchema,
          409: errorResponses[400],
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const decision = await toDecision(store, body);
      const saved = await store.addEntityDecision({
        ...decision,
        analyst: body.analyst,
        at: new Date().toISOString(),
        reason: body.reason,
      });
      const summary = await resolve();
      const after = await entityAfter(store, decision);
      return reply.code(201).send({
        decision: {
          id: saved.id,
          kind: saved.kind,
          analyst: saved.analyst,
          at: saved.at,
          reason: saved.reason,
        },
        entity: after && listedEntity(after),
        unappliedDecisions: await visibleUnapplied(store, summary),
      });
    },
  );
};
