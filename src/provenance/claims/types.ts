import type { Extraction } from '../../extract/index.js';

/** One document as claim tracing reads it: its extraction, its text and the little metadata that dates and names it. */
export interface ProvenanceDocument {
  id: string;
  title: string | null;
  /** ISO date or date-time the document was published or sent, when known. */
  date: string | null;
  kind: string;
  /** Where it was read from (a path, `box.mbox#3`): outlets are recognised by it when cited. */
  origin?: string;
  /** The Stratfor-style intelligence block, when the document is such an e-mail. */
  intel?: { code: string | null } | null;
  /** What tracing reads of the extraction: a store need not read the rest. */
  extraction: Pick<Extraction, 'quotes' | 'claims' | 'sourcesCited' | 'dates'>;
  text: string;
}

/**
 * How a document carries a cluster's words: inside quotation marks, as reported speech, or as an
 * unmarked reprint of a passage another document also prints (a block quotation, a copied e-mail).
 */
export type MemberKind = 'quote' | 'claim' | 'reprint';

/** Where a member's cited source was found: the attribution itself ("according to X"), near the quote, or elsewhere in the document. */
export type CitationScope = 'attribution' | 'nearby' | 'document';

export interface ClaimMember {
  documentId: string;
  start: number;
  end: number;
  text: string;
  kind: MemberKind;
  /** The speaker this document names for these words (for a reprint: the source named just before it). */
  speaker: string | null;
  /** The document's date (not the date the words were said). */
  date: string | null;
  /** When the document says the words were said or written, as ISO `YYYY[-MM[-DD]]`. */
  saidOn: string | null;
  /** The intermediary the document names as where it got the words (an outlet, a leak), if any. */
  citedSource: string | null;
  citedCue: string | null;
  citedScope: CitationScope | null;
  /**
   * True when the member prints the cluster's words inside a longer statement of its own (a
   * reprinted e-mail, a long claim around the quote): it carries them without being a copy, and
   * may carry other clusters' words too.
   */
  encloses: boolean;
}

export interface ClaimDocument {
  id: string;
  title: string | null;
  date: string | null;
  kind: string;
}

export interface ClaimOrigin {
  /** The original speaker or coded source, when any carrier names one. */
  speaker: string | null;
  /** The origin document when the corpus holds it (the intel e-mail itself), else null. */
  documentId: string | null;
  /** When the origin said or wrote it, as dated by the origin document or by a carrier. */
  date: string | null;
  /** The carrier whose text dates the origin, when the date comes from one. */
  datedBy: string | null;
  description: string;
}

export type ChainRelation = 'quotes' | 'cites' | 'reprints';

/** One edge of the provenance tree, upstream to downstream: `to` quotes, cites or reprints `from`. */
export interface ChainLink {
  /** A document id, or a source's name (an origin speaker, an outlet not in the corpus). */
  from: string;
  to: string;
  relation: ChainRelation;
}

export type ReasonCode =
  | 'origin-document'
  | 'attributes-to'
  | 'shared-passage'
  | 'cites-carrier'
  | 'cites-source'
  | 'unattributed'
  | 'independent-origin'
  | 'same-origin';

/** One step of the independence reasoning, for the UI to show why. */
export interface Reasoning {
  documentId: string;
  reason: ReasonCode;
  /** What the step rests on: a speaker's or source's name, or another document's id. */
  basedOn: string | null;
  explanation: string;
}

/** Documents that rest on one origin: they count once, however many there are. */
export interface OriginGroup {
  speaker: string | null;
  documentIds: string[];
}

export interface ClaimCluster {
  /** Stable: a hash of the kind, the folded speaker and the folded representative text. */
  id: string;
  kind: 'quote' | 'claim';
  text: string;
  speaker: string | null;
  /** Every carrying span, earliest document first. */
  members: ClaimMember[];
  /** The carrying documents, earliest first (undated after dated, ties by id). */
  documents: ClaimDocument[];
  earliest: { documentId: string; date: string | null };
  origin: ClaimOrigin;
  chain: ChainLink[];
  originGroups: OriginGroup[];
  independentOrigins: number;
  /** Two or more documents carry it but fewer independent origins stand behind them. */
  circular: boolean;
  reasoning: Reasoning[];
  summary: string;
}

export interface ClaimTrace {
  /** Most-carried first, then by earliest appearance. */
  clusters: ClaimCluster[];
}
