import { useMemo, useState } from 'react';
import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatCount } from '../format';
import { useAsync } from '../hooks/use-async';
import { mapHref, navigate } from '../router';
import { GeoMap } from './GeoMap';
import { PlaceDocuments } from './PlaceDocuments';
import { busiestPlaces } from './projection';

const WIDTH = 900;
const HEIGHT = 600;

/** Every geocoded place the documents mention, sized by mentions; click one for its documents. */
export function MapPage({ place }: { place: string | null }) {
  const [state] = useAsync((signal) => api.places(signal), []);
  const places = useMemo(
    () =>
      state.status === 'ok'
        ? state.data.places.map((p) => ({
            name: p.name,
            lat: p.lat,
            lon: p.lon,
            count: p.mentions,
          }))
        : [],
    [state],
  );
  const [wholeWorld, setWholeWorld] = useState(false);
  const frame = useMemo(() => (wholeWorld ? places : busiestPlaces(places)), [wholeWorld, places]);
  return (
    <div className="map-page">
      <div className="page-heading">
        <h1>Map</h1>
        <div className="toolbar">
          <div className="segmented" role="group" aria-label="View">
            <button type="button" aria-pressed={!wholeWorld} onClick={() => setWholeWorld(false)}>
              Busiest places
            </button>
            <button type="button" aria-pressed={wholeWorld} onClick={() => setWholeWorld(true)}>
              All places
            </button>
          </div>
        </div>
      </div>
      {state.status === 'loading' && <p className="muted">Loading…</p>}
      {state.status === 'error' && (
        <ErrorNotice title="The places cannot be shown" error={state.error} />
      )}
      {state.status === 'ok' && places.length === 0 && (
        <p className="notice">No place has been geocoded yet: ingest and extract some documents.</p>
      )}
      {state.status === 'ok' && places.length > 0 && (
        <div className="map-layout">
          <div className="map-frame panel">
            <GeoMap
              places={places}
              frame={frame}
              width={WIDTH}
              height={HEIGHT}
              selected={place}
              onSelect={(name) => navigate(mapHref(name === place ? null : name))}
              label={`Map of ${places.length} places mentioned in the documents`}
            />
            <p className="muted small map-caption">
              {formatCount(places.length)} places; circles sized by mentions. Outlines: Natural
              Earth (countries 1:50m, Mexico’s states 1:10m).
            </p>
          </div>
          <div className="map-side">
            {place ? (
              <PlaceDocuments key={place} name={place} />
            ) : (
              <section className="panel" aria-labelledby="top-places-heading">
                <h2 id="top-places-heading">Most mentioned</h2>
                <ol className="ranked-list">
                  {state.data.places.slice(0, 15).map((p) => (
                    <li key={p.name}>
                      <a href={mapHref(p.name)}>{p.name}</a>{' '}
                      <span className="muted">
                        {formatCount(p.mentions)} in {formatCount(p.documents)} docs
                      </span>
                    </li>
                  ))}
                </ol>
              </section>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
