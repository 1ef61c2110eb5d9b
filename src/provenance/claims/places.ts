/** Where a statement's words are: a document and an offset in it. */
export interface Place {
  documentId: string;
  start: number;
}
