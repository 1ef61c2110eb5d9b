import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentId } from '../core/index.js';
import type { IngestHooks } from './events.js';
import { countInputs, readSources } from './read-sources.js';
import {
  FIXTURES,
  REPO_ROOT,
  fixture,
  ingest,
  optionsWith,
  temporaryFolder,
} from './test-helpers.js';

/** Whole-folder runs skip OCR, which the PDF tests cover and which takes seconds a page. */
const NO_OCR = optionsWith({ ocr: false });

describe('readSources', () => {
  it('brackets each file with file-start and file-done, reports missing paths and goes on', async () => {
    const missing = join(FIXTURES, 'no-such-file.txt');
    const { events } = await ingest([missing, fixture('dateline-en.txt')]);
    const id = contentId(readFileSync(fixture('dateline-en.txt')));
    expect(events.map((event) => event.type)).toEqual([
      'failure',
      'file-start',
      'item',
      'file-done',
    ]);
    expect(events[0]).toMatchObject({
      failure: { code: 'FILE_NOT_FOUND', path: missing, parser: 'walk' },
    });
    expect(events[1]).toEqual({ type: 'file-start', path: fixture('dateline-en.txt'), bytes: 532 });
    expect(events[3]).toEqual({
      type: 'file-done',
      path: fixture('dateline-en.txt'),
      contentId: id,
      documents: 1,
      failures: 0,
    });
  });

  it('skips a file the store already holds, asking by content hash', async () => {
    const asked: string[] = [];
    const hooks: IngestHooks = {
      isFileCompleted: (id) => {
        asked.push(id);
        return Promise.resolve(true);
      },
    };
    const events = [];
    for await (const event of readSources([fixture('northgate-leak.mbox')], optionsWith(), hooks))
      events.push(event);
    const id = contentId(readFileSync(fixture('northgate-leak.mbox')));
    expect(asked).toEqual([id]);
    expect(events).toEqual([
      {
        type: 'file-skipped',
        path: fixture('northgate-leak.mbox'),
        contentId: id,
        reason: 'already-ingested',
      },
    ]);
  });

  it('refuses a file over maxFileBytes without reading it', async () => {
    const { events } = await ingest(
      [fixture('border-article.html')],
      optionsWith({ limits: { maxFileBytes: 1000 } }),
    );
    expect(events).toEqual([
      {
        type: 'failure',
        failure: expect.objectContaining({
          code: 'FILE_TOO_LARGE',
          path: fixture('border-article.html'),
          parser: 'read',
        }),
      },
    ]);
  });

  it('produces the same ids, in the same order, when the same files are read again', async () => {
    const first = await ingest([FIXTURES], NO_OCR);
    const second = await ingest([FIXTURES], NO_OCR);
    const ids = (run: typeof first) =>
      run.items.map((item) => `${item.document.origin} ${item.document.id}`);
    expect(ids(first).length).toBeGreaterThan(20);
    expect(ids(second)).toEqual(ids(first));
    // Streamed formats are hashed while streaming; the id must equal core's contentId all the same.
    const mboxDone = first.events.find(
      (event) => event.type === 'file-done' && event.path.endsWith('.mbox'),
    );
    expect(mboxDone).toMatchObject({
      contentId: contentId(readFileSync(fixture('northgate-leak.mbox'))),
    });
  });

  it('never lets control characters or non-NFC text through, and counts every item and failure', async () => {
    const { items, events } = await ingest([FIXTURES], NO_OCR);
    for (const { document } of items) {
      // eslint-disable-next-line no-control-regex
      expect(document.text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
      expect(document.text).toBe(document.text.normalize('NFC'));
    }
    let documents = 0;
    let failures = 0;
    for (const event of events) {
      if (event.type === 'item') documents++;
      if (event.type === 'failure') failures++;
      if (event.type === 'file-done') {
        expect({ documents: event.documents, failures: event.failures }).toEqual({
          documents,
          failures,
        });
        documents = 0;
        failures = 0;
      }
    }
  });

  it('cuts text longer than maxTextChars and notes it', async () => {
    const { items } = await ingest(
      [fixture('cartel-memo-es.txt')],
      optionsWith({ limits: { maxTextChars: 100 } }),
    );
    expect(items[0]!.document.text).toHaveLength(100);
    expect(items[0]!.document.metadata.truncated).toEqual({
      originalChars: expect.any(Number),
      keptChars: 100,
    });
  });

  it('reports a path that cannot be read (here, a file used as a folder) as FILE_UNREADABLE', async () => {
    const folder = temporaryFolder();
    try {
      writeFileSync(join(folder.path, 'memo.txt'), 'x');
      const path = join(folder.path, 'memo.txt', 'below');
      const { failures } = await ingest([path]);
      expect(failures).toEqual([
        expect.objectContaining({ code: 'FILE_UNREADABLE', parser: 'walk', path }),
      ]);
    } finally {
      folder.remove();
    }
  });

  it('never throws on damaged copies of every fixture: each problem is a failure event', async () => {
    const folder = temporaryFolder();
    try {
      let seed = 2012;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      for (const name of readdirSync(FIXTURES)) {
        const bytes = readFileSync(join(FIXTURES, name));
        writeFileSync(
          join(folder.path, `cut-third-${name}`),
          bytes.subarray(0, Math.floor(bytes.length / 3)),
        );
        writeFileSync(
          join(folder.path, `cut-two-thirds-${name}`),
          bytes.subarray(0, Math.floor((bytes.length * 2) / 3)),
        );
        const flipped = Buffer.from(bytes);
        for (let index = 0; index < Math.max(1, flipped.length / 50); index++) {
          flipped[Math.floor(random() * flipped.length)] = Math.floor(random() * 256);
        }
        writeFileSync(join(folder.path, `flipped-${name}`), flipped);
      }
      const { events } = await ingest([folder.path], NO_OCR);
      const done = events.filter((event) => event.type === 'file-done' || event.type === 'failure');
      expect(done.length).toBeGreaterThan(0);
      expect(events.filter((event) => event.type === 'file-start').length).toBe(
        events.filter((event) => event.type === 'file-done').length,
      );
    } finally {
      folder.remove();
    }
  });

  it('countInputs matches what a run brackets', async () => {
    const { events } = await ingest([FIXTURES], NO_OCR);
    const counted = await countInputs([FIXTURES]);
    const started = events.filter((event) => event.type === 'file-start');
    expect(counted.files).toBe(started.length);
    expect(counted.bytes).toBe(
      started.reduce((sum, event) => sum + (event.type === 'file-start' ? event.bytes : 0), 0),
    );
  });
});

describe('the seed articles', () => {
  const seeds = resolve(REPO_ROOT, '../shared/corpus/seeds');

  it('ingest as English text with sane titles, and 001 keeps its date', async () => {
    const files = readdirSync(seeds).filter((name) => name.endsWith('.txt'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    const { items, failures } = await ingest([seeds]);
    expect(failures).toEqual([]);
    expect(items).toHaveLength(files.length);
    for (const { document } of items) {
      expect(document).toMatchObject({
        kind: 'text',
        language: 'en',
        metadata: { charset: 'utf-8' },
      });
      expect(document.title!.length).toBeGreaterThan(3);
      expect(document.title!.length).toBeLessThanOrEqual(200);
      expect(document.text.length).toBeGreaterThan(1000);
    }
    const byFile = (prefix: string) =>
      items.find((item) => item.document.origin.includes(`/${prefix}_`))!.document;
    expect(byFile('001')).toMatchObject({
      publishedAt: '2012-10-05',
      title: 'Stratfor Sources: U.S. Troops in Mexico as Feds Aid Cartels',
    });
    expect(byFile('003').title).toBe('The U.S. and Mexican Narcos Are Smoking the Peace Pipe');
    expect(items.filter((item) => item.document.publishedAt !== null)).toHaveLength(1);
  });
});
