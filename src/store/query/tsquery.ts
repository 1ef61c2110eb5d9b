import type { QueryNode } from './ast.js';

export const TS_CONFIG = 'crosscheck_fold';

/**
 * Renders a query AST to a PostgreSQL tsquery *expression* with every user word passed as a bound
 * parameter: words and phrases go through phraseto_tsquery (so "U.S." becomes u <-> s exactly as
 * it was indexed); prefixes are built as quoted lexemes with `:*`. Parameters start at $offset+1.
 */
export function toTsQuery(node: QueryNode, params: unknown[]): string {
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  switch (node.type) {
    case 'term':
      if (node.prefix) {
        const words = node.value.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
        const lexemes = words.map((w) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`);
        return `to_tsquery('${TS_CONFIG}', ${bind(`${lexemes.join(' <-> ')}:*`)})`;
      }
      return `phraseto_tsquery('${TS_CONFIG}', ${bind(node.value)})`;
    case 'phrase':
      return `phraseto_tsquery('${TS_CONFIG}', ${bind(node.value)})`;
    case 'and':
      return `(${node.children.map((c) => toTsQuery(c, params)).join(' && ')})`;
    case 'or':
      return `(${node.children.map((c) => toTsQuery(c, params)).join(' || ')})`;
    case 'not':
      return `(${toTsQuery(node.include, params)} && !!${toTsQuery(node.exclude, params)})`;
  }
}
