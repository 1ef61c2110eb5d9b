import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CrosscheckError, UsageError } from '../../core/index.js';
import type { IngestJobQueue } from '../ingest-jobs.js';
import { JobIdParamsSchema, JobSchema, UploadQuerySchema, errorResponses } from '../schemas.js';
import { sanitizeUploadName, saveUpload, tooLarge } from '../uploads.js';

export interface IngestRoutesOptions {
  jobs: IngestJobQueue;
  /** Where uploads are saved; null turns uploading off. */
  uploadDir: string | null;
  maxUploadBytes: number;
}

export const ingestRoutes: FastifyPluginAsyncZod<IngestRoutesOptions> = async (app, options) => {
  const { jobs, uploadDir, maxUploadBytes } = options;

  // Hand the raw body to the route as a stream, so a large upload goes to disk, not to memory.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) =>
    done(null, payload),
  );

  /*
   * One file per request, as the raw body, rather than a multipart form: it needs no multipart
   * parser, streams straight to disk, and lets the browser show per-file progress. A zip of many
   * files is one upload.
   */
  app.put(
    '/api/ingest/files',
    {
      schema: {
        summary: 'Upload one file (or a zip) and ingest it in the background',
        description:
          'Send the file as the raw `application/octet-stream` body, its name in `?name=`. ' +
          'Answers 202 with the job to poll at /api/ingest/jobs/{id}.',
        tags: ['ingest'],
        querystring: UploadQuerySchema,
        response: {
          202: JobSchema,
          ...errorResponses,
          403: errorResponses[400],
          413: errorResponses[400],
          415: errorResponses[400],
        },
      },
      // Refuse before the body is read: a wrong type or a declared size over the limit.
      onRequest: async (request) => {
        const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
        if (type !== 'application/octet-stream') {
          throw new UsageError(
            'UNSUPPORTED_FORMAT',
            `Uploads must be sent as application/octet-stream, not ${type ?? 'no content type'}`,
            {
              hint: 'Send the file itself as the request body with Content-Type: application/octet-stream.',
            },
          );
        }
        if (Number(request.headers['content-length'] ?? 0) > maxUploadBytes) {
          throw tooLarge(maxUploadBytes);
        }
      },
    },
    async (request, reply) => {
      if (uploadDir === null) {
        throw new CrosscheckError('FORBIDDEN', 'Uploading is turned off on this server', {
          hint: 'Start the server with an upload folder, or ingest with `crosscheck ingest`.',
        });
      }
      const name = sanitizeUploadName(request.query.name);
      const id = jobs.newId();
      const path = join(uploadDir, id, name);
      // An empty body never reaches the stream parser: it arrives as no body at all.
      const body = request.body instanceof Readable ? request.body : Readable.from([]);
      const bytes = await saveUpload(body, path, maxUploadBytes);
      return reply.code(202).send(jobs.enqueue(id, path, name, bytes));
    },
  );

  app.get(
    '/api/ingest/jobs',
    {
      schema: {
        summary: 'Upload jobs of this server process, newest first',
        tags: ['ingest'],
        response: { 200: z.array(JobSchema) },
      },
    },
    async () => jobs.list(),
  );

  app.get(
    '/api/ingest/jobs/:id',
    {
      schema: {
        summary: 'Progress of an upload job and, once done, its summary and failures',
        tags: ['ingest'],
        params: JobIdParamsSchema,
        response: { 200: JobSchema, ...errorResponses },
      },
    },
    async (request) => {
      const job = jobs.get(request.params.id);
      if (!job) {
        throw new CrosscheckError('NOT_FOUND', `No upload job has the id ${request.params.id}`, {
          hint: 'Jobs are kept in memory: they are gone after a server restart. See /api/runs for past runs.',
        });
      }
      return job;
    },
  );
};
