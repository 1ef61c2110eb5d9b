import { describe, expect, it } from 'vitest';
import { SEARCH_COUNT_LIMIT } from '../types.js';
import {
  bestPassing,
  countsOfPairs,
  countsPassing,
  KEPT_MATCHES,
  passingFilters,
  rankedMatches,
  wordsOnly,
  type RankedMatchRow,
} from './ranked-matches.js';

const row = (
  id: string,
  language: string,
  kind: string,
  published_at: string | null,
): RankedMatchRow => ({ id, language, kind, published_at });

/** Best first: a Spanish e-mail, an English article, an undated English e-mail, a Spanish page. */
const kept = rankedMatches([
  row('a', 'es', 'email', '2010-03-14T09:00:00Z'),
  row('b', 'en', 'html', '2010-12-31T23:59:59Z'),
  row('c', 'en', 'email', null),
  row('d', 'es', 'html', '2011-01-01'),
]);

describe('ranked matches kept for every filter', () => {
  it('applies language, type and date filters as the SQL does, in rank order', () => {
    const ids = (query: object) =>
      passingFilters(kept, { text: 'x', ...query }).map((i) => kept.ids[i]);
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ languages: ['en'] })).toEqual(['b', 'c']);
    expect(ids({ kinds: ['html', 'text'] })).toEqual(['b', 'd']);
    // `to` takes in every time on its day; an undated document passes no date filter.
    expect(ids({ from: '2010-03', to: '2010-12-31' })).toEqual(['a', 'b']);
    expect(ids({ from: '2010-12-31' })).toEqual(['b', 'd']);
    expect(ids({ to: '2010-03-13' })).toEqual([]);
    expect(ids({ languages: ['es'], kinds: ['html'], from: '2011' })).toEqual(['d']);
  });

  it('gives a page only when the kept list can tell it', () => {
    // Every match is kept (fewer than the limit): any filtered page is known, short or empty.
    expect(bestPassing(kept, { text: 'x', languages: ['en'] }, 20)).toEqual(['b', 'c']);
    const full = rankedMatches(
      Array.from({ length: KEPT_MATCHES }, (_, i) =>
        row(`d${i}`, i % 10 === 0 ? 'es' : 'en', 'email', '2010-01-01'),
      ),
    );
    // 21 Spanish matches kept, so their first page is known; their third is not.
    expect(bestPassing(full, { text: 'x', languages: ['es'] }, 20)).toHaveLength(20);
    expect(bestPassing(full, { text: 'x', languages: ['es'] }, 60)).toBeNull();
    expect(countsPassing(full, { text: 'x' })).toBeNull();
  });

  it('counts by language and type from a list holding every match', () => {
    const counts = countsPassing(kept, { text: 'x', from: '2010-01-01' });
    expect(counts).toEqual(
      expect.arrayContaining([
        { language: 'es', kind: 'email', n: 1 },
        { language: 'en', kind: 'html', n: 1 },
        { language: 'es', kind: 'html', n: 1 },
      ]),
    );
    expect(counts).toHaveLength(3);
  });

  it('narrows unfiltered counts by language and type only while they are exact', () => {
    const rows = [
      { language: 'en', kind: 'email', n: 70 },
      { language: 'es', kind: 'email', n: 20 },
      { language: 'es', kind: 'html', n: 10 },
    ];
    expect(countsOfPairs(rows, { text: 'x', languages: ['es'] })).toEqual(rows.slice(1));
    expect(countsOfPairs(rows, { text: 'x', kinds: ['html'] })).toEqual([rows[2]]);
    const bounded = [{ language: 'en', kind: 'email', n: SEARCH_COUNT_LIMIT + 1 }];
    expect(countsOfPairs(bounded, { text: 'x', languages: ['en'] })).toBeNull();
  });

  it('keeps rankings only for searches whose filters test the matched row itself', () => {
    expect(wordsOnly({ text: 'cartel', languages: ['es'], limit: 20, offset: 40 })).toEqual({
      text: 'cartel',
    });
    expect(wordsOnly({ text: 'cartel', entities: ['e1'] })).toBeNull();
    expect(wordsOnly({ text: 'cartel', sources: ['mx1'] })).toBeNull();
    expect(wordsOnly({ text: 'cartel', exhaustive: true })).toBeNull();
  });
});
