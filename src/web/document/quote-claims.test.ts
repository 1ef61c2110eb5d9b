import { describe, expect, it } from 'vitest';
import type { ClaimCluster } from '../api/workbench-types';
import { claimsByQuote } from './quote-claims';

const cluster = (id: string, members: Array<[string, number, number, boolean?]>) =>
  ({
    id,
    members: members.map(([documentId, start, end, encloses]) => ({
      documentId,
      start,
      end,
      encloses,
    })),
  }) as ClaimCluster;

describe('claimsByQuote', () => {
  it('links a quote to the cluster whose member overlaps it in this document only', () => {
    const clusters = [
      cluster('c1', [
        ['doc', 10, 40],
        ['other', 0, 5],
      ]),
      cluster('c2', [['other', 100, 120]]),
    ];
    const found = claimsByQuote(
      'doc',
      [
        { start: 12, end: 38 },
        { start: 100, end: 120 },
        { start: 0, end: 5 },
      ],
      clusters,
    );
    expect([...found]).toEqual([[0, 'c1']]);
  });

  it('links a quote that encloses other quotes to its own cluster, not theirs', () => {
    const clusters = [
      cluster('excerpt', [
        ['article', 0, 40],
        ['reprint', 200, 900, true],
      ]),
      cluster('whole', [
        ['reprint', 200, 900],
        ['article', 0, 700],
      ]),
    ];
    const found = claimsByQuote('reprint', [{ start: 200, end: 900 }], clusters);
    expect([...found]).toEqual([[0, 'whole']]);
  });
});
