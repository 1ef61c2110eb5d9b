import { describe, expect, it } from 'vitest';
import type { ReuseReport } from '../../provenance/index.js';
import type { StoreFactory } from './documents.contract.js';
import { ARTICLE_EN, EMAIL, item, makeDocument } from './fixtures.js';

const REPRINT = makeDocument(`Reprinted: ${EMAIL.text}`, { publishedAt: '2011-05-01' });

const report: ReuseReport = {
  pairs: [
    {
      // Stored in canonical (a < b) order whatever order the detector gives.
      a: REPRINT.id > EMAIL.id ? REPRINT.id : EMAIL.id,
      b: REPRINT.id > EMAIL.id ? EMAIL.id : REPRINT.id,
      similarity: 0.62,
      nearDuplicate: true,
      passages: [
        {
          text: 'The plaza in Juarez is being negotiated.',
          aStart: 0,
          aEnd: 40,
          bStart: 11,
          bEnd: 51,
          words: 7,
        },
      ],
    },
  ],
  passages: [
    {
      text: 'The plaza in Juarez is being negotiated.',
      words: 7,
      occurrences: [
        { documentId: EMAIL.id, start: 60, end: 100, date: '2010-04-19' },
        { documentId: REPRINT.id, start: 71, end: 111, date: '2011-05-01' },
      ],
    },
  ],
};

export function reuseContract(open: StoreFactory): void {
  describe('text reuse', () => {
    it('replaces the reuse picture and lists it by document', async () => {
      const store = await open();
      const run = await store.startRun(['x']);
      await store.writeBatch({
        runId: run.id,
        items: [item(EMAIL), item(REPRINT), item(ARTICLE_EN)],
        failures: [],
        completedFiles: [],
      });
      await store.replaceReuse(report);
      const pairs = await store.listReusePairs();
      expect(pairs).toHaveLength(1);
      expect([pairs[0]!.a, pairs[0]!.b]).toEqual([EMAIL.id, REPRINT.id].sort());
      expect(pairs[0]).toMatchObject({ similarity: 0.62, nearDuplicate: true });
      expect(pairs[0]!.passages[0]!.words).toBe(7);
      // Whichever order the detector gave, each span still points into its own document.
      const stored = pairs[0]!.passages[0]!;
      const emailSpan =
        pairs[0]!.a === EMAIL.id ? [stored.aStart, stored.aEnd] : [stored.bStart, stored.bEnd];
      const reprintSpan =
        pairs[0]!.a === EMAIL.id ? [stored.bStart, stored.bEnd] : [stored.aStart, stored.aEnd];
      expect(emailSpan).toEqual(report.pairs[0]!.a === EMAIL.id ? [0, 40] : [11, 51]);
      expect(reprintSpan).toEqual(report.pairs[0]!.a === EMAIL.id ? [11, 51] : [0, 40]);
      expect(await store.listReusePairs({ documentId: REPRINT.id })).toHaveLength(1);
      expect(await store.listReusePairs({ documentId: ARTICLE_EN.id })).toEqual([]);

      const groups = await store.listPassageGroups({ documentId: EMAIL.id });
      expect(groups).toHaveLength(1);
      expect(groups[0]!.occurrences.map((o) => o.documentId)).toEqual([EMAIL.id, REPRINT.id]);
      expect(groups[0]!.occurrences[0]).toMatchObject({ start: 60, end: 100, date: '2010-04-19' });

      await store.replaceReuse({ pairs: [], passages: [] });
      expect(await store.listReusePairs()).toEqual([]);
      expect(await store.listPassageGroups()).toEqual([]);
      await store.close();
    });
  });
}
