import cytoscape, { type Core } from 'cytoscape';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { sortChartNodes, type ChartNode } from './chart-nodes';
import { layoutFor, type GraphElement } from './graph-elements';
import { GRAPH_STYLE } from './graph-style';

/**
 * Cytoscape adds a <style> element to the page unless one with this id exists; the policy's
 * `style-src 'self'` would block it (and report a violation). Its one rule, `position: relative`
 * on the container, is in styles.css instead, so a marker with the id stands in for it.
 */
function preventInjectedStylesheet(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const marker = document.createElement('meta');
  marker.id = id;
  marker.name = 'cytoscape-stylesheet';
  marker.content = 'in styles.css';
  document.head.append(marker);
}

/**
 * The chart on a canvas. Created once per set of elements; the parent reaches the instance
 * through `cyRef` to expand nodes and export. `data-nodes` / `data-edges` report what is drawn,
 * and `data-layout-ms` how long the layout took (tests and benchmarks read them).
 */
export function GraphCanvas({
  elements,
  cyRef,
  onSelect,
  onExpand,
  onNodes,
}: {
  elements: GraphElement[];
  cyRef: RefObject<Core | null>;
  onSelect: (nodeId: string | null) => void;
  onExpand: (nodeId: string) => void;
  /** Every node drawn, each time the chart changes (for the keyboard list beside it). */
  onNodes: (nodes: ChartNode[]) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState({ nodes: 0, edges: 0, layoutMs: 0 });
  // The callbacks change every render; the chart is built once per elements.
  const handlers = useRef({ onSelect, onExpand, onNodes });
  handlers.current = { onSelect, onExpand, onNodes };

  useEffect(() => {
    if (!container.current) return;
    preventInjectedStylesheet();
    const started = performance.now();
    const cy = cytoscape({
      container: container.current,
      elements,
      style: GRAPH_STYLE,
      layout: layoutFor(elements.filter((e) => e.group === 'nodes').length),
      minZoom: 0.05,
      maxZoom: 4,
      // Large charts stay responsive while panning: edges are hidden mid-gesture.
      hideEdgesOnViewport: elements.length > 4000,
      textureOnViewport: elements.length > 4000,
    });
    cyRef.current = cy;
    const count = () => {
      setDrawn({
        nodes: cy.nodes().length,
        edges: cy.edges().length,
        layoutMs: Math.round(performance.now() - started),
      });
      handlers.current.onNodes(sortChartNodes(cy.nodes().map((node) => node.data() as ChartNode)));
    };
    count();
    // Adding a batch fires once per element: count once the batch is in.
    let pending = false;
    cy.on('add remove', () => {
      if (pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        if (!cy.destroyed()) count();
      });
    });
    cy.on('tap', (event) => {
      if (event.target === cy) handlers.current.onSelect(null);
    });
    cy.on('tap', 'node', (event) => handlers.current.onSelect(event.target.id()));
    cy.on('dbltap', 'node', (event) => handlers.current.onExpand(event.target.id()));
    return () => {
      cy.destroy();
      cyRef.current = null;
    };
  }, [elements, cyRef]);

  return (
    <div
      ref={container}
      className="graph-canvas"
      data-testid="graph"
      data-nodes={drawn.nodes}
      data-edges={drawn.edges}
      data-layout-ms={drawn.layoutMs}
      role="img"
      aria-label={`Link chart: ${drawn.nodes} nodes, ${drawn.edges} links`}
    />
  );
}
