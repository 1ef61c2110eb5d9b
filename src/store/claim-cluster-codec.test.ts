import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../extract/index.js';
import type { ClaimCluster } from '../provenance/index.js';
import {
  CLUSTER_FORMAT,
  clusterColumns,
  decodeClusterData,
  encodeClusterData,
  isCompactClusterData,
  memberRows,
  parseMemberRows,
} from './claim-cluster-codec.js';
import { fixtureClusters, trace } from './contract/claim-fixtures.js';

/** What a store does: write `data` and the members' rows, read them back (as a string: SQLite). */
const roundTrip = (cluster: ClaimCluster): ClaimCluster =>
  decodeClusterData(encodeClusterData(cluster), clusterColumns(cluster), memberRows(cluster));

const plainSize = (cluster: ClaimCluster) => JSON.stringify(cluster).length;

// The seed articles are third-party text: read in place, never copied into the repository.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seeds = path.resolve(repoRoot, '../shared/corpus/seeds');

function seedClusters(): ClaimCluster[] {
  const documents = readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((id) => {
      const text = readFileSync(path.join(seeds, id), 'utf8');
      const date = id === '001_c5803ee4dab3995c.txt' ? '2012-10-05' : null;
      const extraction = extractDocument({ id, text, language: 'en', publishedAt: date });
      return { id, title: null, date, kind: 'text', extraction, text };
    });
  return trace(documents);
}

