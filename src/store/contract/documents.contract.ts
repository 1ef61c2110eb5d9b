import { describe, expect, it } from 'vitest';
import { openStore } from '../open.js';
import type { Store } from '../store.js';
import {
  ARTICLE_EN,
  ARTICLE_ES,
  ATTACHMENT,
  EMAIL,
  item,
  makeDocument,
  writeDocuments,
} from './fixtures.js';

export type StoreFactory = () => Promise<Store>;

export function documentsContract(open: StoreFactory): void {
  describe('documents', () => {
    it('stores a batch and reads every field back', async () => {
      const store = await open();
      const run = await store.startRun(['fixtures']);
      const result = await store.writeBatch({
        runId: run.id,
        items: [item(ARTICLE_EN), item(EMAIL)],
        failures: [],
        completedFiles: [],
      });
      expect(result).toEqual({ inserted: 2, duplicates: 0 });
      const email = await store.getDocument(EMAIL.id);
      expect(email?.email).toEqual(EMAIL.email);
      expect(email?.intel).toEqual(EMAIL.intel);
      expect(email?.publishedAt).toBe(EMAIL.publishedAt);
      expect(email?.origins).toEqual([EMAIL.origin]);
      const article = await store.getDocument(ARTICLE_EN.id);
      expect(article?.text).toBe(ARTICLE_EN.text);
      expect(article?.email).toBeNull();
      expect(await store.getDocumentText(EMAIL.id)).toBe(EMAIL.text);
      expect(await store.getDocumentText('0'.repeat(64))).toBeNull();
      await store.close();
    });

    it('reads the intel blocks of the documents that carry one, as far as the reader may see', async () => {
      const store = await open();
      await writeDocuments(store, [ARTICLE_EN, EMAIL]);
      expect(EMAIL.intel).not.toBeNull();
      const ids = [EMAIL.id, ARTICLE_EN.id, '0'.repeat(64), EMAIL.id];
      expect(await store.findIntelBlocks(ids)).toEqual(new Map([[EMAIL.id, EMAIL.intel]]));
      expect(await store.findIntelBlocks([])).toEqual(new Map());
      await store.setDocumentTlp(EMAIL.id, 'RED');
      expect(await store.restrictedTo('AMBER').findIntelBlocks(ids)).toEqual(new Map());
      expect((await store.restrictedTo('RED').findIntelBlocks(ids)).size).toBe(1);
      await store.close();
    });

    it('opens again at its location (another thread’s or process’s); a restricted view has none', async () => {
      const store = await open();
      const run = await store.startRun(['fixtures']);
      await store.writeBatch({
        runId: run.id,
        items: [item(ARTICLE_EN)],
        failures: [],
        completedFiles: [],
      });
      expect(store.location).not.toBeNull();
      const again = await openStore(store.location!);
      expect(again.kind).toBe(store.kind);
      expect((await again.getDocument(ARTICLE_EN.id))?.text).toBe(ARTICLE_EN.text);
      await again.close();
      expect(store.restrictedTo('GREEN').location).toBeNull();
      await store.close();
    });

    it('stores the same content once but keeps every origin', async () => {
      const store = await open();
      const run = await store.startRun(['a', 'b']);
      const again = { ...ARTICLE_EN, origin: 'elsewhere/copy.txt' };
      await store.writeBatch({
        runId: run.id,
        items: [item(ARTICLE_EN)],
        failures: [],
        completedFiles: [],
      });
      const second = await store.writeBatch({
        runId: run.id,
        items: [item(again)],
        failures: [],
        completedFiles: [],
      });
      expect(second).toEqual({ inserted: 0, duplicates: 1 });
      expect((await store.getDocument(ARTICLE_EN.id))?.origins).toEqual([
        ARTICLE_EN.origin,
        'elsewhere/copy.txt',
      ]);
      expect((await store.stats()).documents).toBe(1);
      await store.close();
    });

    it('finds documents by their exact origins, hiding those a restricted view may not see', async () => {
      const store = await open();
      const run = await store.startRun(['a', 'b']);
      const again = { ...ARTICLE_EN, origin: 'elsewhere/copy.txt' };
      await store.writeBatch({
        runId: run.id,
        items: [item(ARTICLE_EN), item(again), item(EMAIL)],
        failures: [],
        completedFiles: [],
      });
      const byOrigin = (rows: { origin: string; documentId: string }[]) =>
        rows.map((r) => `${r.origin} ${r.documentId}`).sort();
      // Both origins of the one stored article lead to it; a suffix of an origin is no origin.
      expect(
        byOrigin(
          await store.findDocumentsByOrigin([
            'elsewhere/copy.txt',
            ARTICLE_EN.origin,
            EMAIL.origin,
            EMAIL.origin,
            'copy.txt',
          ]),
        ),
      ).toEqual(
        [
          `elsewhere/copy.txt ${ARTICLE_EN.id}`,
          `${ARTICLE_EN.origin} ${ARTICLE_EN.id}`,
          `${EMAIL.origin} ${EMAIL.id}`,
        ].sort(),
      );
      expect(await store.findDocumentsByOrigin([])).toEqual([]);
      await store.setDocumentTlp(EMAIL.id, 'RED');
      expect(
        byOrigin(
          await store.restrictedTo('GREEN').findDocumentsByOrigin([EMAIL.origin, again.origin]),
        ),
      ).toEqual([`elsewhere/copy.txt ${ARTICLE_EN.id}`]);
      await store.close();
    });

    it('keeps both parents of an attachment shared by two e-mails', async () => {
      const store = await open();
      const run = await store.startRun(['box.mbox']);
      const otherEmail = makeDocument('A second message carrying the same table.', {
        kind: 'email',
      });
      await store.writeBatch({
        runId: run.id,
        items: [
          item(EMAIL),
          item(ATTACHMENT, { parentId: EMAIL.id, relation: 'attachment', name: 'seizures.csv' }),
          item(otherEmail),
          item(ATTACHMENT, { parentId: otherEmail.id, relation: 'attachment', name: 'copy.csv' }),
        ],
        failures: [],
        completedFiles: [],
      });
      const links = await store.getLinks(ATTACHMENT.id);
      expect(links.parents.map((l) => [l.parentId, l.name]).sort()).toEqual(
        [
          [EMAIL.id, 'seizures.csv'],
          [otherEmail.id, 'copy.csv'],
        ].sort(),
      );
      expect((await store.getLinks(EMAIL.id)).children).toHaveLength(1);
      expect((await store.stats()).documents).toBe(3);
      await store.close();
    });

    it('records failures and completed files with the batch', async () => {
      const store = await open();
      const run = await store.startRun(['pile']);
      await store.writeBatch({
        runId: run.id,
        items: [item(ARTICLE_ES)],
        failures: [
          {
            path: 'pile/broken.pdf',
            parser: 'pdf',
            code: 'MALFORMED_INPUT',
            reason: 'The PDF ends before its cross-reference table',
            hint: 'Get a complete copy of the file.',
            byteOffset: 1024,
            line: null,
          },
        ],
        completedFiles: [{ contentId: 'f'.repeat(64), path: 'pile/ok.txt' }],
      });
      await store.finishRun(run.id, { succeeded: 1, failed: 1, duplicates: 0 });
      expect(await store.isFileCompleted('f'.repeat(64))).toBe(true);
      expect(await store.isFileCompleted('0'.repeat(64))).toBe(false);
      const failures = await store.listFailures({ runId: run.id });
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({
        path: 'pile/broken.pdf',
        code: 'MALFORMED_INPUT',
        byteOffset: 1024,
      });
      const [latest] = await store.listRuns(1);
      expect(latest).toMatchObject({ id: run.id, succeeded: 1, failed: 1 });
      expect(latest?.finishedAt).not.toBeNull();
      await store.close();
    });

    it('resolves unique id prefixes and iterates every document once', async () => {
      const store = await open();
      const run = await store.startRun(['x']);
      const many = Array.from({ length: 23 }, (_, i) =>
        makeDocument(`Report number ${i} from the border desk about shipments.`),
      );
      await store.writeBatch({
        runId: run.id,
        items: many.map((d) => item(d)),
        failures: [],
        completedFiles: [],
      });
      expect(await store.resolveDocumentId(many[0]!.id.slice(0, 12))).toBe(many[0]!.id);
      expect(await store.resolveDocumentId('zzzzzz')).toBeNull();
      const seen: string[] = [];
      for await (const d of store.iterateDocuments({ batchSize: 5 })) seen.push(d.id);
      expect(seen.sort()).toEqual(many.map((d) => d.id).sort());
      expect(await store.checkIntegrity()).toEqual({ ok: true, problems: [] });
      await store.close();
    });
  });
}
