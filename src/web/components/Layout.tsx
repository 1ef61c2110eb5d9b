import type { ReactNode } from 'react';
import {
  claimsHref,
  entitiesHref,
  hypothesesHref,
  graphHref,
  ingestHref,
  mapHref,
  searchHref,
  timelineHref,
  type Route,
} from '../router';

/** The main screens, in the order an investigation tends to use them. */
const SCREENS: Array<{ label: string; href: () => string; routes: Array<Route['name']> }> = [
  { label: 'Search', href: () => searchHref({}), routes: ['search', 'document'] },
  {
    label: 'Entities',
    href: () => entitiesHref(),
    routes: ['entities', 'entity', 'resolved-entity'],
  },
  { label: 'Claims', href: () => claimsHref(), routes: ['claims', 'claim'] },
  { label: 'Hypotheses', href: hypothesesHref, routes: ['hypotheses'] },
  { label: 'Timeline', href: timelineHref, routes: ['timeline'] },
  { label: 'Map', href: () => mapHref(), routes: ['map'] },
  { label: 'Graph', href: () => graphHref(), routes: ['graph'] },
  { label: 'Ingest', href: ingestHref, routes: ['ingest'] },
];

export function Layout({
  route,
  account = null,
  children,
}: {
  route: Route;
  /** The collection picker and sign-out of a multi-user server; nothing in embedded mode. */
  account?: ReactNode;
  children: ReactNode;
}) {
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
          {SCREENS.map((screen) => (
            <a
              key={screen.label}
              href={screen.href()}
              aria-current={screen.routes.includes(route.name) ? 'page' : undefined}
            >
              {screen.label}
            </a>
          ))}
          <a href="/api/docs" target="_blank" rel="noreferrer">
            API
          </a>
        </nav>
        {account}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
