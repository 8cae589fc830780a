/**
 * The routing problem of one center of a plan: node 0 is the center, nodes 1..n its stations, with their loads,
 * the van capacity, the shift, the stop time and the travel costs of the chosen distance source:
 * - `proxy` (default): km = great-circle km x circuity, minutes = km / speed (the engine's travel-time proxy,
 *   src/core/reach/travel-time.ts);
 * - `matrix`: an imported full site x site matrix of minutes (and km; without km, km = minutes x speed / 60);
 * - `road`: minutes by road through src/core/road (one-to-many Dijkstra between the snapped sites, bounded by the
 *   shift); km stay the proxy's, since the road table gives times only.
 * A pair with no finite time (no road) makes the station unreachable, which the solver reports by name.
 */
import { haversineKm } from '../distance/haversine';
import type { IndexedRoadNetwork } from '../road/graph';
import { snapPoints } from '../road/snap';
import { travelTable } from '../road/table';
import type { RunParams } from './run-params';
import type { RouteProblem } from './types';

/** Where travel costs come from. Matrices are row-major over the input's sites: `[from * sites.count + to]`. */
export type RunDistance =
  | { kind: 'proxy' }
  | { kind: 'matrix'; minutes: Float64Array; km?: Float64Array }
  | { kind: 'road'; network: IndexedRoadNetwork; maxSnapMetres?: number };

/** The sites part of the input that the problem needs. */
interface SitesLike {
  sites: { count: number; lon: Float64Array; lat: Float64Array };
  distance?: RunDistance;
}

/**
 * The routing problem of one center.
 * @param input sites and distance source
 * @param params run parameters (capacity, shift, stop, speed, circuity)
 * @param center site index of the center
 * @param stations site indices of its stations (node k = stations[k - 1])
 * @param deliveries parcels per site per day
 * @param pickups pickups per site per day
 */
export function buildCenterProblem(
  input: SitesLike,
  params: RunParams,
  center: number,
  stations: readonly number[],
  deliveries: Float64Array,
  pickups: Float64Array,
): RouteProblem {
  const nodes = [center, ...stations];
  const size = nodes.length;
  const { sites } = input;
  const count = sites.count;
  const cost = new Float64Array(size * size);
  const durationMin = new Float64Array(size * size);
  const distance = input.distance ?? { kind: 'proxy' };
  if (distance.kind === 'matrix' && distance.minutes.length !== count * count) {
    throw new Error(`The travel-time matrix has ${distance.minutes.length} values, expected ${count} x ${count}.`);
  }
  const roadSeconds = distance.kind === 'road' ? roadTable(distance, sites, nodes, params) : null;
  for (let a = 0; a < size; a++) {
    for (let b = 0; b < size; b++) {
      if (a === b) continue;
      const from = nodes[a];
      const to = nodes[b];
      const proxyKm = haversineKm(sites.lon[from], sites.lat[from], sites.lon[to], sites.lat[to]) * params.circuity;
      let km = proxyKm;
      let minutes = (proxyKm / params.speedKmh) * 60;
      if (distance.kind === 'matrix') {
        minutes = distance.minutes[from * count + to];
        km = distance.km ? distance.km[from * count + to] : (minutes * params.speedKmh) / 60;
      } else if (roadSeconds) {
        minutes = roadSeconds[a * size + b] / 60;
      }
      if (!Number.isFinite(minutes) || !Number.isFinite(km)) {
        minutes = Infinity;
        km = Infinity;
      }
      cost[a * size + b] = km;
      durationMin[a * size + b] = minutes;
    }
  }
  const serviceMin = new Float64Array(size).fill(params.stopMin);
  serviceMin[0] = 0;
  return {
    n: stations.length,
    delivery: Float64Array.from(nodes, (j, k) => (k === 0 ? 0 : deliveries[j])),
    pickup: Float64Array.from(nodes, (j, k) => (k === 0 ? 0 : pickups[j])),
    capacity: params.vanCapacity,
    cost,
    durationMin,
    serviceMin,
    maxDurationMin: params.shiftHours * 60,
    x: Float64Array.from(nodes, (j) => sites.lon[j]),
    y: Float64Array.from(nodes, (j) => sites.lat[j]),
  };
}

/** Road seconds between the nodes (row-major, Infinity beyond the shift or with no road). */
function roadTable(
  distance: { network: IndexedRoadNetwork; maxSnapMetres?: number },
  sites: SitesLike['sites'],
  nodes: readonly number[],
  params: RunParams,
): Float64Array {
  const lon = nodes.map((j) => sites.lon[j]);
  const lat = nodes.map((j) => sites.lat[j]);
  const snapped = snapPoints(distance.network, lon, lat, { maxSnapMetres: distance.maxSnapMetres });
  return travelTable(distance.network, snapped, snapped, params.shiftHours * 3600).values;
}
