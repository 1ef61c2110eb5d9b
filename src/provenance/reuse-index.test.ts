import { describe, expect, it } from 'vitest';
import { CrosscheckError } from '../core/index.js';
import { seededRandom } from './hash.js';
import { createFingerprinter, findReuse, ReuseIndex, type ReuseDocument } from './reuse-index.js';
import type { ReusePair } from './report.js';

const SYLLABLES = ['ka', 'lo', 'mi', 'ru', 'te', 'san', 'vo', 'bel', 'ni', 'dor', 'pa', 'zu'];

/** Invented words, so that random texts share no passages unless one is planted. */
function words(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  const pick = () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
  return Array.from({ length: count }, () => pick() + pick() + pick());
}

function textOf(parts: string[][]): string {
  return parts.map((p) => p.join(' ')).join('. ');
}

function indexOf(documents: ReuseDocument[], options = {}): ReuseIndex {
  const index = new ReuseIndex(options);
  for (const d of documents) index.add(d);
  return index;
}

describe('ReuseIndex', () => {
  it('finds a 30-word passage shared by two long documents with little else in common', () => {
    const passage = words(1, 30);
    const documents = [
      { id: 'long-a', text: textOf([words(2, 1500), passage, words(3, 1500)]), date: '2020-01-02' },
      { id: 'long-b', text: textOf([words(4, 200), passage, words(5, 2500)]), date: '2020-01-01' },
      { id: 'other', text: textOf([words(6, 2000)]), date: null },
    ];
    const index = indexOf(documents);
    const [candidate, ...others] = index.candidatePairs();
    expect(others).toEqual([]);
    expect(candidate).toMatchObject({ a: 'long-a', b: 'long-b', sharedBands: 0 });
    expect(candidate!.sharedFingerprints).toBeGreaterThanOrEqual(1);

    const texts = new Map(documents.map((d) => [d.id, d.text]));
    const report = index.verify((id) => texts.get(id)!);
    expect(report.pairs).toHaveLength(1);
    expect(report.pairs[0]!.similarity).toBeLessThan(0.02);
    expect(report.pairs[0]!.nearDuplicate).toBe(false);
    expect(report.pairs[0]!.passages.map((p) => p.text)).toEqual([passage.join(' ')]);
    // The group is ordered by date: long-b appeared first.
    expect(report.passages[0]!.occurrences.map((o) => o.documentId)).toEqual(['long-b', 'long-a']);
  });

  it('finds near-duplicates through MinHash LSH when no long passage survives', () => {
    const original = words(10, 400);
    const edited = original.map((w, i) => (i % 30 === 29 ? `edit${i}` : w));
    const documents = [
      { id: 'memo', text: original.join(' '), date: null },
      { id: 'memo-edited', text: edited.join(' '), date: null },
      ...[11, 12, 13].map((seed) => ({
        id: `unrelated-${seed}`,
        text: words(seed, 400).join(' '),
        date: null,
      })),
    ];
    // A passage index that only sees 200-word runs, so the bands must find the pair.
    const index = indexOf(documents, { minPassageWords: 200 });
    const candidates = index.candidatePairs();
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({ a: 'memo', b: 'memo-edited' });
    expect(candidates[0]!.sharedBands).toBeGreaterThan(0);
    const texts = new Map(documents.map((d) => [d.id, d.text]));
    const [pair] = index.verify((id) => texts.get(id)!).pairs;
    expect(pair!.nearDuplicate).toBe(true);
    expect(pair!.similarity).toBeGreaterThan(0.6);
  });

  it('links every carrier of a widely reprinted passage through a star, not all pairs', () => {
    const passage = words(20, 40);
    const documents = [0, 1, 2, 3, 4, 5].map((n) => ({
      id: `outlet-${n}`,
      text: textOf([words(30 + n, 100), passage, words(40 + n, 100)]),
      date: `2021-0${6 - n}-01`,
    }));
    const index = indexOf(documents, { maxCliqueDocuments: 3 });
    // Fingerprints all six share give the star around outlet-0; a few passage-edge fingerprints
    // that only three outlets happened to keep add their own small cliques. Never all 15 pairs.
    const candidates = index.candidatePairs().map((c) => `${c.a}~${c.b}`);
    expect(candidates).toEqual(
      expect.arrayContaining([1, 2, 3, 4, 5].map((n) => `outlet-0~outlet-${n}`)),
    );
    expect(candidates.length).toBeLessThan(15);
    const texts = new Map(documents.map((d) => [d.id, d.text]));
    const report = index.verify((id) => texts.get(id)!);
    expect(report.passages).toHaveLength(1);
    expect(report.passages[0]!.occurrences.map((o) => o.documentId)).toEqual(
      [5, 4, 3, 2, 1, 0].map((n) => `outlet-${n}`),
    );
    expect(report.passages[0]!.text).toBe(passage.join(' '));
  });

  it('finds the same pairs, in the same order, whatever order the documents are added in', () => {
    // A parallel ingest stores documents in a different order on every run; the evidence is the
    // same, so the answer must be. A passage wider than maxCliqueDocuments makes a star, whose
    // hub was the first document added; near-duplicates and a plain pair check the orientation.
    const passage = words(120, 40);
    const memo = words(130, 300);
    const quote = words(140, 30);
    const documents = [
      ...[0, 1, 2, 3, 4, 5].map((n) => ({
        id: `outlet-${n}`,
        text: textOf([words(121 + n, 80), passage, words(131 + n, 60)]),
        date: `2022-0${n + 1}-01`,
      })),
      { id: 'memo-b', text: memo.join(' '), date: null },
      {
        id: 'memo-a',
        text: memo.map((w, i) => (i % 40 === 39 ? `edit${i}` : w)).join(' '),
        date: null,
      },
      { id: 'quoting-z', text: textOf([words(150, 50), quote]), date: null },
      { id: 'quoted-y', text: textOf([quote, words(151, 70)]), date: null },
    ];
    const texts = new Map(documents.map((d) => [d.id, d.text]));
    const orders = [
      documents,
      [...documents].reverse(),
      [2, 9, 5, 0, 7, 3, 8, 1, 6, 4].map((i) => documents[i]!),
    ];
    const results = orders.map((order) => {
      const index = indexOf(order, { maxCliqueDocuments: 3 });
      return { candidates: index.candidatePairs(), report: index.verify((id) => texts.get(id)!) };
    });
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    // The star's hub is the smallest id, however late it came; each pair has its smaller id first.
    const candidates = results[1]!.candidates.map((c) => `${c.a}~${c.b}`);
    expect(candidates).toEqual(
      expect.arrayContaining([1, 2, 3, 4, 5].map((n) => `outlet-0~outlet-${n}`)),
    );
    expect(results[1]!.candidates.every((c) => c.a < c.b)).toBe(true);
    expect(results[1]!.report.pairs.map((p) => `${p.a}~${p.b}`)).toEqual(
      expect.arrayContaining(['memo-a~memo-b', 'quoted-y~quoting-z']),
    );
  });

  /** Three documents carrying one passage between words of their own. */
  function threeCarriers() {
    const passage = words(60, 45);
    const documents = ['p', 'q', 'r'].map((id, n) => ({
      id,
      text: textOf([words(61 + n, 90), passage, words(71 + n, 30)]),
      date: null,
    }));
    const texts = new Map(documents.map((d) => [d.id, d.text]));
    return { passage, index: indexOf(documents), texts };
  }

  it('verifies with an asynchronous text source just as with a synchronous one', async () => {
    const { index, texts } = threeCarriers();
    const fetched: string[] = [];
    const asynchronous = await index.verifyAsync(async (id) => {
      fetched.push(id);
      return texts.get(id)!;
    });
    expect(asynchronous).toEqual(index.verify((id) => texts.get(id)!));
    expect(asynchronous.passages[0]!.occurrences.map((o) => o.documentId)).toEqual(['p', 'q', 'r']);
    // p fetched once for its two pairs, and once more for the text of the group it starts.
    expect(fetched).toEqual(['p', 'q', 'r', 'q', 'r', 'p']);
  });

  it('hands each pair to onPair as it is verified, keeping none, and groups the same passages', async () => {
    const { passage, index, texts } = threeCarriers();
    const handed: ReusePair[] = [];
    const streamed = await index.verifyAsync(
      async (id) => texts.get(id)!,
      index.candidates(),
      (pair) => handed.push(pair),
    );
    const kept = index.verify((id) => texts.get(id)!);
    expect(kept.pairs).toHaveLength(3);
    expect(handed).toEqual(kept.pairs);
    expect(streamed).toEqual({ pairs: [], passages: kept.passages });
    expect(streamed.passages[0]!.text).toContain(passage.slice(0, 20).join(' '));
  });

  it('keeps accepting documents after candidates were read', () => {
    const passage = words(50, 25);
    const index = new ReuseIndex();
    index.add({ id: 'first', text: textOf([words(51, 50), passage]), date: null });
    index.add({ id: 'second', text: textOf([words(52, 80)]), date: null });
    expect(index.candidatePairs()).toEqual([]);
    index.add({ id: 'third', text: textOf([passage, words(53, 50)]), date: null });
    expect(index.candidatePairs().map((c) => [c.a, c.b])).toEqual([['first', 'third']]);
    expect(index.size).toBe(3);
  });

  it('accepts fingerprints computed elsewhere, with the same result as add', () => {
    const passage = words(80, 30);
    const documents = ['s', 't'].map((id, n) => ({
      id,
      text: textOf([words(81 + n, 120), passage]),
      date: null,
    }));
    const direct = indexOf(documents);
    const fingerprint = createFingerprinter();
    const remote = new ReuseIndex();
    for (const d of documents) remote.addFingerprints(d.id, d.date, fingerprint(d.text));
    expect(remote.candidatePairs()).toEqual(direct.candidatePairs());
    expect(remote.candidatePairs()).toHaveLength(1);
  });

  it('hands out candidates one at a time, the same as the list, on every reading', () => {
    const passage = words(90, 30);
    const documents = [0, 1, 2, 3, 4].map((n) => ({
      id: `c${n}`,
      text: textOf([words(91 + n, 60 + 10 * n), passage, words(97 + n, 40)]),
      date: null,
    }));
    documents.push({ id: 'dup', text: documents[0]!.text, date: null });
    const index = indexOf(documents, { maxCliqueDocuments: 3 });
    const listed = index.candidatePairs();
    expect(listed.length).toBeGreaterThan(4);
    const lazily = index.candidates();
    expect([...lazily]).toEqual(listed);
    expect([...lazily]).toEqual(listed);
    const texts = new Map(documents.map((d) => [d.id, d.text]));
    expect(index.verify((id) => texts.get(id)!)).toEqual(
      index.verify((id) => texts.get(id)!, listed),
    );
  });

  it('hands out its candidates once, letting its postings go, with the same pairs and report', () => {
    const passage = words(120, 30);
    const documents = [0, 1, 2, 3].map((n) => ({
      id: `t${n}`,
      text: textOf([words(121 + n, 50 + 10 * n), passage, words(131 + n, 40)]),
      date: null,
    }));
    // A near-duplicate, so the band table proposes a pair too.
    documents.push({ id: 'reprint', text: `${documents[2]!.text} Reprinted.`, date: null });
    const texts = new Map(documents.map((d) => [d.id, d.text]));
    const listed = indexOf(documents).candidatePairs();
    expect(listed.some((pair) => pair.sharedBands > 0)).toBe(true);
    const expected = indexOf(documents).verify((id) => texts.get(id)!);

    const index = indexOf(documents);
    const taken = index.takeCandidates();
    expect(index.verify((id) => texts.get(id)!, taken)).toEqual(expected);
    expect(index.postingBytes).toBe(0);
    expect(() => index.candidatePairs()).toThrow(/let its postings go/);
    expect(() => index.add({ id: 'late', text: 'a late text', date: null })).toThrow(
      CrosscheckError,
    );

    const again = indexOf(documents);
    expect([...again.takeCandidates()]).toEqual(listed);
  });

  it('refuses the same document twice', () => {
    const index = new ReuseIndex();
    index.add({ id: 'same', text: 'a text', date: null });
    expect(() => index.add({ id: 'same', text: 'a text', date: null })).toThrow(CrosscheckError);
  });

  it('takes short and empty documents in its stride', () => {
    const report = findReuse([
      { id: 'empty', text: '', date: null },
      { id: 'tiny', text: 'Yes ma’am.', date: null },
      { id: 'tiny-too', text: 'Yes ma’am.', date: null },
    ]);
    expect(report).toEqual({ pairs: [], passages: [] });
  });

  it('rejects nonsensical options with a usage error', () => {
    expect(() => new ReuseIndex({ shingleWords: 0 })).toThrow(/shingleWords/);
    expect(() => new ReuseIndex({ shingleWords: 8, minPassageWords: 5 })).toThrow(
      /shorter than one shingle/,
    );
  });
});
