import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultIngestOptions } from '../ingest/index.js';
import { openStore, type Store } from '../store/index.js';
import { runIngest } from './ingest-run.js';
import { findStoredReuse, runReuse } from './reuse-run.js';

const SEEDS = resolve(import.meta.dirname, '../../../shared/corpus/seeds');

describe('runReuse', () => {
  let store: Store;

  beforeAll(async () => {
    store = await openStore(':memory:');
    await runIngest(store, [SEEDS], { ingest: defaultIngestOptions(), parseWorkers: 0 });
  }, 60_000);

  afterAll(async () => {
    await store?.close();
  });

  it('records, through its scratch file, every pair and passage the search finds', async () => {
    const summary = await runReuse(store);
    const found = await findStoredReuse(store);
    const foundPairs = [...found.report.pairs];
    // The seeds reprint MX1's memo: something to find, or this would compare two empty reports.
    expect(foundPairs.length).toBeGreaterThan(0);
    expect({ ...summary, seconds: 0 }).toEqual({ ...found.summary, seconds: 0 });

    const key = (pair: { a: string; b: string }): string => `${pair.a} ${pair.b}`;
    const stored = await store.listReusePairs({ limit: 10_000 });
    expect(stored.map(key).sort()).toEqual(foundPairs.map(key).sort());
    const byKey = new Map(foundPairs.map((pair) => [key(pair), pair]));
    for (const pair of stored) expect(pair).toEqual(byKey.get(key(pair)));
    // The store lists the groups in an order of its own: compared by their words.
    const byText = (a: { text: string }, b: { text: string }): number =>
      a.text.localeCompare(b.text);
    const groups = await store.listPassageGroups({ limit: 10_000 });
    expect(groups.map(({ id: _id, ...group }) => group).sort(byText)).toEqual(
      [...found.report.passages].sort(byText),
    );
  });
});
