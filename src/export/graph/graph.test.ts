import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/index.js';
import { readSnapshot, type ExportSnapshot } from '../snapshot.js';
import { captureOutput } from '../test-output.js';
import { buildTestStore, HOSTILE_TITLE } from '../test-store.js';
import { writeGexf } from './gexf.js';
import { buildGraph, type ExportGraph } from './graph-model.js';
import { writeGraphml } from './graphml.js';

/** Parses XML back with a real parser (linkedom's DOMParser in XML mode). */
function parseXml(text: string) {
  // linkedom is lenient: check by hand that every ampersand starts an entity.
  expect(text.match(/&(?!(amp|lt|gt|quot|apos);)/g)).toBeNull();
  return new DOMParser().parseFromString(text, 'text/xml');
}

/** linkedom decodes entities in text but leaves `&lt;` and `&amp;` raw in attribute values. */
function attribute(element: Element, name: string): string | null {
  return (
    element
      .getAttribute(name)
      ?.replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&') ?? null
  );
}

describe('graph exports', () => {
  let store: Store;
  let snapshot: ExportSnapshot;
  let graph: ExportGraph;

  beforeAll(async () => {
    store = await buildTestStore();
    snapshot = await readSnapshot(store);
    graph = buildGraph(snapshot);
  }, 120_000);
  afterAll(() => store.close());

  it('has a node per entity and document, an edge per mention pair and co-occurrence', () => {
    const mentionEdges = snapshot.entities.reduce((n, e) => n + e.mentionsByDocument.size, 0);
    expect(graph.nodes).toHaveLength(snapshot.entities.length + snapshot.documents.length);
    expect(graph.edges).toHaveLength(mentionEdges + snapshot.coOccurrences.length);
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(graph.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });

  it('writes GEXF 1.3 that parses back with the same counts and the hostile title intact', async () => {
    const text = await captureOutput((out) =>
      writeGexf(graph, out, { creator: 'Crosscheck', description: 'test & <check>' }),
    );
    expect(text).not.toContain('<script>');
    const xml = parseXml(text);
    const root = xml.querySelector('gexf')!;
    expect(root.getAttribute('version')).toBe('1.3');
    expect(xml.querySelectorAll('node').length).toBe(graph.nodes.length);
    expect(xml.querySelectorAll('edge').length).toBe(graph.edges.length);
    const labels = [...xml.querySelectorAll('node')].map((n) => attribute(n, 'label'));
    expect(labels).toContain(HOSTILE_TITLE);
    const weights = [...xml.querySelectorAll('edge')].map((e) => Number(e.getAttribute('weight')));
    expect(weights).toEqual(graph.edges.map((e) => e.weight));
  });

  it('writes GraphML that parses back with the same counts and the hostile title intact', async () => {
    const text = await captureOutput((out) => writeGraphml(graph, out));
    expect(text).not.toContain('<script>');
    const xml = parseXml(text);
    expect(xml.querySelectorAll('graph > node').length).toBe(graph.nodes.length);
    expect(xml.querySelectorAll('graph > edge').length).toBe(graph.edges.length);
    const labels = [...xml.querySelectorAll('data[key="label"]')].map((d) => d.textContent);
    expect(labels).toContain(HOSTILE_TITLE);
  });

  it('is the same on a second export', async () => {
    const first = await captureOutput((out) => writeGraphml(graph, out));
    const second = await captureOutput(async (out) =>
      writeGraphml(buildGraph(await readSnapshot(store)), out),
    );
    expect(second).toBe(first);
  });
});
