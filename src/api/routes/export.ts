import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DEFAULT_EXPORT_OPTIONS,
  exportToStream,
  readSnapshot,
  scopeFromEntity,
  scopeFromQuery,
  WHOLE_STORE,
} from '../../export/index.js';
import type { TlpLevel } from '../../core/index.js';
import type { Store } from '../../store/index.js';

/** The formats one response can carry, with their media type and file name. */
const FORMATS = {
  stix: { type: 'application/stix+json;version=2.1', file: 'crosscheck-stix.json' },
  ftm: { type: 'application/x-ndjson', file: 'crosscheck-ftm.jsonl' },
  claimreview: { type: 'application/ld+json', file: 'crosscheck-claimreview.jsonld' },
  gexf: { type: 'application/gexf+xml', file: 'crosscheck.gexf' },
  graphml: { type: 'application/graphml+xml', file: 'crosscheck.graphml' },
} as const;

const ExportQuerySchema = z
  .object({
    format: z.enum(Object.keys(FORMATS) as [keyof typeof FORMATS, ...Array<keyof typeof FORMATS>]),
    q: z.string().trim().min(1).max(500).optional(),
    entity: z.string().trim().min(1).max(300).optional(),
  })
  .refine((query) => !(query.q && query.entity), {
    message: 'Give q or entity, not both',
    path: ['q'],
  });

export interface ExportRouteOptions {
  store: Store;
  /** The least restrictive marking of this request's export: its collection's TLP level. */
  marking?: () => TlpLevel;
}

/** The same exports as `crosscheck export`, streamed as a download. */
export const exportRoutes: FastifyPluginAsyncZod<ExportRouteOptions> = async (
  app,
  { store, marking },
) => {
  app.get(
    '/api/export',
    {
      schema: {
        summary: 'Export the store, a search or an entity in one of the field’s formats',
        description:
          'STIX 2.1 bundle, FollowTheMoney JSON Lines, schema.org ClaimReview, GEXF or GraphML. ' +
          '`q` limits it to the documents a search matches, `entity` to those naming an entity.',
        tags: ['export'],
        querystring: ExportQuerySchema,
        // No response schema: the body is a stream, and errors take the shared JSON shape.
      },
    },
    async (request, reply) => {
      const { format, q, entity } = request.query;
      const scope = q
        ? await scopeFromQuery(store, q)
        : entity
          ? await scopeFromEntity(store, entity)
          : WHOLE_STORE;
      const snapshot = await readSnapshot(store, scope);
      const body = new PassThrough();
      const options = { ...DEFAULT_EXPORT_OPTIONS, marking: marking?.() ?? 'CLEAR' };
      exportToStream(store, snapshot, format, body, options).then(
        () => body.end(),
        (error: unknown) => body.destroy(error instanceof Error ? error : new Error(String(error))),
      );
      return reply
        .header('content-type', FORMATS[format].type)
        .header('content-disposition', `attachment; filename="${FORMATS[format].file}"`)
        .send(body);
    },
  );
};
