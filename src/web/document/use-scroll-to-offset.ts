import { useEffect, type RefObject } from 'react';

/**
 * Brings the piece of text holding character `offset` into view and marks it, once the text is
 * rendered: links from the entity page, the timeline and shared passages land on the exact
 * mention, not the top of a long document.
 */
export function useScrollToOffset(
  textRef: RefObject<HTMLElement | null>,
  offset: number | null,
  ready: boolean,
): void {
  useEffect(() => {
    if (!ready || offset === null || !textRef.current) return;
    const pieces = textRef.current.querySelectorAll<HTMLElement>('[data-start]');
    const target = [...pieces].find(
      (piece) => Number(piece.dataset.start) <= offset && offset < Number(piece.dataset.end),
    );
    if (!target) return;
    target.classList.add('target');
    target.scrollIntoView({ block: 'center' });
  }, [textRef, offset, ready]);
}
