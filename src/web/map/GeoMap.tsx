import { geoPath } from 'd3-geo';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { fitProjection, radiusFor, type MapPoint } from './projection';
import { loadWorld, type WorldShapes } from './world';

export interface MapPlace {
  name: string;
  lat: number;
  lon: number;
  /** Drives the circle's size: mentions across the store. */
  count: number;
}

const LABELLED = 12;

/**
 * An SVG map drawn by d3-geo from bundled Natural Earth outlines: country shapes, Mexico's states,
 * then one circle per place sized by its mentions, the busiest named. React renders every element,
 * so names from documents are only ever text. Circles are buttons when `onSelect` is given.
 */
export function GeoMap({
  places,
  width,
  height,
  frame = places,
  selected = null,
  onSelect,
  label,
  maxRadius = 22,
}: {
  places: MapPlace[];
  /** The points the view is fitted to (by default every place); others may fall outside it. */
  frame?: MapPoint[];
  width: number;
  height: number;
  selected?: string | null;
  onSelect?: (name: string) => void;
  label: string;
  /** The largest circle's radius, for the busiest place. */
  maxRadius?: number;
}) {
  const [world, setWorld] = useState<WorldShapes | null>(null);
  useEffect(() => {
    let live = true;
    void loadWorld().then((shapes) => live && setWorld(shapes));
    return () => {
      live = false;
    };
  }, []);

  const projection = useMemo(() => fitProjection(frame, width, height), [frame, width, height]);
  const path = useMemo(() => geoPath(projection), [projection]);
  const maxCount = Math.max(0, ...places.map((p) => p.count));
  // Small circles on top of big ones, so every place stays clickable.
  const drawn = useMemo(() => [...places].sort((a, b) => b.count - a.count), [places]);
  const labelled = new Set(drawn.slice(0, LABELLED).map((p) => p.name));

  return (
    <svg
      className="geo-map"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      preserveAspectRatio="xMidYMid meet"
    >
      <rect className="sea" width={width} height={height} />
      {world && (
        <g className="countries">
          {world.countries.map((country, index) => (
            <path key={index} className="country" d={path(country) ?? undefined}>
              <title>{country.properties.name}</title>
            </path>
          ))}
          <path className="borders" d={path(world.borders) ?? undefined} />
        </g>
      )}
      {world && (
        <g className="states">
          {world.states.map((state) => (
            <path key={state.properties.code} className="state" d={path(state) ?? undefined}>
              <title>{state.properties.name}</title>
            </path>
          ))}
          <path className="state-borders" d={path(world.stateBorders) ?? undefined} />
        </g>
      )}
      <g className="places">
        {drawn.map((place) => {
          const point = projection([place.lon, place.lat]);
          if (!point) return null;
          const [x, y] = point;
          const r = radiusFor(place.count, maxCount, maxRadius);
          const select = onSelect ? () => onSelect(place.name) : undefined;
          const onKeyDown = (event: KeyboardEvent) => {
            if (select && (event.key === 'Enter' || event.key === ' ')) {
              event.preventDefault();
              select();
            }
          };
          return (
            <g
              key={place.name}
              className={`place${place.name === selected ? ' selected' : ''}`}
              {...(select && {
                role: 'button',
                tabIndex: 0,
                'aria-label': `${place.name}: ${place.count} mentions`,
                onClick: select,
                onKeyDown,
              })}
            >
              <circle className="place-circle" cx={x} cy={y} r={r}>
                <title>{`${place.name}: ${place.count} mentions`}</title>
              </circle>
              {labelled.has(place.name) && (
                <text className="place-label" x={x + r + 3} y={y + 4}>
                  {place.name}
                </text>
              )}
            </g>
          );
        })}
      </g>
    </svg>
  );
}
