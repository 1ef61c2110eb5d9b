import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultIngestOptions } from '../ingest/index.js';
import { openStore, type Store } from '../store/index.js';
import { runIngest } from './ingest-run.js';
import { startReuseThread } from './reuse-off-thread.js';
import { findStoredReuse } from './reuse-run.js';

const SEEDS = resolve(import.meta.dirname, '../../../shared/corpus/seeds');
/** Threads run compiled JavaScript: `npm test` builds dist/ first. */
const THREAD_FILE = resolve(import.meta.dirname, '../../dist/pipeline/reuse-thread.js');

describe('startReuseThread', () => {
  let dir: string;
  let store: Store;

  beforeAll(async () => {
    if (!existsSync(THREAD_FILE)) throw new Error(`${THREAD_FILE} is missing: run npm run build`);
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-reuse-thread-'));
    store = await openStore(join(dir, 'store.sqlite'));
    await runIngest(store, [SEEDS], { ingest: defaultIngestOptions(), parseWorkers: 0 });
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds on its own thread what the calling thread finds, and writes nothing', async () => {
    const thread = startReuseThread(store, {}, THREAD_FILE);
    expect(thread).not.toBeNull();
    const there = await thread!.result;
    // Read before stopping: stopping removes the files the pairs are read from.
    const pairsThere = [...there.report.pairs];
    await thread!.stop();
    expect(() => [...there.report.pairs]).toThrow(/pairs\.jsonl/);
    const here = await findStoredReuse(store);
    // The seeds reprint MX1's memo: something to find, or this would compare two empty reports.
    expect(there.report.passages.length).toBeGreaterThan(0);
    expect(pairsThere.length).toBeGreaterThan(0);
    expect(pairsThere).toEqual(here.report.pairs);
    expect(there.report.passages).toEqual(here.report.passages);
    expect({ ...there.summary, seconds: 0 }).toEqual({ ...here.summary, seconds: 0 });
    expect(await store.listPassageGroups()).toEqual([]);
  });

  it('declines an in-memory store and a restricted view, which no other thread can open', async () => {
    const memory = await openStore(':memory:');
    expect(startReuseThread(memory, {}, THREAD_FILE)).toBeNull();
    await memory.close();
    expect(startReuseThread(store.restrictedTo('GREEN'), {}, THREAD_FILE)).toBeNull();
  });

  it('rejects with the reason when the thread cannot read the store', async () => {
    const notAStore = join(dir, 'not-a-store.sqlite');
    writeFileSync(notAStore, 'this is not a database');
    const thread = startReuseThread({ ...store, location: notAStore } as Store, {}, THREAD_FILE);
    await expect(thread!.result).rejects.toThrow(/finding reuse failed/);
    await thread!.stop();
  });
});
