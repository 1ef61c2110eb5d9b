import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useAsync } from '../hooks/use-async';
import { AchMatrix } from './AchMatrix';
import { HypothesisForm } from './HypothesisForm';
import { Ranking } from './Ranking';
import { useWriteAccess, WhenWritable } from '../session/write-access';

/** Analysis of competing hypotheses (Heuer): state hypotheses, mark the claims, read the ranking. */
export function HypothesesPage() {
  const { readOnlyReason } = useWriteAccess();
  const [state, reload] = useAsync((signal) => api.hypotheses(signal), [], {
    keepWhileReloading: true,
  });
  return (
    <div className="hypotheses-page">
      <h1 id="hypotheses-heading">Competing hypotheses</h1>
      <p className="muted">
        Mark each claim as consistent or inconsistent with each hypothesis. Claims weigh by their
        credibility and independent origins; the hypothesis with the least evidence against it ranks
        first.
      </p>
      <WhenWritable what="add hypotheses or mark claims">
        <HypothesisForm onAdded={reload} />
      </WhenWritable>
      {state.status === 'error' && (
        <ErrorNotice title="The workspace cannot be shown" error={state.error} />
      )}
      {state.status === 'loading' && <p className="muted">Loading…</p>}
      {state.status === 'ok' &&
        (state.data.hypotheses.length === 0 ? (
          <p className="notice">
            {readOnlyReason
              ? 'No hypothesis yet.'
              : 'No hypothesis yet: state the first one above.'}
          </p>
        ) : (
          <div className="ach-layout">
            <AchMatrix workspace={state.data} onMarked={reload} />
            <Ranking workspace={state.data} />
          </div>
        ))}
    </div>
  );
}
