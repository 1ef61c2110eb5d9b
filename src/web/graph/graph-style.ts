import type { StylesheetJson } from 'cytoscape';

/** The reader's highlight colours, so a place is green on every screen. */
export const NODE_COLOURS = {
  person: '#2f6fd0',
  organization: '#7a3fc0',
  place: '#1e8a4c',
  document: '#7b8794',
} as const;

/**
 * Cytoscape's own stylesheet (it draws on a canvas, so CSS cannot reach the nodes). Entities are
 * circles sized by the documents naming them; documents are small grey squares whose titles show
 * only when selected, or the chart drowns in headlines.
 */
export const GRAPH_STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': NODE_COLOURS.document,
      width: 'mapData(weight, 1, 30, 14, 46)',
      height: 'mapData(weight, 1, 30, 14, 46)',
      'border-width': 1.5,
      'border-color': '#ffffff',
      'font-family': 'system-ui, sans-serif',
      'font-size': 11,
      color: '#1c2430',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-outline-color': '#ffffff',
      'text-outline-width': 2,
      'min-zoomed-font-size': 7,
    },
  },
  { selector: 'node[kind = "entity"]', style: { label: 'data(label)' } },
  { selector: 'node[type = "person"]', style: { 'background-color': NODE_COLOURS.person } },
  {
    selector: 'node[type = "organization"]',
    style: { 'background-color': NODE_COLOURS.organization },
  },
  { selector: 'node[type = "place"]', style: { 'background-color': NODE_COLOURS.place } },
  {
    selector: 'node[kind = "document"]',
    style: { shape: 'round-rectangle', width: 12, height: 12, opacity: 0.85 },
  },
  {
    selector: 'node:selected',
    style: {
      label: 'data(label)',
      'border-color': '#f59e0b',
      'border-width': 4,
      'text-max-width': '220px',
      'text-wrap': 'ellipsis',
      'z-index': 10,
    },
  },
  {
    selector: 'edge',
    style: {
      width: 'mapData(weight, 1, 10, 0.8, 4)',
      'line-color': '#c3cad4',
      'curve-style': 'haystack',
      opacity: 0.75,
    },
  },
  {
    selector: 'edge[kind = "co-occurrence"]',
    style: { 'line-color': '#e0a03a', 'line-style': 'dashed', 'curve-style': 'straight' },
  },
  { selector: 'edge:selected', style: { 'line-color': '#f59e0b' } },
];
