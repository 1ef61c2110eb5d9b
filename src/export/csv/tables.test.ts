import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/index.js';
import { readSnapshot, type ExportSnapshot } from '../snapshot.js';
import { buildTestStore, HOSTILE_TITLE } from '../test-store.js';
import { writeCsvTables } from './tables.js';

describe('CSV tables', () => {
  let store: Store;
  let snapshot: ExportSnapshot;
  let dir: string;
  let counts: Record<string, number>;
  const read = (name: string) =>
    parse(readFileSync(join(dir, `${name}.csv`), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];

  beforeAll(async () => {
    store = await buildTestStore();
    snapshot = await readSnapshot(store);
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-csv-'));
    counts = await writeCsvTables(store, snapshot, dir);
  }, 120_000);
  afterAll(() => store.close());

  it('writes one file per table with as many rows as the store holds', async () => {
    expect(read('documents')).toHaveLength(snapshot.documents.length);
    expect(read('entities')).toHaveLength(snapshot.entities.length);
    expect(read('claims')).toHaveLength(snapshot.claims.length);
    expect(read('events')).toHaveLength(snapshot.events.length);
    const mentions = snapshot.entities.reduce(
      (n, e) => n + [...e.mentionsByDocument.values()].reduce((a, b) => a + b, 0),
      0,
    );
    expect(read('mentions')).toHaveLength(mentions);
    let figures = 0;
    for (const d of snapshot.documents) {
      figures += (await store.getExtraction(d.id))?.extraction.figures.length ?? 0;
    }
    expect(read('figures')).toHaveLength(figures);
    expect(figures).toBeGreaterThan(0);
    expect(counts.figures).toBe(figures);
  });

  it('keeps hostile text intact through quoting', () => {
    expect(read('documents').map((d) => d.title)).toContain(HOSTILE_TITLE);
  });

  it('carries the Admiralty grades', () => {
    const mx7 = read('claims').find((c) => c.speaker === 'MX7' && c.circular === 'true');
    expect(mx7).toMatchObject({ admiralty: 'C3', independent_origins: '1' });
  });
});
