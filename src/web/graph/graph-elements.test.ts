import { describe, expect, it } from 'vitest';
import type { EntityResponse } from '../api/analysis-types';
import { FORCE_LAYOUT_LIMIT, expansion, layoutFor, nodeTarget, toElements } from './graph-elements';

describe('toElements', () => {
  it('turns the API chart into cytoscape nodes and edges', () => {
    const elements = toElements({
      truncated: false,
      nodes: [
        { id: 'entity:place:Juárez', kind: 'entity', type: 'place', label: 'Juárez', weight: 3 },
        { id: 'document:d1', kind: 'document', type: null, label: 'Agents met', weight: 1 },
      ],
      edges: [{ source: 'entity:place:Juárez', target: 'document:d1', kind: 'mention', weight: 2 }],
    });
    expect(elements).toEqual([
      {
        group: 'nodes',
        data: {
          id: 'entity:place:Juárez',
          label: 'Juárez',
          kind: 'entity',
          type: 'place',
          weight: 3,
        },
      },
      {
        group: 'nodes',
        data: {
          id: 'document:d1',
          label: 'Agents met',
          kind: 'document',
          type: 'document',
          weight: 1,
        },
      },
      {
        group: 'edges',
        data: {
          id: 'mention:entity:place:Juárez→document:d1',
          source: 'entity:place:Juárez',
          target: 'document:d1',
          kind: 'mention',
          weight: 2,
        },
      },
    ]);
  });
});

describe('nodeTarget', () => {
  it('reads entity and document ids back, names with colons included', () => {
    expect(nodeTarget('entity:person:Mr: X')).toEqual({
      kind: 'entity',
      ref: { type: 'person', name: 'Mr: X' },
    });
    expect(nodeTarget('document:abc')).toEqual({ kind: 'document', id: 'abc' });
    expect(nodeTarget('entity:vehicle:x')).toBeNull();
  });
});

describe('expansion', () => {
  const detail = {
    coOccurring: [
      { type: 'organization', name: 'Sedena', mentions: 4, documents: 2 },
      { type: 'place', name: 'El Paso', mentions: 1, documents: 1 },
    ],
    documents: [{ id: 'd1', title: 'Agents met', mentions: 2 }],
  } as EntityResponse;

  it('adds co-occurring entities and documents the chart lacks, joined to the entity', () => {
    const existing = new Set(['entity:place:Juárez', 'entity:place:El Paso']);
    const added = expansion({ type: 'place', name: 'Juárez' }, detail, (id) => existing.has(id));
    expect(added.filter((e) => e.group === 'nodes').map((e) => e.data.id)).toEqual([
      'entity:organization:Sedena',
      'document:d1',
    ]);
    expect(added.filter((e) => e.group === 'edges').map((e) => e.data.id)).toEqual([
      'co-occurrence:entity:place:Juárez→entity:organization:Sedena',
      'co-occurrence:entity:place:Juárez→entity:place:El Paso',
      'mention:entity:place:Juárez→document:d1',
    ]);
  });

  it('adds nothing twice', () => {
    const ids = new Set<string>(['entity:place:Juárez']);
    const ref = { type: 'place' as const, name: 'Juárez' };
    for (const element of expansion(ref, detail, (id) => ids.has(id))) ids.add(element.data.id);
    expect(expansion(ref, detail, (id) => ids.has(id))).toEqual([]);
  });
});

describe('layoutFor', () => {
  it('uses a force layout for small charts and concentric rings for large ones', () => {
    expect(layoutFor(100).name).toBe('cose');
    expect(layoutFor(FORCE_LAYOUT_LIMIT + 1).name).toBe('concentric');
  });
});
