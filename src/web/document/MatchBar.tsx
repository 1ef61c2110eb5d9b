import { useRef, type RefObject } from 'react';

/**
 * How many of the search's words the text holds, and a button that brings each one into view in
 * turn: in a long leak the first match is rarely on the first screen.
 */
export function MatchBar({
  query,
  count,
  textRef,
}: {
  query: string;
  count: number;
  textRef: RefObject<HTMLDivElement | null>;
}) {
  const next = useRef(0);
  if (count === 0) {
    return (
      <p className="match-bar muted small">
        No words of “{query}” in the text (the match may be in the title).
      </p>
    );
  }
  const showNext = () => {
    const marks = textRef.current?.querySelectorAll<HTMLElement>('mark.hl-match') ?? [];
    if (marks.length === 0) return;
    marks.forEach((mark) => mark.classList.remove('current'));
    const mark = marks[next.current % marks.length]!;
    mark.classList.add('current');
    mark.scrollIntoView({ block: 'center' });
    next.current++;
  };
  return (
    <p className="match-bar muted small">
      <span className="match-count">
        {count} match{count === 1 ? '' : 'es'} of “{query}” marked.
      </span>{' '}
      <button type="button" className="link-button" onClick={showNext}>
        Show next match
      </button>
    </p>
  );
}
