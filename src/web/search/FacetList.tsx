import { formatCount } from '../format';
import './facets.css';

/** One value of a facet: what it filters on, what to show, and how many matches it has. */
export interface FacetValue {
  value: string;
  label: string;
  /** A second, quieter word (an entity's type). */
  detail?: string;
  count: number;
}

/**
 * A facet whose values are chosen by clicking (entities, sources): the chosen ones sit above as
 * removable chips, the others below as buttons with their counts. Buttons, not links or divs, so
 * Tab and Enter/Space work without extra code; every label is document text, rendered as text.
 */
export function FacetList(props: {
  legend: string;
  /** What a chip's remove button says it removes, e.g. "entity". */
  noun: string;
  values: FacetValue[];
  /** Chosen values, with a label when one is known (else the value itself is shown). */
  selected: Array<{ value: string; label: string }>;
  /** A note under the list (the counts are over the best-ranked matches only). */
  note?: string | undefined;
  onAdd(value: string): void;
  onRemove(value: string): void;
}) {
  const chosen = new Set(props.selected.map((s) => s.value));
  const offered = props.values.filter((v) => !chosen.has(v.value));
  const slug = props.legend.toLowerCase();
  return (
    <fieldset className="filter-group facet-list" data-facet={slug}>
      <legend>{props.legend}</legend>
      {props.selected.length > 0 && (
        <ul className="chip-list facet-chips" aria-label={`Chosen ${slug}`}>
          {props.selected.map((s) => (
            <li key={s.value} className="chip facet-chip">
              <span>{s.label}</span>
              <button
                type="button"
                className="facet-chip-remove"
                aria-label={`Remove ${props.noun} filter: ${s.label}`}
                title={`Remove ${props.noun} filter`}
                onClick={() => props.onRemove(s.value)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {offered.length === 0 && props.selected.length === 0 && <p className="muted">None found</p>}
      {offered.length > 0 && (
        <ul className="facet-values">
          {offered.map((v) => (
            <li key={v.value}>
              <button
                type="button"
                className="facet-value"
                aria-label={`Filter by ${props.noun} ${v.label} (${formatCount(v.count)})`}
                onClick={() => props.onAdd(v.value)}
              >
                <span className="facet-label">
                  <span className="facet-name">{v.label}</span>
                  {v.detail && <span className="facet-detail"> {v.detail}</span>}
                </span>
                <span className="count">{formatCount(v.count)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {props.note && <p className="help">{props.note}</p>}
    </fieldset>
  );
}
