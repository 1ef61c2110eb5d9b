import type { FastifyInstance } from 'fastify';

/**
 * Documents are hostile input: a leaked e-mail can carry `<script>`. The UI renders them as text,
 * and this policy is the second wall: no inline or foreign scripts, styles, frames or plugins,
 * and nothing the page loads or calls leaves this server.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * Sets the headers on every response, errors and 404s included. `onSend` runs last, so it also
 * replaces the laxer policy the Swagger UI plugin sets for its own pages.
 */
export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    return payload;
  });
}
