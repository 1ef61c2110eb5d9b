import { useMemo, type KeyboardEvent } from 'react';
import { segmentText, type Highlight, type Segment } from '../text/segment-text';

/**
 * A document's text with highlighted ranges: search matches, extracted people, places, dates,
 * figures and quotes, shared passages. Always rendered as React text: document content never
 * becomes markup, whatever it contains. A highlight with an `href` is a link; one with an `id`
 * reports clicks (and Enter) to `onActivate`. Every piece carries its offsets (`data-start`,
 * `data-end`) so a page can bring a given offset into view.
 */
export function HighlightedText({
  text,
  highlights = [],
  onActivate,
}: {
  text: string;
  highlights?: Highlight[];
  onActivate?: (highlight: Highlight) => void;
}) {
  const segments = useMemo(() => segmentText(text, highlights), [text, highlights]);
  return (
    <div className="document-text">
      {segments.map((segment) =>
        segment.highlights.length === 0 ? (
          <span key={segment.start} data-start={segment.start} data-end={segment.end}>
            {segment.text}
          </span>
        ) : (
          <Mark key={segment.start} segment={segment} onActivate={onActivate} />
        ),
      )}
    </div>
  );
}

function Mark({
  segment,
  onActivate,
}: {
  segment: Segment;
  onActivate: ((highlight: Highlight) => void) | undefined;
}) {
  const kinds = [...new Set(segment.highlights.map((h) => h.kind))];
  const labels = [...new Set(segment.highlights.map((h) => h.label).filter(Boolean))];
  // The innermost link wins: a name inside a quote opens the name's page.
  const link = segment.highlights.findLast((h) => h.href);
  const activatable = onActivate ? segment.highlights.find((h) => h.id) : undefined;
  const activate = activatable && onActivate ? () => onActivate(activatable) : undefined;
  const onKeyDown = (event: KeyboardEvent) => {
    if (activate && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      activate();
    }
  };
  return (
    <mark
      className={kinds.map((kind) => `hl hl-${kind.replace(/[^a-z0-9-]/gi, '')}`).join(' ')}
      title={labels.length ? labels.join(' · ') : undefined}
      data-start={segment.start}
      data-end={segment.end}
      data-ids={segment.highlights.flatMap((h) => (h.id ? [h.id] : [])).join(' ') || undefined}
      {...(activate && !link
        ? { role: 'button', tabIndex: 0, onClick: activate, onKeyDown }
        : activate
          ? { onClick: (event) => event.target === event.currentTarget && activate() }
          : {})}
    >
      {link ? <a href={link.href}>{segment.text}</a> : segment.text}
    </mark>
  );
}
