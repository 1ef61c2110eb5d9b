import { describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { ARTICLE_EN, makeDocument, writeDocuments } from './fixtures.js';

/** Two handles on one store: the server's, and another process's (a CLI ingest, a worker). */
export type StorePairFactory = () => Promise<{ server: Store; other: Store }>;

const add = (store: Store, text: string) => writeDocuments(store, [makeDocument(text)]);

/**
 * Cached search answers must never outlive the state they describe, whoever changes the store:
 * the same connection, another one, or an analyst re-marking a document.
 */
export function searchCacheContract(openPair: StorePairFactory): void {
  describe('search cache', () => {
    it('sees writes by the same handle and by another one at once', async () => {
      const { server, other } = await openPair();
      try {
        await add(server, `${ARTICLE_EN.text} Mentions the word quetzalcoatlus once.`);
        const query = { text: 'quetzalcoatlus' };
        expect((await server.search(query)).total).toBe(1);
        expect((await server.search(query)).total).toBe(1);
        await add(server, 'A second note about quetzalcoatlus sightings near Nogales.');
        expect((await server.search(query)).total).toBe(2);
        expect((await server.searchFacets(query)).languages.en).toBe(2);
        await add(other, 'A third quetzalcoatlus report, written by another process.');
        expect((await server.search(query)).total).toBe(3);
        expect((await server.searchFacets(query)).languages.en).toBe(3);
      } finally {
        await server.close();
        await other.close();
      }
    });

    it('keeps views apart and follows a re-marking', async () => {
      const { server, other } = await openPair();
      try {
        await add(server, 'A debrief on the axolotl route through Tijuana.');
        const query = { text: 'axolotl' };
        const view = server.restrictedTo('AMBER');
        expect((await view.search(query)).total).toBe(1);
        const [hit] = (await server.search(query)).hits;
        await other.setDocumentTlp(hit!.id, 'RED');
        expect((await view.search(query)).total).toBe(0);
        expect((await server.search(query)).total).toBe(1);
        expect((await server.search(query)).hits[0]?.tlp).toBe('RED');
      } finally {
        await server.close();
        await other.close();
      }
    });
  });
}
