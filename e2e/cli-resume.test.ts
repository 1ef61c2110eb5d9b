import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../src/store/index.js';
import { describe, expect, it } from 'vitest';
import { runCli, startCli, tempDir } from './cli-helpers.js';

const FILES = 4000;

function writePile(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < FILES; i++) {
    writeFileSync(
      join(dir, `memo-${String(i).padStart(5, '0')}.txt`),
      `Field memo ${i}\n\nAgent report ${i}: shipment ${i * 37} crossed near Nogales; ` +
        `the informant coded MX${i % 97} confirmed it to the desk on day ${i % 28}.\n`,
    );
  }
}

async function documentCount(location: string): Promise<number> {
  const store = await openStore(location);
  try {
    return (await store.stats()).documents;
  } finally {
    await store.close();
  }
}

describe('crash safety (kill -9 mid-ingest, then resume)', () => {
  it('stores every document exactly once, none half-written', async () => {
    const dir = tempDir();
    const pile = join(dir, 'pile');
    const store = join(dir, 'store.sqlite');
    writePile(pile);

    const child = startCli(['--store', store, 'ingest', pile, '--batch-size', '50', '--quiet']);
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_c, s) => resolve(s)),
    );
    // Kill it once some, but not all, batches are committed.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if ((await documentCount(store)) > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const afterKill = await documentCount(store);
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(FILES);

    const resumed = runCli(['--store', store, 'ingest', pile, '--json']);
    expect(resumed.code).toBe(0);
    const summary = JSON.parse(resumed.stdout) as {
      stored: number;
      duplicates: number;
      skippedFiles: number;
    };
    expect(summary.stored).toBe(FILES - afterKill);
    expect(summary.stored + summary.duplicates + summary.skippedFiles).toBeGreaterThanOrEqual(
      FILES,
    );

    const reopened = await openStore(store);
    expect(await reopened.checkIntegrity()).toEqual({ ok: true, problems: [] });
    expect((await reopened.stats()).documents).toBe(FILES);
    // Every stored text is the whole file (trailing white space aside), stored once, and the
    // full-text index has them all.
    const ids = new Set<string>();
    for await (const document of reopened.iterateDocuments()) {
      ids.add(document.id);
      expect(document.text).toBe(readFileSync(document.origins[0]!, 'utf8').trimEnd());
    }
    expect(ids.size).toBe(FILES);
    expect((await reopened.search({ text: 'Nogales', limit: 1 })).total).toBe(FILES);
    await reopened.close();
  });
});
