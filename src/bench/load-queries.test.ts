import { describe, expect, it } from 'vitest';
import { Random } from './corpus/index.js';
import { documentPaths, makeQuery, searchPaths } from './load-queries.js';

describe('searchPaths', () => {
  const mix = { filtered: 0.3, facets: 0.25 };

  it('is the same list for the same seed and another for another seed', () => {
    expect(searchPaths(50, 1, mix)).toEqual(searchPaths(50, 1, mix));
    expect(searchPaths(50, 2, mix)).not.toEqual(searchPaths(50, 1, mix));
  });

  it('mixes filtered and unfiltered, faceted and plain requests in about the asked shares', () => {
    const params = searchPaths(2000, 1, mix).map(
      (p) => new URL(p, 'http://localhost').searchParams,
    );
    const share = (test: (q: URLSearchParams) => boolean) =>
      params.filter(test).length / params.length;
    expect(share((q) => q.has('lang') || q.has('type') || q.has('from'))).toBeCloseTo(0.3, 1);
    expect(share((q) => q.get('facets') === 'true')).toBeCloseTo(0.25, 1);
    expect(params.every((q) => (q.get('q') ?? '').trim().length > 0)).toBe(true);
    expect(share((q) => (q.get('q') ?? '').startsWith('"'))).toBeGreaterThan(0.1);
    expect(share((q) => / (AND|OR|NOT) /.test(q.get('q') ?? ''))).toBeGreaterThan(0.05);
  });

  it('keeps date filters inside the years the corpus covers', () => {
    for (const p of searchPaths(500, 3, { filtered: 1, facets: 0 })) {
      const from = new URL(p, 'http://localhost').searchParams.get('from');
      if (from) expect(Number(from.slice(0, 4))).toBeGreaterThanOrEqual(2009);
      if (from) expect(Number(from.slice(0, 4))).toBeLessThanOrEqual(2012);
    }
  });
});

describe('makeQuery', () => {
  it('quotes multi-word phrases', () => {
    const rng = new Random(5);
    for (let i = 0; i < 50; i++) {
      const phrase = makeQuery(rng, 'phrase');
      expect(phrase).toMatch(/^".+ .+"$/);
    }
  });
});

describe('documentPaths', () => {
  it('reads only the given ids, deterministically', () => {
    const ids = ['a'.repeat(64), 'b'.repeat(64), 'c'.repeat(64)];
    const paths = documentPaths(ids, 100, 1);
    expect(paths).toEqual(documentPaths(ids, 100, 1));
    expect(new Set(paths)).toEqual(new Set(ids.map((id) => `/api/documents/${id}`)));
  });
});
