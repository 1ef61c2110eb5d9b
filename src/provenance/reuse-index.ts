import { CrosscheckError } from '../core/index.js';
import { Fingerprinter, type DocumentFingerprints } from './fingerprint.js';
import { resolveReuseOptions, type ResolvedReuseOptions, type ReuseOptions } from './options.js';
import { countPairs, MAX_DOCUMENTS, type CountedPairs } from './pairs.js';
import { PostingTable } from './postings.js';
import { mightReuse, ShingleSet } from './precheck.js';
import { ReuseVerifier, type CandidatePair, type ReusePair, type ReuseReport } from './report.js';
import { ShingleSpool } from './shingle-spool.js';

export interface ReuseDocument {
  id: string;
  text: string;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) the document appeared, if known. */
  date: string | null;
}

/** Memory the index may use for its working buffers; the defaults suit a million e-mails. */
export interface IndexMemory {
  /** Shingle hashes kept in memory before they spill to a scratch file (shingle-spool.ts). */
  spoolBytes?: number;
  /** Candidate-pair sightings sorted at a time (pairs.ts); fewer means more passes over them. */
  pairBuffer?: number;
}

/** Candidate pairs read by a verification, and those aligned on their texts after the pre-check. */
export interface VerificationCounts {
  candidates: number;
  aligned: number;
}

/** A pair proposed by the indexes, before alignment checks it. */
export interface IndexedCandidate extends CandidatePair {
  /** Winnowed passage fingerprints the two documents share (0: proposed by LSH only). */
  sharedFingerprints: number;
  /** MinHash LSH bands the two documents share (0: proposed by the passage index only). */
  sharedBands: number;
}

/**
 * Finds text reuse across a stream of documents in two passes: `add` every document (its text is
 * fingerprinted and dropped), then `verify` with a way to fetch texts again. Two indexes propose
 * candidate pairs:
 *
 * - a passage index of winnowed shingle fingerprints (winnow.ts): any two documents sharing a run
 *   of `minPassageWords` words share a fingerprint, however long the documents around it;
 * - MinHash LSH over whole documents (minhash.ts, lsh.ts): near-duplicates whose edits are too
 *   dense to leave a long verbatim run.
 *
 * Memory per document: its id and date, ~2/(w+1) postings per word for passages and one per band,
 * 12 bytes each, and its shingle hashes (4 bytes a word) in a spool that spills to a scratch file
 * past 256 MB (shingle-spool.ts). A million 330-word e-mails hold ~35 M passage and 25 M band postings (720 MB).
 * Candidate pairs are counted in typed arrays, 12 bytes per distinct pair (pairs.ts), by the
 * documents' rank in id order, not their insertion order, which a parallel ingest shuffles (one
 * sort of the ids and 4 bytes a document per reading), and made into objects only one at a time
 * as verification reads them; verified passages keep copies of their text, never the documents
 * they were cut from (detach.ts).
 */
export class ReuseIndex {
  readonly options: ResolvedReuseOptions;
  private readonly fingerprinter: Fingerprinter;
  private readonly ids: string[] = [];
  private readonly dates: Array<string | null> = [];
  private readonly numbers = new Map<string, number>();
  private readonly passageTable = new PostingTable();
  private readonly bandTable = new PostingTable();
  /** Every document's shingle hashes and their distinct count, for the pre-check. */
  private readonly spool: ShingleSpool;
  private readonly distinctShingles: number[] = [];
  private counts: VerificationCounts = { candidates: 0, aligned: 0 };
  /** Set once `takeCandidates` has let the posting tables go. */
  private postingsTaken = false;

  /** Sightings of candidate pairs sorted at a time (pairs.ts). */
  private readonly pairBuffer: number | undefined;

  constructor(options: ReuseOptions = {}, memory: IndexMemory = {}) {
    this.options = resolveReuseOptions(options);
    this.fingerprinter = new Fingerprinter(this.options);
    this.spool = new ShingleSpool(memory.spoolBytes);
    this.pairBuffer = memory.pairBuffer;
  }

  /** How many candidates the last verification read, and how many the pre-check let through. */
  get verification(): VerificationCounts {
    return { ...this.counts };
  }

  /** Lets the shingle spool's memory and scratch file go; the index cannot verify after this. */
  close(): void {
    this.spool.close();
  }

  get size(): number {
    return this.ids.length;
  }

  /** Bytes held by the two posting tables (ids and dates not counted). */
  get postingBytes(): number {
    return this.passageTable.bytes + this.bandTable.bytes;
  }

  add(document: ReuseDocument): void {
    this.addFingerprints(document.id, document.date, this.fingerprinter.fingerprint(document.text));
  }

