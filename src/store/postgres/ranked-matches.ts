import { type LanguageKindCount } from '../search-facets.js';
import { SEARCH_COUNT_LIMIT, type SearchQuery } from '../types.js';

/*
 * Under load most searches repeat words already searched with another filter or page (in the
 * load benchmark's first 4,000 requests: 1,564 different searches of 648 different queries).
 * Ranking a common word reads its whole posting list in the full-text index (~14 ms for 45,000
 * matches at 100,000 documents) whatever the filter, so the store ranks a query's words once,
 * keeps the best matches with the columns the language, type and date filters test, and applies
 * those filters here. The index returns matches in one fixed order, and a filter only skips rows
 * of it, so a filtered ranking is the unfiltered one with rows left out.
 */

/**
 * How many of the best matches are kept: ten pages of twenty, enough for a first page behind a
 * filter that one match in ten passes. Each kept row costs the ranked read ~12 µs (PostgreSQL
 * computes the rank again from the row's vector): 201 add ~2.5 ms to a common word's 14, the
 * facets' 1,001 would add 12.
 */
export const KEPT_MATCHES = 201;

/** The best-ranked matches of a query's words alone, best first, column by column. */
export interface RankedMatches {
  ids: string[];
  languages: string[];
  kinds: string[];
  published: (string | null)[];
}

export interface RankedMatchRow {
  id: string;
  language: string;
  kind: string;
  published_at: string | null;
}

export function rankedMatches(rows: readonly RankedMatchRow[]): RankedMatches {
  return {
    ids: rows.map((r) => r.id),
    languages: rows.map((r) => r.language),
    kinds: rows.map((r) => r.kind),
    published: rows.map((r) => r.published_at),
  };
}

/** Every match of the words is in the list (the index found fewer than the limit). */
export function holdsEveryMatch(matches: RankedMatches): boolean {
  return matches.ids.length < KEPT_MATCHES;
}

/**
 * The words of a search with none of its filters: what the kept ranking depends on. Entity and
 * source filters test other tables, so a search with them is ranked on its own.
 */
export function wordsOnly(query: SearchQuery): SearchQuery | null {
  if (query.exhaustive || query.entities?.length || query.sources?.length) return null;
  return { text: query.text };
}

/**
 * `published_at` is compared in the C collation: byte order of the UTF-8 text, which JavaScript's
 * `<` (UTF-16 code units) does not follow past U+FFFF.
 */
function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * The positions of the matches that pass the query's language, type and date filters, tested as
 * the store's SQL tests them (see PostgresStore.searchClauses): `to` is inclusive of every time
 * on that day, a document without a date passes no date filter.
 */
export function passingFilters(matches: RankedMatches, query: SearchQuery): number[] {
  const languages = query.languages?.length ? new Set<string>(query.languages) : null;
  const kinds = query.kinds?.length ? new Set<string>(query.kinds) : null;
  const to = query.to === undefined ? undefined : `${query.to}\uffff`;
  const passing: number[] = [];
  for (let i = 0; i < matches.ids.length; i++) {
    if (languages && !languages.has(matches.languages[i]!)) continue;
    if (kinds && !kinds.has(matches.kinds[i]!)) continue;
    const published = matches.published[i]!;
    if (query.from !== undefined && (published === null || compareBytes(published, query.from) < 0))
      continue;
    if (to !== undefined && (published === null || compareBytes(published, to) >= 0)) continue;
    passing.push(i);
  }
  return passing;
}

/**
 * The ids of the best `count` matches passing the query's filters, or null when the kept list
 * cannot tell (it holds fewer than that many passing and not every match).
 */
export function bestPassing(
  matches: RankedMatches,
  query: SearchQuery,
  count: number,
): string[] | null {
  const passing = passingFilters(matches, query);
  if (passing.length < count && !holdsEveryMatch(matches)) return null;
  return passing.slice(0, count).map((i) => matches.ids[i]!);
}

/** Matches by language and type, when the kept list holds every match; otherwise null. */
export function countsPassing(
  matches: RankedMatches,
  query: SearchQuery,
): LanguageKindCount[] | null {
  if (!holdsEveryMatch(matches)) return null;
  const counts = new Map<string, LanguageKindCount>();
  for (const i of passingFilters(matches, query)) {
    const language = matches.languages[i]!;
    const kind = matches.kinds[i]!;
    const key = `${language}\u0000${kind}`;
    const row = counts.get(key);
    if (row) row.n++;
    else counts.set(key, { language, kind, n: 1 });
  }
  return [...counts.values()];
}

/**
 * A language or type filter's counts from the words' unfiltered counts by language and type,
 * when those hold every match (they stopped short of the bound); otherwise null.
 */
export function countsOfPairs(
  rows: readonly LanguageKindCount[],
  query: SearchQuery,
): LanguageKindCount[] | null {
  if (rows.reduce((sum, row) => sum + row.n, 0) > SEARCH_COUNT_LIMIT) return null;
  const languages = query.languages?.length ? new Set<string>(query.languages) : null;
  const kinds = query.kinds?.length ? new Set<string>(query.kinds) : null;
  return rows
    .filter((row) => (!languages || languages.has(row.language)) && (!kinds || kinds.has(row.kind)))
    .map((row) => ({ ...row }));
}
