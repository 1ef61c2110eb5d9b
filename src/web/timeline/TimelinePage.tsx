import { useMemo, useRef, useState } from 'react';
import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatCount } from '../format';
import { useAsync } from '../hooks/use-async';
import { EventList } from './EventList';
import { TimelineChart, type TimelineControls, type VisibleWindow } from './TimelineChart';
import { timelineEntries } from './timeline-items';

/** When the documents were published and which dates they mention, on one zoomable axis. */
export default function TimelinePage() {
  const [state] = useAsync((signal) => api.timeline(signal), []);
  const entries = useMemo(
    () => (state.status === 'ok' ? timelineEntries(state.data) : []),
    [state],
  );
  const [span, setSpan] = useState<VisibleWindow | null>(null);
  const controls = useRef<TimelineControls | null>(null);
  return (
    <div className="timeline-page">
      <h1>Timeline</h1>
      {state.status === 'loading' && <p className="muted">Loading…</p>}
      {state.status === 'error' && (
        <ErrorNotice title="The timeline cannot be shown" error={state.error} />
      )}
      {state.status === 'ok' && entries.length === 0 && (
        <p className="notice">No dates yet: ingest and extract some documents.</p>
      )}
      {state.status === 'ok' && entries.length > 0 && (
        <section className="panel">
          <p className="muted small">
            {formatCount(state.data.documents.length)} documents published,{' '}
            {formatCount(state.data.events.length)} dates mentioned. Drag to move, Ctrl + scroll to
            zoom, click a point to read it; the list below holds the same points.
          </p>
          <TimelineChart entries={entries} onWindow={setSpan} controls={controls} />
        </section>
      )}
      {state.status === 'ok' && entries.length > 0 && (
        <EventList entries={entries} span={span} controls={controls} />
      )}
    </div>
  );
}