  /** Adds a document fingerprinted elsewhere (a worker) by `createFingerprinter`'s function. */
  addFingerprints(id: string, date: string | null, fingerprints: DocumentFingerprints): void {
    this.assertPostings();
    if (this.numbers.has(id)) {
      throw new CrosscheckError('CONFLICT', `document ${id} was added to the reuse index twice`, {
        hint: 'add each document once; ids are content hashes, so a repeat is the same bytes',
      });
    }
    const number = this.ids.length;
    if (number >= MAX_DOCUMENTS) {
      throw new CrosscheckError(
        'INVALID_ARGUMENT',
        `the reuse index holds at most ${MAX_DOCUMENTS} documents`,
        {
          hint: 'split the corpus into batches',
        },
      );
    }
    this.ids.push(id);
    this.dates.push(date);
    this.numbers.set(id, number);
    this.spool.append(fingerprints.shingles);
    this.distinctShingles.push(fingerprints.distinctShingles);
    const { passages, bands } = fingerprints;
    for (let i = 0; i < passages.primary.length; i += 1) {
      this.passageTable.add(passages.primary[i]!, passages.check[i]!, number);
    }
    for (let i = 0; i < bands.primary.length; i += 1) {
      this.bandTable.add(bands.primary[i]!, bands.check[i]!, number);
    }
  }

  private assertPostings(): void {
    if (this.postingsTaken) {
      throw new CrosscheckError(
        'INVALID_ARGUMENT',
        'the reuse index let its postings go when its candidates were taken',
        { hint: 'take the candidates once, last; use candidates() to read them more than once' },
      );
    }
  }

  dateOf(id: string): string | null {
    const number = this.numbers.get(id);
    return number === undefined ? null : this.dates[number]!;
  }

  /**
   * Candidate pairs from both indexes, each with the smaller id first, ordered by (a, b) in id
   * order: the same documents give the same candidates in the same order, whatever order they
   * were added in.
   */
  candidatePairs(): IndexedCandidate[] {
    return [...this.candidates()];
  }

  /**
   * `candidatePairs` one at a time: the pairs are counted in typed arrays (12 bytes a pair) and an
   * object is made only as each is read, so a corpus's millions of candidates never sit in memory
   * as objects. Counted afresh on every iteration.
   */
  candidates(): Iterable<IndexedCandidate> {
    return { [Symbol.iterator]: () => this.mergedCandidates(false) };
  }

  /**
   * `candidates`, counted once, letting each posting table go as soon as its pairs are counted:
   * at 1,000,000 e-mails the tables are ~700 MB, and verification, which takes longest, needs
   * only the counted pairs. Afterwards the index can verify but not propose candidates again, and
   * documents can no longer be added.
   */
  takeCandidates(): Iterable<IndexedCandidate> {
    this.assertPostings();
    return this.mergedCandidates(true);
  }

  private *mergedCandidates(release: boolean): Generator<IndexedCandidate> {
    this.assertPostings();
    const { rankOf, idAt } = this.idOrder();
    // Bands first: their pairs are few, and their table can go before the passages are counted.
    const bandPairs = this.pairsSharingKeys(this.bandTable, rankOf);
    if (release) this.bandTable.clear();
    const passagePairs = this.pairsSharingKeys(this.passageTable, rankOf);
    if (release) {
      this.passageTable.clear();
      this.postingsTaken = true;
    }
    const fromPassages = passagePairs[Symbol.iterator]();
    const fromBands = bandPairs[Symbol.iterator]();
    let p = fromPassages.next();
    let q = fromBands.next();
    while (!p.done || !q.done) {
      const order = q.done ? -1 : p.done ? 1 : p.value.a - q.value.a || p.value.b - q.value.b;
      const pair = order <= 0 ? p.value! : q.value!;
      yield {
        a: idAt[pair.a]!,
        b: idAt[pair.b]!,
        sharedFingerprints: order <= 0 ? p.value!.count : 0,
        sharedBands: order >= 0 ? q.value!.count : 0,
      };
      if (order <= 0) p = fromPassages.next();
      if (order >= 0) q = fromBands.next();
    }
  }

  /**
   * Aligns every candidate pair that the hash pre-check (precheck.ts) cannot rule out, with texts
   * fetched through `getText` (which may re-read the store, and must return the texts as added),
   * and groups the shared passages across documents.
   */
  verify(
    getText: (id: string) => string,
    candidates: Iterable<CandidatePair> = this.candidates(),
  ): ReuseReport {
    const verifier = this.verifier();
    const worthAligning = this.precheck();
    for (const { a, b } of candidates) {
      if (worthAligning(a, b)) verifier.check(a, getText(a), b, getText(b));
    }
    return verifier.report(getText);
  }

  /**
   * `verify` for stores that read asynchronously. Texts are fetched one pair at a time. With
   * `onPair`, each pair is handed over as it is verified and none is kept: the report's `pairs`
   * is then empty, and memory follows the passages found, not the pairs.
   */
  async verifyAsync(
    getText: (id: string) => Promise<string>,
    candidates: Iterable<CandidatePair> = this.candidates(),
    onPair?: (pair: ReusePair) => void,
  ): Promise<ReuseReport> {
    const verifier = this.verifier(onPair);
    const worthAligning = this.precheck();
    let last: { id: string; text: string } | undefined;
    for (const { a, b } of candidates) {
      if (!worthAligning(a, b)) continue;
      // Candidates are grouped by `a`: fetch it once per group.
      if (last?.id !== a) last = { id: a, text: await getText(a) };
      verifier.check(a, last.text, b, await getText(b));
    }
    return verifier.reportAsync(getText);
  }

