import { useSyncExternalStore } from 'react';
import type { EntityType } from './api/analysis-types';
import type { SearchParams } from './api/client';
import { isEntityType, type EntityRef } from './entities/entity-ref';

/*
 * A hand-written hash router, because a handful of screens do not justify a routing library (none is
 * installed) and hash routes need nothing from the server: every screen, its search and filters
 * live in the fragment, so links can be shared and the back button works.
 */

export const PAGE_SIZE = 20;

export type Route =
  | { name: 'search'; params: SearchParams }
  /** `q`: the search that led here, whose words the reader marks in the text. */
  /** `at`: a character offset to bring into view (a mention, a date), or null. */
  | { name: 'document'; id: string; q: string; at: number | null }
  | { name: 'entities'; params: EntityListParams }
  /** An entity by the name extraction gave it: resolved to its id when resolution has run. */
  | { name: 'entity'; ref: EntityRef }
  /** A resolved entity (`person:folded name`), whichever of its names led here. */
  | { name: 'resolved-entity'; id: string }
  | { name: 'timeline' }
  /** `place`: the place whose documents are listed beside the map, or null. */
  | { name: 'map'; place: string | null }
  | { name: 'graph'; type: EntityType | null }
  | { name: 'ingest' }
  | { name: 'claims'; params: ClaimFilters }
  | { name: 'claim'; id: string }
  | { name: 'hypotheses' }
  | { name: 'not-found'; path: string };

export interface EntityListParams {
  type: EntityType | null;
  q: string;
  offset: number;
}

/** The claims list's filters: only claims carried by several documents, about one entity. */
export interface ClaimFilters {
  shared: boolean;
  about: string;
  offset: number;
}

const list = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** A non-negative integer parameter, or null when missing or nonsense. */
function count(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const n = Number.parseInt(value, 10);
  return Number.isSafeInteger(n) ? n : null;
}

/** `entity=a&entity=b` as `{ entity: ['a', 'b'] }`, or nothing when the parameter is absent. */
function repeated<K extends 'entity' | 'source'>(query: URLSearchParams, key: K) {
  const values = query.getAll(key).filter(Boolean);
  return values.length ? ({ [key]: values } as { [P in K]: string[] }) : {};
}

export function parseSearchParams(query: URLSearchParams): SearchParams {
  const offset = Number.parseInt(query.get('offset') ?? '0', 10);
  return {
    q: query.get('q') ?? '',
    lang: list(query.get('lang')),
    type: list(query.get('type')),
    from: query.get('from') ?? '',
    to: query.get('to') ?? '',
    ...repeated(query, 'entity'),
    ...repeated(query, 'source'),
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
  const [first, second, third] = segments;
  const query = new URLSearchParams(queryString);
  if (segments.length === 0 || (first === 'search' && segments.length === 1)) {
    return { name: 'search', params: parseSearchParams(new URLSearchParams(queryString)) };
  }
  if (first === 'documents' && second && segments.length === 2) {
    return { name: 'document', id: second, q: query.get('q') ?? '', at: count(query.get('at')) };
  }
  if (first === 'entities' && segments.length === 1) {
    const type = query.get('type');
    return {
      name: 'entities',
      params: {
        type: isEntityType(type) ? type : null,
        q: query.get('q') ?? '',
        offset: count(query.get('offset')) ?? 0,
      },
    };
  }
  if (first === 'entities' && isEntityType(second) && third && segments.length === 3) {
    return { name: 'entity', ref: { type: second, name: third } };
  }
  if (first === 'entity' && second && segments.length === 2) {
    return { name: 'resolved-entity', id: second };
  }
  if (first === 'claims' && second && segments.length === 2) return { name: 'claim', id: second };
  if (segments.length === 1) {
    if (first === 'claims') {
      return {
        name: 'claims',
        params: {
          shared: query.get('shared') === 'true',
          about: query.get('about') ?? '',
          offset: count(query.get('offset')) ?? 0,
        },
      };
    }
    if (first === 'hypotheses') return { name: 'hypotheses' };
    if (first === 'timeline') return { name: 'timeline' };
    if (first === 'map') return { name: 'map', place: query.get('place') || null };
    if (first === 'graph') {
      const type = query.get('type');
      return { name: 'graph', type: isEntityType(type) ? type : null };
    }
    if (first === 'ingest') return { name: 'ingest' };
  }
  return { name: 'not-found', path };
}

export function searchHref(params: Partial<SearchParams>): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.lang?.length) query.set('lang', params.lang.join(','));
  if (params.type?.length) query.set('type', params.type.join(','));
  if (params.from) query.set('from', params.from);
  if (params.to) query.set('to', params.to);
  for (const entity of params.entity ?? []) query.append('entity', entity);
  for (const source of params.source ?? []) query.append('source', source);
  if (params.offset) query.set('offset', String(params.offset));
  const text = query.toString();
  return `#/search${text ? `?${text}` : ''}`;
}

/** A hash with its query, leaving out empty parameters. */
function withQuery(path: string, params: Record<string, string | number | null | undefined>) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export function documentHref(id: string, q = '', at: number | null = null): string {
  return withQuery(`#/documents/${encodeURIComponent(id)}`, { q, at });
}

export function entitiesHref(params: Partial<EntityListParams> = {}): string {
  return withQuery('#/entities', {
    type: params.type,
    q: params.q,
    offset: params.offset || null,
  });
}

export const entityHref = (ref: EntityRef) =>
  `#/entities/${ref.type}/${encodeURIComponent(ref.name)}`;
export const resolvedEntityHref = (id: string) => `#/entity/${encodeURIComponent(id)}`;
export const timelineHref = () => '#/timeline';
export const mapHref = (place: string | null = null) => withQuery('#/map', { place });
export const graphHref = (type: EntityType | null = null) => withQuery('#/graph', { type });
export const ingestHref = () => '#/ingest';
export const claimsHref = (params: Partial<ClaimFilters> = {}) =>
  withQuery('#/claims', {
    shared: params.shared ? 'true' : null,
    about: params.about,
    offset: params.offset || null,
  });
export const claimHref = (id: string) => `#/claims/${encodeURIComponent(id)}`;
export const hypothesesHref = () => '#/hypotheses';

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
