import type { ClaimCluster } from '../api/workbench-types';

/** Says plainly when repetition is standing in for corroboration. */
export function CircularWarning({ cluster }: { cluster: ClaimCluster }) {
  if (!cluster.circular) return null;
  const documents = cluster.documentCount;
  return (
    <p className="warning" role="note">
      <strong>Circular reporting.</strong> {documents} documents carry these words, but they rest on{' '}
      {cluster.independentOrigins} independent origin{cluster.independentOrigins === 1 ? '' : 's'}:
      repetition is not corroboration.
    </p>
  );
}