  /**
   * A test of one candidate pair on the spooled hashes, false when verification could not keep
   * it. Candidates come grouped by their first document, whose hash set is built once per group.
   * A pair with a document the index never saw is let through.
   */
  private precheck(): (a: string, b: string) => boolean {
    this.counts = { candidates: 0, aligned: 0 };
    const counts = this.counts;
    const aSet = new ShingleSet();
    const bSet = new ShingleSet();
    let aNumber = -1;
    let aHashes = new Uint32Array(0);
    return (a, b) => {
      counts.candidates += 1;
      const x = this.numbers.get(a);
      const y = this.numbers.get(b);
      let keep = true;
      if (x !== undefined && y !== undefined) {
        if (aNumber !== x) {
          // A copy: the spool may reuse its buffer for the next read.
          aHashes = this.spool.read(x).slice();
          aSet.fill(aHashes);
          aNumber = x;
        }
        const bHashes = this.spool.read(y);
        // The condition holds both ways round; the cheap way first (a's set is built once per
        // group), then the other way for the few pairs left, which halves those aligned.
        keep =
          mightReuse(aSet, bHashes, this.distinctShingles[y]!, this.options) &&
          mightReuse(bSet.fill(bHashes), aHashes, this.distinctShingles[x]!, this.options);
      }
      if (keep) counts.aligned += 1;
      return keep;
    };
  }

  private verifier(onPair?: (pair: ReusePair) => void): ReuseVerifier {
    return new ReuseVerifier(
      this.options,
      (text) => this.fingerprinter.prepare(text),
      (id) => this.dateOf(id),
      onPair,
    );
  }

  /**
   * Each document's rank among the ids (`rankOf[number]`) and the ids in that order (`idAt`).
   * Document numbers follow insertion order, which a parallel ingest shuffles from run to run;
   * pairs are counted and read by rank instead, so that what is found, and in what order, depends
   * on the documents alone. One sort of the ids per read of the candidates.
   */
  private idOrder(): { rankOf: Uint32Array; idAt: string[] } {
    // The default sort compares UTF-16 code units, like `<`: no locale involved.
    const idAt = [...this.ids].sort();
    const rankOf = new Uint32Array(idAt.length);
    for (let rank = 0; rank < idAt.length; rank += 1) rankOf[this.numbers.get(idAt[rank]!)!] = rank;
    return { rankOf, idAt };
  }

  /**
   * Pairs of documents sharing a key, counted by rank (`rankOf`). A key shared by more than
   * `maxCliqueDocuments` documents yields the star around the one with the smallest id, not
   * around the first added: the same star whatever the order the documents came in.
   */
  private pairsSharingKeys(table: PostingTable, rankOf: Uint32Array): CountedPairs {
    const clique = this.options.maxCliqueDocuments;
    const sightings = (see: (x: number, y: number) => void): void => {
      for (const documents of table.groups()) {
        if (documents.length <= clique) {
          for (let x = 0; x < documents.length; x += 1) {
            const rank = rankOf[documents[x]!]!;
            for (let y = x + 1; y < documents.length; y += 1) see(rank, rankOf[documents[y]!]!);
          }
        } else {
          let hub = rankOf[documents[0]!]!;
          for (let y = 1; y < documents.length; y += 1) hub = Math.min(hub, rankOf[documents[y]!]!);
          for (let y = 0; y < documents.length; y += 1) see(hub, rankOf[documents[y]!]!);
        }
      }
    };
    return countPairs(sightings, rankOf.length, { bufferPairs: this.pairBuffer });
  }
}

/**
 * A function that fingerprints texts exactly as `ReuseIndex.add` does with the same options, for
 * use off the main thread: workers fingerprint, the index thread calls `addFingerprints`.
 */
export function createFingerprinter(
  options: ReuseOptions = {},
): (text: string) => DocumentFingerprints {
  const fingerprinter = new Fingerprinter(resolveReuseOptions(options));
  return (text) => fingerprinter.fingerprint(text);
}

/** Reuse across an in-memory collection: index, verify, group. Texts are kept until it returns. */
export function findReuse(
  documents: Iterable<ReuseDocument>,
  options: ReuseOptions = {},
): ReuseReport {
  const index = new ReuseIndex(options);
  const texts = new Map<string, string>();
  for (const document of documents) {
    index.add(document);
    texts.set(document.id, document.text);
  }
  try {
    return index.verify((id) => {
      const text = texts.get(id);
      if (text === undefined) throw new CrosscheckError('NOT_FOUND', `no text for document ${id}`);
      return text;
    });
  } finally {
    index.close();
  }
}
