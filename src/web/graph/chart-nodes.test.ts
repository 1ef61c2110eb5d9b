import { describe, expect, it } from 'vitest';
import { foldForMatch, sortChartNodes, type ChartNode } from './chart-nodes';

const node = (id: string, label: string, kind: ChartNode['kind'], weight: number): ChartNode => ({
  id,
  label,
  kind,
  type: kind === 'document' ? 'document' : 'place',
  weight,
});

describe('the graph’s keyboard list', () => {
  it('finds names case and accents aside', () => {
    expect(foldForMatch('Ciudad Juárez')).toContain(foldForMatch('JUAREZ'));
    expect(foldForMatch('Secretaría')).toBe('secretaria');
  });

  it('lists entities before documents, busiest first, then by name', () => {
    const sorted = sortChartNodes([
      node('d1', 'A memo', 'document', 9),
      node('e1', 'Tijuana', 'entity', 2),
      node('e2', 'Ciudad Juárez', 'entity', 7),
      node('e3', 'Acapulco', 'entity', 2),
    ]);
    expect(sorted.map((n) => n.label)).toEqual(['Ciudad Juárez', 'Acapulco', 'Tijuana', 'A memo']);
  });
});
