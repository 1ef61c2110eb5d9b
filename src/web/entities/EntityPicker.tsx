import { useState } from 'react';
import type { EntityType } from '../api/analysis-types';
import { api } from '../api/client';
import type { ResolvedEntity } from '../api/workbench-types';
import { useAsync } from '../hooks/use-async';

/** Finds another entity of the same type by any of its names, to merge with this one. */
export function EntityPicker({
  type,
  exclude,
  picked,
  onPick,
}: {
  type: EntityType;
  exclude: string;
  picked: ResolvedEntity | null;
  onPick: (entity: ResolvedEntity | null) => void;
}) {
  const [q, setQ] = useState('');
  const [state] = useAsync(
    (signal) =>
      q.trim().length < 2
        ? Promise.resolve({ total: 0, entities: [] })
        : api.resolvedEntities({ q: q.trim(), type }, signal),
    [q, type],
  );
  if (picked) {
    return (
      <p className="picked">
        Merge with <strong>{picked.name}</strong>{' '}
        <button type="button" className="link-button" onClick={() => onPick(null)}>
          change
        </button>
      </p>
    );
  }
  const candidates =
    state.status === 'ok' ? state.data.entities.filter((e) => e.id !== exclude) : [];
  return (
    <div className="entity-picker">
      <label>
        Merge with
        <input
          type="search"
          value={q}
          placeholder="Type part of a name"
          onChange={(e) => setQ(e.target.value)}
        />
      </label>
      {candidates.length > 0 && (
        <ul className="picker-options" aria-label="Matching entities">
          {candidates.map((e) => (
            <li key={e.id}>
              <button type="button" className="link-button" onClick={() => onPick(e)}>
                {e.name}
              </button>{' '}
              <span className="muted small">{e.documentCount} docs</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
