import { useSyncExternalStore } from 'react';
import type { SearchParams } from './api/client';

/*
 * A hand-written hash router, because three screens do not justify a routing library (none is
 * installed) and hash routes need nothing from the server: every screen, its search and filters
 * live in the fragment, so links can be shared and the back button works.
 */

export const PAGE_SIZE = 20;

export type Route =
  | { name: 'search'; params: SearchParams }
  /** `q`: the search that led here, whose words the reader marks in the text. */
  | { name: 'document'; id: string; q: string }
  | { name: 'ingest' }
  | { name: 'not-found'; path: string };

const list = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

export function parseSearchParams(query: URLSearchParams): SearchParams {
  const offset = Number.parseInt(query.get('offset') ?? '0', 10);
  return {
    q: query.get('q') ?? '',
    lang: list(query.get('lang')),
    type: list(query.get('type')),
    from: query.get('from') ?? '',
    to: query.get('to') ?? '',
    offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
    limit: PAGE_SIZE,
  };
}

/** `#/documents/ab12…` → the route it names; an empty hash is the search screen. */
export function parseHash(hash: string): Route {
  const fragment = hash.replace(/^#/, '');
  const mark = fragment.indexOf('?');
  const path = mark === -1 ? fragment : fragment.slice(0, mark);
  const queryString = mark === -1 ? '' : fragment.slice(mark + 1);
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second] = segments;
  if (segments.length === 0 || (first === 'search' && segments.length === 1)) {
    return { name: 'search', params: parseSearchParams(new URLSearchParams(queryString)) };
  }
  if (first === 'documents' && second && segments.length === 2) {
    return { name: 'document', id: second, q: new URLSearchParams(queryString).get('q') ?? '' };
  }
  if (first === 'ingest' && segments.length === 1) return { name: 'ingest' };
  return { name: 'not-found', path };
}

export function searchHref(params: Partial<SearchParams>): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.lang?.length) query.set('lang', params.lang.join(','));
  if (params.type?.length) query.set('type', params.type.join(','));
  if (params.from) query.set('from', params.from);
  if (params.to) query.set('to', params.to);
  if (params.offset) query.set('offset', String(params.offset));
  const text = query.toString();
  return `#/search${text ? `?${text}` : ''}`;
}

export function documentHref(id: string, q = ''): string {
  const path = `#/documents/${encodeURIComponent(id)}`;
  return q ? `${path}?${new URLSearchParams({ q })}` : path;
}
export const ingestHref = () => '#/ingest';

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route, re-rendering on every hash change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}

/** The last search the user ran, so a document can link back to its results. */
let lastSearch = '#/search';
export const rememberSearch = (href: string) => void (lastSearch = href);
export const lastSearchHref = () => lastSearch;
