import { useEffect, useRef, type RefObject } from 'react';
import { DataSet } from 'vis-data/peer';
import { Timeline, type DataItem, type TimelineOptions } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import { navigate } from '../router';
import { openingWindow, type TimelineEntry } from './timeline-items';

/**
 * A text node in an element: vis-timeline would parse a string as HTML, an element it adopts.
 * Its typings only admit strings for `content`, hence the casts where these are passed.
 */
function textElement(text: string, className: string): HTMLElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

const OPTIONS: TimelineOptions = {
  stack: true,
  zoomable: true,
  zoomKey: 'ctrlKey',
  horizontalScroll: true,
  orientation: { axis: 'top', item: 'top' },
  showCurrentTime: false,
  maxHeight: 620,
  minHeight: 320,
  zoomMin: 1000 * 60 * 60 * 24 * 7,
  margin: { item: { horizontal: 4, vertical: 4 } },
  // Points close together collapse into a count until zoomed in. The cluster label is built by
  // vis-timeline from this constant template and a number: no document text goes into it.
  cluster: {
    maxItems: 3,
    titleTemplate: '{count} items: zoom in or double-click to see them',
    showStipes: true,
    fitOnDoubleClick: true,
  },
};

/** The span the chart shows, in milliseconds since the epoch. */
export interface VisibleWindow {
  start: number;
  end: number;
}

/** What the buttons beside the chart do to it, for those not using a mouse. */
export interface TimelineControls {
  zoom(direction: 'in' | 'out'): void;
  /** Moves the window by a fraction of its width: negative is earlier. */
  shift(fraction: number): void;
}

/**
 * vis-timeline in a React component: created once per set of entries and destroyed with it.
 * Item and group labels are DOM elements holding text, never HTML strings, because they come
 * from documents. Selecting an item opens it in the reader. The window it shows is reported
 * (`onWindow`) so the keyboard list beside it can list the same points.
 */
export function TimelineChart({
  entries,
  onWindow,
  controls,
}: {
  entries: TimelineEntry[];
  onWindow: (window: VisibleWindow) => void;
  controls: RefObject<TimelineControls | null>;
}) {
  const container = useRef<HTMLDivElement>(null);
  const reportWindow = useRef(onWindow);
  reportWindow.current = onWindow;
  useEffect(() => {
    if (!container.current) return;
    const hrefs = new Map(entries.map((e) => [e.id, e.href]));
    const items = new DataSet<DataItem>(
      entries.map((e) => ({
        id: e.id,
        group: e.group,
        start: e.start,
        type: 'point',
        className: e.className,
        content: textElement(e.text, 'tl-label') as unknown as string,
      })),
    );
    const groups = new DataSet([
      { id: 'published', content: textElement('Published', 'tl-group') as unknown as string },
      { id: 'mentioned', content: textElement('Dates mentioned', 'tl-group') as unknown as string },
    ]);
    const timeline = new Timeline(container.current, items, groups, {
      ...OPTIONS,
      ...openingWindow(entries),
    });
    const report = () => {
      const { start, end } = timeline.getWindow();
      reportWindow.current({ start: start.valueOf(), end: end.valueOf() });
    };
    report();
    timeline.on('rangechanged', report);
    timeline.on('select', ({ items: selected }: { items: Array<string | number> }) => {
      const href = hrefs.get(String(selected[0]));
      if (href) navigate(href);
    });
    controls.current = {
      zoom: (direction) => (direction === 'in' ? timeline.zoomIn(0.5) : timeline.zoomOut(0.5)),
      shift: (fraction) => {
        const { start, end } = timeline.getWindow();
        const by = (end.valueOf() - start.valueOf()) * fraction;
        timeline.setWindow(start.valueOf() + by, end.valueOf() + by);
      },
    };
    return () => {
      controls.current = null;
      timeline.destroy();
    };
  }, [entries, controls]);
  return <div ref={container} className="timeline-chart" data-testid="timeline" />;
}
