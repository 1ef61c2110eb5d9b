import { contentId, foldForMatch } from '../../core/index.js';
import { carriersOf } from './carriers.js';
import { buildChain } from './chain.js';
import { firstIntermediary } from './citations.js';
import { byAppearance, type DocumentInfo } from './documents.js';
import { weighIndependence } from './independence.js';
import type { ResolvedTraceOptions } from './options.js';
import { chooseSpeaker, findOrigin } from './origin.js';
import type { Statement } from './statements.js';
import type { ClaimCluster, ClaimMember } from './types.js';

/**
 * Turns one set of matched statements into a cluster: who said it first, who copied whom, how many
 * origins. The peers say the words (their fullest version is the cluster's text); the enclosing
 * statements print them inside something longer and count as members, carrying documents and
 * origins like the peers.
 */
export function buildCluster(
  peers: readonly Statement[],
  enclosing: readonly Statement[],
  documentsById: ReadonlyMap<string, DocumentInfo>,
  passagesOf: (statement: number) => readonly number[],
  options: ResolvedTraceOptions,
): ClaimCluster {
  const statements = enclosing.length === 0 ? peers : [...peers, ...enclosing];
  const documents = [...new Set(statements.map((s) => s.documentId))]
    .map((id) => documentsById.get(id)!)
    .sort(byAppearance);
  const order = new Map(documents.map((d, i) => [d.id, i]));
  const sorted = [...statements].sort(
    (a, b) => order.get(a.documentId)! - order.get(b.documentId)! || a.start - b.start,
  );
  const statementOf = new Map<ClaimMember, Statement>();
  const enclosingSet = new Set(enclosing);
  const members = sorted.map((s) => ({
    documentId: s.documentId,
    start: s.start,
    end: s.end,
    text: s.text,
    kind: s.kind,
    speaker: s.speaker,
    date: documentsById.get(s.documentId)!.date,
    saidOn: s.saidOn,
    citedSource: null as string | null,
    citedCue: null as string | null,
    citedScope: null as ClaimMember['citedScope'],
    encloses: enclosingSet.has(s),
  }));
  members.forEach((m, i) => statementOf.set(m, sorted[i]!));

  const speaker = chooseSpeaker(members);
  // The speaker is not an intermediary: "MX7 files from" near MX7's own words cites nobody.
  for (const m of members) {
    const cited = firstIntermediary(statementOf.get(m)!.citedVia, [m.speaker, speaker]);
    m.citedSource = cited?.name ?? null;
    m.citedCue = cited?.cue ?? null;
    m.citedScope = cited?.scope ?? null;
  }
  const kind = peers.some((s) => s.kind === 'quote') ? 'quote' : 'claim';
  const text = representative(peers);
  const origin = findOrigin(members, documents, speaker);
  const carriers = carriersOf(documents, members);
  const independence = weighIndependence(
    carriers,
    speaker,
    origin,
    (m) => passagesOf(statementOf.get(m)!.index),
    options,
  );
  const earliest = documents[0]!;
  const cluster: ClaimCluster = {
    id: contentId(`${kind}\n${foldForMatch(speaker ?? '')}\n${foldForMatch(text)}`).slice(0, 16),
    kind,
    text,
    speaker,
    members,
    documents: documents.map(({ id, title, date, kind: documentKind }) => ({
      id,
      title,
      date,
      kind: documentKind,
    })),
    earliest: { documentId: earliest.id, date: earliest.date },
    origin,
    chain: buildChain(carriers, origin, independence.originGroups),
    ...independence,
    summary: '',
  };
  cluster.summary = summarize(cluster);
  return cluster;
}

/** The longest quoted or reported version: the fullest text any peer gives. */
function representative(peers: readonly Statement[]): string {
  let best: Statement | null = null;
  for (const m of peers) {
    if (m.kind === 'reprint') continue;
    if (!best || m.text.length > best.text.length) best = m;
  }
  return (best ?? peers[0]!).text.replace(/\s+/g, ' ').trim();
}

/** The cluster's one-line summary: a function of its other fields (the store rebuilds it on read). */
export function summarize(cluster: Omit<ClaimCluster, 'summary'>): string {
  const n = cluster.documents.length;
  const k = cluster.independentOrigins;
  const carried = `${n} document${n === 1 ? '' : 's'} carry this ${cluster.kind}`;
  const by = cluster.speaker ? ` attributed to ${cluster.speaker}` : '';
  const rest = `${k} independent origin${k === 1 ? '' : 's'}`;
  const circular = cluster.circular
    ? ` Circular reporting: ${n} carriers but ${k === 1 ? 'one origin' : `${k} origins`}; repetition is not corroboration.`
    : '';
  return `${carried}${by}, resting on ${rest}. Origin: ${cluster.origin.description}.${circular}`;
}
