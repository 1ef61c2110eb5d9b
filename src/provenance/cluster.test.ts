import { describe, expect, it } from 'vitest';
import { clusterPassages, type PassageLink } from './cluster.js';

const dates: Record<string, string | null> = {
  x: '2012-03-01',
  y: '2010-04-19',
  z: null,
  w: '2011',
};
const dateOf = (id: string) => dates[id] ?? null;

/** A link between `documentId@start-end` sightings; the text records which sighting it was. */
function link(a: string, b: string, words: number): PassageLink {
  const sighting = (spec: string) => {
    const [documentId, span] = spec.split('@') as [string, string];
    const [start, end] = span.split('-').map(Number) as [number, number];
    return { documentId, start, end, text: spec };
  };
  return { a: sighting(a), b: sighting(b), words };
}

describe('clusterPassages', () => {
  it('joins pairwise sightings of one passage into one group, earliest first, undated last', () => {
    const clusters = clusterPassages(
      [
        link('x@100-300', 'z@0-200', 30),
        link('x@110-300', 'y@50-240', 28),
        link('y@50-250', 'z@0-210', 31),
      ],
      dateOf,
    );
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.words).toBe(31);
    expect(clusters[0]!.occurrences).toEqual([
      { documentId: 'y', start: 50, end: 250, date: '2010-04-19' },
      { documentId: 'x', start: 100, end: 300, date: '2012-03-01' },
      { documentId: 'z', start: 0, end: 210, date: null },
    ]);
    // The earliest document's longest sighting supplies the text.
    expect(clusters[0]!.text).toBe('y@50-250');
  });

  it('keeps separate passages of the same documents apart', () => {
    const clusters = clusterPassages(
      [link('x@0-100', 'w@0-100', 20), link('x@500-700', 'w@300-500', 40)],
      dateOf,
    );
    expect(clusters.map((c) => c.occurrences.map((o) => `${o.documentId}@${o.start}`))).toEqual([
      ['w@0', 'x@0'],
      ['w@300', 'x@500'],
    ]);
  });

  it('returns nothing for no links', () => {
    expect(clusterPassages([], dateOf)).toEqual([]);
  });
});
