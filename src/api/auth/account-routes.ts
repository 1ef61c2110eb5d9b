import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CrosscheckError, TLP_LEVELS, TlpLevelSchema, tlpAllows } from '../../core/index.js';
import {
  CollectionSlugSchema,
  DEFAULT_CLEARANCE,
  LabelSchema,
  ROLES,
  RoleSchema,
  TitleSchema,
  UsernameSchema,
  type AccountStore,
  type Membership,
} from '../../store/index.js';
import { ErrorResponseSchema } from '../schemas.js';
import { accessOf } from './access.js';
import { noSuchCollection } from './guard.js';

const Errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
  429: ErrorResponseSchema,
  500: ErrorResponseSchema,
};

const Tlp = z.enum(TLP_LEVELS);
const AccountSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  serverAdmin: z.boolean(),
  createdAt: z.string(),
});
const MembershipSchema = z.object({
  collection: z.string(),
  title: z.string(),
  tlp: Tlp,
  role: z.enum(ROLES as ['reader', 'analyst', 'admin']),
  clearance: Tlp,
});
const MemberSchema = z.object({
  username: z.string(),
  role: z.enum(ROLES as ['reader', 'analyst', 'admin']),
  clearance: Tlp,
  grantedAt: z.string(),
});
const TokenSchema = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
/** `GET /api/me`: the signed-in account and the collections open to it. */
export const MeResponseSchema = z.object({
  user: AccountSchema,
  memberships: z.array(MembershipSchema),
});
const AuditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  username: z.string().nullable(),
  collection: z.string().nullable(),
  action: z.string(),
  method: z.string(),
  route: z.string(),
  target: z.string(),
  status: z.number(),
});

const ACCOUNT = { collection: false, audit: null } as const;
const ADMIN_ACTION = { collection: false, audit: 'admin' } as const;

/**
 * The caller's account, their tokens, the collections open to them, and the admin routes
 * (collections and members). Registered only in multi-user mode, behind the guard.
 */
