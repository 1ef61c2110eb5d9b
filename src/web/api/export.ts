import { currentSession, isMultiUser } from '../session/session';

/** The formats `GET /api/export` serves (src/api/routes/export.ts), in the order offered. */
export const EXPORT_FORMATS = [
  { format: 'stix', label: 'STIX 2.1', file: 'JSON bundle' },
  { format: 'ftm', label: 'FollowTheMoney', file: 'JSON Lines' },
  { format: 'claimreview', label: 'ClaimReview', file: 'JSON-LD' },
  { format: 'gexf', label: 'GEXF', file: 'graph, for Gephi' },
  { format: 'graphml', label: 'GraphML', file: 'graph' },
] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number]['format'];

/** What an export covers: everything, the documents a search matches, or those naming an entity. */
export type ExportScope =
  | { kind: 'store' }
  | { kind: 'search'; q: string }
  /** A resolved entity's id or one of its names. */
  | { kind: 'entity'; entity: string };

/**
 * The download link for an export. Every export link in the UI is built here. On a multi-user
 * server it names the collection too (`?collection=`, which the server reads for downloads), so
 * the link says what it exports even outside the page; the token still travels in a header
 * (see ExportMenu), never in the address, where logs and browser history would keep it.
 */
export function exportHref(format: ExportFormat, scope: ExportScope): string {
  const query = new URLSearchParams({ format });
  const { collection } = currentSession();
  if (isMultiUser() && collection) query.set('collection', collection);
  if (scope.kind === 'search') query.set('q', scope.q);
  if (scope.kind === 'entity') query.set('entity', scope.entity);
  return `/api/export?${query}`;
}
