import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface WorldShapes {
  countries: Array<Feature<Geometry, { name: string }>>;
  /** Borders between countries, drawn once each (coastlines come from the country fills). */
  borders: MultiLineString;
  /** Mexico's states, where most of the material this workbench was built for takes place. */
  states: Array<Feature<Geometry, { name: string; code: string }>>;
  /** Borders between those states, drawn once each. */
  stateBorders: MultiLineString;
}

let shapes: Promise<WorldShapes> | null = null;

/**
 * Natural Earth's countries at 1:50m, from the world-atlas package, and Mexico's states from its
 * admin-1 layer at 1:10m, cut and simplified at build time (vite.config.ts). Vite bundles both
 * into chunks of their own, loaded the first time a map is drawn: nothing is fetched from
 * elsewhere (no tiles), and screens without a map never load them.
 */
export function loadWorld(): Promise<WorldShapes> {
  shapes ??= Promise.all([
    import('world-atlas/countries-50m.json'),
    import('virtual:mexico-states'),
  ]).then(([world, mexico]) => {
    const topology = world.default as unknown as Topology<{
      countries: GeometryCollection<{ name: string }>;
    }>;
    const countries = feature(topology, topology.objects.countries) as FeatureCollection<
      Geometry,
      { name: string }
    >;
    const states = mexico.default;
    return {
      countries: countries.features,
      borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
      states: feature(states, states.objects.states).features,
      stateBorders: mesh(states, states.objects.states, (a, b) => a !== b),
    };
  });
  return shapes;
}
