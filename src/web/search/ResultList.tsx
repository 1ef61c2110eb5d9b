import type { KeyboardEvent, RefObject } from 'react';
import type { SearchHit } from '../api/types';
import { Snippet } from '../components/Snippet';
import { MarkingBadge } from '../components/TlpBadge';
import { formatDate, kindName, languageName, shortId } from '../format';
import { documentHref } from '../router';

interface ResultListProps {
  hits: SearchHit[];
  /** The query, passed on so the reader can mark its words. */
  query: string;
  linkRefs: RefObject<Array<HTMLAnchorElement | null>>;
  /** Arrow up from the first result goes back to the search box. */
  onLeaveTop(): void;
}

/**
 * Results as a list of links: arrow keys move focus from link to link, Enter opens the focused
 * one (that is what links do), and screen readers get ordinary links with headings.
 */
export function ResultList({ hits, query, linkRefs, onLeaveTop }: ResultListProps) {
  const move = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = linkRefs.current;
    const index = links.findIndex((link) => link === document.activeElement);
    if (index === -1) return;
    event.preventDefault();
    const next = index + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) onLeaveTop();
    else links[Math.min(next, hits.length - 1)]?.focus();
  };

  return (
    <ol className="results" onKeyDown={move}>
      {hits.map((hit, index) => (
        <li key={hit.id} className="result">
          <h2 className="result-title">
            <a
              href={documentHref(hit.id, query)}
              ref={(element) => {
                linkRefs.current[index] = element;
              }}
            >
              {hit.title ?? '(untitled)'}
            </a>
          </h2>
          <p className="result-meta">
            <MarkingBadge of={hit} />
            <span className="badge">{kindName(hit.kind)}</span>
            <span>{languageName(hit.language)}</span>
            <span>{formatDate(hit.publishedAt)}</span>
            <span className="mono" title={hit.id}>
              {shortId(hit.id)}
            </span>
            <span className="origin" title={hit.origin}>
              {hit.origin}
            </span>
          </p>
          <Snippet parts={hit.snippet} />
        </li>
      ))}
    </ol>
  );
}
