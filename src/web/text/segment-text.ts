/**
 * A marked range of a document's text: a search match, or something extraction or text reuse
 * found (a person, a date, a quote, a shared passage). Offsets are UTF-16 code units, as
 * JavaScript strings count.
 */
export interface Highlight {
  start: number;
  end: number;
  /** What the range is (`person`, `place`, `match`…); becomes a CSS class. */
  kind: string;
  /** Shown as a tooltip, e.g. the entity a mention was resolved to. */
  label?: string;
  /** Where clicking it leads (an entity's page). */
  href?: string;
  /** Names it for the page when clicked (a quote to describe, a passage to show the sources of). */
  id?: string;
}

/** A run of text and every highlight covering all of it (none for plain text). */
export interface Segment {
  text: string;
  start: number;
  end: number;
  highlights: Highlight[];
}

/**
 * Cuts text at every highlight boundary, so overlapping and nested highlights need no special
 * case: each piece lists the highlights that cover it. Out-of-range offsets are clamped, empty or
 * reversed ranges dropped, and the pieces always join back to the text exactly.
 */
export function segmentText(text: string, highlights: readonly Highlight[]): Segment[] {
  const clamp = (n: number) => Math.min(Math.max(0, Math.trunc(n)), text.length);
  const ranges = highlights
    .filter((h) => Number.isFinite(h.start) && Number.isFinite(h.end))
    .map((h) => ({ highlight: h, start: clamp(h.start), end: clamp(h.end) }))
    .filter((r) => r.end > r.start);

  const cuts = new Set<number>([0, text.length]);
  for (const r of ranges) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);

  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = ranges.filter((r) => r.start <= start && r.end >= end).map((r) => r.highlight);
    segments.push({ text: text.slice(start, end), start, end, highlights: covering });
  }
  return segments;
}
