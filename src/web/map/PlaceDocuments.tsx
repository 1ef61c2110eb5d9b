import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useAsync } from '../hooks/use-async';
import { documentHref, entityHref, mapHref } from '../router';

/** The documents naming one place, each linking to its first mention there. */
export function PlaceDocuments({ name }: { name: string }) {
  const [state] = useAsync((signal) => api.entity({ type: 'place', name }, signal), [name]);
  return (
    <section className="panel place-documents" aria-labelledby="place-heading">
      <h2 id="place-heading">{name}</h2>
      <p className="small">
        <a href={entityHref({ type: 'place', name })}>Entity page</a> ·{' '}
        <a href={mapHref()}>Clear selection</a>
      </p>
      {state.status === 'loading' && <p className="muted">Loading…</p>}
      {state.status === 'error' && <ErrorNotice error={state.error} />}
      {state.status === 'ok' && (
        <>
          <h3>
            {state.data.documents.length} document{state.data.documents.length === 1 ? '' : 's'}
          </h3>
          <ul className="link-list">
            {state.data.documents.map((document) => {
              const first = state.data.mentions.find((m) => m.documentId === document.id);
              return (
                <li key={document.id}>
                  <a href={documentHref(document.id, '', first?.start ?? null)}>
                    {document.title ?? '(untitled)'}
                  </a>{' '}
                  <span className="muted">×{document.mentions}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
