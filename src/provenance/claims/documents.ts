import { foldForMatch } from '../../core/index.js';
import type { ClaimDocument, ProvenanceDocument } from './types.js';

/** What tracing keeps of a document once its statements are read: no text, no extraction. */
export interface DocumentInfo extends ClaimDocument {
  origin: string | null;
  intelCode: string | null;
  /** Folded words of the title and origin path, to recognise the document when an outlet is cited. */
  nameWords: Set<string>;
}

export function documentInfo(document: ProvenanceDocument): DocumentInfo {
  const origin = document.origin ?? null;
  return {
    id: document.id,
    title: document.title,
    date: document.date,
    kind: document.kind,
    origin,
    intelCode: document.intel?.code ?? null,
    nameWords: new Set(foldForMatch(`${document.title ?? ''} ${origin ?? ''}`).split(' ')),
  };
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
 * outlets are not resolved entities yet. Each distinct name is matched against the carriers once.
 */
export class CarrierIndex {
  private readonly positionsByName = new Map<string, number[]>();

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

  private positionsOf(name: string): number[] {
    const key = foldForMatch(name);
    let positions = this.positionsByName.get(key);
    if (!positions) {
      const words = key.split(' ').filter((w) => w.length > 0 && !NAME_STOPWORDS.has(w));
      positions = [];
      if (words.length > 0) {
        this.documents.forEach((doc, i) => {
          if (words.every((w) => doc.nameWords.has(w))) positions!.push(i);
        });
      }
      this.positionsByName.set(key, positions);
    }
    return positions;
  }
}
