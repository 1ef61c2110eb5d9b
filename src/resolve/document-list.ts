/**
 * The documents (by input position, see `DocumentTable`) a surface was written in. Most surfaces
 * are seen in one document, so one position stands alone as a number; beyond that the positions
 * go in a typed array that doubles as it fills (4 bytes an entry; a JS array costs 8 and an id
 * string's reference 8 more). A document's mentions come together, so a position is never
 * repeated in a row; one may repeat later only when a document came twice (readers drop repeats).
 */
export type DocumentList = null | number | PositionArray;

export interface PositionArray {
  values: Int32Array;
  length: number;
}

/** `list` with `document` added (the list may be changed in place). */
export function withDocument(list: DocumentList, document: number): DocumentList {
  if (list === null) return document;
  if (typeof list === 'number') {
    if (list === document) return list;
    const values = new Int32Array(4);
    values[0] = list;
    values[1] = document;
    return { values, length: 2 };
  }
  if (list.values[list.length - 1] === document) return list;
  if (list.length === list.values.length) {
    const grown = new Int32Array(list.values.length * 2);
    grown.set(list.values);
    list.values = grown;
  }
  list.values[list.length] = document;
  list.length += 1;
  return list;
}

/** The positions, in the order they were added. */
export function documentPositions(list: DocumentList): number[] {
  if (list === null) return [];
  if (typeof list === 'number') return [list];
  return Array.from(list.values.subarray(0, list.length));
}
