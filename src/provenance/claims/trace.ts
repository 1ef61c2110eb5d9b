import { contentId, CrosscheckError, DenseUnionFind } from '../../core/index.js';
import type { ReuseReport } from '../report.js';
import { buildCluster } from './build-cluster.js';
import { byAppearance, type DocumentInfo } from './documents.js';
import { DocumentTable } from './document-table.js';
import { KeyTable } from './key-table.js';
import { matchStatements } from './matcher.js';
import { resolveTraceOptions, type ResolvedTraceOptions, type TraceOptions } from './options.js';
import { IntLists } from './int-lists.js';
import { joinWithinPassages } from './passage-links.js';
import {
  readStatements,
  type Occurrence,
  type PassageLink,
  type Statement,
  type StatementSink,
} from './statements.js';
import { StatementGroups } from './statement-groups.js';
import { StatementTable } from './statement-table.js';
import { CarriedPairs } from './carried-pairs.js';
import { TrimmedCopies } from './trimmed-copies.js';
import type { Place } from './places.js';
import type { ClaimCluster, ClaimTrace, ProvenanceDocument } from './types.js';

/**
 * Where building the clusters has got to, for a progress report: every statement matched; trimmed
 * copies joined to their originals; the clusters' groups and carriers gathered and the keys let
 * go (the clusters are built after, one at a time as they are asked for).
 */
export type ClaimTracePhase = 'matched' | 'joined' | 'grouped';

/**
 * Quote and claim provenance across a corpus: clusters the quotes, reported claims and reprinted
 * passages that say the same words, and for each cluster finds the earliest appearance, the
 * origin, the chain of who cites whom, and how many independent origins stand behind it.
 *
 * A cluster is a set of copies (peers) with their trimmed copies; a longer statement that prints
 * the words among others of its own — a reprinted e-mail, a claim around a quote — is a member of
 * each cluster whose words it carries without merging them: "same words" is not transitive through
 * a statement that says several things, and treating it so once chained a generated corpus of
 * 10,000 e-mails into one cluster over 6,431 of them.
 *
 * Documents are read once and dropped: only their statements (spans, speakers, cited sources)
 * and the statements' shingle keys (one flat table) are kept. Matching is near-linear
 * (matcher.ts). Read them in id order for answers that do not depend on how they were stored: a
 * quotation carried by more than `maxPostings` documents is looked up among its first carriers
 * only, in reading order (the store hands the pipeline its documents in id order).
 */
export function traceClaims(
  documents: Iterable<ProvenanceDocument>,
  reuse: ReuseReport,
  options: TraceOptions = {},
): ClaimTrace {
  const tracer = new ClaimTracer(reuse, options);
  for (const document of documents) tracer.add(document);
  return tracer.finish();
}

/**
 * `traceClaims` one document at a time, for callers that read documents as a stream (from a
 * store, asynchronously): each is read into its statements and can be let go at once, so memory
 * follows the statements, not the corpus's texts. Statements and documents are kept in columns
 * (statement-table.ts, document-table.ts), mostly outside V8's heap.
 */
export class ClaimTracer {
  private readonly resolved: ResolvedTraceOptions;
  private readonly occurrences: Map<string, Occurrence[]>;
  private readonly documents = new DocumentTable();
  private readonly sink: StatementSink = {
    table: new StatementTable(),
    keys: new KeyTable(),
    markers: new KeyTable(),
  };
  private readonly links: PassageLink[] = [];
  private clustersAsked = false;

  constructor(reuse: Pick<ReuseReport, 'passages'>, options: TraceOptions = {}) {
    this.resolved = resolveTraceOptions(options);
    this.occurrences = occurrencesByDocument(reuse);
  }

  add(document: ProvenanceDocument): void {
    if (this.clustersAsked) {
      throw new CrosscheckError('INVALID_ARGUMENT', 'the claim tracer has built its clusters', {
        hint: 'add every document before asking for the clusters; trace again to add more',
      });
    }
    const number = this.documents.add(document);
    const occurrences = this.occurrences.get(document.id) ?? [];
    for (const link of readStatements(document, number, occurrences, this.sink, this.resolved)) {
      this.links.push(link);
    }
  }