describe('the compact stored form of claim clusters', () => {
  const clusters = [...seedClusters(), ...fixtureClusters()];

  it('reads back every traced cluster exactly, key order included', () => {
    expect(clusters.length).toBeGreaterThan(30);
    for (const cluster of clusters) {
      const stored = encodeClusterData(cluster);
      expect(isCompactClusterData(stored), cluster.id).toBe(true);
      const back = roundTrip(cluster);
      expect(back).toEqual(cluster);
      expect(JSON.stringify(back)).toBe(JSON.stringify(cluster));
    }
  });

  it('stores a fraction of the plain JSON', () => {
    const plain = clusters.reduce((n, c) => n + plainSize(c), 0);
    const compact = clusters.reduce((n, c) => n + encodeClusterData(c).length, 0);
    // At 10,000 generated e-mails the compact form is about a sixth of the plain one.
    expect(compact).toBeLessThan(plain / 2);
  });

  it('rebuilds every explanation, origin description and summary rather than storing it', () => {
    const reasons = new Set<string>();
    for (const cluster of clusters) {
      const stored = JSON.parse(encodeClusterData(cluster)) as {
        s: string[];
        o: unknown[];
        r: unknown[][];
        u?: string;
      };
      for (const step of cluster.reasoning) reasons.add(step.reason);
      expect(stored.r.every((step) => typeof step[3] === 'number')).toBe(true);
      expect(typeof stored.o[4]).toBe('number');
      expect(stored.u).toBeUndefined();
      // No document id is written into data: they come from the claim_members rows.
      for (const id of cluster.members.map((m) => m.documentId)) {
        expect(stored.s).not.toContain(id);
      }
    }
    // The fixtures exercise every kind of step independence.ts writes.
    expect([...reasons].sort()).toEqual([
      'attributes-to',
      'cites-carrier',
      'cites-source',
      'independent-origin',
      'origin-document',
      'same-origin',
      'shared-passage',
      'unattributed',
    ]);
    expect(clusters.some((c) => c.origin.description.endsWith(', in the corpus'))).toBe(true);
  });

  it('keeps prose no template rebuilds, and words outside the known vocabularies, as written', () => {
    const base = clusters.find((c) => c.reasoning.length > 2 && c.members.length > 1)!;
    const odd: ClaimCluster = {
      ...base,
      members: base.members.map((m, i) =>
        i === 0 ? { ...m, kind: 'paraphrase' as unknown as typeof m.kind } : m,
      ),
      origin: { ...base.origin, description: 'worded some other way' },
      chain: [...base.chain, { from: 'A', to: 'B', relation: 'echoes' as 'quotes' }],
      reasoning: base.reasoning.map((r, i) =>
        i === 1 ? { ...r, reason: 'new-reason' as typeof r.reason, explanation: 'new words' } : r,
      ),
      summary: `${base.summary} (edited)`,
    };
    const stored = encodeClusterData(odd);
    expect(isCompactClusterData(stored)).toBe(true);
    expect(roundTrip(odd)).toEqual(odd);
    expect(JSON.parse(stored).u).toBe(odd.summary);
  });

  it('falls back to the plain JSON when the compact form would lose something', () => {
    const base = clusters[0]!;
    // A field added to the types later: the compact form does not know it.
    const extended = { ...base, confidence: 0.7 } as ClaimCluster;
    const stored = encodeClusterData(extended);
    expect(isCompactClusterData(stored)).toBe(false);
    expect(JSON.parse(stored)).toEqual(extended);
    expect(roundTrip(extended)).toEqual(extended);
    // Text a SQL column would not keep as it is (a lone surrogate) stays inside the JSON.
    const broken = { ...base, text: `${base.text}\ud800` };
    expect(isCompactClusterData(encodeClusterData(broken))).toBe(false);
    expect(roundTrip(broken)).toEqual(broken);
    // A hand-made cluster missing fields (as the store contract's are) reads back as written too.
    const { encloses: _encloses, ...partial } = base.members[0]!;
    const sparse = { ...base, members: [partial] } as unknown as ClaimCluster;
    expect(roundTrip(sparse)).toEqual(sparse);
  });

  it('reads rows written before the compact form, as text (SQLite) or parsed (PostgreSQL jsonb)', () => {
    const cluster = clusters[0]!;
    const old = JSON.stringify(cluster);
    expect(isCompactClusterData(old)).toBe(false);
    // The old rows need neither the columns nor the member rows: everything is in data.
    const columns = { ...clusterColumns(cluster), text: 'ignored' };
    expect(decodeClusterData(old, columns, [])).toEqual(cluster);
    expect(decodeClusterData(JSON.parse(old), columns, [])).toEqual(cluster);
    const compact = JSON.parse(encodeClusterData(cluster)) as unknown;
    expect(decodeClusterData(compact, clusterColumns(cluster), memberRows(cluster))).toEqual(
      cluster,
    );
  });

  it('parses the member rows the stores list, whatever characters the ids hold', () => {
    const rows = [
      { documentId: 'news/2012,04:05 courier 9:😀.txt', start: 12, end: 140 },
      { documentId: '7:', start: 0, end: 1 },
      { documentId: '😀', start: 5, end: 9 },
      { documentId: 'a\u0000b', start: 7, end: 8 },
    ];
    // As memberRowsColumn lists them: each id's length in UTF-8 bytes, as octet_length counts.
    const listed = rows
      .map((r) => `${r.start},${r.end},${Buffer.byteLength(r.documentId)}:${r.documentId}`)
      .join('');
    expect(parseMemberRows(listed)).toEqual(rows);
    expect(parseMemberRows(null)).toEqual([]);
    expect(() => parseMemberRows('1,2,9:abc')).toThrow(/unreadable/);
    expect(() => parseMemberRows('x,2,1:a')).toThrow(/unreadable/);
  });

  it('refuses a row it cannot read rather than guessing', () => {
    const cluster = clusters.find((c) => c.members.length > 1)!;
    const stored = encodeClusterData(cluster);
    expect(() =>
      decodeClusterData(stored, clusterColumns(cluster), memberRows(cluster).slice(1)),
    ).toThrow(/member rows/);
    const future = JSON.stringify({ ...JSON.parse(stored), v: CLUSTER_FORMAT + 1 });
    expect(() => decodeClusterData(future, clusterColumns(cluster), memberRows(cluster))).toThrow(
      /format/,
    );
  });
});
