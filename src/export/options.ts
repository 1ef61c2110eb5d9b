/**
 * TLP levels as STIX 2.1 predefines them (TLP 1.0 names). TLP 2.0's CLEAR is WHITE here: the STIX
 * 2.1 specification fixes only these four marking-definition objects.
 */
export type TlpLevel = 'white' | 'green' | 'amber' | 'red';

export interface ExportOptions {
  /** The organisation running Crosscheck: the author of reviews, the creator of STIX objects. */
  organisation: string;
  /**
   * The marking every exported object carries. Seam: collections will carry their own TLP level
   * and pass it here; until they exist everything is exported as TLP:WHITE (TLP 2.0 CLEAR).
   */
  marking: TlpLevel;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  organisation: 'Crosscheck',
  marking: 'white',
};
