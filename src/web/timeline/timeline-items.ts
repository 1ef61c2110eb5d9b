import type { TimelineResponse } from '../api/analysis-types';
import { documentHref } from '../router';

export type TimelineGroup = 'published' | 'mentioned';

/** One point on the timeline, before it becomes a vis-timeline item. */
export interface TimelineEntry {
  id: string;
  group: TimelineGroup;
  /** ISO day the point sits on. */
  start: string;
  /** The date as precise as it is known: `2009`, `2010-06`, `2011-03-22`. */
  when: string;
  /** The chart's label, cut short. */
  text: string;
  /** The whole label, for the list beside the chart. */
  title: string;
  /** Where clicking it leads: the document, at the date's offset for a mentioned date. */
  href: string;
  className: string;
}

/** `2011`, `2011-04` → `2011-01-01`, `2011-04-01`; a date-time keeps only its day. */
export function dayOf(value: string): string {
  const [year, month = '01', day = '01'] = value.slice(0, 10).split('-');
  return `${year}-${month}-${day}`;
}

const short = (text: string, max = 48) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Mentioned dates and publication dates as timeline points. A date mentioned without a day (a
 * year, a month) sits at its start and says so in its class, so the chart can draw it apart.
 */
export function timelineEntries(response: TimelineResponse): TimelineEntry[] {
  const published = response.documents.map((d) => ({
    id: `published:${d.id}`,
    group: 'published' as const,
    start: dayOf(d.publishedAt),
    when: d.publishedAt.slice(0, 10),
    text: short(d.title ?? '(untitled)'),
    title: d.title ?? '(untitled)',
    href: documentHref(d.id),
    className: `tl-published tl-kind-${d.kind}`,
  }));
  const mentioned = response.events.map((e) => ({
    id: `mentioned:${e.documentId}:${e.start}`,
    group: 'mentioned' as const,
    start: dayOf(e.value),
    when: e.value.slice(0, 10),
    text: short(`${e.text} · ${e.documentTitle ?? '(untitled)'}`),
    title: `${e.text} · ${e.documentTitle ?? '(untitled)'}`,
    href: documentHref(e.documentId, '', e.start),
    className: `tl-mentioned tl-precision-${e.precision}`,
  }));
  return [...published, ...mentioned];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The span the timeline opens on: the middle 90% of the points, padded a little. A few dates
 * far from the rest (a misread year, a historical aside) would otherwise squeeze every other
 * point into a sliver; they stay one drag or zoom away.
 */
export function openingWindow(entries: TimelineEntry[]): { start: string; end: string } | null {
  if (entries.length === 0) return null;
  const times = entries
    .map((e) => Date.parse(e.start))
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (times.length === 0) return null;
  const at = (fraction: number) =>
    times[Math.min(times.length - 1, Math.floor(fraction * times.length))]!;
  const low = at(0.05);
  const high = at(0.95);
  const pad = Math.max(30 * DAY_MS, (high - low) * 0.05);
  const day = (time: number) => new Date(time).toISOString().slice(0, 10);
  return { start: day(low - pad), end: day(high + pad) };
}

/** The entries whose day falls inside a window of the chart, earliest first. */
export function entriesInWindow(
  entries: TimelineEntry[],
  window: { start: number; end: number },
): TimelineEntry[] {
  return entries
    .map((entry) => ({ entry, time: Date.parse(entry.start) }))
    .filter(({ time }) => time >= window.start && time <= window.end)
    .sort((a, b) => a.time - b.time || a.entry.id.localeCompare(b.entry.id))
    .map(({ entry }) => entry);
}
