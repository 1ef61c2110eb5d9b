import { CREDIBILITY, RELIABILITY } from '../../assess/index.js';
import type { AssessedClaim } from '../../pipeline/index.js';
import type { StoredDocument } from '../../store/index.js';
import { admiraltyInWords, stixConfidence, stixOpinion } from '../admiralty-mappings.js';
import { stixId } from '../ids.js';
import type { ExportOptions } from '../options.js';
import type { SnapshotEntity } from '../snapshot.js';
import type { GradedSource } from '../sources.js';
import { compact } from '../write.js';
import { stixTimestamp } from './timestamps.js';
import { tlpMarkingId } from './tlp.js';

export type StixObject = Record<string, unknown> & { type: string; id: string };

/** When the producer identity was first defined: fixed, so its object never changes. */
const PRODUCER_CREATED = '2024-01-01T00:00:00.000Z';

export function producerId(options: ExportOptions): string {
  return stixId('identity', 'organisation', options.organisation);
}

/** The properties every object Crosscheck creates shares: version, author, marking, times. */
function common(options: ExportOptions, times: { created: string; modified: string }) {
  return {
    spec_version: '2.1',
    created: times.created,
    modified: times.modified,
    created_by_ref: producerId(options),
    object_marking_refs: [tlpMarkingId(options.marking)],
  };
}

export function producerIdentity(options: ExportOptions): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: producerId(options),
    created: PRODUCER_CREATED,
    modified: PRODUCER_CREATED,
    name: options.organisation,
    identity_class: 'organization',
    description: 'Runs Crosscheck, the OSINT workbench these objects were exported from.',
    object_marking_refs: [tlpMarkingId(options.marking)],
  };
}

/** The STIX id of a resolved entity: identity for people and organisations, location for places. */
export function entityStixId(entity: SnapshotEntity): string | null {
  if (entity.entity.type === 'place') {
    return entity.geo ? stixId('location', 'entity', entity.entity.id) : null;
  }
  return stixId('identity', 'entity', entity.entity.id);
}

export function sourceStixId(source: GradedSource): string {
  return source.entityId
    ? stixId('identity', 'entity', source.entityId)
    : stixId('identity', 'source', source.name.toLowerCase());
}

/**
 * A source's Admiralty reliability. STIX identities have no reliability property (and
 * `confidence` is the producer's confidence in the object, not the source's record), so the
 * letter travels in custom `x_crosscheck_` properties, with its meaning and its basis.
 */
function reliabilityProperties(source: GradedSource | undefined) {
  if (!source) return {};
  return {
    roles: [source.coded ? 'coded-source' : 'source'],
    x_crosscheck_reliability: source.reliability,
    x_crosscheck_reliability_label: source.reliability
      ? RELIABILITY[source.reliability].label
      : null,
    x_crosscheck_reliability_basis: source.basis,
    x_crosscheck_reliability_reason: source.reason,
    x_crosscheck_coded_source: source.coded || null,
  };
}

export function entityObject(
  entity: SnapshotEntity,
  source: GradedSource | undefined,
  times: { created: string; modified: string },
  options: ExportOptions,
): StixObject | null {
  const id = entityStixId(entity);
  if (!id) return null;
  const { entity: e, geo } = entity;
  const aliases = e.aliases.map((a) => a.name).filter((name) => name !== e.name);
  const shared = {
    type: e.type === 'place' ? 'location' : 'identity',
    id,
    ...common(options, times),
    name: e.name,
    x_crosscheck_entity_id: e.id,
    x_crosscheck_aliases: aliases,
    x_crosscheck_mentions: e.mentionCount,
    x_crosscheck_documents: e.documentCount,
  };
  if (e.type === 'place' && geo) {
    return compact({
      ...shared,
      latitude: geo.lat,
      longitude: geo.lon,
      country: geo.country,
      x_crosscheck_admin1: geo.admin1,
      x_crosscheck_gazetteer_id: geo.gazetteerId,
    });
  }
  return compact({
    ...shared,
    identity_class: e.type === 'person' ? 'individual' : 'organization',
    ...reliabilityProperties(source),
  });
}

