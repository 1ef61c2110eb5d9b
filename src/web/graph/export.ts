import type { Core } from 'cytoscape';
import { saveBlob } from '../api/save-blob';
import { NODE_COLOURS } from './graph-style';

const SVG_NS = 'http://www.w3.org/2000/svg';

function element(name: string, attributes: Record<string, string | number>): SVGElement {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

/**
 * The chart as SVG, for reports that need a vector figure. Cytoscape only exports bitmaps
 * without an extension package, and positions plus colours are all a link chart needs, so this
 * draws edges, nodes and entity labels itself. Built with DOM calls and serialised by the
 * browser, so labels from documents are escaped, never parsed.
 */
export function chartToSvg(cy: Core): string {
  const box = cy.elements().boundingBox();
  const pad = 40;
  const svg = element('svg', {
    xmlns: SVG_NS,
    viewBox: `${box.x1 - pad} ${box.y1 - pad} ${box.w + 2 * pad} ${box.h + 2 * pad}`,
    width: Math.round(box.w + 2 * pad),
    height: Math.round(box.h + 2 * pad),
    'font-family': 'system-ui, sans-serif',
  });
  svg.append(
    element('rect', {
      x: box.x1 - pad,
      y: box.y1 - pad,
      width: box.w + 2 * pad,
      height: box.h + 2 * pad,
      fill: '#ffffff',
    }),
  );
  const edges = element('g', { stroke: '#c3cad4', 'stroke-width': 1 });
  cy.edges().forEach((edge) => {
    const { x: x1, y: y1 } = edge.source().position();
    const { x: x2, y: y2 } = edge.target().position();
    const dashed = edge.data('kind') === 'co-occurrence';
    edges.append(
      element('line', {
        x1,
        y1,
        x2,
        y2,
        ...(dashed && { stroke: '#e0a03a', 'stroke-dasharray': '4 3' }),
      }),
    );
  });
  svg.append(edges);
  const nodes = element('g', { stroke: '#ffffff', 'stroke-width': 1.5 });
  const labels = element('g', { 'font-size': 11, fill: '#1c2430', 'text-anchor': 'middle' });
  cy.nodes().forEach((node) => {
    const { x, y } = node.position();
    const size = node.width();
    const type = node.data('type') as keyof typeof NODE_COLOURS;
    const fill = NODE_COLOURS[type] ?? NODE_COLOURS.document;
    nodes.append(
      node.data('kind') === 'document'
        ? element('rect', {
            x: x - size / 2,
            y: y - size / 2,
            width: size,
            height: size,
            rx: 2,
            fill,
          })
        : element('circle', { cx: x, cy: y, r: size / 2, fill }),
    );
    if (node.data('kind') === 'entity') {
      const label = element('text', { x, y: y + size / 2 + 12 });
      label.textContent = String(node.data('label'));
      labels.append(label);
    }
  });
  svg.append(nodes, labels);
  return new XMLSerializer().serializeToString(svg);
}

export function exportPng(cy: Core): void {
  saveBlob(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }), 'crosscheck-graph.png');
}

export function exportSvg(cy: Core): void {
  saveBlob(new Blob([chartToSvg(cy)], { type: 'image/svg+xml' }), 'crosscheck-graph.svg');
}
