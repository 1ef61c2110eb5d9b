import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface WorldShapes {
  countries: Array<Feature<Geometry, { name: string }>>;
  /** Borders between countries, drawn once each (coastlines come from the country fills). */
  borders: MultiLineString;
}

let shapes: Promise<WorldShapes> | null = null;

/**
 * Natural Earth's countries at 1:50m, from the world-atlas package. Vite bundles the TopoJSON
 * at build time into its own chunk, loaded the first time a map is drawn: nothing is fetched
 * from elsewhere (no tiles), and screens without a map never load it.
 */
export function loadWorld(): Promise<WorldShapes> {
  shapes ??= import('world-atlas/countries-50m.json').then((module) => {
    const topology = module.default as unknown as Topology<{
      countries: GeometryCollection<{ name: string }>;
    }>;
    const countries = feature(topology, topology.objects.countries) as FeatureCollection<
      Geometry,
      { name: string }
    >;
    return {
      countries: countries.features,
      borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
    };
  });
  return shapes;
}
