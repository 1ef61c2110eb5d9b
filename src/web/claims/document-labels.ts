import type { ClaimCluster } from '../api/workbench-types';

/**
 * Names documents by their titles wherever the provenance data names them by id (chain nodes,
 * reasoning steps and their explanations), so the page reads as prose rather than hashes.
 */
export function documentLabels(cluster: ClaimCluster) {
  const titles = new Map(
    cluster.documents.map((d) => [d.id, d.title ?? `document ${d.id.slice(0, 10)}`]),
  );
  return {
    isDocument: (key: string) => titles.has(key),
    label: (key: string) => titles.get(key) ?? key,
    /** Replaces every document id in a sentence by “its title”. */
    prose: (text: string) =>
      [...titles].reduce((out, [id, title]) => out.split(id).join(`“${title}”`), text),
  };
}

export type DocumentLabels = ReturnType<typeof documentLabels>;
