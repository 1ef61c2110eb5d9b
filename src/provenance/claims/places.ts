/** Where a statement's words are: a document and an offset in it. */
export interface Place {
  documentId: string;
  start: number;
}

/** By document id, then offset: an order that does not depend on reading order. */
export const comparePlaces = (a: Place, b: Place): number =>
  a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.start - b.start;
