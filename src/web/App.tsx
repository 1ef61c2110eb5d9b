import { lazy, Suspense, useEffect } from 'react';
import { ClaimPage } from './claims/ClaimPage';
import { ClaimsPage } from './claims/ClaimsPage';
import { Layout } from './components/Layout';
import { DocumentPage } from './document/DocumentPage';
import { EntitiesPage } from './entities/EntitiesPage';
import { EntityPage } from './entities/EntityPage';
import { ResolvedEntityPage } from './entities/ResolvedEntityPage';
import { HypothesesPage } from './hypotheses/HypothesesPage';
import { IngestPage } from './ingest/IngestPage';
import { MapPage } from './map/MapPage';
import { navigate, searchHref, useRoute, type Route } from './router';
import { SearchPage } from './search/SearchPage';
import { AccountBar } from './session/AccountBar';
import { SessionGate, type SignedIn } from './session/SessionGate';
import { WriteAccessProvider, type WriteAccess } from './session/write-access';

// vis-timeline and cytoscape are most of the bundle: load them with the screens that use them.
const TimelinePage = lazy(() => import('./timeline/TimelinePage'));
const GraphPage = lazy(() => import('./graph/GraphPage'));

const TITLES: Record<Route['name'], string> = {
  search: 'Search',
  document: 'Document',
  entities: 'Entities',
  entity: 'Entity',
  'resolved-entity': 'Entity',
  timeline: 'Timeline',
  map: 'Map',
  graph: 'Graph',
  ingest: 'Ingest',
  claims: 'Claims',
  claim: 'Claim',
  hypotheses: 'Hypotheses',
  'not-found': 'Not found',
};

export function App() {
  return <SessionGate>{(signedIn) => <Workbench signedIn={signedIn} />}</SessionGate>;
}

/** Screens about one thing of a collection: after switching collections, back to search. */
const DETAIL_ROUTES = new Set<Route['name']>(['document', 'entity', 'resolved-entity', 'claim']);

function writeAccess(signedIn: SignedIn | null): WriteAccess {
  if (!signedIn || signedIn.current.role !== 'reader') return { readOnlyReason: null };
  return {
    readOnlyReason: `You are a reader in ${signedIn.current.title}: grading, merging, marking and uploading need the analyst role (ask an admin of the collection).`,
  };
}

/** `signedIn`: the user and collection on a multi-user server; null on the embedded one. */
function Workbench({ signedIn }: { signedIn: SignedIn | null }) {
  const route = useRoute();
  const title = route.name === 'entity' ? route.ref.name : TITLES[route.name];
  const collection = signedIn?.current.title;
  useEffect(() => {
    document.title = `${title}${collection ? ` · ${collection}` : ''} · Crosscheck`;
  }, [title, collection]);

  const account = signedIn && (
    <AccountBar
      signedIn={signedIn}
      onSwitched={() => {
        if (DETAIL_ROUTES.has(route.name)) navigate(searchHref({}));
      }}
    />
  );
  return (
    <WriteAccessProvider value={writeAccess(signedIn)}>
      <Layout route={route} account={account}>
        <Suspense fallback={<p className="muted">Loading…</p>}>
          {/* Keyed by collection: switching remounts the screen, which loads the new one's data. */}
          <Screen key={signedIn?.current.collection ?? ''} route={route} />
        </Suspense>
      </Layout>
    </WriteAccessProvider>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'search':
      return <SearchPage params={route.params} />;
    case 'document':
      return <DocumentPage key={route.id} id={route.id} query={route.q} at={route.at} />;
    case 'entities':
      return <EntitiesPage params={route.params} />;
    case 'entity':
      return <EntityPage key={`${route.ref.type}:${route.ref.name}`} entity={route.ref} />;
    case 'resolved-entity':
      return <ResolvedEntityPage key={route.id} id={route.id} />;
    case 'timeline':
      return <TimelinePage />;
    case 'map':
      return <MapPage place={route.place} />;
    case 'graph':
      return <GraphPage type={route.type} />;
    case 'ingest':
      return <IngestPage />;
    case 'claims':
      return <ClaimsPage filters={route.params} />;
    case 'claim':
      return <ClaimPage key={route.id} id={route.id} />;
    case 'hypotheses':
      return <HypothesesPage />;
    case 'not-found':
      return (
        <div className="notice">
          <h1>Nothing here</h1>
          <p>
            There is no screen at <span className="mono">{route.path}</span>.{' '}
            <a href={searchHref({})}>Go to search</a>.
          </p>
        </div>
      );
  }
}
