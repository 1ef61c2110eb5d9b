import { escapeXml } from '../graph/xml.js';
import type { BriefPlace } from './brief-data.js';

const WIDTH = 640;
const HEIGHT = 360;
const MARGIN = 40;

/**
 * A small locator map as inline SVG: places as dots sized by documents, on an equirectangular
 * projection fitted to their bounding box. Hand-rolled because a brief must be one
 * self-contained file (no tiles, no script) and a linear projection is enough at this scale.
 */
export function svgMap(places: BriefPlace[]): string {
  if (places.length === 0) return '';
  const lons = places.map((p) => p.lon);
  const lats = places.map((p) => p.lat);
  const pad = 1; // degrees, so one place or a line of places still has a frame
  const [west, east] = [Math.min(...lons) - pad, Math.max(...lons) + pad];
  const [south, north] = [Math.min(...lats) - pad, Math.max(...lats) + pad];
  const scale = Math.min(
    (WIDTH - 2 * MARGIN) / (east - west),
    (HEIGHT - 2 * MARGIN) / (north - south),
  );
  const x = (lon: number) => MARGIN + (lon - west) * scale;
  const y = (lat: number) => MARGIN + (north - lat) * scale;
  const most = Math.max(...places.map((p) => p.documents));
  const dots = places
    .map((p) => {
      const r = 3 + 7 * Math.sqrt(p.documents / most);
      const [cx, cy] = [x(p.lon).toFixed(1), y(p.lat).toFixed(1)];
      return (
        `<g><circle cx="${cx}" cy="${cy}" r="${r.toFixed(1)}"><title>${escapeXml(`${p.name}: ${p.documents} document(s)`)}</title></circle>` +
        `<text x="${(x(p.lon) + r + 2).toFixed(1)}" y="${(y(p.lat) + 4).toFixed(1)}">${escapeXml(p.name)}</text></g>`
      );
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="Map of the places named">` +
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#eef3f7"/>` +
    `<g fill="#c0392b" fill-opacity="0.7" font-family="sans-serif" font-size="11">${dots}</g></svg>`
  );
}
