import { useEffect } from 'react';
import { Layout } from './components/Layout';
import { DocumentPage } from './document/DocumentPage';
import { IngestPage } from './ingest/IngestPage';
import { searchHref, useRoute } from './router';
import { SearchPage } from './search/SearchPage';

const TITLES = {
  search: 'Search',
  document: 'Document',
  ingest: 'Ingest',
  'not-found': 'Not found',
};

export function App() {
  const route = useRoute();
  useEffect(() => {
    document.title = `${TITLES[route.name]} · Crosscheck`;
  }, [route.name]);

  return (
    <Layout route={route}>
      {route.name === 'search' && <SearchPage params={route.params} />}
      {route.name === 'document' && <DocumentPage key={route.id} id={route.id} query={route.q} />}
      {route.name === 'ingest' && <IngestPage />}
      {route.name === 'not-found' && (
        <div className="notice">
          <h1>Nothing here</h1>
          <p>
            There is no screen at <span className="mono">{route.path}</span>.{' '}
            <a href={searchHref({})}>Go to search</a>.
          </p>
        </div>
      )}
    </Layout>
  );
}
