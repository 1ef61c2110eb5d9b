import { useEffect, useRef } from 'react';
import { api, type SearchParams } from '../api/client';
import type { SearchResponse } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { ExportMenu } from '../components/ExportMenu';
import { formatCount } from '../format';
import { useAsync } from '../hooks/use-async';
import { navigate, rememberSearch, searchHref } from '../router';
import { Filters } from './Filters';
import { ResultList } from './ResultList';
import { SearchBox } from './SearchBox';

const NO_RESULTS: SearchResponse = {
  total: 0,
  totalIsLowerBound: false,
  rankedAmong: null,
  hits: [],
  facets: null,
};

/** True when a key press belongs to a field the user is typing in. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function SearchPage({ params }: { params: SearchParams }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const linkRefs = useRef<Array<HTMLAnchorElement | null>>([]);
  const href = searchHref(params);
  const [state] = useAsync(
    (signal) => (params.q ? api.search(params, signal) : Promise.resolve(NO_RESULTS)),
    [href],
  );

  useEffect(() => rememberSearch(href), [href]);

  // "/" jumps to the search box from anywhere on the page, as on most search sites.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && !isTyping(event.target) && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const update = (change: Partial<SearchParams>) =>
    navigate(searchHref({ ...params, offset: 0, ...change }));
  // While the next page of results loads, the previous one stays (dimmed) instead of flashing away.
  const previous = useRef<SearchResponse | null>(null);
  if (state.status === 'ok') previous.current = state.data;
  const results =
    state.status === 'ok' ? state.data : state.status === 'loading' ? previous.current : null;
  linkRefs.current.length = results?.hits.length ?? 0;

  return (
    <div className="search-page">
      <SearchBox
        query={params.q}
        inputRef={inputRef}
        onSearch={(q) => update({ q })}
        onArrowDown={() => linkRefs.current[0]?.focus()}
      />
      <div className="search-layout">
        <Filters params={params} facets={results?.facets ?? null} onChange={update} />
        <section
          className={`search-results${state.status === 'loading' ? ' stale' : ''}`}
          aria-labelledby="results-heading"
          aria-busy={state.status === 'loading'}
        >
          <h1 id="results-heading" className="results-heading" aria-live="polite">
            {!params.q
              ? 'Search the documents'
              : state.status === 'loading'
                ? 'Searching…'
                : results
                  ? matchCount(results)
                  : 'Search failed'}
          </h1>
          {results?.rankedAmong != null && (
            <p className="muted ranked-among">
              Ranked among the {formatCount(results.rankedAmong)} most recently added matches. Add
              words or filters to rank every match.
            </p>
          )}
          {state.status === 'error' && <ErrorNotice error={state.error} />}
          {!params.q && (
            <p className="muted">
              Type a name, a place or a phrase above. Results show where the words occur.
            </p>
          )}
          {results && results.hits.length > 0 && (
            <>
              <div className="search-toolbar">
                <ExportMenu
                  scope={{ kind: 'search', q: params.q }}
                  what={`Every document matching “${params.q}” (the filters are not applied), with what was extracted from it.`}
                />
              </div>
              <ResultList
                hits={results.hits}
                query={params.q}
                linkRefs={linkRefs}
                onLeaveTop={() => inputRef.current?.focus()}
              />
              <Pager
                params={params}
                total={results.total}
                atLeast={results.totalIsLowerBound}
                onPage={(offset) => update({ offset })}
              />
            </>
          )}
        </section>
      </div>
    </div>
  );
}

function matchCount({ total, totalIsLowerBound }: SearchResponse): string {
  if (totalIsLowerBound) return `More than ${formatCount(total)} documents match`;
  return `${formatCount(total)} document${total === 1 ? '' : 's'} match`;
}

function Pager({
  params,
  total,
  atLeast,
  onPage,
}: {
  params: SearchParams;
  total: number;
  /** `total` is a lower bound: more match than were counted (and ranked). */
  atLeast: boolean;
  onPage(offset: number): void;
}) {
  if (total <= params.limit) return null;
  const first = params.offset + 1;
  const last = Math.min(params.offset + params.limit, total);
  return (
    <nav className="pager" aria-label="Result pages">
      <button
        type="button"
        disabled={params.offset === 0}
        onClick={() => onPage(Math.max(0, params.offset - params.limit))}
      >
        ← Previous
      </button>
      <span>
        {formatCount(first)}–{formatCount(last)} of {atLeast ? 'more than ' : ''}
        {formatCount(total)}
      </span>
      <button
        type="button"
        disabled={last >= total}
        onClick={() => onPage(params.offset + params.limit)}
      >
        Next →
      </button>
    </nav>
  );
}
