import type { QueueStatus } from '../api/queue-types';
import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatCount, formatDate, formatDuration } from '../format';
import { usePolling } from '../hooks/use-polling';

const POLL_MS = 2000;

/**
 * The distributed ingest (`crosscheck worker` processes sharing a Redis queue), polled every two
 * seconds while the page is visible. Nothing shows on a server without a queue, or one too old to
 * have the route: the panel only matters to newsrooms that run workers.
 */
export function WorkersPanel() {
  const state = usePolling((signal) => api.queue(signal), POLL_MS);
  if (state.status === 'loading') return null;
  if (state.status === 'error') {
    return (
      <section className="panel" aria-labelledby="workers-heading">
        <h2 id="workers-heading">Distributed workers</h2>
        <ErrorNotice title="The queue cannot be read" error={state.error} />
      </section>
    );
  }
  if (!state.data?.enabled) return null;
  return <QueueView queue={state.data} />;
}

const PHASES: Record<QueueStatus['analysis']['phase'], string> = {
  none: 'not queued',
  waiting: 'waits for ingest and extraction',
  running: 'running',
  done: 'done',
  failed: 'failed',
};

const STEPS: Record<NonNullable<QueueStatus['analysis']['step']>['step'], string> = {
  resolution: 'entity resolution',
  reuse: 'reuse search',
  claims: 'claim tracing',
};

function analysisInWords(analysis: QueueStatus['analysis']): string {
  const { last, step } = analysis;
  const phase = PHASES[analysis.phase];
  if (analysis.phase === 'running' && step) {
    // An analysis of a large corpus runs for an hour: the step that ended last shows it moving.
    const count = step.count === null ? '' : ` (${formatCount(step.count)})`;
    return `${phase} — ${STEPS[step.step]}: ${step.done}${count}, ${formatDuration(step.seconds)} in`;
  }
  return last && analysis.phase === 'done'
    ? `${phase}: ${formatCount(last.entities)} entities, ${formatCount(last.claimClusters)} claims traced`
    : phase;
}

function QueueView({ queue }: { queue: QueueStatus }) {
  const { counts } = queue;
  const total = counts.waiting + counts.active + counts.completed + counts.failed + counts.delayed;
  const done = counts.completed + counts.failed;
  const figures: Array<[string, string]> = [
    ['Workers', formatCount(queue.workers)],
    ['Documents stored', formatCount(queue.documentsStored)],
    ['Docs per second', queue.docsPerSecond.toFixed(1)],
    [
      'Time left',
      queue.etaSeconds === null
        ? '—'
        : `${formatDuration(queue.etaSeconds)}${queue.etaExcludesAnalysis ? ' + analysis' : ''}`,
    ],
    ['Analysis', analysisInWords(queue.analysis)],
  ];
  const states: Array<[keyof QueueStatus['counts'], string]> = [
    ['waiting', 'Waiting'],
    ['active', 'Running'],
    ['delayed', 'Delayed'],
    ['completed', 'Done'],
    ['failed', 'Failed'],
  ];
  return (
    <section className="panel workers-panel" aria-labelledby="workers-heading">
      <h2 id="workers-heading">Distributed workers</h2>
      <dl className="figures">
        {figures.map(([label, value]) => (
          <div key={label} className="figure">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {total > 0 && (
        <p className="small">
          <progress className="queue-progress" value={done} max={total} aria-label="Jobs finished">
            {formatCount(done)} of {formatCount(total)}
          </progress>
          {formatCount(done)} of {formatCount(total)} jobs finished
        </p>
      )}
      <dl className="queue-counts" aria-label="Jobs">
        {states.map(([key, label]) => (
          <div key={key} data-count={key}>
            <dt>{label}</dt>
            <dd>{formatCount(counts[key])}</dd>
          </div>
        ))}
      </dl>
      {queue.failed.length > 0 && (
        <div className="table-wrap">
          <table className="failures">
            <caption>Failed jobs, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Reason</th>
                <th scope="col" className="numeric">
                  Attempts
                </th>
                <th scope="col">Failed</th>
              </tr>
            </thead>
            <tbody>
              {queue.failed.map((job) => (
                <tr key={job.id}>
                  <td className="mono break">
                    {job.name} <span className="muted">#{job.id}</span>
                  </td>
                  <td>{job.reason}</td>
                  <td className="numeric">{job.attempts}</td>
                  <td>{job.failedAt ? formatDate(job.failedAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
