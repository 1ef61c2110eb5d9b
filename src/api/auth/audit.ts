import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccountStore, AuditAction } from '../../store/index.js';
import { isGuarded, routeAccess } from './guard.js';

const MAX_TARGET_CHARS = 2000;

/** What a request did to case data: downloads are exports, other reads reads, the rest changes. */
export function classifyAudit(request: FastifyRequest): AuditAction | null {
  const declared = routeAccess(request).audit;
  if (declared !== undefined) return declared;
  if (routeAccess(request).collection === false) return null;
  const read = request.method === 'GET' || request.method === 'HEAD';
  if (read && /^\/api\/export(\/|$)/.test(request.routeOptions.url ?? '')) return 'export';
  return read ? 'read' : 'change';
}

/**
 * Writes the audit row in onSend, before the response leaves, rather than in onResponse: if the
 * row cannot be written the caller gets a 500 instead of the data (no unaudited access), and
 * the row exists by the time the client has its answer. Failed logins are recorded with no user.
 * Requests turned away before a membership was found are recorded with the collection unset.
 */
export function installAudit(app: FastifyInstance, accounts: AccountStore): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!isGuarded(request)) return payload;
    const access = request.access;
    let action: AuditAction | null;
    if (access?.loginFailed) action = 'login-failed';
    else if (!access?.user) action = null;
    else action = classifyAudit(request);
    if (action === null) return payload;
    await accounts.appendAudit({
      at: new Date().toISOString(),
      username: access?.user?.username ?? null,
      collection: access?.collection?.slug ?? null,
      action,
      method: request.method,
      route: request.routeOptions.url ?? request.url,
      target: request.url.slice(0, MAX_TARGET_CHARS),
      status: reply.statusCode,
    });
    return payload;
  });
}