  /** Every cluster, the most widely carried first. */
  finish(): ClaimTrace {
    return { clusters: [...this.clusters()].sort(byReach) };
  }

  /**
   * The clusters one at a time, in no particular order, each built only when asked for: a store
   * can write each and let it go. Built all at once, the clusters of 300,000 e-mails did not fit
   * in V8's 4 GB heap. Once only: the statements' keys are let go once they are matched.
   */
  clusters(onPhase: (phase: ClaimTracePhase) => void = () => {}): Generator<ClaimCluster> {
    // Every document is read: where the reused passages occur is in the links now.
    this.clustersAsked = true;
    this.occurrences.clear();
    this.documents.trim();
    this.sink.table.trim();
    this.sink.keys.trim();
    this.sink.markers.trim();
    return clusterStatements(this.sink, this.links, this.documents, this.resolved, onPhase);
  }
}

function* clusterStatements(
  { table: statements, keys, markers }: StatementSink,
  links: PassageLink[],
  documents: DocumentTable,
  resolved: ResolvedTraceOptions,
  onPhase: (phase: ClaimTracePhase) => void,
): Generator<ClaimCluster> {
  // Statements are numbered densely from 0, so their sets live in arrays: string-keyed maps were
  // a third of the trace's time at 30,000 documents.
  const sets = new DenseUnionFind();
  for (let i = 0; i < statements.size; i += 1) sets.add();
  const carried = new CarriedPairs((statement) => statements.kind(statement), keys);
  const parts = new TrimmedCopies();
  matchStatements(
    keys,
    resolved,
    (a, b, relation) => {
      if (relation === 'peers') sets.union(a, b);
      else if (relation === 'part') {
        if (keys.length(a) < keys.length(b)) parts.add(a, b);
        else parts.add(b, a);
      } else if (relation === 'carries') carried.add(a, b);
      // Quotation marks promise verbatim words, so a shared run of ten means one source text;
      // reported speech sharing as much is a formula ("…, according to a person familiar with").
      else if (statements.kind(a) === 'quote' && statements.kind(b) === 'quote') {
        carried.addMutual(a, b);
      }
    },
    (statement) => sets.find(statement),
    markers,
  );
  onPhase('matched');
  // Two documents printing one reused passage carry each other's words at that place; the place is
  // too loose a match (30% overlap) to merge clusters on, so it only carries.
  joinWithinPassages(links, (a, b) => carried.add(a, b));
  const placeOf = (statement: number): Place => ({
    documentId: documents.id(statements.document(statement)),
    start: statements.start(statement),
  });
  const ranks = documents.idRanks();
  // By document id, then offset (an order that does not depend on reading order), without making
  // a place of either.
  const compareStatements = (a: number, b: number): number =>
    ranks[statements.document(a)]! - ranks[statements.document(b)]! ||
    statements.start(a) - statements.start(b);
  parts.resolve(sets, carried, statements.size, compareStatements, (statement) =>
    keys.length(statement),
  );
  onPhase('joined');

  const passages = IntLists.build(
    statements.size,
    links.length,
    (i) => links[i]!.statement,
    (i) => links[i]!.group,
  );
  links.length = 0;
  const groups = new StatementGroups(statements.size, (statement) => sets.find(statement));
  const enclosingOf = carried.byCluster(statements.size, (statement) => sets.find(statement));
  // Everything is matched: the clusters are built without the keys.
  keys.release();
  markers.release();
  onPhase('grouped');

  const chosen = chooseGroups(groups, statements, enclosingOf, compareStatements, resolved);
  // In the order of where each cluster's own words first are (a statement is a peer of one
  // cluster only), so that which of two clusters saying the same few words keeps the plain id
  // does not depend on the order documents were read in.
  const order = Uint32Array.from(chosen.groups.keys()).sort((a, b) =>
    compareStatements(chosen.firsts[a]!, chosen.firsts[b]!),
  );
  const taken = new Set<string>();
  for (const at of order) {
    const group = chosen.groups[at]!;
    const place = placeOf(chosen.firsts[at]!);
    const infos = new Map<string, DocumentInfo>();
    const asStatement = (s: number): Statement => {
      const document = statements.document(s);
      const id = documents.id(document);
      if (!infos.has(id)) infos.set(id, documents.info(document));
      return statements.statement(s, id);
    };
    const peers = Array.from(groups.members(group), asStatement);
    const enclosing = Array.from(enclosingOf.of(groups.root(group)), asStatement);
    const cluster = buildCluster(
      peers,
      enclosing,
      infos,
      (i) => Array.from(passages.of(i)),
      resolved,
    );
    cluster.id = uniqueId(cluster.id, place, taken);
    yield cluster;
  }
}

