import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/index.js';
import { readSnapshot, type ExportSnapshot } from '../snapshot.js';
import { captureOutput } from '../test-output.js';
import { buildTestStore } from '../test-store.js';
import { writeClaimReviews, type ClaimReview } from './claim-review.js';

describe('ClaimReview export', () => {
  let store: Store;
  let snapshot: ExportSnapshot;
  let reviews: ClaimReview[];

  beforeAll(async () => {
    store = await buildTestStore();
    snapshot = await readSnapshot(store);
    reviews = JSON.parse(
      await captureOutput((out) =>
        writeClaimReviews(snapshot, out, { organisation: 'Border Desk', marking: 'CLEAR' }),
      ),
    ) as ClaimReview[];
  }, 120_000);
  afterAll(() => store.close());

  it('reviews every graded claim', () => {
    expect(reviews).toHaveLength(snapshot.claims.length);
    expect(reviews.length).toBeGreaterThan(0);
  });

  it('has the properties ClaimReview consumers require, with the right types', () => {
    for (const review of reviews) {
      expect(review['@context']).toBe('https://schema.org');
      expect(review['@type']).toBe('ClaimReview');
      expect(review.claimReviewed).toEqual(expect.any(String));
      expect(review.claimReviewed.length).toBeGreaterThan(0);
      expect(review.author).toEqual({ '@type': 'Organization', name: 'Border Desk' });
      expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const rating = review.reviewRating;
      expect(rating['@type']).toBe('Rating');
      expect(rating.alternateName).toMatch(/^[A-F][1-6]: /);
      if (rating.ratingValue !== undefined) {
        expect(rating.ratingValue).toBeGreaterThanOrEqual(rating.worstRating);
        expect(rating.ratingValue).toBeLessThanOrEqual(rating.bestRating);
      } else {
        expect(rating.alternateName).toMatch(/6: /);
      }
      expect(review.itemReviewed['@type']).toBe('Claim');
      for (const work of review.itemReviewed.appearance ?? []) {
        expect(work.identifier).toMatch(/^[0-9a-f]{64}$/);
      }
    }
  });

  it('lists every carrying document and the earliest one from the trace', () => {
    for (const [i, review] of reviews.entries()) {
      const { cluster } = snapshot.claims[i]!;
      expect(review.identifier).toBe(cluster.id);
      expect(review.itemReviewed.appearance?.map((a) => a.identifier)).toEqual(
        cluster.documents.map((d) => d.id),
      );
      expect(review.itemReviewed.firstAppearance?.identifier).toBe(cluster.earliest.documentId);
    }
  });

  it('words the Admiralty grade in the rating', () => {
    const mx7 = reviews.find((r) => r.itemReviewed.author?.name === 'MX7');
    expect(mx7?.reviewRating).toMatchObject({
      ratingValue: 3,
      alternateName: 'C3: fairly reliable, possibly true',
    });
  });
});
