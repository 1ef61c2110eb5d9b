import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyRequest } from 'fastify';
import { CrosscheckError } from '../../core/index.js';
import type {
  Account,
  ApiToken,
  AuditAction,
  Collection,
  Membership,
  Role,
  Store,
} from '../../store/index.js';

/** Who is asking and what they may see, worked out once per request by the access hooks. */
export interface RequestAccess {
  user: Account | null;
  token: ApiToken | null;
  /** A bearer token was presented and rejected. */
  loginFailed: boolean;
  collection: Collection | null;
  membership: Membership | null;
  /** The collection's store restricted to the member's clearance. */
  store: Store | null;
}

/** How a route is guarded, set in its `config.access`; unset means the safest defaults. */
export interface RouteAccess {
  /** False for routes about the caller rather than one collection's data. Default true. */
  collection?: boolean;
  /** Least role needed. Default: reader for GET/HEAD, analyst for anything else. */
  role?: Role;
  /** How a call is logged; null: not at all. Default: by method (see classifyAudit). */
  audit?: AuditAction | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    access: RequestAccess | null;
  }
}

export const newAccess = (): RequestAccess => ({
  user: null,
  token: null,
  loginFailed: false,
  collection: null,
  membership: null,
  store: null,
});

/*
 * The route plugins take one Store when registered and use it in every handler. In multi-user
 * mode each request needs a different one (its collection, restricted to the caller's
 * clearance), so the routes are registered with a stand-in whose every property is looked up on
 * the store of the request being served, found through AsyncLocalStorage. The routes stay
 * unchanged and cannot reach another collection's store by mistake: there is no other store in
 * scope. A Proxy (rather than a class listing each method) keeps it right when Store grows.
 */
const current = new AsyncLocalStorage<RequestAccess>();

export function runWithAccess(access: RequestAccess, next: () => void): void {
  current.run(access, next);
}

export function currentAccess(): RequestAccess | undefined {
  return current.getStore();
}

function currentStore(): Store {
  const store = current.getStore()?.store;
  if (!store) {
    // A route reached a store without the access hooks choosing one: a wiring bug, never data.
    throw new CrosscheckError('STORE_FAILURE', 'No collection store was chosen for this request');
  }
  return store;
}

export const requestScopedStore: Store = new Proxy({} as Store, {
  get(_target, property) {
    const store = currentStore();
    const value = Reflect.get(store, property, store) as unknown;
    return typeof value === 'function'
      ? (value as (...a: unknown[]) => unknown).bind(store)
      : value;
  },
});

/** The access of a request that passed the access hooks (routes behind them only). */
export function accessOf(request: FastifyRequest): RequestAccess & { user: Account } {
  const access = request.access;
  if (!access?.user) {
    throw new CrosscheckError('UNAUTHORIZED', 'Sign in with an API token', {
      hint: 'Send Authorization: Bearer <token>; create one with `crosscheck token create`.',
    });
  }
  return access as RequestAccess & { user: Account };
}
