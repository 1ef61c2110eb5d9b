import { describe, expect, it } from 'vitest';
import { approximateBytes, SearchCache } from './search-cache.js';

describe('SearchCache', () => {
  it('answers from the cache while the token holds, recomputes when it changes', async () => {
    const cache = new SearchCache(10);
    let runs = 0;
    const compute = async () => ++runs;
    expect(await cache.get('t1', 'q', compute)).toBe(1);
    expect(await cache.get('t1', 'q', compute)).toBe(1);
    expect(await cache.get('t2', 'q', compute)).toBe(2);
    expect([cache.hits, cache.misses]).toEqual([1, 2]);
  });

  it('runs identical concurrent searches once', async () => {
    const cache = new SearchCache(10);
    let runs = 0;
    const slow = () => new Promise<number>((done) => setTimeout(() => done(++runs), 20));
    const answers = await Promise.all([1, 2, 3].map(() => cache.get('t', 'q', slow)));
    expect(answers).toEqual([1, 1, 1]);
    expect(runs).toBe(1);
  });

  it('forgets failures and the least recently used entry beyond its capacity', async () => {
    const cache = new SearchCache(2);
    await expect(cache.get('t', 'bad', () => Promise.reject(new Error('x')))).rejects.toThrow();
    expect(await cache.get('t', 'bad', async () => 'ok')).toBe('ok');
    await cache.get('t', 'a', async () => 'a');
    await cache.get('t', 'bad', async () => 'again'); // touches "bad": "a" is now the oldest
    await cache.get('t', 'b', async () => 'b');
    expect(await cache.get('t', 'a', async () => 'recomputed')).toBe('recomputed');
    expect(await cache.get('t', 'bad', async () => 'never')).toBe('never'); // evicted by "a"
  });

  it('passes straight through with no capacity', async () => {
    const cache = new SearchCache(0);
    let runs = 0;
    await cache.get('t', 'q', async () => ++runs);
    await cache.get('t', 'q', async () => ++runs);
    expect(runs).toBe(2);
  });

  it('keeps about as many bytes of answers as it is allowed, least recently used out first', async () => {
    const page = (n: number) => ({ hits: [{ id: `d${n}`, snippet: 'x'.repeat(1000) }] });
    const one = approximateBytes(page(0));
    const cache = new SearchCache(1000, 3 * one);
    for (const n of [1, 2, 3]) await cache.get('t', `p${n}`, async () => page(n));
    expect(cache.size).toBe(3 * one);
    await cache.get('t', 'p1', async () => page(-1)); // touches p1: p2 is now the oldest
    await cache.get('t', 'p4', async () => page(4));
    expect(cache.size).toBeLessThanOrEqual(3 * one);
    expect(await cache.get('t', 'p1', async () => page(-1))).toEqual(page(1));
    expect(await cache.get('t', 'p2', async () => page(-2))).toEqual(page(-2));
  });

  it('counts a string by its characters and a structure by what it holds', () => {
    expect(approximateBytes('a'.repeat(100))).toBeGreaterThan(approximateBytes('a'.repeat(10)));
    const small = approximateBytes({ ids: ['a'] });
    expect(approximateBytes({ ids: ['a', 'b', 'c'] })).toBeGreaterThan(small);
    expect(approximateBytes([{ n: 1 }, { n: 2 }])).toBe(2 * approximateBytes({ n: 1 }) + 16 + 16);
  });
});
