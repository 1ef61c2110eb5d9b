import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DocumentLink, Store } from '../../store/index.js';
import { requireDocument } from '../require-document.js';
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
      const document = await requireDocument(store, request.params.id);
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
