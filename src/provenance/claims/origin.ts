import { foldForMatch } from '../../core/index.js';
import type { DocumentInfo } from './documents.js';
import type { ClaimMember, ClaimOrigin } from './types.js';

/**
 * The cluster's speaker: the one named by the most carrying documents; a tie goes to the one the
 * earliest document names. Members are in document order.
 */
export function chooseSpeaker(members: readonly ClaimMember[]): string | null {
  const votes = new Map<string, { name: string; documents: Set<string>; first: number }>();
  members.forEach((member, position) => {
    if (member.speaker === null) return;
    const key = foldForMatch(member.speaker);
    const entry = votes.get(key) ?? { name: member.speaker, documents: new Set(), first: position };
    entry.documents.add(member.documentId);
    votes.set(key, entry);
  });
  let best: { name: string; documents: Set<string>; first: number } | null = null;
  for (const entry of votes.values()) {
    if (
      !best ||
      entry.documents.size > best.documents.size ||
      (entry.documents.size === best.documents.size && entry.first < best.first)
    ) {
      best = entry;
    }
  }
  return best?.name ?? null;
}

/**
 * Where the words come from:
 * 1. an intelligence e-mail in the corpus that carries them as its own text (an unmarked reprint)
 *    or whose CODE is the cluster's speaker — the leaked e-mail itself (the sample's MX7 report);
 * 2. else the speaker the carriers name, dated by the most precise date any carrier gives
 *    (003's "An April 19, 2010, email" sharpens 001's "a 2010 e-mail");
 * 3. else the earliest carrier: with nobody named, the first appearance is all we know.
 */
export function findOrigin(
  members: readonly ClaimMember[],
  documents: readonly DocumentInfo[],
  speaker: string | null,
): ClaimOrigin {
  const folded = speaker === null ? null : foldForMatch(speaker);
  const reprinting = new Set(members.filter((m) => m.kind === 'reprint').map((m) => m.documentId));
  const intelOrigin = documents.find(
    (doc) =>
      doc.intelCode !== null && (foldForMatch(doc.intelCode) === folded || reprinting.has(doc.id)),
  );
  if (intelOrigin) {
    return {
      speaker: intelOrigin.intelCode,
      documentId: intelOrigin.id,
      date: intelOrigin.date,
      datedBy: intelOrigin.date ? intelOrigin.id : null,
      description: `${intelOrigin.intelCode}'s report ${label(intelOrigin)}, in the corpus`,
    };
  }
  if (speaker !== null) {
    const dated = mostPreciseDate(members);
    const when = dated ? `, ${dated.saidOn} (dated by ${dated.documentId})` : '';
    return {
      speaker,
      documentId: null,
      date: dated?.saidOn ?? null,
      datedBy: dated?.documentId ?? null,
      description: `${speaker}${when}; the original is not in the corpus`,
    };
  }
  const first = documents[0]!;
  return {
    speaker: null,
    documentId: first.id,
    date: first.date,
    datedBy: first.date ? first.id : null,
    description: `no speaker named; first appears in ${label(first)}`,
  };
}

function label(doc: DocumentInfo): string {
  const title = doc.title ? ` “${doc.title}”` : '';
  return `${doc.id}${title}${doc.date ? ` (${doc.date.slice(0, 10)})` : ''}`;
}

/** The longest (most precise) `saidOn`; among equally precise ones, the earliest. */
function mostPreciseDate(
  members: readonly ClaimMember[],
): { saidOn: string; documentId: string } | null {
  let best: { saidOn: string; documentId: string } | null = null;
  for (const m of members) {
    if (m.saidOn === null) continue;
    if (
      !best ||
      m.saidOn.length > best.saidOn.length ||
      (m.saidOn.length === best.saidOn.length && m.saidOn < best.saidOn)
    ) {
      best = { saidOn: m.saidOn, documentId: m.documentId };
    }
  }
  return best;
}
