import type { SearchParams } from '../api/client';
import type { SearchResponse } from '../api/types';
import { KIND_NAMES, LANGUAGE_NAMES, formatCount } from '../format';
import { FacetList } from './FacetList';

interface FiltersProps {
  params: SearchParams;
  facets: SearchResponse['facets'];
  onChange(change: Partial<SearchParams>): void;
}

function toggle(values: string[], value: string, on: boolean): string[] {
  return on ? [...values, value] : values.filter((v) => v !== value);
}

function CheckboxGroup(props: {
  legend: string;
  name: string;
  names: Record<string, string>;
  counts: Record<string, number> | undefined;
  selected: string[];
  onChange(values: string[]): void;
}) {
  // Values nobody can pick (no matching document) are hidden unless already ticked.
  const values = Object.keys(props.names).filter(
    (value) => props.selected.includes(value) || (props.counts?.[value] ?? 1) > 0,
  );
  return (
    <fieldset className="filter-group">
      <legend>{props.legend}</legend>
      {values.length === 0 && <p className="muted">No matches</p>}
      {values.map((value) => {
        const id = `${props.name}-${value}`;
        const count = props.counts?.[value];
        return (
          <div className="check" key={value}>
            <input
              id={id}
              type="checkbox"
              checked={props.selected.includes(value)}
              onChange={(event) =>
                props.onChange(toggle(props.selected, value, event.target.checked))
              }
            />
            <label htmlFor={id}>
              {props.names[value]}
              {count !== undefined && <span className="count">{formatCount(count)}</span>}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

const SAMPLED_NOTE =
  'Counted over part of the matches: too many documents match to count them all.';

/** Language, type, entity, source and date filters; counts come from the API's facets. */
export function Filters({ params, facets, onChange }: FiltersProps) {
  const entities = params.entity ?? [];
  const sources = params.source ?? [];
  // A chosen entity shows under its name when the facets list it (it usually tops them: every
  // match mentions it), else under its id, which is readable too ("place:ciudad juarez").
  const entityName = (id: string) => facets?.entity.find((e) => e.id === id)?.name ?? id;
  const note = facets?.sampled ? SAMPLED_NOTE : undefined;
  return (
    <aside className="filters" aria-label="Filters">
      <CheckboxGroup
        legend="Language"
        name="lang"
        names={LANGUAGE_NAMES}
        counts={facets?.language}
        selected={params.lang}
        onChange={(lang) => onChange({ lang })}
      />
      <CheckboxGroup
        legend="Type"
        name="type"
        names={KIND_NAMES}
        counts={facets?.type}
        selected={params.type}
        onChange={(type) => onChange({ type })}
      />
      {(facets || entities.length > 0 || sources.length > 0) && (
        <>
          <FacetList
            legend="Entities"
            noun="entity"
            values={(facets?.entity ?? []).map((e) => ({
              value: e.id,
              label: e.name,
              detail: e.type,
              count: e.count,
            }))}
            selected={entities.map((id) => ({ value: id, label: entityName(id) }))}
            note={note}
            onAdd={(id) => onChange({ entity: [...entities, id] })}
            onRemove={(id) => onChange({ entity: entities.filter((e) => e !== id) })}
          />
          <FacetList
            legend="Sources"
            noun="source"
            values={(facets?.source ?? []).map((s) => ({
              value: s.source,
              label: s.source,
              count: s.count,
            }))}
            selected={sources.map((source) => ({ value: source, label: source }))}
            note={note}
            onAdd={(source) => onChange({ source: [...sources, source] })}
            onRemove={(source) => onChange({ source: sources.filter((s) => s !== source) })}
          />
        </>
      )}
      <fieldset className="filter-group">
        <legend>Published</legend>
        <label className="date-field">
          <span>From</span>
          <input
            type="date"
            value={params.from}
            onChange={(e) => onChange({ from: e.target.value })}
          />
        </label>
        <label className="date-field">
          <span>To</span>
          <input type="date" value={params.to} onChange={(e) => onChange({ to: e.target.value })} />
        </label>
        {(params.from || params.to) && (
          <button
            type="button"
            className="link-button"
            onClick={() => onChange({ from: '', to: '' })}
          >
            Clear dates
          </button>
        )}
      </fieldset>
    </aside>
  );
}
