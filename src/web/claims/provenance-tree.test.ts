import { describe, expect, it } from 'vitest';
import type { ClaimCluster } from '../api/workbench-types';
import { buildProvenanceTree, flatten } from './provenance-tree';

const doc = (id: string, date: string | null) => ({ id, title: `Title ${id}`, date, kind: 'news' });

function cluster(chain: ClaimCluster['chain'], documents: ClaimCluster['documents']) {
  return { chain, documents } as ClaimCluster;
}

describe('buildProvenanceTree', () => {
  it('puts the origin at the root and carriers under it, earliest first', () => {
    const tree = buildProvenanceTree(
      cluster(
        [
          { from: 'MX1', to: 'memo', relation: 'quotes' },
          { from: 'memo', to: 'late', relation: 'reprints' },
          { from: 'memo', to: 'early', relation: 'reprints' },
        ],
        [doc('memo', '2011-01-01'), doc('early', '2012-03-01'), doc('late', '2012-05-01')],
      ),
    );
    expect(tree).toHaveLength(1);
    expect(tree[0]).toMatchObject({ key: 'MX1', document: null, relation: null });
    const [memo] = tree[0]!.children;
    expect(memo).toMatchObject({ key: 'memo', relation: 'quotes' });
    expect(memo!.children.map((c) => c.key)).toEqual(['early', 'late']);
  });

  it('survives a cycle and lists each node once', () => {
    const tree = buildProvenanceTree(
      cluster(
        [
          { from: 'a', to: 'b', relation: 'cites' },
          { from: 'b', to: 'a', relation: 'cites' },
        ],
        [doc('a', null), doc('b', null)],
      ),
    );
    expect(
      flatten(tree)
        .map((n) => n.key)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('keeps carriers the chain leaves out, as roots of their own', () => {
    const tree = buildProvenanceTree(cluster([], [doc('x', '2012-01-01')]));
    expect(tree.map((n) => n.key)).toEqual(['x']);
  });
});
