import type { Writable } from 'node:stream';
import type { Store } from '../store/index.js';
import { writeClaimReviews } from './claimreview/claim-review.js';
import { writeCsvTables } from './csv/tables.js';
import { writeFtm } from './ftm/ftm-entities.js';
import { writeGexf } from './graph/gexf.js';
import { buildGraph } from './graph/graph-model.js';
import { writeGraphml } from './graph/graphml.js';
import type { ExportOptions } from './options.js';
import type { ExportSnapshot } from './snapshot.js';
import { writeStixBundle } from './stix/bundle.js';

/** The formats written to one stream. CSV (a folder of tables) and the brief have their own calls. */
export type StreamFormat = 'stix' | 'ftm' | 'claimreview' | 'gexf' | 'graphml';
export const EXPORT_FORMATS = [
  'stix',
  'ftm',
  'claimreview',
  'gexf',
  'graphml',
  'csv',
  'brief',
] as const satisfies ReadonlyArray<StreamFormat | 'csv' | 'brief'>;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Writes one export to a stream. */
export async function exportToStream(
  store: Store,
  snapshot: ExportSnapshot,
  format: StreamFormat,
  out: Writable,
  options: ExportOptions,
): Promise<void> {
  switch (format) {
    case 'stix':
      await writeStixBundle(store, snapshot, out, options);
      return;
    case 'ftm':
      await writeFtm(store, snapshot, out);
      return;
    case 'claimreview':
      await writeClaimReviews(snapshot, out, options);
      return;
    case 'gexf':
      await writeGexf(buildGraph(snapshot), out, {
        creator: options.organisation,
        description: `Crosscheck entities and documents: ${snapshot.scope.description}`,
      });
      return;
    case 'graphml':
      await writeGraphml(buildGraph(snapshot), out);
      return;
  }
}

export { writeCsvTables };
