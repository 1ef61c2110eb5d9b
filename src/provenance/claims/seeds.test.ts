import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../extract/index.js';
import { findReuse } from '../index.js';
import { formatTrace, traceClaims, type ClaimCluster, type ClaimTrace } from './index.js';

// The seed articles are third-party text: read in place, never copied into the repository.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const seeds = path.resolve(repoRoot, '../shared/corpus/seeds');
const ARTICLE_001 = '001_c5803ee4dab3995c.txt';
const ARTICLE_003 = '003_67819fe1bd6548a7.txt';

function seedDocuments() {
  return readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((id) => {
      const text = readFileSync(path.join(seeds, id), 'utf8');
      const date = id === ARTICLE_001 ? '2012-10-05' : null;
      const extraction = extractDocument({ id, text, language: 'en', publishedAt: date });
      return { id, title: null, date, kind: 'text', extraction, text };
    });
}

// A cluster is about the words its peers say (its text); a longer quotation or reprint that
// carries them is a member of it too, and of the clusters of whatever else it carries.
const about = (trace: ClaimTrace, words: string) =>
  trace.clusters.filter((c) => c.text.includes(words));

describe('claim provenance on the seed articles', () => {
  let trace: ClaimTrace;
  let signal: ClaimCluster;
  beforeAll(() => {
    const documents = seedDocuments();
    const reuse = findReuse(documents.map(({ id, text, date }) => ({ id, text, date })));
    trace = traceClaims(documents, reuse);
    const found = about(trace, 'I think the US sent a signal');
    expect(found).toHaveLength(1);
    signal = found[0]!;
  }, 60_000);

  it("gathers MX1's “I think the US sent a signal…” from both articles that carry it", () => {
    expect(signal.documents.map((d) => d.id)).toEqual([ARTICLE_001, ARTICLE_003]);
    expect(signal.speaker).toBe('MX1');
    expect(signal.kind).toBe('quote');
    // 001 (dated) comes before 003 (undated): an undated copy proves nothing about order.
    expect(signal.earliest).toEqual({ documentId: ARTICLE_001, date: '2012-10-05' });
    // 003 prints the e-mail as an unmarked block; extraction still reads it as MX1's quotation.
    const in003 = signal.members.filter((m) => m.documentId === ARTICLE_003);
    expect(in003.some((m) => m.text.startsWith('I think the US sent a signal'))).toBe(true);
  });

  it('names the original e-mail as origin, dated April 19, 2010 by 003', () => {
    expect(signal.origin).toMatchObject({
      speaker: 'MX1',
      documentId: null,
      date: '2010-04-19',
      datedBy: ARTICLE_003,
    });
  });

  it('counts ONE independent origin, not two, and flags circular reporting', () => {
    expect(signal.independentOrigins).toBe(1);
    expect(signal.originGroups).toEqual([
      { speaker: 'MX1', documentIds: [ARTICLE_001, ARTICLE_003] },
    ]);
    expect(signal.circular).toBe(true);
    expect(signal.reasoning).toContainEqual(
      expect.objectContaining({
        documentId: ARTICLE_003,
        reason: 'same-origin',
        basedOn: ARTICLE_001,
      }),
    );
    expect(signal.reasoning).toContainEqual(
      expect.objectContaining({
        documentId: ARTICLE_003,
        reason: 'shared-passage',
        basedOn: ARTICLE_001,
      }),
    );
    expect(signal.summary).toMatch(/2 documents .* 1 independent origin/);
  });

  it('draws a tree from MX1 to every carrier, through what each names as its source', () => {
    const reached = new Set(signal.chain.map((l) => l.to));
    expect(reached).toEqual(new Set([ARTICLE_001, ARTICLE_003, 'Narco News', 'Stratfor']));
    expect(signal.chain).toContainEqual({ from: 'MX1', to: 'Stratfor', relation: 'quotes' });
    expect(signal.chain).toContainEqual({ from: 'Stratfor', to: ARTICLE_003, relation: 'cites' });
    const text = formatTrace(signal);
    expect(text.split('\n')[2]).toBe('MX1');
    expect(text).toContain('independent origins: 1 of 2 documents — CIRCULAR');
  });

  it("ties 003's unmarked reprint of MX1's later e-mail to 001's quotation of it", () => {
    const [later] = about(trace, 'It is not so much a message for the Mexican government');
    expect(later!.documents.map((d) => d.id)).toEqual([ARTICLE_001, ARTICLE_003]);
    const reprint = later!.members.find((m) => m.documentId === ARTICLE_003)!;
    // "MX1 claims" just before the block names its author.
    expect(reprint).toMatchObject({ kind: 'reprint', speaker: 'MX1' });
    expect(later!.independentOrigins).toBe(1);
  });

  it('reads “according to Business Insider” as an intermediary, and still finds one origin', () => {
    const [routes] = about(trace, 'the major routes and methods for bulk shipping');
    expect(routes!.documents.map((d) => d.id)).toEqual([ARTICLE_001, ARTICLE_003]);
    const via = routes!.members.find((m) => m.documentId === ARTICLE_003)!;
    expect(via).toMatchObject({
      speaker: null,
      citedSource: 'Business Insider',
      citedScope: 'attribution',
    });
    expect(routes!.speaker).toBe('MX1');
    expect(routes!.independentOrigins).toBe(1);
    expect(routes!.chain).toContainEqual({
      from: 'Business Insider',
      to: ARTICLE_003,
      relation: 'cites',
    });
  });

  it('leaves articles that share no quotation with another as single-carrier clusters', () => {
    for (const cluster of trace.clusters) {
      const ids = cluster.documents.map((d) => d.id);
      if (ids.length > 1) expect(ids).toEqual([ARTICLE_001, ARTICLE_003]);
      else expect(cluster.circular).toBe(false);
    }
  });
});
