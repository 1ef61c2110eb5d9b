import { describe, expect, it } from 'vitest';
import type { StoreFactory } from './documents.contract.js';

export function hypothesesContract(open: StoreFactory): void {
  describe('competing hypotheses', () => {
    it('keeps hypotheses and every mark, oldest first', async () => {
      const store = await open();
      const leak = await store.addHypothesis({
        text: 'The 500-agents figure comes from one consular source',
        analyst: 'desk',
        at: '2026-11-25T09:00:00.000Z',
      });
      const census = await store.addHypothesis({
        text: 'The 500-agents figure was counted independently by several outlets',
        analyst: 'desk',
        at: '2026-11-25T09:01:00.000Z',
      });
      expect(leak.id).toMatch(/^h[0-9a-f]{6}$/);
      expect(leak.id).not.toBe(census.id);
      expect(await store.listHypotheses()).toEqual([leak, census]);

      const first = await store.addHypothesisMark({
        hypothesisId: census.id,
        claimId: 'aaaa11112222bbbb',
        mark: 'consistent',
        analyst: 'desk',
        at: '2026-11-25T09:02:00.000Z',
        reason: null,
      });
      const changed = await store.addHypothesisMark({
        hypothesisId: census.id,
        claimId: 'aaaa11112222bbbb',
        mark: 'inconsistent',
        analyst: 'editor',
        at: '2026-11-25T09:03:00.000Z',
        reason: 'All seven carriers rest on one e-mail.',
      });
      expect(await store.listHypothesisMarks()).toEqual([first, changed]);
      await store.close();
    });
  });
}
