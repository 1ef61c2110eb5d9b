import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useAsync } from '../hooks/use-async';
import { EntityDecisionForm } from './EntityDecisionForm';
import { ResolvedNames } from './ResolvedNames';
import { WhenWritable } from '../session/write-access';

/**
 * The entity as resolution merged it (all its names, where each came from, why), with the
 * analyst's merge, split and rename. Reloads after each decision so the result shows at once.
 */
export function ResolvedEntityPanel({ idOrName }: { idOrName: string }) {
  const [state, reload] = useAsync((signal) => api.resolvedEntity(idOrName, signal), [idOrName], {
    keepWhileReloading: true,
  });
  if (state.status === 'loading') return null;
  if (state.status === 'error') {
    return <ErrorNotice title="Resolution has not run for this entity" error={state.error} />;
  }
  const detail = state.data;
  return (
    <>
      <section className="panel" aria-labelledby="resolved-heading">
        <h2 id="resolved-heading">Resolved as</h2>
        <p className="resolved-name">
          <strong id="resolved-name">{detail.entity.name}</strong>{' '}
          <span className="muted small">
            {detail.entity.documentCount} docs · {detail.entity.mentionCount} mentions
          </span>
        </p>
        <ResolvedNames detail={detail} />
      </section>
      <WhenWritable what="merge, split or rename entities">
        <EntityDecisionForm key={detail.entity.id} entity={detail.entity} onDecided={reload} />
      </WhenWritable>
    </>
  );
}
