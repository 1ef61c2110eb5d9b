import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatCount } from '../format';
import { useAsync } from '../hooks/use-async';
import type { EntityType } from '../api/analysis-types';
import {
  entitiesHref,
  entityHref,
  navigate,
  resolvedEntityHref,
  type EntityListParams,
} from '../router';
import { EntityFilters } from './EntityFilters';
import { TypeBadge } from './TypeBadge';

const PAGE = 50;

/** One row of the list, whichever listing it came from. */
interface EntityRow {
  key: string;
  href: string;
  type: EntityType;
  name: string;
  /** The entity's other names, when resolution tied several together. */
  otherNames: string[];
  documents: number;
  mentions: number;
}

/**
 * Resolved entities, one row per real-world thing linked by its id, so "Rogelio Salas" and
 * "Rogelio Salas Ordóñez" are one row and one page. A store that has not been through resolution
 * yet (no resolved entity at all) lists the names as extraction found them instead.
 */
async function loadRows(params: EntityListParams, signal: AbortSignal) {
  const query = { ...params, limit: PAGE };
  const resolved = await api.resolvedEntityPage(query, signal);
  // An empty filtered page says nothing about whether resolution ran: ask for any entity at all.
  const filtered = Boolean(params.q || params.type || params.offset);
  const resolutionRan =
    resolved.total > 0 ||
    (filtered &&
      (await api.resolvedEntityPage({ type: null, q: '', offset: 0, limit: 1 }, signal)).total > 0);
  if (resolutionRan) {
    return {
      resolved: true,
      total: resolved.total,
      rows: resolved.entities.map((e): EntityRow => ({
        key: e.id,
        href: resolvedEntityHref(e.id),
        type: e.type,
        name: e.name,
        otherNames: e.aliases.map((a) => a.name).filter((n) => n !== e.name),
        documents: e.documentCount,
        mentions: e.mentionCount,
      })),
    };
  }
  const extracted = await api.entities(query, signal);
  return {
    resolved: false,
    total: extracted.total,
    rows: extracted.entities.map((e): EntityRow => ({
      key: `${e.type}:${e.name}`,
      href: entityHref(e),
      type: e.type,
      name: e.name,
      otherNames: [],
      documents: e.documents,
      mentions: e.mentions,
    })),
  };
}

/** Every person, organisation and place, most widely mentioned first. */
export function EntitiesPage({ params }: { params: EntityListParams }) {
  const [state] = useAsync(
    (signal) => loadRows(params, signal),
    [params.type, params.q, params.offset],
  );
  const total = state.status === 'ok' ? state.data.total : 0;
  return (
    <div className="entities-page">
      <h1>Entities</h1>
      <EntityFilters
        type={params.type}
        q={params.q}
        onChange={(filters) => navigate(entitiesHref({ ...filters, offset: 0 }))}
      />
      {state.status === 'loading' && <p className="muted">Loading…</p>}
      {state.status === 'error' && (
        <ErrorNotice title="The entities cannot be listed" error={state.error} />
      )}
      {state.status === 'ok' && (
        <section className="panel" aria-labelledby="entities-heading">
          <h2 id="entities-heading">
            {formatCount(total)} {total === 1 ? 'entity' : 'entities'}
            {params.q && ` matching “${params.q}”`}
          </h2>
          {!state.data.resolved && (
            <p className="muted small">
              Names as extraction found them: resolution has not run, so two spellings of one person
              are two rows. Run <span className="mono">crosscheck analyze</span> to merge them.
            </p>
          )}
          {state.data.rows.length > 0 && (
            <table className="data-table entity-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Type</th>
                  <th scope="col" className="numeric">
                    Documents
                  </th>
                  <th scope="col" className="numeric">
                    Mentions
                  </th>
                </tr>
              </thead>
              <tbody>
                {state.data.rows.map((entity) => (
                  <tr key={entity.key}>
                    <td>
                      <a href={entity.href}>{entity.name}</a>
                      {entity.otherNames.length > 0 && (
                        <span className="muted small other-names">
                          {' '}
                          also {entity.otherNames.slice(0, 3).join(', ')}
                          {entity.otherNames.length > 3 && ` +${entity.otherNames.length - 3}`}
                        </span>
                      )}
                    </td>
                    <td>
                      <TypeBadge type={entity.type} />
                    </td>
                    <td className="numeric">{formatCount(entity.documents)}</td>
                    <td className="numeric">{formatCount(entity.mentions)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {total > PAGE && (
            <nav className="pager" aria-label="Pages">
              {params.offset > 0 && (
                <a href={entitiesHref({ ...params, offset: Math.max(0, params.offset - PAGE) })}>
                  ← Previous
                </a>
              )}
              <span className="muted">
                {params.offset + 1}–{Math.min(total, params.offset + PAGE)} of {formatCount(total)}
              </span>
              {params.offset + PAGE < total && (
                <a href={entitiesHref({ ...params, offset: params.offset + PAGE })}>Next →</a>
              )}
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
