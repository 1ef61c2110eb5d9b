import type { AssessedClaim } from '../../pipeline/index.js';
import type { TlpLevel } from '../../core/index.js';
import { markingOf, type ExportSnapshot, type SnapshotEntity } from '../snapshot.js';

export interface BriefEntity {
  name: string;
  aliases: string[];
  documents: number;
  mentions: number;
}

export interface BriefPlace extends BriefEntity {
  lat: number;
  lon: number;
  country: string;
}

export interface BriefEvent {
  date: string;
  text: string;
  documentTitle: string;
  documentId: string;
}

export interface BriefClaim {
  id: string;
  speaker: string | null;
  text: string;
  code: string;
  documents: number;
  independentOrigins: number;
  circular: boolean;
  summary: string;
}

/** What a brief says, every string still raw: the renderers escape for their format. */
export interface Brief {
  title: string;
  /** The strictest marking of what the brief draws on: it is handed on under this level. */
  marking: TlpLevel;
  scope: string;
  documents: number;
  people: BriefEntity[];
  organizations: BriefEntity[];
  places: BriefPlace[];
  /** Earliest first. */
  timeline: BriefEvent[];
  /** Most carried first. */
  claims: BriefClaim[];
}

const LIMITS = { entities: 15, places: 40, events: 60, claims: 20 };

function toEntity({ entity, mentionsByDocument }: SnapshotEntity): BriefEntity {
  return {
    name: entity.name,
    aliases: entity.aliases.map((a) => a.name).filter((n) => n !== entity.name),
    documents: mentionsByDocument.size,
    mentions: [...mentionsByDocument.values()].reduce((a, b) => a + b, 0),
  };
}

const byDocuments = (a: BriefEntity, b: BriefEntity) =>
  b.documents - a.documents || b.mentions - a.mentions || a.name.localeCompare(b.name);

function toClaim({ cluster, assessment }: AssessedClaim): BriefClaim {
  return {
    id: cluster.id,
    speaker: cluster.speaker,
    text: cluster.text,
    code: assessment.code,
    documents: cluster.documents.length,
    independentOrigins: cluster.independentOrigins,
    circular: cluster.circular,
    summary: cluster.summary,
  };
}

/** Who, what, where and when of an export's scope, most documented first, within fixed limits. */
export function buildBrief(
  snapshot: ExportSnapshot,
  title: string,
  floor: TlpLevel = 'CLEAR',
): Brief {
  const ofType = (type: string) =>
    snapshot.entities
      .filter((e) => e.entity.type === type)
      .map(toEntity)
      .sort(byDocuments)
      .slice(0, LIMITS.entities);
  const places = snapshot.entities
    .filter((e) => e.geo)
    .map((e) => ({ ...toEntity(e), lat: e.geo!.lat, lon: e.geo!.lon, country: e.geo!.country }))
    .sort(byDocuments)
    .slice(0, LIMITS.places);
  const timeline = snapshot.events
    .map((e) => ({
      date: e.value,
      text: e.text,
      documentTitle: e.documentTitle ?? e.documentId.slice(0, 12),
      documentId: e.documentId,
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.documentId.localeCompare(b.documentId))
    .slice(0, LIMITS.events);
  const claims = snapshot.claims
    .map(toClaim)
    .sort((a, b) => b.documents - a.documents || a.id.localeCompare(b.id))
    .slice(0, LIMITS.claims);
  const drawnOn = [
    ...snapshot.documents.map((d) => d.id),
    ...snapshot.claims.flatMap((c) => c.cluster.documents.map((d) => d.id)),
  ];
  return {
    title,
    marking: markingOf(snapshot, drawnOn, floor),
    scope: snapshot.scope.description,
    documents: snapshot.documents.length,
    people: ofType('person'),
    organizations: ofType('organization'),
    places,
    timeline,
    claims,
  };
}
