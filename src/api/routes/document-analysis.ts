import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CrosscheckError } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { ExtractionResponseSchema, ReuseResponseSchema } from '../analysis-schemas.js';
import { describeReuse } from '../analysis/document-reuse.js';
import { requireDocument } from '../require-document.js';
import { DocumentIdParamsSchema, errorResponses } from '../schemas.js';

/** What extraction and text reuse found in one document: the reader's highlights and links. */
export const documentAnalysisRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (
  app,
  { store },
) => {
  app.get(
    '/api/documents/:id/extraction',
    {
      schema: {
        summary: 'The people, places, dates, figures, quotes and claims found in a document',
        description: 'Offsets are UTF-16 code units into the document text.',
        tags: ['documents'],
        params: DocumentIdParamsSchema,
        response: { 200: ExtractionResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const document = await requireDocument(store, request.params.id);
      const stored = await store.getExtraction(document.id);
      if (!stored) {
        throw new CrosscheckError('NOT_FOUND', `Document ${document.id} has not been extracted`, {
          hint: 'Run `crosscheck extract` on this store.',
        });
      }
      return stored;
    },
  );

  app.get(
    '/api/documents/:id/reuse',
    {
      schema: {
        summary: 'Passages this document shares with others, and the documents sharing them',
        description:
          '`pairs` are seen from this document: `start`/`end` index its text, `otherStart`/' +
          '`otherEnd` the other one. `passages` list every document carrying each shared ' +
          'passage, earliest first.',
        tags: ['documents'],
        params: DocumentIdParamsSchema,
        response: { 200: ReuseResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const document = await requireDocument(store, request.params.id);
      return describeReuse(store, document);
    },
  );
};
