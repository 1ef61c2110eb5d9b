import { useMemo, useState } from 'react';
import { ENTITY_TYPE_NAMES } from '../entities/entity-ref';
import { foldForMatch, type ChartNode } from './chart-nodes';

/** Rows shown at once: the busiest nodes; the box finds the others. */
const SHOWN = 60;

/**
 * The chart's nodes as a list of buttons, busiest first, with a box to find one by name: the
 * canvas cannot be reached with the keyboard or read by a screen reader, this can. Choosing a node
 * selects it on the chart and opens its details, as clicking it would.
 */
export function NodeList({
  nodes,
  selected,
  onChoose,
}: {
  nodes: ChartNode[];
  selected: string | null;
  onChoose: (id: string) => void;
}) {
  const [filter, setFilter] = useState('');
  const matching = useMemo(() => {
    const wanted = foldForMatch(filter.trim());
    return wanted ? nodes.filter((n) => foldForMatch(n.label).includes(wanted)) : nodes;
  }, [nodes, filter]);
  const shown = matching.slice(0, SHOWN);
  return (
    <section className="panel" aria-labelledby="node-list-heading">
      <h2 id="node-list-heading">Nodes</h2>
      <label className="small">
        Find a node
        <input
          type="search"
          className="node-filter"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      </label>
      <p className="muted small" aria-live="polite">
        {matching.length === nodes.length
          ? `${nodes.length} nodes`
          : `${matching.length} of ${nodes.length} nodes match`}
        {shown.length < matching.length && `; the ${shown.length} busiest are listed`}
      </p>
      <ul className="keyboard-list node-list">
        {shown.map((node) => (
          <li key={node.id}>
            <button
              type="button"
              aria-pressed={node.id === selected}
              data-node-id={node.id}
              onClick={() => onChoose(node.id)}
            >
              <span className={`key-dot key-${node.type}`} aria-hidden="true" />{' '}
              <span className="node-label">{node.label}</span>{' '}
              <span className="muted small">
                {node.type === 'document' ? 'Document' : ENTITY_TYPE_NAMES[node.type]}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
