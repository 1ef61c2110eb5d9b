import type { TlpLevel } from '../core/index.js';

export interface ExportOptions {
  /** The organisation running Crosscheck: the author of reviews, the creator of STIX objects. */
  organisation: string;
  /**
   * The least restrictive marking any exported object carries: a collection's own TLP level.
   * Each object carries the stricter of this and the markings of the documents it comes from.
   */
  marking: TlpLevel;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  organisation: 'Crosscheck',
  marking: 'CLEAR',
};
