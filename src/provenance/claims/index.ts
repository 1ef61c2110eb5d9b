/**
 * Quote and claim provenance: which quotes, reported claims and reprinted passages say the same
 * thing across documents, where they first appeared, whom each carrier cites, and how many
 * independent origins stand behind them — five outlets repeating one leaked e-mail are one source.
 */
export { ClaimTracer, traceClaims, type ClaimTracePhase } from './trace.js';
export { formatTrace } from './format.js';
export { summarize as summarizeCluster } from './build-cluster.js';
export { resolveTraceOptions, type TraceOptions, type ResolvedTraceOptions } from './options.js';
export type {
  ChainLink,
  ChainRelation,
  CitationScope,
  ClaimCluster,
  ClaimDocument,
  ClaimMember,
  ClaimOrigin,
  ClaimTrace,
  MemberKind,
  OriginGroup,
  ProvenanceDocument,
  ReasonCode,
  Reasoning,
} from './types.js';
