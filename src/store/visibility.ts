import { StoreError, tlpRank, type TlpLevel } from '../core/index.js';

/*
 * How a clearance reaches the SQL. Every restricted read adds one condition naming the documents a
 * reader may not see; the shared queries (analysis, claims, entities) and both stores' own reads
 * use these helpers so that SQLite and PostgreSQL hide exactly the same things.
 */

/** The highest TLP rank a reader may see, or null for the full store (no filter at all). */
export type MaxRank = number | null;

/** A getter, so a store's query objects can be built before its clearance is known. */
export type ClearanceSource = () => MaxRank;
export const FULL_VIEW: ClearanceSource = () => null;

/*
 * `column` must be qualified whenever its bare name is also a column of documents (`id`): the
 * subqueries below would otherwise read it from their own row.
 */

/**
 * True when `column` (a document id) is not hidden from the clearance; one `?` slot: the highest
 * visible rank. NOT EXISTS rather than `NOT IN (hidden ids)`: PostgreSQL plans it as an anti-join
 * whatever the number of hidden documents, where NOT IN falls back to rescanning the subquery per
 * row once the hidden set outgrows work_mem; SQLite probes documents' id index, as fast as NOT IN
 * (measured at 100,000 documents with 1% and 90% hidden).
 */
export function notHidden(column: string): string {
  return `NOT EXISTS (SELECT 1 FROM documents hidden
    WHERE hidden.id = ${column} AND hidden.tlp_rank > ?)`;
}

/**
 * As notHidden, for a column holding a document's integer key (documents.rowid). It reads the
 * marking from document_facts: in SQLite a narrow copy of each document's facts, where a row of
 * documents holds its text before the marking (added later), so reading the marking followed the
 * text's overflow pages: a restricted reader's entity counts took 7.8 s at 100,000 e-mails, 1.3 s
 * from document_facts. In PostgreSQL a view of documents' two columns (migration 16).
 */
export function keyNotHidden(column: string): string {
  return `NOT EXISTS (SELECT 1 FROM document_facts hidden
    WHERE hidden.rowid = ${column} AND hidden.tlp_rank > ?)`;
}

/**
 * True when no hidden document carries the claim cluster `column`; one `?` slot. A cluster with
 * any hidden member is hidden whole (see claims-queries).
 */
export function clusterNotHidden(column: string): string {
  return `NOT EXISTS (SELECT 1 FROM claim_members hidden_member
    JOIN documents hidden ON hidden.id = hidden_member.document_id
    WHERE hidden_member.cluster_id = ${column} AND hidden.tlp_rank > ?)`;
}

/** ` AND <column> is not a hidden document`, or nothing for the full store; one `?` slot when set. */
export function andVisible(maxRank: MaxRank, column: string): string {
  return maxRank === null ? '' : ` AND ${notHidden(column)}`;
}

/** As andVisible, for a column holding a document's integer key (documents.rowid). */
export function andKeyVisible(maxRank: MaxRank, column: string): string {
  return maxRank === null ? '' : ` AND ${keyNotHidden(column)}`;
}

/** The parameters `andVisible` needs, in order: `count` conditions' worth. */
export function rankParams(maxRank: MaxRank, count = 1): number[] {
  return maxRank === null ? [] : Array.from({ length: count }, () => maxRank);
}

/** The rank a clearance sees up to; RED sees everything, so it needs no filter. */
export function maxRankFor(clearance: TlpLevel): MaxRank {
  return clearance === 'RED' ? null : tlpRank(clearance);
}

/**
 * Raised when a pipeline write (ingest batches, extraction, reuse, claims, resolution) reaches a
 * clearance-restricted view: those writes replace whole tables computed from every document, so
 * they only ever run on the full store.
 */
export class RestrictedViewError extends StoreError {
  constructor(operation: string) {
    super('FORBIDDEN', `${operation} cannot run on a clearance-restricted view of the store`, {
      hint: 'Run the pipeline (ingest, extract, analyze) on the full store, not on store.restrictedTo(…).',
    });
  }
}
