import type { ClaimCluster } from '../api/workbench-types';
import { documentHref } from '../router';
import type { DocumentLabels } from './document-labels';
import { buildProvenanceTree, type ProvenanceNode } from './provenance-tree';

/** How a node took the words from the node above it, read downwards. */
const RELATION: Record<NonNullable<ProvenanceNode['relation']>, string> = {
  quotes: 'quoting',
  cites: 'citing',
  reprints: 'reprinting',
};

function NodeLabel({ node, labels }: { node: ProvenanceNode; labels: DocumentLabels }) {
  if (!node.document) {
    return (
      <span className="tree-source">
        <span className="tree-kind">source</span> {node.key}
      </span>
    );
  }
  return (
    <span className="tree-document">
      <span className="tree-kind">document</span>{' '}
      <a href={documentHref(node.key)}>{labels.label(node.key)}</a>{' '}
      <span className="muted small">{node.document.date ?? 'undated'}</span>
    </span>
  );
}

function Branch({
  nodes,
  parent,
  labels,
}: {
  nodes: ProvenanceNode[];
  parent: string | null;
  labels: DocumentLabels;
}) {
  return (
    <ul className="tree">
      {nodes.map((node) => (
        <li key={node.key} className="tree-node" data-key={node.key}>
          <NodeLabel node={node} labels={labels} />
          {node.relation && parent && (
            <span className="tree-relation">
              {RELATION[node.relation]} {labels.label(parent)}
            </span>
          )}
          {node.children.length > 0 && (
            <Branch nodes={node.children} parent={node.key} labels={labels} />
          )}
        </li>
      ))}
    </ul>
  );
}

/** Where the words came from: the origin, then whoever quoted, cited or reprinted whom, by date. */
export function ProvenanceTree({
  cluster,
  labels,
}: {
  cluster: ClaimCluster;
  labels: DocumentLabels;
}) {
  return (
    <section className="panel" aria-labelledby="tree-heading">
      <h2 id="tree-heading">Provenance</h2>
      <p className="muted small">{labels.prose(cluster.origin.description)}</p>
      <div className="provenance-tree">
        <Branch nodes={buildProvenanceTree(cluster)} parent={null} labels={labels} />
      </div>
    </section>
  );
}
