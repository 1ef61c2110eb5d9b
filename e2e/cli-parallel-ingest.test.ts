import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.js';
import { REPO_ROOT, SEEDS_DIR, runCli, tempDir } from './cli-helpers.js';

const SAMPLE = resolve(REPO_ROOT, 'sample/corpus');

async function storedIds(location: string): Promise<string[]> {
  const store = await openStore(location);
  try {
    const ids: string[] = [];
    for await (const document of store.iterateDocuments())
      ids.push(`${document.id} ${document.origins.join('|')}`);
    return ids.sort();
  } finally {
    await store.close();
  }
}

describe('parsing on worker threads', () => {
  it('stores exactly what single-threaded parsing stores', async () => {
    const dir = tempDir();
    const stores = [join(dir, 'one.sqlite'), join(dir, 'two.sqlite')];
    const summaries = [1, 2].map((workers, i) => {
      const result = runCli([
        '--store',
        stores[i]!,
        'ingest',
        SEEDS_DIR,
        SAMPLE,
        '--parse-workers',
        String(workers),
        '--no-extract',
        '--no-analyze',
        '--json',
      ]);
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as {
        stored: number;
        duplicates: number;
        failures: unknown[];
      };
    });
    expect(summaries[1]!.stored).toBe(summaries[0]!.stored);
    expect(summaries[1]!.duplicates).toBe(summaries[0]!.duplicates);
    expect(summaries[0]!.stored).toBeGreaterThan(50);
    expect(await storedIds(stores[1]!)).toEqual(await storedIds(stores[0]!));
  });
});
