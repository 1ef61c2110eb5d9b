import type { EntityType } from '../api/analysis-types';

/** A node as the keyboard list shows it, read from the chart. */
export interface ChartNode {
  id: string;
  label: string;
  kind: 'entity' | 'document';
  type: EntityType | 'document';
  weight: number;
}

/** Case and accents aside, as the search does: `juarez` finds `Juárez`. */
export const foldForMatch = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Entities first (what one expands), then documents; busiest first, then by name. */
export function sortChartNodes(nodes: ChartNode[]): ChartNode[] {
  return [...nodes].sort(
    (a, b) =>
      (a.kind === 'entity' ? 0 : 1) - (b.kind === 'entity' ? 0 : 1) ||
      b.weight - a.weight ||
      a.label.localeCompare(b.label),
  );
}
