import type { RefObject } from 'react';
import { formatCount } from '../format';
import type { TimelineControls, VisibleWindow } from './TimelineChart';
import { entriesInWindow, type TimelineEntry } from './timeline-items';

/** Points listed at once; past that, zooming in narrows the list. */
const SHOWN = 80;

/**
 * The points inside the chart's window as a list of links, earliest first, with buttons that move
 * and zoom the window: everything the chart offers the mouse, for the keyboard and screen readers.
 * Each link opens the reader where the chart's point would (at the date's offset for a mention).
 */
export function EventList({
  entries,
  span,
  controls,
}: {
  entries: TimelineEntry[];
  span: VisibleWindow | null;
  controls: RefObject<TimelineControls | null>;
}) {
  const inView = span ? entriesInWindow(entries, span) : [];
  const shown = inView.slice(0, SHOWN);
  const day = (time: number) => new Date(time).toISOString().slice(0, 10);
  return (
    <section className="panel timeline-events" aria-labelledby="timeline-events-heading">
      <h2 id="timeline-events-heading">In view</h2>
      <div className="toolbar" role="group" aria-label="Move the timeline">
        <button type="button" onClick={() => controls.current?.shift(-0.5)}>
          ← Earlier
        </button>
        <button type="button" onClick={() => controls.current?.shift(0.5)}>
          Later →
        </button>
        <button type="button" onClick={() => controls.current?.zoom('in')}>
          Zoom in
        </button>
        <button type="button" onClick={() => controls.current?.zoom('out')}>
          Zoom out
        </button>
      </div>
      <p className="muted small" aria-live="polite">
        {span && `${day(span.start)} to ${day(span.end)}: `}
        {formatCount(inView.length)} {inView.length === 1 ? 'point' : 'points'}
        {shown.length < inView.length &&
          `, the first ${shown.length} listed (zoom in for the rest)`}
        .
      </p>
      <ol className="keyboard-list event-list">
        {shown.map((entry) => (
          <li key={entry.id}>
            <span className="item-date">{entry.when}</span>
            <a href={entry.href} className="event-link" data-group={entry.group}>
              {entry.group === 'published' ? 'Published: ' : 'Mentioned: '}
              {entry.title}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
