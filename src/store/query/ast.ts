/** A parsed search query, independent of any backend's full-text syntax. */
export type QueryNode =
  | { type: 'term'; value: string; prefix: boolean }
  | { type: 'phrase'; value: string }
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; include: QueryNode; exclude: QueryNode };
