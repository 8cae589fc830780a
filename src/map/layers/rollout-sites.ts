/**
 * The sites of a rollout on the map, opened up to a chosen year: stations as small dots and county centers as
 * larger outlined discs, coloured by opening year. The sites are laid out once per result in opening order (each
 * role sorted by year), so the sites open by year Y are a prefix of each role's arrays: moving the timeline only
 * changes the layers' `length`, never a buffer.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import { ROLLOUT_ROLE, type RolloutResult } from '../../core/rollout/rollout-types';
import { yearWords } from './rollout-colours';

/** One role's sites in opening order, as GPU-ready arrays. */
export interface RoleSites {
  /** Interleaved [lon, lat, ...] degrees. */
  positions: Float32Array;
  /** RGBA per site (its opening year's colour). */
  colours: Uint8Array;
  /** `open[y]`: sites open at the end of year y (prefix length); open[0] = 0. */
  open: number[];
}

/** The rollout's sites laid out for the map. */
export interface RolloutSitePoints {
  centers: RoleSites;
  stations: RoleSites;
}

/** Lays out one role's sites by opening year (stable: the engine's order within a year is kept). */
function roleSites(result: RolloutResult, role: number, words: Uint32Array): RoleSites {
  const { sites } = result;
  const years = result.params.years;
  const order: number[] = [];
  for (let k = 0; k < sites.count; k++) if (sites.role[k] === role) order.push(k);
  order.sort((a, b) => sites.year[a] - sites.year[b] || a - b);
  const positions = new Float32Array(order.length * 2);
  const colours = new Uint8Array(order.length * 4);
  const colourWords = new Uint32Array(colours.buffer);
  const open = new Array<number>(years + 1).fill(0);
  order.forEach((k, n) => {
    positions[2 * n] = sites.lon[k];
    positions[2 * n + 1] = sites.lat[k];
    const year = Math.min(years, Math.max(1, sites.year[k]));
    colourWords[n] = words[year];
    for (let y = year; y <= years; y++) open[y] = n + 1;
  });
  // A year that opened nothing keeps the previous year's prefix.
  for (let y = 1; y <= years; y++) open[y] = Math.max(open[y], open[y - 1]);
  return { positions, colours, open };
}

/** The result's sites laid out for the map (once per result). */
export function rolloutSitePoints(result: RolloutResult): RolloutSitePoints {
  const words = yearWords(result.params.years, 255);
  return {
    centers: roleSites(result, ROLLOUT_ROLE.center, words),
    stations: roleSites(result, ROLLOUT_ROLE.station, words),
  };
}

/** Sites open at the end of `year`: [centers, stations]. */
export function openSites(points: RolloutSitePoints, year: number): [number, number] {
  const at = (role: RoleSites) => role.open[Math.min(role.open.length - 1, Math.max(0, year))];
  return [at(points.centers), at(points.stations)];
}

/**
 * The sites open at the end of `year` as two deck.gl layers (stations under centers), from binary attributes.
 * @param points from {@link rolloutSitePoints}
 * @param year the timeline's year
 */
export function rolloutSitesLayers(points: RolloutSitePoints, year: number): ScatterplotLayer[] {
  const [centers, stations] = openSites(points, year);
  const layer = (id: string, role: RoleSites, length: number, props: Record<string, unknown>) =>
    new ScatterplotLayer({
      id,
      data: {
        length,
        attributes: {
          getPosition: { value: role.positions, size: 2 },
          getFillColor: { value: role.colours, size: 4 },
        },
      },
      radiusUnits: 'meters',
      pickable: false,
      ...props,
    });
  return [
    // 400 m on the ground, at least 1.5 px: a national map of 100,000 stations stays a readable pattern.
    layer('rollout-stations', points.stations, stations, { getRadius: 400, radiusMinPixels: 1.5, radiusMaxPixels: 8 }),
    layer('rollout-centers', points.centers, centers, {
      getRadius: 3000,
      radiusMinPixels: 3.5,
      radiusMaxPixels: 14,
      stroked: true,
      getLineColor: [20, 20, 20, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
    }),
  ];
}
