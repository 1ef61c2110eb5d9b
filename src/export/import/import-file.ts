import type { Store } from '../../store/index.js';
import { readFtmLines } from './ftm-import.js';
import { writeImport, type ImportSummary } from './imported-records.js';
import { readStixBundle } from './stix-import.js';

export const IMPORT_FORMATS = ['stix', 'ftm'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * Imports a STIX 2.1 bundle or FtM JSON Lines into the store. Documents are stored at once;
 * run extraction and analysis afterwards (the CLI does) to see their entities and claims.
 */
export async function importFile(
  store: Store,
  format: ImportFormat,
  file: string,
  analyst = 'import',
): Promise<ImportSummary> {
  const read = format === 'stix' ? await readStixBundle(file) : await readFtmLines(file);
  return writeImport(store, file, read.documents, read.entities, read.skipped, analyst);
}
