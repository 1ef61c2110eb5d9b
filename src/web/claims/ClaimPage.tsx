import { api } from '../api/client';
import type { AssessedClaim } from '../api/workbench-types';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatCount } from '../format';
import { useAsync } from '../hooks/use-async';
import { claimsHref } from '../router';
import { AdmiraltyBadge } from './AdmiraltyBadge';
import { CircularWarning } from './CircularWarning';
import { documentLabels } from './document-labels';
import { GradeForm } from './GradeForm';
import { GradePanel } from './GradePanel';
import { MemberList } from './MemberList';
import { ProvenanceTree } from './ProvenanceTree';
import { WhenWritable } from '../session/write-access';
import { ReasoningList } from './ReasoningList';

/** One traced quote or claim: where it comes from, how independent it is, how far to trust it. */
export function ClaimPage({ id }: { id: string }) {
  const [state, reload] = useAsync((signal) => api.claim(id, signal), [id], {
    keepWhileReloading: true,
  });
  return (
    <div className="claim-page">
      <p className="back">
        <a href={claimsHref()}>← All claims</a>
      </p>
      {state.status === 'loading' && <p className="muted">Loading…</p>}
      {state.status === 'error' && (
        <ErrorNotice title="This claim cannot be shown" error={state.error} />
      )}
      {state.status === 'ok' && <ClaimView claim={state.data} onChange={reload} />}
    </div>
  );
}

function ClaimView({ claim, onChange }: { claim: AssessedClaim; onChange: () => void }) {
  const { cluster, assessment } = claim;
  const labels = documentLabels(cluster);
  return (
    <article aria-labelledby="claim-title">
      <header className="document-header">
        <p className="eyebrow">
          <AdmiraltyBadge
            code={assessment.code}
            overridden={assessment.code !== assessment.derivedCode}
          />{' '}
          {cluster.kind === 'quote' ? 'Quote' : 'Claim'} by {cluster.speaker ?? 'an unnamed source'}{' '}
          · {formatCount(cluster.documentCount)} document{cluster.documentCount === 1 ? '' : 's'} ·{' '}
          <span className="origins-count">
            {cluster.independentOrigins} independent origin
            {cluster.independentOrigins === 1 ? '' : 's'}
          </span>
        </p>
        <h1 id="claim-title" className="claim-text">
          “{cluster.text}”
        </h1>
        <CircularWarning cluster={cluster} />
      </header>
      <div className="document-layout">
        <div className="claim-main">
          <ProvenanceTree cluster={cluster} labels={labels} />
          <MemberList cluster={cluster} labels={labels} />
          <ReasoningList cluster={cluster} labels={labels} />
        </div>
        <div className="document-side">
          <GradePanel claim={claim} />
          <WhenWritable what="grade this claim">
            <GradeForm claimId={cluster.id} onSaved={onChange} />
          </WhenWritable>
        </div>
      </div>
    </article>
  );
}
