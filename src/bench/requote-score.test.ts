import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageRows, STAGE_HEADER } from './combined-report.js';
import { readRequotePairs, scoreRequotes, type PlantedPath } from './requote-score.js';
import type { StageFigures } from './stage-figures.js';

const DOCS = '/corpus/docs';
const pair = (a: string, b: string): PlantedPath => ({ kind: 'requote', a, b });
/** Stored documents: the path's origin under DOCS, its id the path's name in capitals. */
const stored = (...paths: string[]) =>
  paths.map((p) => ({ origin: `${DOCS}/${p}`, documentId: p.toUpperCase() }));
const member = (path: string, clusterId: string, documents: number) => ({
  documentId: path.toUpperCase(),
  clusterId,
  documents,
});

describe('scoreRequotes', () => {
  it('counts a pair only when both documents share a cluster of at most the limit', () => {
    const pairs = [
      pair('a.eml', 'b.eml'), // share c1 (3 documents): found
      pair('a.eml', 'c.eml'), // share only c2 (60 documents): in a cluster, not a small one
      pair('d.eml', 'e.eml'), // each in a cluster of its own: no shared cluster
      pair('f.eml', 'b.eml'), // f was never stored
      pair('g.eml', 'h.eml'), // share a wide cluster and one of exactly the limit: found
    ];
    const score = scoreRequotes(
      pairs,
      DOCS,
      stored('a.eml', 'b.eml', 'c.eml', 'd.eml', 'e.eml', 'g.eml', 'h.eml'),
      [
        member('a.eml', 'c1', 3),
        member('b.eml', 'c1', 3),
        member('a.eml', 'c2', 60),
        member('c.eml', 'c2', 60),
        member('d.eml', 'c3', 1),
        member('e.eml', 'c4', 1),
        member('g.eml', 'c2', 60),
        member('h.eml', 'c2', 60),
        member('g.eml', 'c5', 50),
        member('h.eml', 'c5', 50),
      ],
      50,
    );
    expect(score).toEqual({
      planted: 5,
      sharingCluster: 3,
      inSmallCluster: 2,
      maxDocuments: 50,
      misses: [
        { a: 'a.eml', b: 'c.eml', reason: 'only a wide cluster', smallestShared: 60 },
        { a: 'd.eml', b: 'e.eml', reason: 'no shared cluster', smallestShared: null },
        { a: 'f.eml', b: 'b.eml', reason: 'not stored', smallestShared: null },
      ],
    });
  });

  it('matches pairs to stored documents by the whole origin, mbox messages included', () => {
    const score = scoreRequotes(
      [pair('mbox/box-0000.mbox#2', 'mbox/box-0000.mbox#12')],
      DOCS,
      // `#1` is another message of the same box: it must not stand in for `#12` or `#2`.
      stored('mbox/box-0000.mbox#2', 'mbox/box-0000.mbox#1'),
      [member('mbox/box-0000.mbox#2', 'c1', 2), member('mbox/box-0000.mbox#1', 'c1', 2)],
    );
    expect(score.inSmallCluster).toBe(0);
    expect(score.misses.map((m) => m.reason)).toEqual(['not stored']);
  });
});

describe('readRequotePairs', () => {
  it('keeps the re-quotes of a ground-truth file and leaves near-duplicates to reuse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'requotes-'));
    try {
      const file = join(dir, 'ground-truth.jsonl');
      const line = (kind: string, a: string, b: string) =>
        JSON.stringify({ a, b, kind, origin: a, passage: 'p', variant: 'v', edits: [] });
      writeFileSync(
        file,
        `${line('requote', 'x.eml', 'y.eml')}\n${line('near-duplicate', 'x.eml', 'z.eml')}\n\n`,
      );
      expect(readRequotePairs(file)).toEqual([pair('x.eml', 'y.eml')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the analyze row', () => {
  it('shows the re-quote figures when the analysis was scored, and nothing when it was not', () => {
    const analyze: StageFigures = {
      stage: 'analyze',
      documents: 10_000,
      seconds: 20,
      bytes: 0,
      peakRssMB: 400,
      storeBytes: 0,
      latency: null,
      counts: { claimClusters: 9, largestClaimDocuments: 368 },
    };
    const notes = (f: StageFigures) =>
      stageRows([{ docs: 1, stages: [f], endToEndSeconds: 1, loadBefore: '', loadAfter: '' }])[0]![
        STAGE_HEADER.indexOf('notes')
      ];
    expect(notes(analyze)).not.toContain('re-quotes');
    const scored = {
      ...analyze,
      counts: {
        ...analyze.counts,
        plantedRequotes: 169,
        requotesInSmallCluster: 164,
        requotesInSmallClusterShare: 0.9704,
        requotesSharingCluster: 165,
        smallClusterDocuments: 50,
      },
    };
    expect(notes(scored)).toContain(
      'planted re-quotes in one cluster (≤ 50 documents) 164 of 169 (97.0 %), in any one cluster 165',
    );
  });
});
