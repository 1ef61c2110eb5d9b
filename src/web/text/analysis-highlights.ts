import type { Extraction, ReuseResponse, SharedPassage } from '../api/analysis-types';
import { ENTITY_TYPE_NAMES } from '../entities/entity-ref';
import { entityHref } from '../router';
import type { Highlight } from './segment-text';

/** What the reader can mark, in legend order; each is also a `hl-…` CSS class. */
export const ANALYSIS_KINDS = [
  'person',
  'organization',
  'place',
  'date',
  'figure',
  'quote',
  'reuse',
] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

export const ANALYSIS_KIND_NAMES: Record<AnalysisKind, string> = {
  ...ENTITY_TYPE_NAMES,
  date: 'Date',
  figure: 'Figure',
  quote: 'Quote',
  reuse: 'Shared passage',
};

export const quoteId = (index: number) => `quote:${index}`;
export const passageId = (passage: SharedPassage) => `passage:${passage.id}`;

const titled = (title: string | null) => title ?? '(untitled)';

/** "First in: A; also in: B, C": where else a passage was printed, the earliest first. */
export function describePassage(passage: SharedPassage, documentId: string): string {
  const [first, ...rest] = passage.occurrences;
  if (!first) return '';
  const others = rest.filter((o) => o.documentId !== documentId).map((o) => titled(o.title));
  const parts = [
    first.documentId === documentId ? 'First printed here' : `First in: ${titled(first.title)}`,
  ];
  if (others.length) parts.push(`also in: ${others.join(', ')}`);
  return parts.join('; ');
}

function formatFigure(figure: Extraction['figures'][number]): string {
  const value = figure.value.toLocaleString('en');
  return `Figure: ${value}${figure.unit ? ` ${figure.unit}` : ''}${figure.about ? ` (${figure.about})` : ''}`;
}

function formatQuote(quote: Extraction['quotes'][number]): string {
  const who = [quote.speaker ?? 'unknown speaker', quote.verb].filter(Boolean).join(' ');
  return `Quote: ${who}${quote.saidOn ? `, ${quote.saidOn}` : ''}`;
}

/**
 * Turns a document's extraction and shared passages into highlights for the reader: names link
 * to their entity pages, quotes and passages carry an id the page reacts to, and every one says
 * in its label what it is, so the tooltip alone explains a mark.
 */
export function analysisHighlights(
  documentId: string,
  extraction: Extraction | null,
  reuse: ReuseResponse | null,
): Highlight[] {
  const highlights: Highlight[] = [];
  if (extraction) {
    for (const m of extraction.mentions) {
      const name = m.normalized !== m.text ? `${m.text} → ${m.normalized}` : m.text;
      highlights.push({
        start: m.start,
        end: m.end,
        kind: m.type,
        label: `${ENTITY_TYPE_NAMES[m.type]}: ${name}`,
        href: entityHref({ type: m.type, name: m.normalized }),
      });
    }
    for (const d of extraction.dates) {
      const worked = d.relative ? ', worked out from context' : '';
      highlights.push({
        start: d.start,
        end: d.end,
        kind: 'date',
        label: `Date: ${d.value}${worked}`,
      });
    }
    for (const f of extraction.figures) {
      highlights.push({ start: f.start, end: f.end, kind: 'figure', label: formatFigure(f) });
    }
    extraction.quotes.forEach((q, index) => {
      highlights.push({
        start: q.start,
        end: q.end,
        kind: 'quote',
        label: formatQuote(q),
        id: quoteId(index),
      });
    });
  }
  for (const passage of reuse?.passages ?? []) {
    for (const o of passage.occurrences) {
      if (o.documentId !== documentId) continue;
      highlights.push({
        start: o.start,
        end: o.end,
        kind: 'reuse',
        label: describePassage(passage, documentId),
        id: passageId(passage),
      });
    }
  }
  return highlights;
}

/** How many highlights of each kind, for the legend. */
export function countKinds(highlights: Highlight[]): Record<AnalysisKind, number> {
  const counts = Object.fromEntries(ANALYSIS_KINDS.map((k) => [k, 0])) as Record<
    AnalysisKind,
    number
  >;
  for (const h of highlights) if (h.kind in counts) counts[h.kind as AnalysisKind]++;
  return counts;
}
