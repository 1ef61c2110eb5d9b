import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DatedEvent, Store } from '../../store/index.js';
import {
  PlacesQuerySchema,
  PlacesResponseSchema,
  TimelineQuerySchema,
  TimelineResponseSchema,
} from '../analysis-schemas.js';
import { errorResponses } from '../schemas.js';

/** The documents the events come from, with their publication dates (undated ones left out). */
async function publishedDocuments(store: Store, events: DatedEvent[]) {
  const ids = [...new Set(events.map((e) => e.documentId))].sort();
  const documents = await Promise.all(ids.map((id) => store.getDocument(id)));
  return documents.flatMap((d) =>
    d?.publishedAt ? [{ id: d.id, title: d.title, kind: d.kind, publishedAt: d.publishedAt }] : [],
  );
}

/** The timeline and the map: dates and places mentioned across the store. */
export const timelineRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/timeline',
    {
      schema: {
        summary: 'Dates mentioned in the documents, and when those documents were published',
        description: '`from` and `to` are inclusive, as YYYY, YYYY-MM or YYYY-MM-DD.',
        tags: ['analysis'],
        querystring: TimelineQuerySchema,
        response: { 200: TimelineResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { from, to, limit } = request.query;
      const events = await store.listDatedEvents({ from, to, limit });
      return { events, documents: await publishedDocuments(store, events) };
    },
  );

  app.get(
    '/api/places',
    {
      schema: {
        summary: 'Geocoded places with how often, and in how many documents, they are mentioned',
        tags: ['analysis'],
        querystring: PlacesQuerySchema,
        response: { 200: PlacesResponseSchema, ...errorResponses },
      },
    },
    async (request) => ({ places: await store.listPlaces({ limit: request.query.limit }) }),
  );
};
