import { foldForMatch } from '../../core/index.js';
import type { ClaimDocument, ProvenanceDocument } from './types.js';

/** What tracing keeps of a document once its statements are read: no text, no extraction. */
export interface DocumentInfo extends ClaimDocument {
  origin: string | null;
  intelCode: string | null;
}

export function documentInfo(
  document: Pick<ProvenanceDocument, 'id' | 'title' | 'date' | 'kind' | 'origin' | 'intel'>,
): DocumentInfo {
  const origin = document.origin ?? null;
  return {
    id: document.id,
    title: document.title,
    date: document.date,
    kind: document.kind,
    origin,
    intelCode: document.intel?.code ?? null,
  };
}

/**
 * Folded words of the title and origin path, to recognise the document when an outlet is cited.
 * Made only when a cluster's carriers are searched for a cited name, not for every carrier of
 * every cluster.
 */
export function nameWords(document: Pick<DocumentInfo, 'title' | 'origin'>): Set<string> {
  return new Set(foldForMatch(`${document.title ?? ''} ${document.origin ?? ''}`).split(' '));
}

/** Earliest first: dated before undated (an undated copy proves nothing about order), ties by id. */
export function byAppearance(
  a: { date: string | null; id: string },
  b: { date: string | null; id: string },
): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    // ISO dates of any precision compare as strings; compare on the common precision.
    const length = Math.min(a.date.length, b.date.length, 10);
    const order = a.date.slice(0, length).localeCompare(b.date.slice(0, length));
    if (order !== 0) return order;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const NAME_STOPWORDS = new Set(['the', 'el', 'la', 'los', 'las', 'de', 'del', 'of', 'and', 'y']);

/**
 * Finds the document an outlet name refers to among a cluster's carriers, in appearance order:
 * every significant word of "The Border Ledger" must occur in the title or the file name
 * (`news/2012-04-03-border-ledger-meridian-files.html`), and of the carriers that appeared before
 * the citing one the latest wins — the nearest predecessor is the likeliest one read. A heuristic:
 * outlets are not resolved entities yet. Each distinct name is matched once, by intersecting the
 * carriers' word lists (an inverted index): testing every carrier for every name made a cluster of
 * thousands of carriers, each citing its own source, quadratic.
 */
export class CarrierIndex {
  private readonly positionsByName = new Map<string, number[]>();
  /** Per word of a title or origin, the positions of the carriers that have it, ascending. */
  private carriersByWord: Map<string, number[]> | null = null;

  constructor(private readonly documents: readonly DocumentInfo[]) {}

  /** The latest carrier before `position` that `name` designates, or null. */
  before(name: string, position: number): DocumentInfo | null {
    const positions = this.positionsOf(name);
    let lo = 0;
    let hi = positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (positions[mid]! < position) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? null : this.documents[positions[lo - 1]!]!;
  }

  /** By the name as written: the same outlet is cited thousands of times in a large cluster. */
  private positionsOf(name: string): number[] {
    let positions = this.positionsByName.get(name);
    if (!positions) {
      const words = foldForMatch(name)
        .split(' ')
        .filter((w) => w.length > 0 && !NAME_STOPWORDS.has(w));
      positions = words.length === 0 ? [] : this.carriersWithAll(words);
      this.positionsByName.set(name, positions);
    }
    return positions;
  }

  /** Positions of the carriers whose name words include every one of `words`, ascending. */
  private carriersWithAll(words: string[]): number[] {
    const index = this.wordIndex();
    const lists = words.map((w) => index.get(w) ?? []).sort((a, b) => a.length - b.length);
    let result = lists[0]!;
    for (const list of lists.slice(1)) {
      if (result.length === 0) break;
      result = intersectAscending(result, list);
    }
    return result === lists[0] ? [...result] : result;
  }

  private wordIndex(): Map<string, number[]> {
    if (!this.carriersByWord) {
      const index = new Map<string, number[]>();
      this.documents.forEach((doc, i) => {
        for (const word of nameWords(doc)) {
          const list = index.get(word);
          if (list) list.push(i);
          else index.set(word, [i]);
        }
      });
      this.carriersByWord = index;
    }
    return this.carriersByWord;
  }
}

function intersectAscending(a: readonly number[], b: readonly number[]): number[] {
  const both: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both.push(a[i]!);
      i += 1;
      j += 1;
    } else if (a[i]! < b[j]!) i += 1;
    else j += 1;
  }
  return both;
}
