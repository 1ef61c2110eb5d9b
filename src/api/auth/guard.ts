import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CrosscheckError, UsageError } from '../../core/index.js';
import {
  CollectionSlugSchema,
  ROLES,
  type AccountStore,
  type Role,
  type Store,
} from '../../store/index.js';
import { newAccess, runWithAccess, type RouteAccess } from './access.js';

export interface RateLimitOptions {
  /** Requests allowed per key (a token, or an IP address when anonymous) in one window. */
  max: number;
  /** Milliseconds. */
  timeWindow: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 600, timeWindow: 60_000 };

export interface GuardOptions {
  accounts: AccountStore;
  /** The full store of a collection (the guard narrows it to each member's clearance). */
  openCollection(slug: string): Promise<Store>;
  rateLimit: RateLimitOptions;
}

export const COLLECTION_HEADER = 'x-crosscheck-collection';

/** One method of one /api route, as the guard sees it. */
export interface ApiRoute {
  method: string;
  url: string;
  /** Needs a token (everything but the API description). */
  guarded: boolean;
  /** Needs a collection (case data) rather than being about the caller or the server. */
  collection: boolean;
}

const routeTables = new WeakMap<FastifyInstance, ApiRoute[]>();

/**
 * Every /api route of a multi-user server, recorded as it was registered: so tests (and
 * operators) can check each one is guarded, including routes added later.
 */
export function apiRoutes(app: FastifyInstance): readonly ApiRoute[] {
  return routeTables.get(app) ?? [];
}

/** Routes without case data: the API description. Everything else under /api is guarded. */
const isPublicApi = (url: string) => url === '/api/openapi.json' || url.startsWith('/api/docs');

/**
 * Routes whose store reads a clearance does not filter (the ingest log: run inputs and failed
 * files, with their paths), so they could name files marked above the caller's clearance. Only
 * members cleared RED, who may see everything, get them.
 */
const FULL_VIEW_ROUTES = new Set(['/api/runs', '/api/failures']);

/** The route pattern when the request matched one (404s have none). */
const routeOf = (request: FastifyRequest): string | undefined => request.routeOptions.url;

export function isGuarded(request: FastifyRequest): boolean {
  const route = routeOf(request);
  return route !== undefined && route.startsWith('/api') && !isPublicApi(route);
}

export const routeAccess = (request: FastifyRequest): RouteAccess =>
  request.routeOptions.config?.access ?? {};

export function requiredRole(request: FastifyRequest): Role {
  const declared = routeAccess(request).role;
  if (declared) return declared;
  return request.method === 'GET' || request.method === 'HEAD' ? 'reader' : 'analyst';
}

const atLeast = (role: Role, needed: Role) => ROLES.indexOf(role) >= ROLES.indexOf(needed);

/**
 * The one answer for "no such collection" and "not yours": telling them apart would let anyone
 * with a token probe which case names exist.
 */
export const noSuchCollection = () =>
  new CrosscheckError('NOT_FOUND', 'No collection of that name is open to you', {
    hint: 'GET /api/collections lists the collections you are a member of.',
  });

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  return /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? '';
}

function requestedCollection(request: FastifyRequest): string {
  const header = request.headers[COLLECTION_HEADER];
  const query = (request.query as Record<string, unknown> | undefined)?.collection;
  const slug = typeof header === 'string' ? header : typeof query === 'string' ? query : undefined;
  if (slug === undefined) {
    throw new UsageError('INVALID_ARGUMENT', 'Name the collection this request is about', {
      hint: `Send the ${COLLECTION_HEADER} header, or ?collection=<slug> (for downloads).`,
    });
  }
  if (!CollectionSlugSchema.safeParse(slug).success) {
    throw new UsageError('INVALID_ARGUMENT', 'That is not a valid collection name', {
      hint: 'Collection names are lowercase letters, digits and hyphens.',
    });
  }
  return slug;
}

/**
 * Every guarded request, in order, all in onRequest (before any route hook or body parsing, so
 * an anonymous caller learns nothing from a route's own checks): enter the request's access
 * scope; identify the caller from the bearer token; rate-limit per token (per IP when
 * anonymous, so failed logins are throttled too); then refuse the anonymous and resolve the
 * collection, the membership and the clearance-restricted store.
 */
export async function installGuard(app: FastifyInstance, options: GuardOptions): Promise<void> {
  const { accounts } = options;
  app.decorateRequest('access', null);

  const table: ApiRoute[] = [];
  routeTables.set(app, table);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    for (const method of [route.method].flat()) {
      table.push({
        method,
        url: route.url,
        guarded: !isPublicApi(route.url),
        collection: route.config?.access?.collection !== false,
      });
    }
  });

  app.addHook('onRequest', (request, _reply, done) => {
    const access = newAccess();
    request.access = access;
    runWithAccess(access, done);
  });

  app.addHook('onRequest', async (request) => {
    if (!isGuarded(request)) return;
    const presented = bearerToken(request);
    if (presented === null) return;
    const signedIn = presented ? await accounts.authenticate(presented) : null;
    const access = request.access!;
    if (signedIn) {
      access.user = signedIn.user;
      access.token = signedIn.token;
    } else {
      access.loginFailed = true;
    }
  });

  await app.register(fastifyRateLimit, { global: false });
  app.addHook(
    'onRequest',
    app.rateLimit({
      max: options.rateLimit.max,
      timeWindow: options.rateLimit.timeWindow,
      keyGenerator: (request) => {
        const token = request.access?.token;
        return token ? `token:${token.id}` : `ip:${request.ip}`;
      },
      allowList: (request) => !request.url.startsWith('/api'),
      errorResponseBuilder: (_request, context) =>
        Object.assign(new Error(`Too many requests: try again in ${context.after}`), {
          statusCode: context.statusCode,
        }),
    }),
  );

  app.addHook('onRequest', async (request) => {
    if (!isGuarded(request)) return;
    const access = request.access!;
    if (!access.user) {
      throw new CrosscheckError(
        'UNAUTHORIZED',
        access.loginFailed ? 'That API token is not valid' : 'Sign in with an API token',
        {
          hint: 'Send Authorization: Bearer <token>; an admin creates one with `crosscheck token create`.',
        },
      );
    }
    if (routeAccess(request).collection === false) return;
    const slug = requestedCollection(request);
    const membership = await accounts.getMembership(access.user.username, slug);
    if (!membership) throw noSuchCollection();
    const collection = await accounts.getCollection(slug);
    if (!collection) throw noSuchCollection();
    access.membership = membership;
    access.collection = collection;
    const needed = requiredRole(request);
    if (!atLeast(membership.role, needed)) {
      throw new CrosscheckError(
        'FORBIDDEN',
        `This needs the ${needed} role in ${slug}; you are a ${membership.role}`,
        { hint: 'Ask an admin of the collection to change your role.' },
      );
    }
    if (FULL_VIEW_ROUTES.has(routeOf(request)!) && membership.clearance !== 'RED') {
      throw new CrosscheckError(
        'FORBIDDEN',
        'The ingest log names every file read, whatever its marking: it needs TLP:RED clearance',
        { hint: 'Ask an admin of the collection for RED clearance, or ask a member who has it.' },
      );
    }
    // Stores keep one view per level, so this costs nothing per request.
    access.store = (await options.openCollection(slug)).restrictedTo(membership.clearance);
  });
}
