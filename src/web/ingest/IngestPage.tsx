import { useCallback } from 'react';
import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useAsync } from '../hooks/use-async';
import { FailureTable } from './FailureTable';
import { StatsPanel } from './StatsPanel';
import { UploadPanel } from './UploadPanel';
import { WhenWritable } from '../session/write-access';
import { WorkersPanel } from './WorkersPanel';
import { useUploads } from './use-uploads';

export function IngestPage() {
  const [stats, reloadStats] = useAsync((signal) => api.stats(signal), []);
  const [failures, reloadFailures] = useAsync((signal) => api.failures(signal), []);
  const onJobFinished = useCallback(() => {
    reloadStats();
    reloadFailures();
  }, [reloadStats, reloadFailures]);
  const { uploads, add } = useUploads(onJobFinished);

  return (
    <div className="ingest-page">
      <h1>Ingest</h1>
      <div className="ingest-layout">
        <div>
          <WhenWritable what="upload documents">
            <UploadPanel uploads={uploads} onFiles={add} />
          </WhenWritable>
          <WorkersPanel />
          <section className="panel" aria-labelledby="failures-heading">
            <h2 id="failures-heading">Failures</h2>
            {failures.status === 'error' && <ErrorNotice error={failures.error} />}
            {failures.status === 'ok' &&
              (failures.data.length === 0 ? (
                <p className="muted">Every file ingested so far could be read.</p>
              ) : (
                <FailureTable
                  failures={failures.data}
                  caption={`${failures.data.length} logged, newest first, all runs`}
                />
              ))}
          </section>
        </div>
        <div>
          {stats.status === 'loading' && <p className="muted">Loading…</p>}
          {stats.status === 'error' && <ErrorNotice error={stats.error} />}
          {stats.status === 'ok' && <StatsPanel stats={stats.data} />}
        </div>
      </div>
    </div>
  );
}
