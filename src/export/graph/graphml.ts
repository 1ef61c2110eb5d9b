import type { Writable } from 'node:stream';
import { write } from '../write.js';
import type { ExportGraph } from './graph-model.js';
import { attributes, escapeXml } from './xml.js';

const KEYS = [
  ['label', 'node', 'string'],
  ['kind', 'node', 'string'],
  ['mentions', 'node', 'int'],
  ['documents', 'node', 'int'],
  ['documentKind', 'node', 'string'],
  ['published', 'node', 'string'],
  ['edgeKind', 'edge', 'string'],
  ['weight', 'edge', 'double'],
] as const;

function data(values: Array<[string, string | number | null]>): string {
  return values
    .filter(([, value]) => value !== null)
    .map(([key, value]) => `<data key="${key}">${escapeXml(value!)}</data>`)
    .join('');
}

/** GraphML (graphml.graphdrawing.org), for yEd, Cytoscape and NetworkX, written node by node. */
export async function writeGraphml(graph: ExportGraph, out: Writable): Promise<void> {
  await write(
    out,
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
      KEYS.map(
        ([id, target, type]) =>
          `  <key ${attributes({ id, for: target, 'attr.name': id === 'edgeKind' ? 'kind' : id, 'attr.type': type })}/>\n`,
      ).join('') +
      '  <graph id="crosscheck" edgedefault="undirected">\n',
  );
  for (const node of graph.nodes) {
    const values: Array<[string, string | number | null]> = [
      ['label', node.label],
      ['kind', node.kind],
      ['mentions', node.mentions],
      ['documents', node.documents],
      ['documentKind', node.documentKind],
      ['published', node.published],
    ];
    await write(out, `    <node ${attributes({ id: node.id })}>${data(values)}</node>\n`);
  }
  for (const edge of graph.edges) {
    const { id, source, target } = edge;
    const values: Array<[string, string | number | null]> = [
      ['edgeKind', edge.kind],
      ['weight', edge.weight],
    ];
    await write(out, `    <edge ${attributes({ id, source, target })}>${data(values)}</edge>\n`);
  }
  await write(out, '  </graph>\n</graphml>\n');
}
