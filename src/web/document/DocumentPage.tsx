import { useMemo, useRef } from 'react';
import { api } from '../api/client';
import type { DocumentResponse } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { HighlightedText } from '../components/HighlightedText';
import { formatBytes, formatDate, kindName, languageName } from '../format';
import { useAsync } from '../hooks/use-async';
import { lastSearchHref } from '../router';
import { findMatches } from '../text/find-matches';
import type { Highlight } from '../text/segment-text';
import { DocumentLinks } from './DocumentLinks';
import { EmailHeaders } from './EmailHeaders';
import { Fields } from './Fields';
import { MatchBar } from './MatchBar';
import { SourceBlock } from './SourceBlock';

export function DocumentPage({ id, query }: { id: string; query: string }) {
  const [state] = useAsync((signal) => api.document(id, signal), [id]);
  // The words of the search that led here. Extraction will add its own marks (people, places,
  // dates) to this list; HighlightedText renders any mix of them.
  const text = state.status === 'ok' ? state.data.text : '';
  const highlights = useMemo(() => findMatches(text, query), [text, query]);
  return (
    <div className="document-page">
      <p className="back">
        <a href={lastSearchHref()}>← Back to search</a>
      </p>
      {state.status === 'loading' && <p className="muted">Loading…</p>}
      {state.status === 'error' && (
        <ErrorNotice title="This document cannot be shown" error={state.error} />
      )}
      {state.status === 'ok' && (
        <DocumentView document={state.data} highlights={highlights} query={query} />
      )}
    </div>
  );
}

export function DocumentView({
  document,
  highlights,
  query,
}: {
  document: DocumentResponse;
  highlights: Highlight[];
  query: string;
}) {
  const matches = highlights.filter((h) => h.kind === 'match').length;
  const textRef = useRef<HTMLDivElement>(null);
  return (
    <article className="document" aria-labelledby="document-title">
      <header className="document-header">
        <p className="eyebrow">
          <span className="badge">{kindName(document.kind)}</span> {languageName(document.language)}{' '}
          · {formatDate(document.publishedAt)}
        </p>
        <h1 id="document-title">{document.title ?? '(untitled)'}</h1>
        {document.byline && <p className="byline">{document.byline}</p>}
      </header>
      <div className="document-layout">
        <div className="document-body">
          <h2 className="visually-hidden">Text</h2>
          {query && <MatchBar query={query} count={matches} textRef={textRef} />}
          <div ref={textRef}>
            <HighlightedText text={document.text} highlights={highlights} />
          </div>
        </div>
        <div className="document-side">
          <section className="panel" aria-labelledby="details-heading">
            <h2 id="details-heading">Details</h2>
            <Fields
              label="Details"
              rows={[
                ['Id', <span className="mono break">{document.id}</span>],
                ['Type', `${kindName(document.kind)} (${document.mimeType})`],
                ['Language', languageName(document.language)],
                ['Published', document.publishedAt && formatDate(document.publishedAt)],
                ['Byline', document.byline],
                ['Size', formatBytes(document.sizeBytes)],
                ['Ingested', formatDate(document.ingestedAt)],
              ]}
            />
            <h3>Found at</h3>
            <ul className="origins">
              {document.origins.map((origin) => (
                <li key={origin} className="mono break">
                  {origin}
                </li>
              ))}
            </ul>
          </section>
          {document.email && <EmailHeaders email={document.email} />}
          {document.intel && <SourceBlock intel={document.intel} />}
          <DocumentLinks parents={document.links.parents} children={document.links.children} />
        </div>
      </div>
    </article>
  );
}
