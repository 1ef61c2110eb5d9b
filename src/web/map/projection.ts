import { geoMercator, type GeoProjection } from 'd3-geo';

export interface MapPoint {
  lon: number;
  lat: number;
}

/** Degrees of margin around the places, so the outermost circles are not cut at the edge. */
const MARGIN_DEGREES = 2;
/** The smallest area shown: one place alone still shows its surroundings. */
const MIN_SPAN_DEGREES = 12;

/** The lon/lat box the map shows: the places' extent with a margin, never smaller than a region. */
export function viewBox(points: MapPoint[]): [[number, number], [number, number]] {
  if (points.length === 0)
    return [
      [-170, -58],
      [190, 78],
    ];
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const { lon, lat } of points) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const grow = (low: number, high: number, floor: number) => {
    const pad = Math.max(MARGIN_DEGREES, (floor - (high - low)) / 2);
    return [low - pad, high + pad] as const;
  };
  const [w, e] = grow(west, east, MIN_SPAN_DEGREES);
  const [s, n] = grow(south, north, MIN_SPAN_DEGREES);
  return [
    [Math.max(-180, w), Math.max(-80, s)],
    [Math.min(180, e), Math.min(84, n)],
  ];
}

/**
 * A Mercator projection fitted to the box: for the regional views this workbench mostly shows
 * (a border, a country) it keeps shapes familiar. Drawing is clipped to the frame.
 */
export function fitProjection(points: MapPoint[], width: number, height: number): GeoProjection {
  const [[west, south], [east, north]] = viewBox(points);
  const frame = {
    type: 'MultiPoint' as const,
    coordinates: [
      [west, south],
      [east, north],
      [west, north],
      [east, south],
    ],
  };
  return geoMercator()
    .fitExtent(
      [
        [8, 8],
        [width - 8, height - 8],
      ],
      frame,
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
}

/** Circle radius by mention count: area grows with the count, so a sqrt scale. */
export function radiusFor(count: number, maxCount: number, maxRadius = 22): number {
  if (maxCount <= 0) return 4;
  return 4 + (maxRadius - 4) * Math.sqrt(count / maxCount);
}

/**
 * The places that carry most of the mentions: the default view is fitted to them, so a corpus
 * about one border is not shown as a speck on a world map because one article names Beijing.
 */
export function busiestPlaces<T extends MapPoint & { count: number }>(places: T[], n = 10): T[] {
  return [...places].sort((a, b) => b.count - a.count).slice(0, n);
}
