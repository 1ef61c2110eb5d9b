import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatCount } from '../format';
import { useAsync } from '../hooks/use-async';
import { entitiesHref, entityHref, navigate, type EntityListParams } from '../router';
import { EntityFilters } from './EntityFilters';
import { TypeBadge } from './TypeBadge';

const PAGE = 50;

/** Every person, organisation and place extraction found, most widely mentioned first. */
export function EntitiesPage({ params }: { params: EntityListParams }) {
  const [state] = useAsync(
    (signal) => api.entities({ ...params, limit: PAGE }, signal),
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
          {state.data.entities.length > 0 && (
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
                {state.data.entities.map((entity) => (
                  <tr key={`${entity.type}:${entity.name}`}>
                    <td>
                      <a href={entityHref(entity)}>{entity.name}</a>
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
