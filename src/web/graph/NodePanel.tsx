import type { RefObject } from 'react';
import { ENTITY_TYPE_NAMES } from '../entities/entity-ref';
import { documentHref, entityHref } from '../router';
import { nodeTarget } from './graph-elements';

/**
 * The selected node: what it is, where to read more, and a button to grow the chart from it.
 * `headingRef` lets a node chosen from the keyboard list move focus here, next to its actions.
 */
export function NodePanel({
  nodeId,
  label,
  expanding,
  onExpand,
  headingRef,
}: {
  nodeId: string | null;
  label: string | null;
  expanding: boolean;
  onExpand: (nodeId: string) => void;
  headingRef?: RefObject<HTMLHeadingElement | null>;
}) {
  const target = nodeId ? nodeTarget(nodeId) : null;
  if (!nodeId || !target) {
    return (
      <section className="panel" aria-labelledby="node-heading">
        <h2 id="node-heading">Selection</h2>
        <p className="muted small">
          Click a node (or choose it in the list of nodes) to see what it is; double-click an entity
          (or use Expand) to add what it is mentioned with.
        </p>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="node-heading">
      <p className="eyebrow">
        {target.kind === 'entity' ? ENTITY_TYPE_NAMES[target.ref.type] : 'Document'}
      </p>
      <h2 id="node-heading" className="break" tabIndex={-1} ref={headingRef}>
        {label}
      </h2>
      {target.kind === 'entity' ? (
        <p className="button-row">
          <button type="button" disabled={expanding} onClick={() => onExpand(nodeId)}>
            {expanding ? 'Expanding…' : 'Expand'}
          </button>
          <a className="button" href={entityHref(target.ref)}>
            Entity page
          </a>
        </p>
      ) : (
        <p className="button-row">
          <a className="button" href={documentHref(target.id)}>
            Read the document
          </a>
        </p>
      )}
    </section>
  );
}
