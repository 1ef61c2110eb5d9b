/**
 * The wire format of what extraction and text reuse found, as the browser sees it. Kept in step
 * with src/api/analysis-schemas.ts by src/api/wire-types.test.ts.
 */
import type { DocumentKind } from './types.js';

export type EntityType = 'person' | 'organization' | 'place';
export type DatePrecision = 'year' | 'month' | 'day';

export interface GeoPoint {
  lat: number;
  lon: number;
  country: string;
  admin1?: string | undefined;
  gazetteerId: string;
}

interface Span {
  start: number;
  end: number;
}

export interface Mention extends Span {
  text: string;
  type: EntityType;
  normalized: string;
  confidence: number;
  source: string;
  geo?: GeoPoint | undefined;
}

export interface DateMention extends Span {
  text: string;
  value: string;
  precision: DatePrecision;
  relative: boolean;
}

export interface Figure extends Span {
  text: string;
  value: number;
  unit: string | null;
  about: string | null;
}

export interface Quote extends Span {
  text: string;
  speaker: string | null;
  speakerStart?: number | undefined;
  speakerEnd?: number | undefined;
  verb: string | null;
  saidOn: string | null;
}

export interface Claim extends Span {
  text: string;
  speaker: string | null;
  speakerStart?: number | undefined;
  speakerEnd?: number | undefined;
  verb: string;
}

export interface SourceCited extends Span {
  name: string;
  cue: string;
}

export interface Extraction {
  mentions: Mention[];
  dates: DateMention[];
  figures: Figure[];
  quotes: Quote[];
  claims: Claim[];
  sourcesCited: SourceCited[];
}

export interface ExtractionResponse {
  documentId: string;
  extractorVersion: string;
  extractedAt: string;
  extraction: Extraction;
}

export interface ReusePairView {
  otherId: string;
  otherTitle: string | null;
  similarity: number;
  nearDuplicate: boolean;
  passages: Array<{
    text: string;
    words: number;
    start: number;
    end: number;
    otherStart: number;
    otherEnd: number;
  }>;
}

export interface PassageOccurrence {
  documentId: string;
  title: string | null;
  start: number;
  end: number;
  date: string | null;
}

export interface SharedPassage {
  id: number;
  text: string;
  words: number;
  occurrences: PassageOccurrence[];
}

export interface ReuseResponse {
  pairs: ReusePairView[];
  passages: SharedPassage[];
}

export interface DatedEvent {
  documentId: string;
  documentTitle: string | null;
  value: string;
  precision: DatePrecision;
  text: string;
  start: number;
  end: number;
}

export interface TimelineResponse {
  events: DatedEvent[];
  documents: Array<{ id: string; title: string | null; kind: DocumentKind; publishedAt: string }>;
}

export interface Place {
  name: string;
  lat: number;
  lon: number;
  country: string;
  admin1: string | null;
  gazetteerId: string;
  mentions: number;
  documents: number;
}

export interface PlacesResponse {
  places: Place[];
}

export interface EntitySummary {
  type: EntityType;
  name: string;
  mentions: number;
  documents: number;
}

export interface EntitiesResponse {
  total: number;
  entities: EntitySummary[];
}

export interface EntityMentionInContext {
  documentId: string;
  documentTitle: string | null;
  start: number;
  end: number;
  text: string;
  context: { before: string; match: string; after: string };
}

export interface EntityResponse {
  entity: EntitySummary;
  surfaceForms: Array<{ text: string; count: number }>;
  mentions: EntityMentionInContext[];
  documents: Array<{ id: string; title: string | null; mentions: number }>;
  coOccurring: EntitySummary[];
  /** How many of its documents `coOccurring` was counted over (its first 5,000 at most). */
  coOccurringOver: number;
  geo: GeoPoint | null;
}

export interface GraphNode {
  id: string;
  kind: 'entity' | 'document';
  type: EntityType | null;
  label: string;
  weight: number;
}

export interface GraphEdge {
  source: string;
  target: string;
  kind: 'mention' | 'co-occurrence';
  weight: number;
}

export interface GraphResponse {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}
