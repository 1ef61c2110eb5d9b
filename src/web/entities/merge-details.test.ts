import { describe, expect, it } from 'vitest';
import type { EntityResponse } from '../api/analysis-types';
import { mergeDetails } from './merge-details';

const mention = (documentId: string, start: number, text: string) => ({
  documentId,
  documentTitle: documentId,
  start,
  end: start + text.length,
  text,
  context: { before: '… ', match: text, after: ' …' },
});

const full: EntityResponse = {
  entity: { type: 'person', name: 'Rogelio Salas Ordóñez', mentions: 3, documents: 2 },
  surfaceForms: [
    { text: 'Rogelio Salas Ordóñez', count: 2 },
    { text: 'El Güero', count: 1 },
  ],
  mentions: [mention('d2', 40, 'El Güero'), mention('d1', 10, 'Rogelio Salas Ordóñez')],
  documents: [
    { id: 'd1', title: 'One', mentions: 2 },
    { id: 'd2', title: 'Two', mentions: 1 },
  ],
  coOccurring: [
    { type: 'place', name: 'Ciudad Juárez', mentions: 9, documents: 2 },
    { type: 'person', name: 'Rogelio Salas', mentions: 1, documents: 1 },
  ],
  coOccurringOver: 2,
  geo: null,
};

const short: EntityResponse = {
  entity: { type: 'person', name: 'Rogelio Salas', mentions: 2, documents: 1 },
  surfaceForms: [{ text: 'Rogelio Salas', count: 2 }],
  mentions: [mention('d3', 5, 'Rogelio Salas'), mention('d3', 90, 'Rogelio Salas')],
  documents: [{ id: 'd3', title: 'Three', mentions: 2 }],
  coOccurring: [
    { type: 'place', name: 'Ciudad Juárez', mentions: 9, documents: 3 },
    { type: 'person', name: 'Rogelio Salas Ordóñez', mentions: 3, documents: 1 },
  ],
  coOccurringOver: 1,
  geo: null,
};

describe('mergeDetails', () => {
  it('shows every spelling of one entity on one page', () => {
    const merged = mergeDetails({ type: 'person', name: 'Rogelio Salas Ordóñez' }, [full, short]);
    expect(merged.entity).toEqual({
      type: 'person',
      name: 'Rogelio Salas Ordóñez',
      mentions: 5,
      documents: 3,
    });
    expect(merged.surfaceForms.map((f) => f.text)).toEqual([
      'Rogelio Salas',
      'Rogelio Salas Ordóñez',
      'El Güero',
    ]);
    expect(merged.documents.map((d) => [d.id, d.mentions])).toEqual([
      ['d1', 2],
      ['d3', 2],
      ['d2', 1],
    ]);
    expect(merged.mentions.map((m) => `${m.documentId}:${m.start}`)).toEqual([
      'd1:10',
      'd2:40',
      'd3:5',
      'd3:90',
    ]);
    // Its own other spelling is not something it is "mentioned with".
    expect(merged.coOccurring).toEqual([
      { type: 'place', name: 'Ciudad Juárez', mentions: 9, documents: 3 },
    ]);
    expect(merged.coOccurringOver).toBe(3);
  });
});
