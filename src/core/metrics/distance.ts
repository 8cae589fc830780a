/**
 * Distance from each demand point to its nearest open site, and the distribution of these distances (weighted
 * quantiles and a histogram), for lon/lat points (great-circle km, `haversineKm`) or planar points (euclidean,
 * the coordinates' unit).
 *
 * Nearest-site search: geokdbush (V. Agafonkin; kd-tree branch-and-bound over great-circle distance) on the open
 * sites, flatbush `neighbors` on the plane; the returned distance is recomputed with `haversineKm` so it agrees with
 * the reach models.
 */
import { around } from 'geokdbush';
import Flatbush from 'flatbush';
import KDBush from 'kdbush';
import { haversineKm } from '../distance/haversine';
import type { PlanarPoints } from '../reach/planar';
import type { LonLatPoints } from '../reach/radius';

/**
 * Great-circle distance in km from each demand point to the nearest open site (Infinity when none is open).
 * @param demand demand points, lon/lat degrees
 * @param sites candidate sites, lon/lat degrees
 * @param open indices of the open sites
 * @example
 * const km = nearestOpenSiteKm(villages, candidates, plan.selected);
 * distanceDistribution(km, villages.weight).quantiles; // median, p90, ... in km
 */
export function nearestOpenSiteKm(demand: LonLatPoints, sites: LonLatPoints, open: ArrayLike<number>): Float64Array {
  const out = new Float64Array(demand.count).fill(Infinity);
  if (open.length === 0) return out;
  const index = new KDBush(open.length);
  for (let k = 0; k < open.length; k++) index.add(sites.lon[open[k]], sites.lat[open[k]]);
  index.finish();
  for (let i = 0; i < demand.count; i++) {
    const [k] = around(index, demand.lon[i], demand.lat[i], 1);
    const j = open[k];
    out[i] = haversineKm(sites.lon[j], sites.lat[j], demand.lon[i], demand.lat[i]);
  }
  return out;
}

/**
 * Euclidean distance (the coordinates' unit) from each demand point to the nearest open site on a plane.
 * @param demand demand points (x, y)
 * @param sites candidate sites (x, y)
 * @param open indices of the open sites
 */
export function nearestOpenSitePlanar(
  demand: PlanarPoints,
  sites: PlanarPoints,
  open: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(demand.count).fill(Infinity);
  if (open.length === 0) return out;
  const index = new Flatbush(open.length);
  for (let k = 0; k < open.length; k++) index.add(sites.x[open[k]], sites.y[open[k]]);
  index.finish();
  for (let i = 0; i < demand.count; i++) {
    const [k] = index.neighbors(demand.x[i], demand.y[i], 1);
    const j = open[k];
    out[i] = Math.hypot(demand.x[i] - sites.x[j], demand.y[i] - sites.y[j]);
  }
  return out;
}

/** Summary of a distance distribution. */
export interface DistanceDistribution {
  /** Weighted mean of the finite distances. */
  mean: number;
  /** Largest finite distance. */
  max: number;
  /** Weighted quantiles: `quantiles[k]` is the smallest d with at least `levels[k]` of the weight at distance <= d. */
  levels: number[];
  quantiles: number[];
  /** Histogram: bin b counts weight with edges[b] <= d < edges[b+1]; the last bin is closed; Infinity is left out. */
  edges: number[];
  binWeight: Float64Array;
  /** Weight at infinite distance (no open site). */
  unreachableWeight: number;
}

/**
 * Weighted quantiles and histogram of distances.
 *
 * @param distance one distance per demand point (Infinity = no open site)
 * @param weight weight of each point (default 1 each)
 * @param options quantile levels (default 0.5, 0.75, 0.9, 0.95, 0.99) and histogram bin edges (default 10 equal
 *   bins from 0 to the largest finite distance)
 */
export function distanceDistribution(
  distance: Float64Array,
  weight?: Float64Array,
  options: { levels?: number[]; edges?: number[] } = {},
): DistanceDistribution {
  const levels = options.levels ?? [0.5, 0.75, 0.9, 0.95, 0.99];
  const order = Array.from(distance.keys()).sort((a, b) => distance[a] - distance[b] || a - b);
  const w = (i: number): number => (weight ? weight[i] : 1);
  let total = 0;
  let sum = 0;
  let max = 0;
  let finiteWeight = 0;
  let unreachableWeight = 0;
  for (const i of order) {
    total += w(i);
    if (Number.isFinite(distance[i])) {
      sum += w(i) * distance[i];
      finiteWeight += w(i);
      max = Math.max(max, distance[i]);
    } else unreachableWeight += w(i);
  }
  const quantiles = levels.map((level) => {
    let acc = 0;
    for (const i of order) {
      acc += w(i);
      if (acc >= level * total - 1e-12 * total) return distance[i];
    }
    return NaN;
  });
  const edges = options.edges ?? Array.from({ length: 11 }, (_, b) => (max * b) / 10);
  const binWeight = new Float64Array(Math.max(0, edges.length - 1));
  for (const i of order) {
    const d = distance[i];
    if (!Number.isFinite(d)) continue;
    for (let b = 0; b < binWeight.length; b++) {
      const last = b === binWeight.length - 1;
      if (d >= edges[b] && (d < edges[b + 1] || (last && d <= edges[b + 1]))) {
        binWeight[b] += w(i);
        break;
      }
    }
  }
  return {
    mean: finiteWeight > 0 ? sum / finiteWeight : NaN,
    max,
    levels,
    quantiles,
    edges,
    binWeight,
    unreachableWeight,
  };
}