/**
 * Which groups become clusters, each with the statement where its own words first are, before
 * any statement is made an object again: reprinted prose that nobody quotes or attributes is
 * reuse, not a claim (provenance/ reports it), and words carried by one document only are traced
 * only when asked for. In two flat arrays: an object and a place a cluster were over 100 MB at
 * 1,000,000 e-mails.
 */
function chooseGroups(
  groups: StatementGroups,
  statements: StatementTable,
  enclosingOf: IntLists,
  compareStatements: (a: number, b: number) => number,
  resolved: ResolvedTraceOptions,
): { groups: Uint32Array; firsts: Uint32Array } {
  const chosenGroups = new Uint32Array(groups.size);
  const firsts = new Uint32Array(groups.size);
  let count = 0;
  const carrying = new Set<number>();
  for (let group = 0; group < groups.size; group += 1) {
    const peers = groups.members(group);
    if (peers.every((s) => statements.kind(s) === 'reprint')) continue;
    if (!resolved.includeSingletons) {
      carrying.clear();
      for (const s of peers) carrying.add(statements.document(s));
      for (const s of enclosingOf.of(groups.root(group))) carrying.add(statements.document(s));
      if (carrying.size === 1) continue;
    }
    let first = peers[0]!;
    for (const s of peers) if (compareStatements(s, first) < 0) first = s;
    chosenGroups[count] = group;
    firsts[count] = first;
    count += 1;
  }
  return { groups: chosenGroups.slice(0, count), firsts: firsts.slice(0, count) };
}

/** The most widely carried first, then the earliest, then by where the words are. */
function byReach(a: ClaimCluster, b: ClaimCluster): number {
  return (
    b.documents.length - a.documents.length ||
    byAppearance(
      { date: a.earliest.date, id: a.earliest.documentId },
      { date: b.earliest.date, id: b.earliest.documentId },
    ) ||
    a.members[0]!.start - b.members[0]!.start ||
    (a.id < b.id ? -1 : 1)
  );
}

/**
 * A cluster's id is a hash of its kind, speaker and words, so it survives re-tracing and keeps
 * its analyst grades. Words too short to be matched (a bare "the" an extractor took for a claim)
 * can leave two clusters saying the same; the first keeps the id, the others take one that also
 * names where their own words are, so every id stays unique and stable.
 */
function uniqueId(id: string, place: Place, taken: Set<string>): string {
  const unique = taken.has(id)
    ? contentId(`${id}\n${place.documentId}:${place.start}`).slice(0, 16)
    : id;
  taken.add(unique);
  return unique;
}

function occurrencesByDocument(reuse: Pick<ReuseReport, 'passages'>): Map<string, Occurrence[]> {
  const byDocument = new Map<string, Occurrence[]>();
  reuse.passages.forEach((passage, group) => {
    for (const o of passage.occurrences) {
      const list = byDocument.get(o.documentId) ?? [];
      list.push({ group, start: o.start, end: o.end });
      byDocument.set(o.documentId, list);
    }
  });
  return byDocument;
}