/** A cited or originating source that is no resolved entity (a code such as "MX7", an outlet). */
export function sourceIdentity(
  source: GradedSource,
  times: { created: string; modified: string },
  options: ExportOptions,
): StixObject {
  return compact({
    type: 'identity',
    id: sourceStixId(source),
    ...common(options, times),
    name: source.name,
    identity_class: 'unknown',
    ...reliabilityProperties(source),
  });
}

export function reportId(documentId: string): string {
  return stixId('report', 'document', documentId);
}

/**
 * The report's external references: the document's SHA-256 (its Crosscheck id is the hash of the
 * bytes it came from) and every place it was found, as a URL when it is one.
 */
function origins(document: StoredDocument) {
  return [
    { source_name: 'crosscheck', external_id: document.id, hashes: { 'SHA-256': document.id } },
    ...document.origins.map((origin) =>
      /^https?:\/\//i.test(origin)
        ? { source_name: 'origin', url: origin }
        : { source_name: 'origin', description: origin },
    ),
  ];
}

/**
 * One report per document, carrying its full text (`description`) so that an import gets the
 * document back. STIX requires a report to refer to something: a document naming nothing known
 * refers to the producer identity, the least wrong thing to point at. STIX also requires
 * `published`: an undated document gets the time Crosscheck took it in, flagged with
 * `x_crosscheck_published_unknown` so that nobody (and no import) mistakes it for a date.
 */
export function reportObject(
  document: StoredDocument,
  refs: string[],
  options: ExportOptions,
): StixObject {
  const ingested = stixTimestamp(document.ingestedAt)!;
  const published = stixTimestamp(document.publishedAt);
  return compact({
    type: 'report',
    id: reportId(document.id),
    ...common(options, { created: ingested, modified: ingested }),
    name: document.title ?? document.origins[0] ?? document.id,
    description: document.text,
    published: published ?? ingested,
    report_types: [document.kind === 'email' ? 'email' : 'document'],
    lang: document.language === 'und' ? null : document.language,
    object_refs: refs.length > 0 ? refs : [producerId(options)],
    external_references: origins(document),
    x_crosscheck_content_id: document.id,
    x_crosscheck_kind: document.kind,
    x_crosscheck_title: document.title,
    x_crosscheck_byline: document.byline,
    x_crosscheck_published_unknown: published === null || null,
  });
}

export function claimNoteId(claimId: string): string {
  return stixId('note', 'claim', claimId);
}

function explain(claim: AssessedClaim): string {
  const { cluster, assessment } = claim;
  const lines = [
    cluster.summary,
    '',
    `Admiralty grade ${admiraltyInWords(assessment.code, assessment.reliability.value, assessment.credibility.value)}` +
      (assessment.code !== assessment.derivedCode
        ? ` (analyst override; the evidence alone gives ${assessment.derivedCode})`
        : ''),
    ...[...assessment.reliability.reasons, ...assessment.credibility.reasons].map(
      (r) => `- ${r.text}`,
    ),
    '',
    'Why each document counts as it does:',
    ...cluster.reasoning.map((r) => `- ${r.documentId}: ${r.explanation}`),
  ];
  return lines.join('\n');
}

function analysts(claim: AssessedClaim, options: ExportOptions): string[] {
  const names = claim.history.map((grade) => grade.analyst);
  return [...new Set([options.organisation, ...names])];
}

/**
 * A traced claim as a note: the words, where they come from, and the reasoning behind its
 * Admiralty grade. `confidence` is the STIX Appendix A mapping of its credibility.
 */
