import { describe, expect, it } from 'vitest';
import { parseHash } from '../router';
import { dayOf, openingWindow, timelineEntries, type TimelineEntry } from './timeline-items';

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
        text: 'Agents met',
        href: '#/documents/d1',
        className: 'tl-published tl-kind-text',
      },
      {
        id: 'mentioned:d1:120',
        group: 'mentioned',
        start: '2010-11-01',
        text: 'last November · Agents met',
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
    text: '',
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
