import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { errorBody } from './errors.js';

/**
 * Where `vite build` puts the UI. This file sits two folders below the repository root both as
 * source (src/api) and compiled (dist/api), so the same relative path works from either.
 */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * Serves the built UI, and answers every other non-API GET with its index.html so that a
 * bookmarked or reloaded screen opens the app. Unknown /api paths stay JSON 404s.
 */
export async function serveWebUi(app: FastifyInstance, webRoot: string | null): Promise<void> {
  const built = webRoot !== null && existsSync(join(webRoot, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      setHeaders(reply, path) {
        // Vite names assets by content hash, so they never change; index.html always may.
        reply.header(
          'cache-control',
          path.includes(join(webRoot, 'assets', ''))
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url === '/api' || request.url.startsWith('/api/');
    if (built && !isApi && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply
      .code(404)
      .send(
        errorBody(
          'NOT_FOUND',
          `Nothing at ${request.method} ${request.url.split('?')[0]}`,
          isApi || webRoot === null
            ? 'See /api/docs for the routes this server offers.'
            : 'The web UI is not built: run `npm run build`.',
        ),
      );
  });
}
