import { useMemo, useRef, useState } from 'react';
import { api } from '../api/client';
import type { DocumentResponse } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { HighlightedText } from '../components/HighlightedText';
import { TlpBadge } from '../components/TlpBadge';
import { formatDate, kindName, languageName } from '../format';
import { useAsync } from '../hooks/use-async';
import { lastSearchHref } from '../router';
import { analysisHighlights, countKinds, type AnalysisKind } from '../text/analysis-highlights';
import { findMatches } from '../text/find-matches';
import type { Highlight } from '../text/segment-text';
import { DetailsPanel } from './DetailsPanel';
import { DocumentLinks } from './DocumentLinks';
import { EmailHeaders } from './EmailHeaders';
import { HighlightLegend } from './HighlightLegend';
import { MatchBar } from './MatchBar';
import { claimsByQuote } from './quote-claims';
import { QuotesPanel } from './QuotesPanel';
import { ReusePanel } from './ReusePanel';
import { SourceBlock } from './SourceBlock';
import { useDocumentAnalysis, type DocumentAnalysis } from './use-document-analysis';
import { useScrollToOffset } from './use-scroll-to-offset';

export function DocumentPage({ id, query, at }: { id: string; query: string; at: number | null }) {
  const [state] = useAsync((signal) => api.document(id, signal), [id]);
  const analysis = useDocumentAnalysis(id);
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
        <DocumentView
          document={state.data}
          analysis={analysis.status === 'ok' ? analysis.data : null}
          analysisError={analysis.status === 'error' ? analysis.error : null}
          query={query}
          at={at}
        />
      )}
    </div>
  );
}

/** Brings a quote or a shared passage into view in the text, given its highlight id. */
function showInText(text: HTMLElement | null, id: string) {
  const marks = text?.querySelectorAll<HTMLElement>('mark[data-ids]') ?? [];
  const mark = [...marks].find((m) => m.dataset.ids?.split(' ').includes(id));
  mark?.scrollIntoView({ block: 'center' });
}

/** Brings a quote's or passage's entry in the side panels into view. */
function showInPanel(id: string) {
  const entry = document.querySelector(`[data-panel-item="${CSS.escape(id)}"]`);
  entry?.scrollIntoView({ block: 'nearest' });
}

export function DocumentView({
  document,
  analysis,
  analysisError,
  query,
  at,
}: {
  document: DocumentResponse;
  analysis: DocumentAnalysis | null;
  analysisError: Error | null;
  query: string;
  at: number | null;
}) {
  const textRef = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState<ReadonlySet<AnalysisKind>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);

  const matches = useMemo(() => findMatches(document.text, query), [document.text, query]);
  const found = useMemo(
    () =>
      analysisHighlights(
        document.id,
        analysis?.extraction?.extraction ?? null,
        analysis?.reuse ?? null,
      ),
    [document.id, analysis],
  );
  const highlights = useMemo<Highlight[]>(
    () => [...found.filter((h) => !hidden.has(h.kind as AnalysisKind)), ...matches],
    [found, hidden, matches],
  );
  useScrollToOffset(textRef, at, analysis !== null || analysisError !== null);

  const toggle = (kind: AnalysisKind) =>
    setHidden((previous) => {
      const next = new Set(previous);
      if (!next.delete(kind)) next.add(kind);
      return next;
    });
  /** Selects a quote or passage: from the text, show it in its panel; from a panel, in the text. */
  const select = (id: string, from: 'text' | 'panel') => {
    setSelected(id);
    if (from === 'panel') showInText(textRef.current, id);
    else showInPanel(id);
  };

  return (
    <article className="document" aria-labelledby="document-title">
      <header className="document-header">
        <p className="eyebrow">
          <TlpBadge level={document.tlp} /> <span className="badge">{kindName(document.kind)}</span>{' '}
          {languageName(document.language)} · {formatDate(document.publishedAt)}
        </p>
        <h1 id="document-title">{document.title ?? '(untitled)'}</h1>
        {document.byline && <p className="byline">{document.byline}</p>}
      </header>
      <div className="document-layout">
        <div className="document-body">
          <h2 className="visually-hidden">Text</h2>
          {query && <MatchBar query={query} count={matches.length} textRef={textRef} />}
          {analysis?.extraction ? (
            <HighlightLegend counts={countKinds(found)} hidden={hidden} onToggle={toggle} />
          ) : (
            analysis && (
              <p className="muted small">
                This document has not been through extraction yet: run{' '}
                <span className="mono">crosscheck extract</span> to mark its names and dates.
              </p>
            )
          )}
          {analysisError && (
            <ErrorNotice
              title="Names, dates and shared passages cannot be shown"
              error={analysisError}
            />
          )}
          <div ref={textRef}>
            <HighlightedText
              text={document.text}
              highlights={highlights}
              onActivate={(h) => h.id && select(h.id, 'text')}
            />
          </div>
        </div>
        <div className="document-side">
          {analysis && (
            <ReusePanel
              reuse={analysis.reuse}
              documentId={document.id}
              selected={selected}
              onSelect={(id) => select(id, 'panel')}
            />
          )}
          {analysis?.extraction && (
            <QuotesPanel
              extraction={analysis.extraction.extraction}
              claimOf={claimsByQuote(
                document.id,
                analysis.extraction.extraction.quotes,
                analysis.claims,
              )}
              selected={selected}
              onSelect={(id) => select(id, 'panel')}
            />
          )}
          <DetailsPanel document={document} />
          {document.email && <EmailHeaders email={document.email} />}
          {document.intel && <SourceBlock intel={document.intel} />}
          <DocumentLinks parents={document.links.parents} children={document.links.children} />
        </div>
      </div>
    </article>
  );
}