export function claimNote(
  claim: AssessedClaim,
  refs: string[],
  times: { created: string; modified: string },
  options: ExportOptions,
): StixObject {
  const { cluster, assessment } = claim;
  const who = cluster.speaker ?? 'unattributed';
  return compact({
    type: 'note',
    id: claimNoteId(cluster.id),
    ...common(options, times),
    abstract: `${assessment.code} ${cluster.kind} (${who}): ${cluster.text.slice(0, 200)}`,
    content: `“${cluster.text}”\n\n${explain(claim)}`,
    authors: analysts(claim, options),
    object_refs: refs,
    confidence: stixConfidence(assessment.credibility.value),
    x_crosscheck_claim_id: cluster.id,
    x_crosscheck_claim_kind: cluster.kind,
    x_crosscheck_claim_text: cluster.text,
    x_crosscheck_speaker: cluster.speaker,
    x_crosscheck_admiralty: assessment.code,
    x_crosscheck_admiralty_derived: assessment.derivedCode,
    x_crosscheck_credibility_label: CREDIBILITY[assessment.credibility.value].label,
    x_crosscheck_independent_origins: cluster.independentOrigins,
    x_crosscheck_documents: cluster.documents.length,
    x_crosscheck_circular: cluster.circular,
  });
}

/** The producer's opinion of a claim's corroboration (see `stixOpinion` for the mapping). */
export function claimOpinion(
  claim: AssessedClaim,
  refs: string[],
  times: { created: string; modified: string },
  options: ExportOptions,
): StixObject {
  const { cluster, assessment } = claim;
  const opinion = stixOpinion(assessment.credibility.value, cluster.circular);
  const corroboration = cluster.circular
    ? `circular reporting: ${cluster.documents.length} documents, ${cluster.independentOrigins} independent origin(s)`
    : `${cluster.documents.length} document(s), ${cluster.independentOrigins} independent origin(s)`;
  return {
    type: 'opinion',
    id: stixId('opinion', 'claim-opinion', cluster.id),
    ...common(options, times),
    opinion,
    explanation: `${admiraltyInWords(assessment.code, assessment.reliability.value, assessment.credibility.value)}; ${corroboration}.`,
    authors: analysts(claim, options),
    object_refs: [claimNoteId(cluster.id), ...refs],
  };
}

/**
 * A provenance step between two documents: `to` reprints, quotes or cites `from`. STIX's
 * `derived-from` says exactly that (the source object's content comes from the target's);
 * the precise relation is kept in `x_crosscheck_relation`.
 */
export function provenanceRelationship(
  fromRef: string,
  toRef: string,
  relation: string,
  claimIds: string[],
  times: { created: string; modified: string },
  options: ExportOptions,
): StixObject {
  return {
    type: 'relationship',
    id: stixId('relationship', 'chain', `${toRef}>${relation}>${fromRef}`),
    ...common(options, times),
    relationship_type: 'derived-from',
    source_ref: toRef,
    target_ref: fromRef,
    description: `${relation} (claim${claimIds.length > 1 ? 's' : ''} ${claimIds.join(', ')})`,
    x_crosscheck_relation: relation,
    x_crosscheck_claims: claimIds,
  };
}

/**
 * Where and when a claim was seen: one summary sighting per claim, `count` its carrying
 * documents in the export, `first_seen` / `last_seen` the earliest and latest dated carrier.
 * The producer is the one who saw it (`where_sighted_refs` admits only identities and
 * locations); the carriers themselves travel as report refs in `x_crosscheck_carrier_refs`.
 */
export function claimSighting(
  claim: AssessedClaim,
  carriers: Array<{ id: string; date: string | null }>,
  times: { created: string; modified: string },
  options: ExportOptions,
): StixObject {
  const { cluster } = claim;
  const seen = carriers
    .map((c) => stixTimestamp(c.date))
    .filter((t): t is string => t !== null)
    .sort();
  const independent = `${cluster.independentOrigins} independent origin(s)`;
  return compact({
    type: 'sighting',
    id: stixId('sighting', 'claim-sighting', cluster.id),
    ...common(options, times),
    sighting_of_ref: claimNoteId(cluster.id),
    count: carriers.length,
    summary: true,
    first_seen: seen[0] ?? null,
    last_seen: seen.at(-1) ?? null,
    where_sighted_refs: [producerId(options)],
    description:
      `Carried by ${carriers.length} document(s), ${independent}` +
      (cluster.circular ? ': circular reporting.' : '.') +
      (cluster.origin.date ? ` Origin dated ${cluster.origin.date}.` : ''),
    x_crosscheck_carrier_refs: carriers.map((c) => reportId(c.id)),
    x_crosscheck_origin_date: cluster.origin.date,
  });
}
