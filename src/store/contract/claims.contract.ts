import { describe, expect, it } from 'vitest';
import type { ClaimCluster } from '../../provenance/index.js';
import type { StoreFactory } from './documents.contract.js';
import { ARTICLE_EN, ARTICLE_ES, EMAIL, item } from './fixtures.js';

/** A small hand-made cluster: one leaked line carried by an e-mail and an article. */
function cluster(
  id: string,
  text: string,
  speaker: string | null,
  documentIds: string[],
): ClaimCluster {
  return {
    id,
    kind: 'quote',
    text,
    speaker,
    members: documentIds.map((documentId, i) => ({
      documentId,
      start: i * 10,
      end: i * 10 + text.length,
      text,
      speaker,
      kind: 'quote',
      date: null,
      saidOn: null,
      citedSource: null,
      citedCue: null,
      citedScope: null,
    })) as unknown as ClaimCluster['members'],
    documents: documentIds.map((id) => ({
      id,
      title: null,
      date: null,
      kind: 'text',
    })) as ClaimCluster['documents'],
    earliest: { documentId: documentIds[0]!, date: '2010-04-19' },
    origin: {
      speaker,
      documentId: documentIds[0]!,
      description: 'the leaked e-mail',
    } as ClaimCluster['origin'],
    chain: [],
    originGroups: [],
    independentOrigins: 1,
    circular: documentIds.length > 1,
    reasoning: [],
    summary: `${documentIds.length} document(s), 1 origin`,
  };
}

export function claimsContract(open: StoreFactory): void {
  describe('claim provenance and grades', () => {
    it('replaces clusters and finds them by document, speaker or words', async () => {
      const store = await open();
      const run = await store.startRun(['x']);
      await store.writeBatch({
        runId: run.id,
        items: [item(EMAIL), item(ARTICLE_EN)],
        failures: [],
        completedFiles: [],
      });
      const shared = cluster('aaaa11112222bbbb', 'The plaza in Juárez is being negotiated', 'MX7', [
        EMAIL.id,
        ARTICLE_EN.id,
      ]);
      const single = cluster('cccc33334444dddd', 'Agents met prosecutors on Tuesday', null, [
        ARTICLE_EN.id,
      ]);
      await store.replaceClaimClusters([shared, single]);

      expect((await store.listClaimClusters()).total).toBe(2);
      expect(
        (await store.listClaimClusters({ documentId: EMAIL.id })).clusters.map((c) => c.id),
      ).toEqual([shared.id]);
      expect((await store.listClaimClusters({ about: 'mx7' })).clusters.map((c) => c.id)).toEqual([
        shared.id,
      ]);
      expect(
        (await store.listClaimClusters({ about: 'juarez' })).clusters.map((c) => c.id),
      ).toEqual([shared.id]);
      expect(
        (await store.listClaimClusters({ sharedOnly: true })).clusters.map((c) => c.id),
      ).toEqual([shared.id]);
      expect(await store.getClaimCluster('aaaa1111')).toEqual(shared);
      expect(await store.getClaimCluster('zzzzzz')).toBeNull();

      await store.replaceClaimClusters([single]);
      expect(await store.getClaimCluster(shared.id)).toBeNull();
      await store.close();
    });

    it('lists the clusters each document is in with their sizes, hiding hidden clusters', async () => {
      const store = await open();
      const run = await store.startRun(['x']);
      await store.writeBatch({
        runId: run.id,
        items: [item(EMAIL), item(ARTICLE_EN), item(ARTICLE_ES)],
        failures: [],
        completedFiles: [],
      });
      const shared = cluster('aaaa11112222bbbb', 'The plaza in Juárez is being negotiated', 'MX7', [
        EMAIL.id,
        ARTICLE_EN.id,
      ]);
      // The e-mail carries the shared line twice: two members, one cluster, so one row.
      shared.members.push({ ...shared.members[0]!, start: 100, end: 139 });
      const pair = cluster('cccc33334444dddd', 'Agents met prosecutors on Tuesday', null, [
        ARTICLE_EN.id,
        ARTICLE_ES.id,
      ]);
      await store.replaceClaimClusters([shared, pair]);
      const rows = (list: { documentId: string; clusterId: string; documents: number }[]) =>
        list.map((m) => `${m.documentId} ${m.clusterId} ${m.documents}`).sort();
      expect(
        rows(await store.listClaimMemberships([ARTICLE_EN.id, EMAIL.id, 'f'.repeat(64)])),
      ).toEqual(
        [
          `${ARTICLE_EN.id} ${shared.id} 2`,
          `${ARTICLE_EN.id} ${pair.id} 2`,
          `${EMAIL.id} ${shared.id} 2`,
        ].sort(),
      );
      expect(await store.listClaimMemberships([])).toEqual([]);
      // A cluster with a hidden member is hidden whole, as listClaimClusters hides it.
      await store.setDocumentTlp(ARTICLE_ES.id, 'RED');
      expect(rows(await store.restrictedTo('GREEN').listClaimMemberships([ARTICLE_EN.id]))).toEqual(
        [`${ARTICLE_EN.id} ${shared.id} 2`],
      );
      await store.close();
    });

    it('keeps every analyst grade, in order, across re-analysis', async () => {
      const store = await open();
      const first = await store.addAnalystGrade({
        subjectType: 'claim',
        subjectId: 'aaaa11112222bbbb',
        credibility: 5,
        analyst: 'desk@example.org',
        at: '2026-11-25T10:00:00.000Z',
        reason: 'Only the leak says so.',
      });
      await store.replaceClaimClusters([]);
      const second = await store.addAnalystGrade({
        subjectType: 'source',
        subjectId: 'MX7',
        reliability: 'C',
        analyst: 'desk@example.org',
        at: '2026-11-25T10:05:00.000Z',
        reason: 'Consular official; mixed record.',
      });
      expect(second.id).toBeGreaterThan(first.id);
      expect(await store.listAnalystGrades()).toEqual([first, second]);
      expect(await store.listAnalystGrades({ subjectType: 'source' })).toEqual([second]);
      expect(
        await store.listAnalystGrades({ subjectType: 'claim', subjectId: 'aaaa11112222bbbb' }),
      ).toEqual([first]);
      expect(first.credibility).toBe(5);
      expect(first).not.toHaveProperty('reliability');
      await store.close();
    });
  });
}
