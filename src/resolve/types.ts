import type { EntityType } from '../extract/index.js';

export type { EntityType };

/** One mention as the resolver needs it: where it is, what it says, what extraction called it. */
export interface ResolveMention {
  documentId: string;
  /** Position of the mention in its document's mention list; assignments point back with it. */
  seq: number;
  /** The surface text, verbatim. */
  text: string;
  type: EntityType;
  /** Extraction's canonical name for it; mentions of one thing in a document share it. */
  normalized: string;
  start: number;
  end: number;
}

/** A document's mentions, with its text so alias evidence ("X, alias Y") can be read around them. */
export interface ResolveDocument {
  id: string;
  text: string;
  mentions: ResolveMention[];
}

/** Where a merge was read: a span of one document. */
export interface Evidence {
  documentId: string;
  start: number;
  end: number;
}

/** One name an entity goes by, where it was seen and why it belongs to the entity. */
export interface EntityAlias {
  name: string;
  /** Documents the name was seen in, sorted; empty for the entity's curated name when unseen. */
  documents: string[];
  /**
   * Why this name belongs to the entity: `canonical` for the name the entity is keyed by,
   * `extract:normalized` for a surface extraction tied to a canonical name, otherwise the rule
   * of the link that brought it in (README.md, "Rules").
   */
  rule: string;
  evidence?: Evidence;
}

export interface ResolvedEntity {
  /** Stable key: `type:folded name` of the preferred name (see README.md, "Entity keys"). */
  id: string;
  type: EntityType;
  /** Display name: an analyst's rename, else the preferred name. */
  name: string;
  aliases: EntityAlias[];
  mentionCount: number;
  documentCount: number;
}

export interface Assignment {
  documentId: string;
  seq: number;
  entityId: string;
}

/** One link between two names that ended inside one entity, with the rule that made it. */
export interface MergeRecord {
  entityId: string;
  /** Name keys (`type:folded name`) of the two names linked. */
  from: string;
  into: string;
  rule: string;
  evidence?: Evidence;
}

/** An analyst's "these are one": any entity ids or name keys of the same type. */
export interface MergeDecision {
  keys: string[];
}

/**
 * An analyst's "this is not that entity": either every occurrence of a name (surface or
 * canonical), or one mention addressed by its span (spans survive re-extraction; `seq` may not).
 */
export type SplitDecision =
  { entity: string; name: string } | { entity: string; mention: Evidence };

export interface RenameDecision {
  entity: string;
  name: string;
}

/** Applied after automatic resolution, in this order: merges, splits, renames. They always win. */
export interface AnalystDecisions {
  merges?: MergeDecision[];
  splits?: SplitDecision[];
  renames?: RenameDecision[];
}

/** A decision whose keys matched no name in this corpus, so it could not be applied. */
export interface UnappliedDecision {
  kind: 'merge' | 'split' | 'rename';
  /**
   * Which decision: its position in the list of its kind (`merges`, `splits` or `renames`) it was
   * given in, so a caller can tell whose it was (a reader may only be told of the ones they see).
   */
  index: number;
  key: string;
  reason: string;
}

/**
 * A resolution as it is written out: each list is read once, in order. The resolver hands the
 * store lazy iterables (see `EntityResolver.finishStreaming`) so that a million documents' entities
 * and mention links never sit in memory as arrays; a `Resolution`'s arrays serve as well.
 */
export interface ResolutionRows {
  /** Sorted by id. */
  entities: Iterable<ResolvedEntity>;
  /** One per input mention, in input order. */
  assignments: Iterable<Assignment>;
  /** Sorted by entity id, then names. */
  merges: Iterable<MergeRecord>;
}

export interface Resolution {
  /** Sorted by id. */
  entities: ResolvedEntity[];
  /** One per input mention, in input order. */
  assignments: Assignment[];
  /** Sorted by entity id, then names. */
  merges: MergeRecord[];
  unappliedDecisions: UnappliedDecision[];
}
