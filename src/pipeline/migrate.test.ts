import { describe, expect, it } from 'vitest';
import { contentId } from '../core/index.js';
import type { ParsedDocument } from '../ingest/index.js';
import { openStore } from '../store/index.js';
import { migrateStore } from './migrate.js';

const note = (text: string, origin: string): ParsedDocument => ({
  id: contentId(text),
  kind: 'text',
  title: text.split('\n')[0]!,
  text,
  language: 'en',
  publishedAt: '2011-09-02',
  byline: null,
  mimeType: 'text/plain',
  sizeBytes: Buffer.byteLength(text),
  origin,
  email: null,
  intel: null,
  metadata: {},
});

const PUBLIC = note('Agents met in Ciudad Juárez\nFederal agents met prosecutors.', 'a.txt');
const DEBRIEF = note('Source MX9 debrief\nThe shipment leaves Manzanillo on the ninth.', 'b.txt');

describe('migrateStore', () => {
  it('carries every document’s TLP marking across', async () => {
    const source = await openStore(':memory:');
    const run = await source.startRun(['fixtures']);
    await source.writeBatch({
      runId: run.id,
      items: [
        { document: PUBLIC, parent: null },
        { document: DEBRIEF, parent: null, tlp: 'RED' },
      ],
      failures: [],
      completedFiles: [],
    });
    await source.finishRun(run.id, { succeeded: 2, failed: 0, duplicates: 0 });
    const target = await openStore(':memory:');
    const report = await migrateStore(source, target);
    expect(report.complete).toBe(true);
    expect(report.target.marked).toBe(1);
    expect((await target.getDocument(DEBRIEF.id))?.tlp).toBe('RED');
    expect((await target.getDocument(PUBLIC.id))?.tlp).toBe('CLEAR');
    expect((await target.restrictedTo('AMBER').search({ text: 'Manzanillo' })).total).toBe(0);
    await source.close();
    await target.close();
  });
});
