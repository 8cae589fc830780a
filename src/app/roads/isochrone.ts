/**
 * The isochrone of a selected station or center: the area within its reach by road, drawn as a concave hull
 * (concaveman: Park & Oh, "A New Concave Hull Algorithm and Concaveness Measure for n-dimensional Datasets",
 * 2012) of the road network's nodes the road worker reached (`RoadsApi.reachFrom`, villages driving to the site,
 * as the plan's reach). The nodes are first thinned to one per grid cell, so the hull stays cheap on the page
 * whatever the reach. Pure: nodes in, ring out.
 */
import concaveman from 'concaveman';

/** Grid cell of the thinning, degrees (about 200 m): finer than the hull's detail at a station's reach. */
export const THIN_CELL_DEG = 0.002;
/** Concavity of the hull (concaveman's default 2: the relative measure of the paper; 1 is detailed, large is convex). */
export const CONCAVITY = 2;

/** The isochrone on the map: which site, its reach, and the ring [lon, lat] (closed). */
export interface Isochrone {
  /** Index in the plan's site table and its id, when it was computed. */
  site: number;
  siteId: string;
  minutes: number;
  ring: [number, number][];
  /** Network nodes reached (before thinning). */
  nodes: number;
}

/**
 * The hull ring around reached network nodes (and the point where the site met the road), or null when fewer
 * than three distinct cells were reached (no area to draw).
 */
export function isochroneRing(
  lon: Float64Array,
  lat: Float64Array,
  roadLon: number,
  roadLat: number,
): [number, number][] | null {
  const seen = new Set<string>();
  const points: [number, number][] = [];
  const add = (x: number, y: number): void => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    const key = `${Math.floor(x / THIN_CELL_DEG)},${Math.floor(y / THIN_CELL_DEG)}`;
    if (seen.has(key)) return;
    seen.add(key);
    points.push([x, y]);
  };
  add(roadLon, roadLat);
  for (let k = 0; k < lon.length; k++) add(lon[k], lat[k]);
  if (points.length < 3) return null;
  return concaveman(points, CONCAVITY, 0) as [number, number][];
}
