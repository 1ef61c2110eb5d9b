/** Where a statement's words are: a document and an offset in it. */
export interface Place {
  documentId: string;
  start: number;
}

/** By document id, then offset: an order that does not depend on reading order. */
export const comparePlaces = (a: Place, b: Place): number =>
  a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.start - b.start;

/** The first place of a non-empty set of statements. */
export function firstPlace(places: readonly Place[]): Place {
  let first = places[0]!;
  for (const place of places) if (comparePlaces(place, first) < 0) first = place;
  return { documentId: first.documentId, start: first.start };
}
