import type { Core } from 'cytoscape';
import { useMemo, useRef, useState } from 'react';
import type { EntityType } from '../api/analysis-types';
import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { ExportMenu } from '../components/ExportMenu';
import { ENTITY_TYPE_PLURALS, ENTITY_TYPES } from '../entities/entity-ref';
import { useAsync } from '../hooks/use-async';
import { graphHref, navigate } from '../router';
import type { ChartNode } from './chart-nodes';
import { exportPng, exportSvg } from './export';
import { GraphCanvas } from './GraphCanvas';
import { expansion, nodeTarget, toElements } from './graph-elements';
import { NodeList } from './NodeList';
import { NodePanel } from './NodePanel';

const SIZES = [60, 150, 400, 1000] as const;

/** Places new nodes on a ring around the one they were expanded from, leaving the rest still. */
function placeAround(cy: Core, centreId: string, ids: string[]) {
  const centre = cy.getElementById(centreId).position();
  const radius = 90 + ids.length * 4;
  ids.forEach((id, index) => {
    const angle = (2 * Math.PI * index) / ids.length;
    cy.getElementById(id).position({
      x: centre.x + radius * Math.cos(angle),
      y: centre.y + radius * Math.sin(angle),
    });
  });
}

/** Entities and the documents naming them as a link chart, to grow node by node and export. */
export default function GraphPage({ type }: { type: EntityType | null }) {
  const [size, setSize] = useState<number>(SIZES[0]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [state] = useAsync(
    (signal) => api.graph({ type, limit: size, from, to }, signal),
    [type, size, from, to],
  );
  const elements = useMemo(() => (state.status === 'ok' ? toElements(state.data) : []), [state]);
  const cyRef = useRef<Core | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [expanding, setExpanding] = useState(false);
  const [expandError, setExpandError] = useState<Error | null>(null);
  const [nodes, setNodes] = useState<ChartNode[]>([]);
  const detailsHeading = useRef<HTMLHeadingElement>(null);

  /** A node chosen from the keyboard list: selected and centred on the chart, details focused. */
  const choose = (nodeId: string) => {
    const cy = cyRef.current;
    const node = cy?.getElementById(nodeId);
    if (!cy || !node || node.empty()) return;
    cy.elements(':selected').unselect();
    node.select();
    cy.center(node);
    setSelected(nodeId);
    // After React has drawn the panel for the new selection.
    requestAnimationFrame(() => detailsHeading.current?.focus());
  };

  const expand = async (nodeId: string) => {
    const target = nodeTarget(nodeId);
    const cy = cyRef.current;
    if (!cy || target?.kind !== 'entity') return;
    setExpanding(true);
    setExpandError(null);
    try {
      const detail = await api.entity(target.ref);
      const added = expansion(target.ref, detail, (id) => cy.getElementById(id).nonempty());
      cy.add(added);
      placeAround(
        cy,
        nodeId,
        added.filter((e) => e.group === 'nodes').map((e) => e.data.id),
      );
    } catch (error) {
      setExpandError(error instanceof Error ? error : new Error(String(error)));
    } finally {
      setExpanding(false);
    }
  };

  const selectedLabel = selected
    ? String(cyRef.current?.getElementById(selected).data('label') ?? '')
    : null;

  return (
    <div className="graph-page">
      <div className="page-heading">
        <h1>Graph</h1>
        <div className="toolbar">
          <div className="segmented" role="group" aria-label="Entity type">
            {([null, ...ENTITY_TYPES] as const).map((value) => (
              <button
                key={value ?? 'all'}
                type="button"
                aria-pressed={type === value}
                onClick={() => navigate(graphHref(value))}
              >
                {value ? ENTITY_TYPE_PLURALS[value] : 'All'}
              </button>
            ))}
          </div>
          <label className="select-field">
            Entities{' '}
            <select value={size} onChange={(event) => setSize(Number(event.target.value))}>
              {SIZES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => cyRef.current && exportPng(cyRef.current)}>
            Export PNG
          </button>
          <button type="button" onClick={() => cyRef.current && exportSvg(cyRef.current)}>
            Export SVG
          </button>
          <ExportMenu
            label="Export data"
            scope={{ kind: 'store' }}
            what="The whole store: every document and what was extracted from it (GEXF and GraphML for Gephi and other graph tools)."
          />
        </div>
      </div>
      <div className="toolbar graph-dates" role="group" aria-label="Publication dates">
        <label className="date-field">
          <span>Published from</span>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="date-field">
          <span>to</span>
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      {state.status === 'loading' && <p className="muted">Loading…</p>}
      {state.status === 'error' && (
        <ErrorNotice title="The chart cannot be drawn" error={state.error} />
      )}
      {state.status === 'ok' && elements.length === 0 && (
        <p className="notice">
          {from || to
            ? 'No document published in these dates names an entity.'
            : 'No entities yet: ingest and extract some documents.'}
        </p>
      )}
      {state.status === 'ok' && elements.length > 0 && (
        <div className="graph-layout">
          <div className="panel graph-frame">
            <GraphCanvas
              elements={elements}
              cyRef={cyRef}
              onSelect={setSelected}
              onExpand={(id) => void expand(id)}
              onNodes={setNodes}
            />
            <ul className="graph-key small" aria-label="Key">
              {(['person', 'organization', 'place', 'document'] as const).map((key) => (
                <li key={key}>
                  <span className={`key-dot key-${key}`} aria-hidden="true" />
                  {key === 'document' ? 'Documents' : ENTITY_TYPE_PLURALS[key]}
                </li>
              ))}
              <li>
                <span className="key-line" aria-hidden="true" /> named in
              </li>
              <li>
                <span className="key-line key-dashed" aria-hidden="true" /> named together
              </li>
            </ul>
            {state.data.truncated && (
              <p className="muted small">
                Some documents and links were left out to keep the chart readable.
              </p>
            )}
          </div>
          <div className="graph-side">
            <NodePanel
              nodeId={selected}
              label={selectedLabel}
              expanding={expanding}
              onExpand={(id) => void expand(id)}
              headingRef={detailsHeading}
            />
            {expandError && <ErrorNotice title="Expanding failed" error={expandError} />}
            <NodeList nodes={nodes} selected={selected} onChoose={choose} />
          </div>
        </div>
      )}
    </div>
  );
}
