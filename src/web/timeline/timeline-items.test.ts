import { describe, expect, it } from 'vitest';
import { parseHash } from '../router';
import {
  dayOf,
  entriesInWindow,
  openingWindow,
  timelineEntries,
  type TimelineEntry,
} from './timeline-items';

describe('timelineEntries', () => {
  it('places published documents and mentioned dates, linking to the reader', () => {
    const entries = timelineEntries({
      documents: [
        { id: 'd1', title: 'Agents met', kind: 'text', publishedAt: '2011-04-19T08:00Z' },
      ],
      events: [
        {
          documentId: 'd1',
          documentTitle: 'Agents met',
          value: '2010-11',
          precision: 'month',
          text: 'last November',
          start: 120,
          end: 133,
        },
      ],
    });
    expect(entries).toEqual([
      {
        id: 'published:d1',
        group: 'published',
        start: '2011-04-19',
        when: '2011-04-19',
        text: 'Agents met',
        title: 'Agents met',
        href: '#/documents/d1',
        className: 'tl-published tl-kind-text',
      },
      {
        id: 'mentioned:d1:120',
        group: 'mentioned',
        start: '2010-11-01',
        when: '2010-11',
        text: 'last November · Agents met',
        title: 'last November · Agents met',
        href: '#/documents/d1?at=120',
        className: 'tl-mentioned tl-precision-month',
      },
    ]);
    expect(parseHash(entries[1]!.href)).toMatchObject({ name: 'document', id: 'd1', at: 120 });
  });

  it('puts partial dates at their start', () => {
    expect(dayOf('2011')).toBe('2011-01-01');
    expect(dayOf('2011-04')).toBe('2011-04-01');
    expect(dayOf('2011-04-19')).toBe('2011-04-19');
  });
});

describe('openingWindow', () => {
  const at = (start: string): TimelineEntry => ({
    id: start,
    group: 'mentioned',
    start,
    when: start,
    text: '',
    title: '',
    href: '',
    className: '',
  });

  it('opens on the bulk of the points, leaving a far outlier out of the first view', () => {
    const entries = [
      ...Array.from({ length: 30 }, (_, i) =>
        at(`2010-${String((i % 12) + 1).padStart(2, '0')}-01`),
      ),
      at('2045-01-01'),
    ];
    const window = openingWindow(entries)!;
    expect(window.start < '2010-01-01').toBe(true);
    expect(window.end < '2011-06-01').toBe(true);
  });

  it('pads a single point and has nothing to show for no points', () => {
    expect(openingWindow([at('2012-04-03')])).toEqual({ start: '2012-03-04', end: '2012-05-03' });
    expect(openingWindow([])).toBeNull();
  });
});

describe('entriesInWindow', () => {
  const entry = (id: string, start: string): TimelineEntry => ({
    id,
    group: 'mentioned',
    start,
    when: start,
    text: id,
    title: id,
    href: `#/documents/${id}`,
    className: 'tl-mentioned',
  });

  it('keeps the points inside the window, earliest first', () => {
    const entries = [
      entry('late', '2011-06-01'),
      entry('outside', '2009-01-01'),
      entry('early', '2010-02-03'),
    ];
    const window = { start: Date.parse('2010-01-01'), end: Date.parse('2011-12-31') };
    expect(entriesInWindow(entries, window).map((e) => e.id)).toEqual(['early', 'late']);
  });
});
