import { describe, expect, it } from 'vitest';
import { documentPositions, withDocument, type DocumentList } from './document-list.js';

describe('DocumentList', () => {
  it('keeps positions in the order added, a repeat in a row once', () => {
    let list: DocumentList = null;
    expect(documentPositions(list)).toEqual([]);
    list = withDocument(list, 3);
    expect(list).toBe(3);
    list = withDocument(list, 3);
    expect(documentPositions(list)).toEqual([3]);
    const expected = [3];
    for (let position = 5; position < 40; position += 2) {
      list = withDocument(list, position);
      list = withDocument(list, position);
      expected.push(position);
    }
    // A document that came again later is kept again (readers drop repeats).
    list = withDocument(list, 3);
    expected.push(3);
    expect(documentPositions(list)).toEqual(expected);
  });
});
