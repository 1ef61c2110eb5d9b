import { describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { SEARCH_COUNT_LIMIT } from '../types.js';
import type { StoreFactory } from './documents.contract.js';
import {
  ARTICLE_EN,
  ARTICLE_ES,
  EMAIL,
  item,
  makeDocument,
  writeDocuments,
  writeTiedBulletins,
} from './fixtures.js';
import { searchFacetsContract } from './search-facets.contract.js';

async function seeded(open: StoreFactory): Promise<Store> {
  const store = await open();
  const run = await store.startRun(['fixtures']);
  await store.writeBatch({
    runId: run.id,
    items: [ARTICLE_EN, ARTICLE_ES, EMAIL].map((d) => item(d)),
    failures: [],
    completedFiles: [],
  });
  return store;
}

const ids = (hits: { id: string }[]) => hits.map((h) => h.id).sort();

export function searchContract(open: StoreFactory): void {
  describe('search', () => {
    it('matches with or without accents, both ways', async () => {
      const store = await seeded(open);
      // "Juarez" finds "Juárez"; "juárez" finds the e-mail's unaccented "Juarez".
      expect(ids((await store.search({ text: 'Juarez' })).hits)).toEqual(ids([ARTICLE_EN, EMAIL]));
      expect(ids((await store.search({ text: 'juárez' })).hits)).toEqual(ids([ARTICLE_EN, EMAIL]));
      // "secretaria" finds "Secretaría".
      expect(ids((await store.search({ text: 'secretaria' })).hits)).toEqual([ARTICLE_ES.id]);
      await store.close();
    });

    it('supports phrases, AND, OR, NOT and prefixes', async () => {
      const store = await seeded(open);
      expect(ids((await store.search({ text: '"Ciudad Juarez"' })).hits)).toEqual([ARTICLE_EN.id]);
      expect((await store.search({ text: '"Juarez Ciudad"' })).total).toBe(0);
      expect(ids((await store.search({ text: 'juarez AND plaza' })).hits)).toEqual([EMAIL.id]);
      expect(ids((await store.search({ text: 'plaza OR Culiacan' })).hits)).toEqual(
        ids([EMAIL, ARTICLE_ES]),
      );
      expect(ids((await store.search({ text: 'juarez NOT plaza' })).hits)).toEqual([ARTICLE_EN.id]);
      expect(ids((await store.search({ text: 'juarez -plaza' })).hits)).toEqual([ARTICLE_EN.id]);
      expect(ids((await store.search({ text: 'negoti*' })).hits)).toEqual([EMAIL.id]);
      expect(ids((await store.search({ text: '(plaza OR Culiacán) AND detención' })).hits)).toEqual(
        [ARTICLE_ES.id],
      );
      await store.close();
    });

    it('filters by language, type and date range', async () => {
      const store = await seeded(open);
      const all = 'juarez OR secretaria';
      expect(ids((await store.search({ text: all, languages: ['es'] })).hits)).toEqual([
        ARTICLE_ES.id,
      ]);
      expect(ids((await store.search({ text: all, kinds: ['email'] })).hits)).toEqual([EMAIL.id]);
      expect(ids((await store.search({ text: all, from: '2011-01-01' })).hits)).toEqual(
        ids([ARTICLE_EN, ARTICLE_ES]),
      );
      expect(ids((await store.search({ text: all, to: '2010-04-19' })).hits)).toEqual([EMAIL.id]);
      expect(
        ids((await store.search({ text: all, from: '2011-04-19', to: '2011-04-19' })).hits),
      ).toEqual([ARTICLE_EN.id]);
      await store.close();
    });

    it('counts facets, each with the other filters applied', async () => {
      const store = await seeded(open);
      const all = 'juarez OR secretaria';
      // Nothing resolved yet: no entities; the e-mail's intel code is its source.
      expect(await store.searchFacets({ text: all })).toEqual({
        languages: { en: 2, es: 1 },
        kinds: { text: 2, email: 1 },
        entities: [],
        sources: [{ source: 'MX7', count: 1 }],
        sampled: false,
      });
      // The language facet ignores the language filter (so other choices stay visible), the
      // type facet applies it.
      expect(await store.searchFacets({ text: all, languages: ['es'] })).toMatchObject({
        languages: { en: 2, es: 1 },
        kinds: { text: 1 },
        sources: [],
      });
      await store.close();
    });

    it('ranks, pages and highlights without HTML', async () => {
      const store = await seeded(open);
      const run = await store.startRun(['more']);
      const loud = makeDocument(
        'Cartel cartel cartel: <b>cartel</b> everywhere in this cartel report.',
      );
      await store.writeBatch({
        runId: run.id,
        items: [item(loud)],
        failures: [],
        completedFiles: [],
      });
      const results = await store.search({ text: 'cartel', limit: 1 });
      expect(results.total).toBe(2);
      expect(results.hits).toHaveLength(1);
      expect(results.hits[0]!.id).toBe(loud.id);
      const highlighted = results.hits[0]!.snippet.filter((p) => p.match).map((p) =>
        p.text.toLowerCase(),
      );
      expect(highlighted.length).toBeGreaterThan(0);
      expect(new Set(highlighted)).toEqual(new Set(['cartel']));
      // The snippet is plain text: markup from the document comes back as characters.
      expect(results.hits[0]!.snippet.map((p) => p.text).join('')).toContain('<b>');
      const second = await store.search({ text: 'cartel', limit: 1, offset: 1 });
      expect(second.hits[0]!.id).toBe(ARTICLE_EN.id);
      await store.close();
    });

    it('treats FTS syntax in user text as words, and rejects malformed queries clearly', async () => {
      const store = await seeded(open);
      await expect(store.search({ text: 'title:juarez' })).resolves.toBeDefined();
      await expect(store.search({ text: 'NEAR(juarez plaza)' })).resolves.toBeDefined();
      await expect(store.search({ text: '"unclosed' })).rejects.toMatchObject({
        code: 'INVALID_QUERY',
      });
      await expect(store.search({ text: 'NOT juarez' })).rejects.toMatchObject({
        code: 'INVALID_QUERY',
      });
      await expect(store.search({ text: '   ' })).rejects.toMatchObject({ code: 'INVALID_QUERY' });
      await store.close();
    });

    it('counts exactly and ranks every match under the count limit', async () => {
      const store = await seeded(open);
      const results = await store.search({ text: 'juarez' });
      expect(results).toMatchObject({ total: 2, totalIsLowerBound: false, rankedAmong: null });
      await store.close();
    });

    it('says when it stopped counting, and an exhaustive search still finds every match', async () => {
      const store = await open();
      const count = SEARCH_COUNT_LIMIT + 30;
      const bulletins = await writeTiedBulletins(store, count);
      const page = await store.search({ text: 'checkpoint', limit: 5 });
      // Both stores stop counting one past the limit.
      expect(page).toMatchObject({ total: SEARCH_COUNT_LIMIT, totalIsLowerBound: true });
      expect(page.hits).toHaveLength(5);
      if (page.rankedAmong !== null) {
        // FTS5 has no ranked index: the embedded store ranks the newest that many matches.
        expect(page.rankedAmong).toBe(SEARCH_COUNT_LIMIT);
        const newest = new Set(bulletins.slice(-SEARCH_COUNT_LIMIT).map((d) => d.id));
        expect(page.hits.every((hit) => newest.has(hit.id))).toBe(true);
      }
      // PostgreSQL ranks every match (RUM in the index, ts_rank_cd without it).
      expect(page.rankedAmong === null).toBe(store.kind === 'postgres');

      const facets = await store.searchFacets({ text: 'checkpoint' });
      const counted = Object.values(facets.kinds).reduce((a, b) => a + b, 0);
      // Languages and types are counted over as many matches as the total (one past the limit,
      // which is how a store knows there were more), and say so.
      expect(facets.sampled).toBe(true);
      expect(counted).toBe(SEARCH_COUNT_LIMIT + 1);
      expect(Object.values(facets.languages).reduce((a, b) => a + b, 0)).toBe(counted);

      // Pages never overlap, however many matches tie (seven scores among 10,030 here).
      const pages = await Promise.all(
        [0, 1, 2].map((n) => store.search({ text: 'checkpoint', limit: 100, offset: 100 * n })),
      );
      const paged = pages.flatMap((p) => p.hits.map((h) => h.id));
      expect(new Set(paged).size).toBe(300);
      const first300 = await store.search({ text: 'checkpoint', limit: 300 });
      expect(new Set(paged)).toEqual(new Set(first300.hits.map((h) => h.id)));

      const all = new Set<string>();
      for (let offset = 0; ; offset += 500) {
        const next = await store.search({
          text: 'checkpoint',
          limit: 500,
          offset,
          exhaustive: true,
        });
        expect(next).toMatchObject({ total: count, totalIsLowerBound: false, rankedAmong: null });
        for (const hit of next.hits) all.add(hit.id);
        if (next.hits.length < 500) break;
      }
      expect(all.size).toBe(count);
      await store.close();
    }, 60_000);

    it('matches a phrase of common words exactly, however its page is found', async () => {
      const store = await open();
      const texts = {
        exact: 'Reportan balacera en la Ciudad de México durante la noche.',
        otherWord: 'Llegaron a la Ciudad en México tres agentes.',
        adjacent: 'La Ciudad México-Tenochtitlan fue fundada en 1325.',
        stopwordsOnly: 'Informe de la policía estatal sobre el operativo.',
      };
      const documents = Object.fromEntries(
        Object.entries(texts).map(([key, text]) => [key, makeDocument(text, { language: 'es' })]),
      );
      await writeDocuments(store, Object.values(documents));
      const phrase = '"Ciudad de México"';
      // A store may read the phrase's words without "de" from its index and test the phrase
      // itself only on what it reads: the other-word and adjacent documents must not pass.
      const page = await store.search({ text: phrase });
      expect(ids(page.hits)).toEqual([documents.exact!.id]);
      expect(page.total).toBe(1);
      await store.searchFacets({ text: phrase });
      const fromSample = await store.search({ text: phrase, exhaustive: false });
      expect(ids(fromSample.hits)).toEqual([documents.exact!.id]);
      // Stopwords alone are still a phrase to match.
      expect(ids((await store.search({ text: '"de la"' })).hits)).toEqual([
        documents.stopwordsOnly!.id,
      ]);
      // What NOT excludes is the exact phrase, not its looser form.
      expect(ids((await store.search({ text: 'ciudad NOT "Ciudad de México"' })).hits)).toEqual(
        ids([documents.otherWord!, documents.adjacent!]),
      );
      await store.close();
    });

    it('pages alike whether or not the facets ranked the matches first', async () => {
      const store = await open();
      // 1,200 matches with seven scores among them, so pages cut through ties.
      await writeTiedBulletins(store, 1200);
      const pages = [
        [0, 20],
        [20, 20],
        [35, 50],
        [990, 10],
        [995, 10],
      ] as const;
      // A word, and a prefix (which a store may read differently for a page's snippets).
      for (const text of ['checkpoint', 'checkpo*']) {
        const ranked = [];
        for (const [offset, limit] of pages) {
          ranked.push(await store.search({ text, offset, limit }));
        }
        expect(ranked[0]!.hits).toHaveLength(20);
        // The facets rank the best 1,001 matches; a store may take a page inside them from that
        // sample. `exhaustive: false` asks the same search without its cached answer.
        await store.searchFacets({ text });
        for (const [i, [offset, limit]] of pages.entries()) {
          const query = { text, offset, limit, exhaustive: false };
          expect(await store.search(query)).toEqual(ranked[i]);
        }
      }
      await store.close();
    });
  });
  searchFacetsContract(open);
}
