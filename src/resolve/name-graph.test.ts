import { describe, expect, it } from 'vitest';
import { NameGraph } from './name-graph.js';

describe('NameGraph surfaces', () => {
  it('shows a surface written several ways the same, whatever order the documents come in', () => {
    const spellings = ['Juarez', 'Juárez', 'JUAREZ'];
    const shown = [spellings, [...spellings].reverse(), ['JUAREZ', 'Juarez', 'Juárez']].map(
      (order) => {
        const graph = new NameGraph();
        const city = graph.node('place', 'Ciudad Juárez', null);
        order.forEach((name, document) => graph.addSurface(city, name, 'extract', null, document));
        return graph.nodes[city]!.surfaces.get('juarez')?.name;
      },
    );
    expect(shown).toEqual(['Juárez', 'Juárez', 'Juárez']);
  });
});
