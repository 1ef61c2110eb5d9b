import type { Writable } from 'node:stream';
import { foldForMatch } from '../../core/index.js';
import type { AssessedClaim } from '../../pipeline/index.js';
import { claimRating } from '../admiralty-mappings.js';
import { uuid5 } from '../ids.js';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../options.js';
import { inScope } from '../scope.js';
import type { DocumentSummary, ExportSnapshot } from '../snapshot.js';
import { compact, write } from '../write.js';

/** `YYYY-MM-DD` of an ISO date or date-time; schema.org Dates are ISO 8601 dates. */
function day(value: string | null | undefined): string | null {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

/** A carrying document as a schema.org CreativeWork: the claim's `appearance`. */
function appearance(document: DocumentSummary) {
  const url = document.origins.find((o) => /^https?:\/\//i.test(o));
  return compact({
    '@type': document.kind === 'email' ? 'EmailMessage' : 'CreativeWork',
    identifier: document.id,
    name: document.title,
    url,
    datePublished: day(document.publishedAt),
    author: document.byline ? { '@type': 'Person', name: document.byline } : null,
  });
}

/**
 * One schema.org ClaimReview (JSON-LD) for a graded claim: the words, the Admiralty grade as the
 * rating, every carrying document as an `appearance` and the earliest one, from the trace, as the
 * `firstAppearance`. The review is dated by its latest evidence (a document taken in, an analyst's
 * grade), not by the clock, so exports are reproducible.
 */
export function claimReview(
  claim: AssessedClaim,
  snapshot: ExportSnapshot,
  options: ExportOptions = DEFAULT_EXPORT_OPTIONS,
) {
  const { cluster, assessment } = claim;
  const documents = cluster.documents
    .filter((d) => inScope(snapshot.scope, d.id))
    .map((d) => snapshot.documentsById.get(d.id))
    .filter((d): d is DocumentSummary => d !== undefined);
  const earliest = snapshot.documentsById.get(cluster.earliest.documentId);
  const evidenceDates = [
    ...documents.map((d) => d.ingestedAt),
    ...claim.history.map((grade) => grade.at),
  ].sort();
  const rating = claimRating(
    assessment.code,
    assessment.reliability.value,
    assessment.credibility.value,
  );
  const speakerEntity = cluster.speaker
    ? snapshot.entities.find(
        ({ entity }) =>
          entity.type !== 'place' &&
          entity.aliases.some((a) => foldForMatch(a.name) === foldForMatch(cluster.speaker!)),
      )
    : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    '@id': `urn:uuid:${uuid5(`claimreview:${cluster.id}`)}`,
    identifier: cluster.id,
    claimReviewed: cluster.text,
    datePublished: day(evidenceDates.at(-1)) ?? undefined,
    author: { '@type': 'Organization', name: options.organisation },
    reviewBody: cluster.summary,
    reviewRating: compact({ '@type': 'Rating', ...rating }),
    itemReviewed: compact({
      '@type': 'Claim',
      author: cluster.speaker
        ? {
            '@type': speakerEntity?.entity.type === 'organization' ? 'Organization' : 'Person',
            name: cluster.speaker,
          }
        : null,
      datePublished: day(cluster.origin.date),
      appearance: documents.map(appearance),
      firstAppearance: earliest ? appearance(earliest) : null,
    }),
  };
}

export type ClaimReview = ReturnType<typeof claimReview>;

/** Streams every claim's review as one JSON-LD array, in claim id order. */
export async function writeClaimReviews(
  snapshot: ExportSnapshot,
  out: Writable,
  options: ExportOptions = DEFAULT_EXPORT_OPTIONS,
): Promise<number> {
  await write(out, '[\n');
  let count = 0;
  for (const claim of snapshot.claims) {
    const review = claimReview(claim, snapshot, options);
    await write(out, `${count > 0 ? ',\n' : ''}${JSON.stringify(review)}`);
    count++;
  }
  await write(out, '\n]\n');
  return count;
}
