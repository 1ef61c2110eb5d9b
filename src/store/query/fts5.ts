import type { QueryNode } from './ast.js';

/** Every user word is emitted as an FTS5 string, so no user text is read as FTS5 syntax. */
function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

export function toFts5(node: QueryNode): string {
  switch (node.type) {
    case 'term':
      return node.prefix ? `${quote(node.value)}*` : quote(node.value);
    case 'phrase':
      return quote(node.value);
    case 'and':
      return `(${node.children.map(toFts5).join(' AND ')})`;
    case 'or':
      return `(${node.children.map(toFts5).join(' OR ')})`;
    case 'not':
      return `(${toFts5(node.include)} NOT ${toFts5(node.exclude)})`;
  }
}
