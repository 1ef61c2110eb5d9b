import type { Writable } from 'node:stream';
import { write } from '../write.js';
import type { ExportGraph, GraphNode } from './graph-model.js';
import { attributes, escapeXml } from './xml.js';

const NODE_ATTRIBUTES = [
  ['kind', 'string'],
  ['mentions', 'integer'],
  ['documents', 'integer'],
  ['documentKind', 'string'],
  ['published', 'string'],
] as const;

function attvalues(values: Array<[string, string | number | null]>): string {
  const present = values.filter(([, value]) => value !== null);
  return `<attvalues>${present
    .map(([key, value]) => `<attvalue ${attributes({ for: key, value })}/>`)
    .join('')}</attvalues>`;
}

function nodeXml(node: GraphNode): string {
  const values = NODE_ATTRIBUTES.map(
    ([key]) => [key, node[key]] as [string, string | number | null],
  );
  return `      <node ${attributes({ id: node.id, label: node.label })}>${attvalues(values)}</node>\n`;
}

/** GEXF 1.3 (gexf.net/1.3), Gephi's own format, written node by node. */
export async function writeGexf(
  graph: ExportGraph,
  out: Writable,
  meta: { creator: string; description: string },
): Promise<void> {
  await write(
    out,
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
      `  <meta><creator>${escapeXml(meta.creator)}</creator><description>${escapeXml(meta.description)}</description></meta>\n` +
      '  <graph defaultedgetype="undirected" mode="static">\n' +
      '    <attributes class="node">\n' +
      NODE_ATTRIBUTES.map(
        ([id, type]) => `      <attribute ${attributes({ id, title: id, type })}/>\n`,
      ).join('') +
      '    </attributes>\n' +
      '    <attributes class="edge">\n      <attribute id="kind" title="kind" type="string"/>\n    </attributes>\n' +
      '    <nodes>\n',
  );
  for (const node of graph.nodes) await write(out, nodeXml(node));
  await write(out, '    </nodes>\n    <edges>\n');
  for (const edge of graph.edges) {
    const { id, source, target, weight, kind } = edge;
    await write(
      out,
      `      <edge ${attributes({ id, source, target, weight })}>${attvalues([['kind', kind]])}</edge>\n`,
    );
  }
  await write(out, '    </edges>\n  </graph>\n</gexf>\n');
}
