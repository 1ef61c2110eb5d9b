import type { ReactNode } from 'react';
import { ingestHref, searchHref, type Route } from '../router';

export function Layout({ route, children }: { route: Route; children: ReactNode }) {
  const current = (name: Route['name']) => (route.name === name ? 'page' : undefined);
  return (
    <>
      {/* The hash is the router's, so the skip link moves focus itself instead of jumping to #main. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="app-header">
        <a className="brand" href={searchHref({})}>
          Crosscheck
        </a>
        <nav aria-label="Main">
          <a href={searchHref({})} aria-current={current('search')}>
            Search
          </a>
          <a href={ingestHref()} aria-current={current('ingest')}>
            Ingest
          </a>
          <a href="/api/docs" target="_blank" rel="noreferrer">
            API
          </a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
