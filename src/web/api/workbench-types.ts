/**
 * The wire format of the analyst's workbench (claims and grades, resolved entities and decisions,
 * competing hypotheses), as the browser sees it. Kept in step with src/api/claim-schemas.ts by
 * src/api/wire-types.test.ts.
 */
import type { EntityType } from './analysis-types.js';

export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;
export type Mark = 'consistent' | 'inconsistent' | 'neutral';

export interface ClaimMember {
  documentId: string;
  start: number;
  end: number;
  text: string;
  kind: 'quote' | 'claim' | 'reprint';
  speaker: string | null;
  date: string | null;
  saidOn: string | null;
  citedSource: string | null;
  citedCue: string | null;
  citedScope: 'attribution' | 'nearby' | 'document' | null;
  /** Prints the words inside a longer statement of its own; absent on clusters traced before. */
  encloses?: boolean;
}

export interface ClaimDocument {
  id: string;
  title: string | null;
  date: string | null;
  kind: string;
}

export interface ChainLink {
  from: string;
  to: string;
  relation: 'quotes' | 'cites' | 'reprints';
}

export interface ClaimCluster {
  id: string;
  kind: 'quote' | 'claim';
  text: string;
  speaker: string | null;
  /** In listings, these lists hold their first 20 entries (and all about a listed document). */
  members: ClaimMember[];
  memberCount: number;
  documentCount: number;
  documents: ClaimDocument[];
  earliest: { documentId: string; date: string | null };
  origin: {
    speaker: string | null;
    documentId: string | null;
    date: string | null;
    datedBy: string | null;
    description: string;
  };
  chain: ChainLink[];
  originGroups: Array<{ speaker: string | null; documentIds: string[] }>;
  independentOrigins: number;
  circular: boolean;
  reasoning: Array<{
    documentId: string;
    reason: string;
    basedOn: string | null;
    explanation: string;
  }>;
  summary: string;
}

export interface AnalystGrade {
  reliability?: Reliability | undefined;
  credibility?: Credibility | undefined;
  analyst: string;
  at: string;
  reason: string;
}

export interface Graded<T> {
  value: T;
  derived: T;
  reasons: Array<{ rule: string; text: string }>;
  analyst: AnalystGrade | null;
  stratfor: { original: string; suggested: T; rationale: string } | null;
}

export interface Assessment {
  clusterId: string;
  source: string | null;
  reliability: Graded<Reliability>;
  credibility: Graded<Credibility>;
  code: string;
  derivedCode: string;
}

export interface RecordedGrade extends AnalystGrade {
  id: number;
  subjectType: 'claim' | 'source';
  subjectId: string;
}

export interface AssessedClaim {
  cluster: ClaimCluster;
  assessment: Assessment;
  history: RecordedGrade[];
}

export interface ClaimsResponse {
  total: number;
  claims: AssessedClaim[];
}

export interface GradeInput {
  reliability?: Reliability;
  credibility?: Credibility;
  reason: string;
}

interface Evidence {
  documentId: string;
  start: number;
  end: number;
}

export interface ResolvedEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: Array<{
    name: string;
    /** The first 20 of them; `documentCount` is how many. */
    documents: string[];
    documentCount: number;
    rule: string;
    evidence?: Evidence | undefined;
  }>;
  mentionCount: number;
  documentCount: number;
}

export interface ResolvedEntitiesResponse {
  total: number;
  entities: ResolvedEntity[];
}

export interface ResolvedEntityResponse {
  entity: ResolvedEntity;
  documents: Array<{ id: string; title: string | null }>;
  merges: Array<{
    entityId: string;
    from: string;
    into: string;
    rule: string;
    evidence?: Evidence | undefined;
  }>;
  mentions: Array<{
    documentId: string;
    documentTitle: string | null;
    start: number;
    end: number;
    text: string;
  }>;
  coOccurring: Array<{ id: string; type: EntityType; name: string; documents: number }>;
  /** How many of its documents `coOccurring` was counted over (its first 5,000 at most). */
  coOccurringOver: number;
}

export type EntityDecisionInput =
  | { kind: 'merge'; entity: string; with: string; reason: string }
  | { kind: 'split'; entity: string; name: string; reason: string }
  | { kind: 'rename'; entity: string; name: string; reason: string };

export interface EntityDecisionResponse {
  decision: {
    id: number;
    kind: 'merge' | 'split' | 'rename';
    analyst: string;
    at: string;
    reason: string;
  };
  entity: ResolvedEntity | null;
  unappliedDecisions: number;
}

export interface Hypothesis {
  id: string;
  text: string;
  analyst: string;
  at: string;
}

export interface HypothesisWorkspace {
  hypotheses: Hypothesis[];
  claims: AssessedClaim[];
  matrix: {
    rows: Array<{
      evidenceId: string;
      weight: number;
      marks: Record<string, Mark>;
      diagnostic: boolean;
    }>;
    scores: Array<{
      hypothesisId: string;
      inconsistency: number;
      consistency: number;
      inconsistentEvidence: string[];
      rank: number;
    }>;
  };
  suggestions: Array<{ hypothesisId: string; claimId: string; mark: Mark; rationale: string }>;
}

export interface RecordedMark {
  id: number;
  hypothesisId: string;
  claimId: string;
  mark: Mark;
  analyst: string;
  at: string;
  reason: string | null;
}