export const accountRoutes: FastifyPluginAsyncZod<{ accounts: AccountStore }> = async (
  app,
  { accounts },
) => {
  const described = async (memberships: Membership[]) => {
    const out: z.infer<typeof MembershipSchema>[] = [];
    for (const m of memberships) {
      const collection = await accounts.getCollection(m.collection);
      if (collection) {
        out.push({
          collection: m.collection,
          title: collection.title,
          tlp: collection.tlp,
          role: m.role,
          clearance: m.clearance,
        });
      }
    }
    return out;
  };

  const requireServerAdmin = (user: { serverAdmin: boolean }) => {
    if (!user.serverAdmin) {
      throw new CrosscheckError('FORBIDDEN', 'Only a server admin may do this', {
        hint: 'Ask a server admin, or use `crosscheck user add --admin` on the server.',
      });
    }
  };

  /**
   * Collection admins manage their own collection; server admins any (to add its first admin).
   * Resolves to the most a caller may grant: a collection admin cannot hand out (or give
   * themselves) a clearance above their own.
   */
  const requireCollectionAdmin = async (
    user: { username: string; serverAdmin: boolean },
    slug: string,
  ) => {
    if (!(await accounts.getCollection(slug))) throw noSuchCollection();
    const membership = await accounts.getMembership(user.username, slug);
    if (user.serverAdmin) return 'RED';
    if (!membership) throw noSuchCollection();
    if (membership.role !== 'admin') {
      throw new CrosscheckError('FORBIDDEN', `Only an admin of ${slug} may manage its members`, {
        hint: 'Ask an admin of the collection.',
      });
    }
    return membership.clearance;
  };

  app.get(
    '/api/me',
    {
      config: { access: ACCOUNT },
      schema: {
        summary: 'The signed-in account and its memberships',
        tags: ['access'],
        response: {
          200: MeResponseSchema,
          ...Errors,
        },
      },
    },
    async (request) => {
      const { user } = accessOf(request);
      return { user, memberships: await described(await accounts.listMemberships(user.username)) };
    },
  );

  app.get(
    '/api/collections',
    {
      config: { access: ACCOUNT },
      schema: {
        summary: 'The collections the caller is a member of',
        tags: ['access'],
        response: { 200: z.array(MembershipSchema), ...Errors },
      },
    },
    async (request) => described(await accounts.listMemberships(accessOf(request).user.username)),
  );

  app.post(
    '/api/collections',
    {
      config: { access: ADMIN_ACTION },
      schema: {
        summary: 'Create a collection (server admins)',
        tags: ['access'],
        body: z.object({
          slug: CollectionSlugSchema,
          title: TitleSchema.optional(),
          tlp: TlpLevelSchema.optional(),
        }),
        response: {
          201: z.object({ slug: z.string(), title: z.string(), tlp: Tlp, createdAt: z.string() }),
          ...Errors,
        },
      },
    },
    async (request, reply) => {
      requireServerAdmin(accessOf(request).user);
      return reply.code(201).send(await accounts.createCollection(request.body));
    },
  );

  app.post(
    '/api/users',
    {
      config: { access: ADMIN_ACTION },
      schema: {
        summary: 'Create an account (server admins)',
        tags: ['access'],
        body: z.object({
          username: UsernameSchema,
          displayName: LabelSchema.optional(),
          serverAdmin: z.boolean().optional(),
        }),
        response: { 201: AccountSchema, ...Errors },
      },
    },
    async (request, reply) => {
      requireServerAdmin(accessOf(request).user);
      return reply.code(201).send(await accounts.createUser(request.body));
    },
  );

  const SlugParams = z.object({ slug: CollectionSlugSchema });

  app.get(
    '/api/collections/:slug/members',
    {
      config: { access: { collection: false, audit: 'admin' } },
      schema: {
        summary: 'Members of a collection (its admins)',
        tags: ['access'],
        params: SlugParams,
        response: { 200: z.array(MemberSchema), ...Errors },
      },
    },
    async (request) => {
      await requireCollectionAdmin(accessOf(request).user, request.params.slug);
      return accounts.listMembers(request.params.slug);
    },
  );

  app.put(
    '/api/collections/:slug/members/:username',
    {
      config: { access: ADMIN_ACTION },
      schema: {
        summary: 'Add a member or change their role and clearance (collection admins)',
        description: 'Clearance defaults to AMBER+STRICT: RED is only ever granted explicitly.',
        tags: ['access'],
        params: SlugParams.extend({ username: UsernameSchema }),
        body: z.object({ role: RoleSchema, clearance: TlpLevelSchema.optional() }),
        response: { 200: MemberSchema, ...Errors },
      },
    },
    async (request) => {
      const { slug, username } = request.params;
      const most = await requireCollectionAdmin(accessOf(request).user, slug);
      const clearance = request.body.clearance ?? DEFAULT_CLEARANCE;
      if (!tlpAllows(most, clearance)) {
        throw new CrosscheckError(
          'FORBIDDEN',
          `You may grant clearance up to TLP:${most}, not TLP:${clearance}`,
          { hint: 'Ask a server admin, or an admin of the collection with that clearance.' },
        );
      }
      return accounts.grant({ collection: slug, username, role: request.body.role, clearance });
    },
  );

  app.delete(
    '/api/collections/:slug/members/:username',
    {
      config: { access: ADMIN_ACTION },
      schema: {
        summary: 'Remove a member (collection admins)',
        tags: ['access'],
        params: SlugParams.extend({ username: UsernameSchema }),
        response: { 204: z.null(), ...Errors },
      },
    },
    async (request, reply) => {
      const { slug, username } = request.params;
      await requireCollectionAdmin(accessOf(request).user, slug);
      if (!(await accounts.revokeMembership(slug, username))) {
        throw new CrosscheckError('NOT_FOUND', `${username} is not a member of ${slug}`);
      }
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/tokens',
    {
      config: { access: ACCOUNT },
      schema: {
        summary: 'The caller’s API tokens (never their secrets)',
        tags: ['access'],
        response: { 200: z.array(TokenSchema), ...Errors },
      },
    },
    async (request) => accounts.listTokens(accessOf(request).user.username),
  );

  app.post(
    '/api/tokens',
    {
      config: { access: ADMIN_ACTION },
      schema: {
        summary: 'Create an API token for the caller; its secret is in this answer only',
        tags: ['access'],
        body: z.object({ label: LabelSchema.default('') }),
        response: { 201: TokenSchema.extend({ secret: z.string() }), ...Errors },
      },
    },
    async (request, reply) => {
      const { token, secret } = await accounts.createToken(
        accessOf(request).user.username,
        request.body.label,
      );
      return reply.code(201).send({ ...token, secret });
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { access: ADMIN_ACTION },
      schema: {
        summary: 'Revoke one of the caller’s tokens',
        tags: ['access'],
        params: z.object({ id: z.string().regex(/^[0-9a-f]{16}$/) }),
        response: { 204: z.null(), ...Errors },
      },
    },
    async (request, reply) => {
      const revoked = await accounts.revokeToken(
        request.params.id,
        accessOf(request).user.username,
      );
      if (!revoked) {
        throw new CrosscheckError('NOT_FOUND', 'You have no live token with that id', {
          hint: 'GET /api/tokens lists your tokens.',
        });
      }
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/audit',
    {
      config: { access: { role: 'admin', audit: 'read' } },
      schema: {
        summary: 'The audit log of the collection (its admins), newest first',
        tags: ['access'],
        querystring: z.object({
          collection: CollectionSlugSchema.optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          before: z.coerce.number().int().min(1).optional(),
        }),
        response: { 200: z.array(AuditEntrySchema), ...Errors },
      },
    },
    async (request) => {
      const { collection } = accessOf(request);
      return accounts.listAudit({
        collection: collection!.slug,
        limit: request.query.limit,
        beforeId: request.query.before,
      });
    },
  );
};
