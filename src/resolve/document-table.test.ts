import { describe, expect, it } from 'vitest';
import { DocumentTable } from './document-table.js';

const hexId = (i: number): string =>
  Array.from({ length: 8 }, (_, k) =>
    ((i * 2654435761 + k * 40503) >>> 0).toString(16).padStart(8, '0'),
  ).join('');

describe('DocumentTable', () => {
  it('gives back every id by position, packed hex ids and others alike, across its buffers', () => {
    const table = new DocumentTable();
    const ids = Array.from({ length: 9000 }, (_, i) => (i % 1000 === 7 ? `doc-${i}` : hexId(i)));
    ids.push('A'.repeat(64), 'f'.repeat(63), '');
    ids.forEach((id, at) => expect(table.add(id)).toBe(at));
    expect(table.length).toBe(ids.length);
    for (const at of [0, 7, 4095, 4096, 8191, 8192, 8999, 9000, 9001, 9002]) {
      expect(table.id(at)).toBe(ids[at]);
    }
    expect(ids.every((id, at) => table.id(at) === id)).toBe(true);
  });

  it('refuses a position it does not have', () => {
    const table = new DocumentTable();
    table.add('a');
    expect(() => table.id(1)).toThrow(RangeError);
    expect(() => table.id(-1)).toThrow(RangeError);
  });
});
