import { api } from '../api/client';
import type { AssessedClaim } from '../api/workbench-types';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatCount } from '../format';
import { useAsync } from '../hooks/use-async';
import { claimHref, claimsHref, PAGE_SIZE, type ClaimFilters } from '../router';
import { AdmiraltyBadge } from './AdmiraltyBadge';
import { ClaimFiltersForm } from './ClaimFiltersForm';

const shorten = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max)}…` : text);

function ClaimRow({ claim }: { claim: AssessedClaim }) {
  const { cluster, assessment } = claim;
  return (
    <li className="claim-row" data-claim={cluster.id}>
      <AdmiraltyBadge
        code={assessment.code}
        overridden={assessment.code !== assessment.derivedCode}
      />
      <div>
        <a className="claim-link" href={claimHref(cluster.id)}>
          “{shorten(cluster.text)}”
        </a>
        <p className="muted small">
          {cluster.speaker ?? 'Unnamed source'} · {formatCount(cluster.documentCount)} document
          {cluster.documentCount === 1 ? '' : 's'} · {cluster.independentOrigins} independent origin
          {cluster.independentOrigins === 1 ? '' : 's'}
          {cluster.circular && <span className="badge badge-warning">circular reporting</span>}
        </p>
      </div>
    </li>
  );
}

/** Every traced quote and claim, most carried first, with its grade and its independence. */
export function ClaimsPage({ filters }: { filters: ClaimFilters }) {
  const [state] = useAsync(
    (signal) =>
      api.claims(
        { shared: filters.shared, about: filters.about, offset: filters.offset, limit: PAGE_SIZE },
        signal,
      ),
    [filters.shared, filters.about, filters.offset],
  );
  return (
    <div className="claims-page">
      <h1 id="claims-heading">Claims</h1>
      <p className="muted">
        Quotes and claims traced across documents, each with its NATO Admiralty grade (source
        reliability A–F, information credibility 1–6).
      </p>
      <ClaimFiltersForm key={filters.about} filters={filters} />
      {state.status === 'loading' && <p className="muted">Loading…</p>}
      {state.status === 'error' && (
        <ErrorNotice title="The claims cannot be listed" error={state.error} />
      )}
      {state.status === 'ok' && (
        <>
          <p className="results-heading">{formatCount(state.data.total)} claims</p>
          <ol className="claim-list">
            {state.data.claims.map((claim) => (
              <ClaimRow key={claim.cluster.id} claim={claim} />
            ))}
          </ol>
          <nav className="pager" aria-label="Pages">
            {filters.offset > 0 && (
              <a href={claimsHref({ ...filters, offset: Math.max(0, filters.offset - PAGE_SIZE) })}>
                ← Previous
              </a>
            )}
            {filters.offset + PAGE_SIZE < state.data.total && (
              <a href={claimsHref({ ...filters, offset: filters.offset + PAGE_SIZE })}>Next →</a>
            )}
          </nav>
        </>
      )}
    </div>
  );
}
