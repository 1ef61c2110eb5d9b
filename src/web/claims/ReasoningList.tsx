import type { ClaimCluster } from '../api/workbench-types';
import { formatCount } from '../format';
import type { DocumentLabels } from './document-labels';

/** Each step of the independence reasoning, grouped under the document it is about. */
export function ReasoningList({
  cluster,
  labels,
}: {
  cluster: ClaimCluster;
  labels: DocumentLabels;
}) {
  const byDocument = new Map<string, ClaimCluster['reasoning']>();
  for (const step of cluster.reasoning) {
    byDocument.set(step.documentId, [...(byDocument.get(step.documentId) ?? []), step]);
  }
  return (
    <section className="panel" aria-labelledby="reasoning-heading">
      <h2 id="reasoning-heading">Why these origins</h2>
      {cluster.documents.length < cluster.documentCount && (
        <p className="muted small">
          Reasons for the first documents of {formatCount(cluster.documentCount)}; the counts of
          origins above take in every one.
        </p>
      )}
      <dl className="reasoning">
        {[...byDocument].map(([documentId, steps]) => (
          <div key={documentId}>
            <dt>{labels.label(documentId)}</dt>
            {steps.map((step, index) => (
              <dd key={index} data-reason={step.reason}>
                {labels.prose(step.explanation)}
              </dd>
            ))}
          </div>
        ))}
      </dl>
    </section>
  );
}
