import { describe, expect, it } from 'vitest';
import type { ClaimCluster } from '../../provenance/index.js';
import { fixtureClusters } from './claim-fixtures.js';
import type { StoreFactory } from './documents.contract.js';

/**
 * Clusters are stored compactly (claim-cluster-codec.ts): ids and offsets come back from
 * `claim_members`, prose is rebuilt from templates. Every read path must still return exactly
 * the clusters written, traced ones with every kind of reasoning step and an id with the
 * characters a listed id could trip on.
 */
export function claimStorageContract(open: StoreFactory): void {
  describe('claim cluster storage', () => {
    it('reads back exactly the clusters written, by every read path', async () => {
      const store = await open();
      const clusters = fixtureClusters();
      expect(clusters.length).toBeGreaterThanOrEqual(2);
      await store.replaceClaimClusters(clusters);
      const byId = (list: ClaimCluster[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

      const listed = await store.listClaimClusters({ limit: 10_000 });
      expect(listed.total).toBe(clusters.length);
      expect(byId(listed.clusters)).toEqual(byId(clusters));
      for (const cluster of clusters) {
        expect(await store.getClaimCluster(cluster.id)).toEqual(cluster);
        expect(await store.getClaimCluster(cluster.id.slice(0, 8))).toEqual(cluster);
        const carriedBy = await store.listClaimClusters({
          documentId: cluster.members.at(-1)!.documentId,
        });
        expect(carriedBy.clusters.find((c) => c.id === cluster.id)).toEqual(cluster);
      }
      // Pages cut a sorted list; each page's clusters are read whole too.
      const page = await store.listClaimClusters({ limit: 1, offset: 1 });
      expect(page.clusters).toHaveLength(1);
      expect(page.clusters[0]).toEqual(clusters.find((c) => c.id === page.clusters[0]!.id));
      await store.close();
    });

    it('reads clusters written in the plain form of earlier versions', async () => {
      const store = await open();
      // A cluster the compact form cannot hold (a field it does not know) is written plain,
      // as every cluster was before: the same read path serves both.
      const [first, ...rest] = fixtureClusters();
      const plain = { ...first!, note: 'kept as written' } as ClaimCluster;
      await store.replaceClaimClusters([plain, ...rest]);
      expect(await store.getClaimCluster(plain.id)).toEqual(plain);
      expect(byIdOf(await store.listClaimClusters({ limit: 10_000 }))).toEqual(
        byIdOf({ clusters: [plain, ...rest] }),
      );
      await store.close();
    });
  });
}

const byIdOf = ({ clusters }: { clusters: ClaimCluster[] }) =>
  Object.fromEntries(clusters.map((c) => [c.id, c]));
