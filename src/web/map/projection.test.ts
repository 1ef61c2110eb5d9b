import { describe, expect, it } from 'vitest';
import { busiestPlaces, fitProjection, radiusFor, viewBox } from './projection';

describe('viewBox', () => {
  it('frames the places with a margin, never smaller than a region', () => {
    const [[west, south], [east, north]] = viewBox([{ lon: -106.46, lat: 31.72 }]);
    expect(east - west).toBeCloseTo(12);
    expect(north - south).toBeCloseTo(12);
    expect((west + east) / 2).toBeCloseTo(-106.46);
  });

  it('shows the world when there is nothing to frame', () => {
    expect(viewBox([])).toEqual([
      [-170, -58],
      [190, 78],
    ]);
  });
});

describe('fitProjection', () => {
  it('puts every framed place inside the drawing', () => {
    const places = [
      { lon: -106.46, lat: 31.72 },
      { lon: -99.13, lat: 19.43 },
      { lon: -77.04, lat: 38.9 },
    ];
    const projection = fitProjection(places, 900, 600);
    for (const place of places) {
      const [x, y] = projection([place.lon, place.lat])!;
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(900);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(600);
    }
  });
});

describe('sizes and focus', () => {
  it('grows circle area, not radius, with the count', () => {
    expect(radiusFor(100, 100)).toBe(22);
    expect(radiusFor(25, 100)).toBe(13);
    expect(radiusFor(0, 0)).toBe(4);
  });

  it('keeps the busiest places', () => {
    const places = [
      { name: 'a', lon: 0, lat: 0, count: 1 },
      { name: 'b', lon: 0, lat: 0, count: 9 },
      { name: 'c', lon: 0, lat: 0, count: 5 },
    ];
    expect(busiestPlaces(places, 2).map((p) => p.name)).toEqual(['b', 'c']);
  });
});
