import { useMemo } from 'react';
import { segmentText, type Highlight } from '../text/segment-text';

/**
 * A document's text with highlighted ranges (search matches today; extracted people, places and
 * dates once extraction feeds them in). Always rendered as React text: document content never
 * becomes markup, whatever it contains.
 */
export function HighlightedText({
  text,
  highlights = [],
}: {
  text: string;
  highlights?: Highlight[];
}) {
  const segments = useMemo(() => segmentText(text, highlights), [text, highlights]);
  return (
    <div className="document-text">
      {segments.map((segment) => {
        if (segment.highlights.length === 0) return <span key={segment.start}>{segment.text}</span>;
        const kinds = [...new Set(segment.highlights.map((h) => h.kind))];
        const labels = segment.highlights.map((h) => h.label).filter(Boolean);
        return (
          <mark
            key={segment.start}
            className={kinds.map((kind) => `hl hl-${kind.replace(/[^a-z0-9-]/gi, '')}`).join(' ')}
            title={labels.length ? labels.join(' · ') : undefined}
          >
            {segment.text}
          </mark>
        );
      })}
    </div>
  );
}
