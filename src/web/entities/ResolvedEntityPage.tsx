import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useAsync } from '../hooks/use-async';
import { entitiesHref } from '../router';
import { EntityView } from './EntityPage';
import { mergeDetails } from './merge-details';

/** Names looked up per entity: a few dozen at most, however many spellings resolution tied in. */
const MAX_NAMES = 30;

/**
 * A resolved entity's page, reached by its id from the entity list or from any of its names. What
 * extraction found under each name is fetched and shown as one: mentions, spellings, documents.
 */
export function ResolvedEntityPage({ id }: { id: string }) {
  const [state] = useAsync(
    async (signal) => {
      const resolved = await api.resolvedEntity(id, signal);
      const { type, name, aliases } = resolved.entity;
      const names = [...new Set([name, ...aliases.map((a) => a.name)])].slice(0, MAX_NAMES);
      const found = await Promise.all(names.map((n) => api.findEntity({ type, name: n }, signal)));
      return {
        entity: resolved.entity,
        detail: mergeDetails(
          { type, name },
          found.filter((d) => d !== null),
        ),
      };
    },
    [id],
  );
  return (
    <div className="entity-page">
      <p className="back">
        <a href={entitiesHref({ type: state.status === 'ok' ? state.data.entity.type : null })}>
          ← All entities
        </a>
      </p>
      {state.status === 'loading' && <p className="muted">Loading…</p>}
      {state.status === 'error' && (
        <ErrorNotice title="This entity cannot be shown" error={state.error} />
      )}
      {state.status === 'ok' && (
        <EntityView detail={state.data.detail} resolvedAs={state.data.entity.id} exportable />
      )}
    </div>
  );
}
