import { describe, expect, it } from 'vitest';
import { PassageSightings } from './cluster.js';

const dates: Record<string, string | null> = {
  x: '2012-03-01',
  y: '2010-04-19',
  z: null,
  w: '2011',
};
const dateOf = (id: string) => dates[id] ?? null;

/** `documentId@start-end` as an occurrence. */
function at(spec: string): { documentId: string; start: number; end: number } {
  const [documentId, span] = spec.split('@') as [string, string];
  const [start, end] = span.split('-').map(Number) as [number, number];
  return { documentId, start, end };
}

/** Sightings of the given links: [a, b, words]. */
function sightingsOf(links: Array<[string, string, number]>): PassageSightings {
  const sightings = new PassageSightings();
  for (const [a, b, words] of links) sightings.add(at(a), at(b), words);
  return sightings;
}

describe('PassageSightings', () => {
  it('joins pairwise sightings of one passage into one group, earliest first, undated last', () => {
    const clusters = sightingsOf([
      ['x@100-300', 'z@0-200', 30],
      ['x@110-300', 'y@50-240', 28],
      ['y@50-250', 'z@0-210', 31],
    ]).clusters(dateOf);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.words).toBe(31);
    expect(clusters[0]!.occurrences).toEqual([
      { documentId: 'y', start: 50, end: 250, date: '2010-04-19' },
      { documentId: 'x', start: 100, end: 300, date: '2012-03-01' },
      { documentId: 'z', start: 0, end: 210, date: null },
    ]);
    // The earliest document's longest sighting is where the text is cut from.
    expect(clusters[0]!.textSpan).toEqual(at('y@50-250'));
  });

  it('keeps separate passages of the same documents apart', () => {
    const clusters = sightingsOf([
      ['x@0-100', 'w@0-100', 20],
      ['x@500-700', 'w@300-500', 40],
    ]).clusters(dateOf);
    expect(clusters.map((c) => c.occurrences.map((o) => `${o.documentId}@${o.start}`))).toEqual([
      ['w@0', 'x@0'],
      ['w@300', 'x@500'],
    ]);
    expect(clusters.map((c) => c.words)).toEqual([20, 40]);
  });

  it('joins a chain of overlaps within one document, however the links came in', () => {
    const links: Array<[string, string, number]> = [
      ['x@0-100', 'y@0-100', 20],
      ['x@90-200', 'z@0-110', 22],
      ['x@190-300', 'w@0-110', 21],
      ['y@500-600', 'z@500-600', 25],
    ];
    const forward = sightingsOf(links).clusters(dateOf);
    const backward = sightingsOf([...links].reverse()).clusters(dateOf);
    expect(backward).toEqual(forward);
    expect(
      forward.map((c) => c.occurrences.map((o) => `${o.documentId}@${o.start}-${o.end}`)),
    ).toEqual([
      ['y@0-100', 'w@0-110', 'x@0-300', 'z@0-110'],
      ['y@500-600', 'z@500-600'],
    ]);
  });

  it('grows past its first allocation', () => {
    const links: Array<[string, string, number]> = [];
    for (let i = 0; i < 3000; i += 1)
      links.push([`x@${i * 1000}-${i * 1000 + 100}`, `y@${i * 1000}-${i * 1000 + 100}`, 20]);
    const sightings = sightingsOf(links);
    expect(sightings.size).toBe(6000);
    expect(sightings.clusters(dateOf)).toHaveLength(3000);
  });

  it('returns nothing for no links', () => {
    expect(new PassageSightings().clusters(dateOf)).toEqual([]);
  });
});
