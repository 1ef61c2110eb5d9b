import type { EntityResponse } from '../api/analysis-types';
import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatCount } from '../format';
import { useAsync } from '../hooks/use-async';
import { GeoMap } from '../map/GeoMap';
import { entitiesHref, entityHref, graphHref, mapHref } from '../router';
import type { EntityRef } from './entity-ref';
import { MentionList } from './MentionList';
import { ResolvedEntityPanel } from './ResolvedEntityPanel';
import { TypeBadge } from './TypeBadge';

/** One entity: how it is written, where it is mentioned, what it appears with. */
export function EntityPage({ entity }: { entity: EntityRef }) {
  const [state] = useAsync((signal) => api.entity(entity, signal), [entity.type, entity.name]);
  return (
    <div className="entity-page">
      <p className="back">
        <a href={entitiesHref({ type: entity.type })}>← All entities</a>
      </p>
      {state.status === 'loading' && <p className="muted">Loading…</p>}
      {state.status === 'error' && (
        <ErrorNotice title="This entity cannot be shown" error={state.error} />
      )}
      {state.status === 'ok' && <EntityView detail={state.data} reference={entity} />}
    </div>
  );
}

function EntityView({ detail, reference }: { detail: EntityResponse; reference: EntityRef }) {
  const { entity, geo } = detail;
  return (
    <article aria-labelledby="entity-title">
      <header className="document-header">
        <p className="eyebrow">
          <TypeBadge type={entity.type} /> {formatCount(entity.mentions)} mentions in{' '}
          {formatCount(entity.documents)} documents
        </p>
        <h1 id="entity-title">{entity.name}</h1>
      </header>
      <div className="document-layout">
        <section className="panel" aria-labelledby="mentions-heading">
          <h2 id="mentions-heading">Mentions by document</h2>
          {detail.mentions.length < entity.mentions && (
            <p className="muted small">
              The first {formatCount(detail.mentions.length)} of {formatCount(entity.mentions)}{' '}
              mentions are shown.
            </p>
          )}
          <MentionList documents={detail.documents} mentions={detail.mentions} />
        </section>
        <div className="document-side">
          <ResolvedEntityPanel entity={reference} />
          {geo && (
            <section className="panel" aria-labelledby="where-heading">
              <h2 id="where-heading">Where</h2>
              <GeoMap
                places={[{ name: entity.name, lat: geo.lat, lon: geo.lon, count: 1 }]}
                width={320}
                height={220}
                maxRadius={7}
                label={`${entity.name} on the map`}
              />
              <p className="muted small">
                {geo.lat.toFixed(3)}, {geo.lon.toFixed(3)} · {geo.country} ·{' '}
                <a href={mapHref(entity.name)}>Open on the big map</a>
              </p>
            </section>
          )}
          <section className="panel" aria-labelledby="forms-heading">
            <h2 id="forms-heading">Written as</h2>
            <ul className="chip-list">
              {detail.surfaceForms.map((form) => (
                <li key={form.text} className="chip">
                  {form.text} <span className="count">{form.count}</span>
                </li>
              ))}
            </ul>
          </section>
          <section className="panel" aria-labelledby="co-heading">
            <h2 id="co-heading">Mentioned with</h2>
            {detail.coOccurring.length === 0 ? (
              <p className="muted small">No other entity shares a document with it.</p>
            ) : (
              <ul className="ranked-list">
                {detail.coOccurring.map((other) => (
                  <li key={`${other.type}:${other.name}`}>
                    <TypeBadge type={other.type} /> <a href={entityHref(other)}>{other.name}</a>{' '}
                    <span className="muted">{formatCount(other.documents)} docs</span>
                  </li>
                ))}
              </ul>
            )}
            <p className="small">
              <a href={graphHref(null)}>Explore the link chart</a>
            </p>
          </section>
        </div>
      </div>
    </article>
  );
}
