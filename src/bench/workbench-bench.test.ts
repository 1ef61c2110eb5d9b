import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysedSampleStore } from '../pipeline/testing.js';
import type { Store } from '../store/index.js';
import { timeWorkbenchReads, workbenchReads } from './workbench-bench.js';

/* The workbench part over the sample corpus, analysed as `npm start` leaves it. */

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-workbench-bench-'));
  store = await analysedSampleStore(join(dir, 'store.sqlite'));
}, 120_000);
afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the workbench benchmark', () => {
  it("aims at the store's heaviest subjects", async () => {
    const reads = await workbenchReads(store);
    const [name] = (await store.listEntities({ limit: 1 })).entities;
    const [claim] = (await store.listClaimClusters({ limit: 1 })).clusters;
    const paths = reads.map((r) => r.path);
    expect(paths).toContain(`/api/entities/${name!.type}/${encodeURIComponent(name!.name)}`);
    expect(paths).toContain(`/api/claims/${claim!.id}`);
    expect(paths).toContain(`/api/documents/${claim!.documents[0]!.id}/reuse`);
    expect(new Set(reads.map((r) => r.label)).size).toBe(reads.length);
  });

  it('times every read and weighs its answer', async () => {
    const lines: string[] = [];
    const reads = await workbenchReads(store);
    const rows = await timeWorkbenchReads(store, reads, { rounds: 1, log: (l) => lines.push(l) });
    expect(rows).toHaveLength(reads.length * 2);
    expect(lines).toHaveLength(reads.length);
    for (const { label } of reads) {
      const time = rows.find((r) => r.metric === `${label} time`)!;
      const size = rows.find((r) => r.metric === `${label} size`)!;
      expect([time.unit, size.unit]).toEqual(['ms', 'KB']);
      expect(time.value).toBeGreaterThan(0);
      expect(size.value).toBeGreaterThan(0);
    }
  });

  it('stops at a read that fails rather than timing an error', async () => {
    const reads = [{ label: 'no such entity', path: '/api/resolved-entities/nobody%20at%20all' }];
    await expect(timeWorkbenchReads(store, reads, { rounds: 1, log: () => {} })).rejects.toThrow(
      /nobody%20at%20all answered 404/,
    );
  });
});
