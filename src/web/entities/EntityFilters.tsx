import { useEffect, useState } from 'react';
import type { EntityType } from '../api/analysis-types';
import { ENTITY_TYPE_PLURALS, ENTITY_TYPES } from './entity-ref';

/** The type tabs and name box above the entity list. */
export function EntityFilters({
  type,
  q,
  onChange,
}: {
  type: EntityType | null;
  q: string;
  onChange: (filters: { type: EntityType | null; q: string }) => void;
}) {
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const choices: Array<[EntityType | null, string]> = [
    [null, 'All'],
    ...ENTITY_TYPES.map((t): [EntityType, string] => [t, ENTITY_TYPE_PLURALS[t]]),
  ];
  return (
    <div className="entity-filters">
      <div className="segmented" role="group" aria-label="Type">
        {choices.map(([value, label]) => (
          <button
            key={label}
            type="button"
            aria-pressed={type === value}
            onClick={() => onChange({ type: value, q: draft.trim() })}
          >
            {label}
          </button>
        ))}
      </div>
      <form
        className="inline-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          onChange({ type, q: draft.trim() });
        }}
      >
        <label htmlFor="entity-query" className="visually-hidden">
          Find a name
        </label>
        <input
          id="entity-query"
          type="search"
          value={draft}
          placeholder="Find a name (accents optional)"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit">Find</button>
      </form>
    </div>
  );
}
