import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultIngestOptions } from '../src/ingest/index.js';
import { runIngest } from '../src/pipeline/index.js';
import type * as StoreModule from '../src/store/index.js';
import type { SearchQuery, Store } from '../src/store/index.js';
import { REPO_ROOT, tempDir } from './cli-helpers.js';

/**
 * The search pool runs the compiled worker (dist/, built by `npm test`), so it is tested through
 * the built store module, as `crosscheck serve` uses it.
 */
const BUILT_STORE = join(REPO_ROOT, 'dist', 'store', 'index.js');
const built = existsSync(BUILT_STORE);
if (!built && process.env.CI) throw new Error(`${BUILT_STORE} is missing: build first.`);

describe.runIf(built)('SQLite searches on worker threads', () => {
  const file = join(tempDir(), 'case.sqlite');
  let pooled: Store;
  let inThread: Store;

  beforeAll(async () => {
    const seeding = await (await import('../src/store/index.js')).openStore(file);
    await runIngest(seeding, [resolve(REPO_ROOT, 'sample/corpus')], {
      ingest: defaultIngestOptions(),
    });
    const [marked] = (await seeding.search({ text: 'Meridian', limit: 1 })).hits;
    await seeding.setDocumentTlp(marked!.id, 'RED');
    await seeding.close();
    const { openStore } = (await import(pathToFileURL(BUILT_STORE).href)) as typeof StoreModule;
    pooled = await openStore(file, { searchWorkers: 2 });
    inThread = await openStore(file);
  }, 120_000);
  afterAll(async () => {
    await pooled?.close();
    await inThread?.close();
  });

  const queries: SearchQuery[] = [
    { text: 'Juarez' },
    { text: '"Ciudad Juárez" OR Chihuahua', limit: 5, offset: 1 },
    { text: 'Meridian', languages: ['en'] },
    { text: 'cartel*', kinds: ['email', 'html'] },
    { text: 'nothing-matches-this' },
  ];

  it('runs on two worker threads', () => {
    expect((pooled as unknown as { searchThreads: number }).searchThreads).toBe(2);
    expect((inThread as unknown as { searchThreads: number }).searchThreads).toBe(0);
  });

  it('answers exactly as the in-thread search does, facets included', async () => {
    for (const query of queries) {
      expect(await pooled.search(query)).toEqual(await inThread.search(query));
      expect(await pooled.searchFacets(query)).toEqual(await inThread.searchFacets(query));
    }
    expect((await pooled.search({ text: 'Juarez' })).total).toBeGreaterThan(0);
  });

  it('pages after the facets as the in-thread search does (the facets’ thread answers)', async () => {
    for (const query of queries) {
      await pooled.searchFacets(query);
      // `exhaustive: false` asks the same search without the main thread's cached answer.
      expect(await pooled.search({ ...query, exhaustive: false })).toEqual(
        await inThread.search(query),
      );
    }
  });

  it('keeps to the clearance of the view that asks', async () => {
    const full = await pooled.search({ text: 'Meridian' });
    const restricted = await pooled.restrictedTo('AMBER+STRICT').search({ text: 'Meridian' });
    expect(restricted.total).toBe(full.total - 1);
    expect(restricted).toEqual(
      await inThread.restrictedTo('AMBER+STRICT').search({ text: 'Meridian' }),
    );
  });

  it('answers many concurrent searches, each with its own result', async () => {
    const many = Array.from({ length: 40 }, (_, i) => queries[i % queries.length]!);
    const answers = await Promise.all(many.map((query) => pooled.search(query)));
    for (const [i, answer] of answers.entries()) {
      expect(answer).toEqual(await inThread.search(many[i]!));
    }
  });

  it('sees a write committed by the server’s own connection at once', async () => {
    const word = 'zanzibarite';
    expect((await pooled.search({ text: word })).total).toBe(0);
    const run = await pooled.startRun(['memo.txt']);
    await pooled.writeBatch({
      runId: run.id,
      items: [
        {
          parent: null,
          document: {
            id: 'f'.repeat(64),
            kind: 'text',
            title: 'Memo',
            text: `A shipment of ${word} crossed at Nogales on 3 May.`,
            language: 'en',
            publishedAt: null,
            byline: null,
            mimeType: 'text/plain',
            sizeBytes: 50,
            origin: 'memo.txt',
            email: null,
            intel: null,
            metadata: {},
          },
        },
      ],
      failures: [],
      completedFiles: [],
    });
    expect((await pooled.search({ text: word })).total).toBe(1);
  });

  it('reports a malformed query as the in-thread search does', async () => {
    const query = { text: '"' };
    const inline = await inThread.search(query).then(
      (r) => ({ ok: true, total: r.total }),
      (e: Error) => ({ ok: false, message: e.message }),
    );
    const pooledAnswer = await pooled.search(query).then(
      (r) => ({ ok: true, total: r.total }),
      (e: Error) => ({ ok: false, message: e.message }),
    );
    expect(pooledAnswer).toEqual(inline);
  });
});
