import type { Extraction } from '../extract/index.js';

export type MarkKind = 'person' | 'organization' | 'place' | 'date' | 'figure' | 'quote' | 'source';

export interface Mark {
  start: number;
  end: number;
  kind: MarkKind;
}

export interface MarkedSegment {
  text: string;
  kinds: Set<MarkKind>;
}

export function marksOf(extraction: Extraction): Mark[] {
  return [
    ...extraction.quotes.map((q) => ({ start: q.start, end: q.end, kind: 'quote' as const })),
    ...extraction.mentions.map((m) => ({ start: m.start, end: m.end, kind: m.type })),
    ...extraction.dates.map((d) => ({ start: d.start, end: d.end, kind: 'date' as const })),
    ...extraction.figures.map((f) => ({ start: f.start, end: f.end, kind: 'figure' as const })),
  ];
}

/**
 * Cuts the text at every mark boundary; each segment knows which marks cover it, so overlapping
 * marks (a name inside a quote) both show.
 */
export function segmentByMarks(text: string, marks: Mark[]): MarkedSegment[] {
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    if (m.start >= 0 && m.end <= text.length && m.start < m.end) {
      cuts.add(m.start);
      cuts.add(m.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: MarkedSegment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const kinds = new Set(marks.filter((m) => m.start <= from && m.end >= to).map((m) => m.kind));
    segments.push({ text: text.slice(from, to), kinds });
  }
  return segments;
}
