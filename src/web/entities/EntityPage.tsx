import { useEffect } from 'react';
import type { EntityResponse } from '../api/analysis-types';
import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { ExportMenu } from '../components/ExportMenu';
import { formatCount } from '../format';
import { useAsync } from '../hooks/use-async';
import { GeoMap } from '../map/GeoMap';
import { entitiesHref, entityHref, graphHref, mapHref, resolvedEntityHref } from '../router';
import type { EntityRef } from './entity-ref';
import { MentionList } from './MentionList';
import { ResolvedEntityPanel } from './ResolvedEntityPanel';
import { TypeBadge } from './TypeBadge';

/**
 * An entity by a name extraction gave it (the reader's links, older bookmarks). Once resolution
 * has run, the name leads to its resolved entity's page, so every spelling of one person lands on
 * one page; the history entry is replaced, so Back does not bounce through the redirect.
 */
export function EntityPage({ entity }: { entity: EntityRef }) {
  const [resolved] = useAsync(
    (signal) => api.findResolvedEntity(entity.name, signal),
    [entity.type, entity.name],
  );
  const target =
    resolved.status === 'ok' && resolved.data?.entity.type === entity.type
      ? resolved.data.entity.id
      : null;
  useEffect(() => {
    if (target) window.location.replace(resolvedEntityHref(target));
  }, [target]);
  // A failed look-up is no reason to hide what extraction found: show the page by name.
  if (resolved.status === 'loading' || target) return <p className="muted">Loading…</p>;
  return <ExtractedEntityPage entity={entity} />;
}

/** The entity as extraction named it, for stores where resolution has not run. */
function ExtractedEntityPage({ entity }: { entity: EntityRef }) {
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
      {state.status === 'ok' && (
        <EntityView detail={state.data} resolvedAs={entity.name} exportable={false} />
      )}
    </div>
  );
}

/**
 * One entity: how it is written, where it is mentioned, what it appears with. `resolvedAs` is the
 * id or name the resolution panel and the exports look the entity up by; exports need resolution.
 */
export function EntityView({
  detail,
  resolvedAs,
  exportable,
}: {
  detail: EntityResponse;
  resolvedAs: string;
  exportable: boolean;
}) {
  const { entity, geo } = detail;
  return (
    <article aria-labelledby="entity-title">
      <header className="document-header">
        <p className="eyebrow">
          <TypeBadge type={entity.type} /> {formatCount(entity.mentions)} mentions in{' '}
          {formatCount(entity.documents)} documents
        </p>
        <div className="page-heading">
          <h1 id="entity-title">{entity.name}</h1>
          {exportable && (
            <ExportMenu
              scope={{ kind: 'entity', entity: resolvedAs }}
              what={`Every document naming ${entity.name}, under any of its names.`}
            />
          )}
        </div>
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
          <ResolvedEntityPanel idOrName={resolvedAs} />
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
            {detail.coOccurringOver < entity.documents && (
              <p className="muted small">
                In its first {formatCount(detail.coOccurringOver)} documents of{' '}
                {formatCount(entity.documents)}.
              </p>
            )}
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
