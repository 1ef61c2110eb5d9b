import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CrosscheckError } from '../../core/index.js';
import type { DocumentLink, Store } from '../../store/index.js';
import { DocumentIdParamsSchema, DocumentResponseSchema, errorResponses } from '../schemas.js';

export const documentRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  /** Adds the title of the document at the other end, so the reader can name its links. */
  const withTitle = async (link: DocumentLink, otherId: string) => ({
    ...link,
    title: (await store.getDocument(otherId))?.title ?? null,
  });

  app.get(
    '/api/documents/:id',
    {
      schema: {
        summary: 'One document with its origins, e-mail headers, source block and links',
        tags: ['documents'],
        params: DocumentIdParamsSchema,
        response: { 200: DocumentResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const id = await store.resolveDocumentId(request.params.id);
      const document = id ? await store.getDocument(id) : null;
      if (!document) {
        throw new CrosscheckError('NOT_FOUND', `No document has the id ${request.params.id}`, {
          hint: 'Use an id from a search result; a prefix must be at least 6 characters and match one document only.',
        });
      }
      const links = await store.getLinks(document.id);
      return {
        ...document,
        links: {
          parents: await Promise.all(links.parents.map((l) => withTitle(l, l.parentId))),
          children: await Promise.all(links.children.map((l) => withTitle(l, l.childId))),
        },
      };
    },
  );
};
