/**
 * Coded sources ("MX1", "US714", "ZX9") are anonymous by design: a few capitals and a number.
 * They are on nobody's record, whatever their handler thinks of them.
 */
const CODED_SOURCE = /^[A-Z]{1,4}\d{1,5}$/;

export function isCodedSource(name: string): boolean {
  return CODED_SOURCE.test(name.trim());
}

/** A source named on the record: a named person or organisation, not a code, not nobody. */
export function isOnRecord(name: string | null): boolean {
  return name !== null && name.trim() !== '' && !isCodedSource(name);
}
