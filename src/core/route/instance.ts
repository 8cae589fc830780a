/**
 * The solver's internal view of a (valid) routing problem: symmetric cost and time matrices, per-node load data,
 * granular neighbour lists and polar angles, and the parameters of the Hybrid Genetic Search.
 *
 * Parameters are those of HGS-CVRP (T. Vidal, "Hybrid genetic search for the CVRP: Open-source implementation and
 * SWAP* neighborhood", Computers & Operations Research 140 (2022) 105643, Table 1; code github.com/vidalt/HGS-CVRP,
 * Params.cpp): 20 granular neighbours, mu = 25, lambda = 40, 4 elite, 5 closest for diversity, 20 % feasible
 * target, 20,000 idle iterations. Granular neighbourhoods: P. Toth, D. Vigo, "The granular tabu search and its
 * application to the vehicle-routing problem", INFORMS J. Computing 15 (2003) 333-346.
 */
import type { RouteProblem } from './types';

/** Search parameters (HGS-CVRP defaults). */
export const HGS_PARAMS = {
  nbGranular: 20,
  mu: 25,
  lambda: 40,
  nbElite: 4,
  nbClose: 5,
  targetFeasible: 0.2,
  nbIterPenaltyManagement: 100,
  penaltyIncrease: 1.2,
  penaltyDecrease: 0.85,
  /** A segment of the giant tour longer than this x capacity is not tried as one route by Split. */
  splitLoadFactor: 1.5,
} as const;

/** Internal instance: node 0 is the depot, 1..n the customers. */
export interface Instance {
  n: number;
  /** Matrix stride, n + 1. */
  stride: number;
  /** Symmetric travel cost (c_ij + c_ji) / 2, the objective the search minimises. */
  dist: Float64Array;
  /** Symmetric travel time in minutes, or null when no shift limit applies. */
  time: Float64Array | null;
  service: Float64Array;
  delivery: Float64Array;
  pickup: Float64Array;
  /** Load seen at a single node entering with its delivery: max(delivery, pickup). */
  nodeLoad: Float64Array;
  capacity: number;
  /** Longest route duration in minutes (Infinity when none). */
  maxDurationMin: number;
  hasPickup: boolean;
  /** Fleet limit (Infinity when none). */
  maxVehicles: number;
  /** Route slots of the local search when the fleet is unlimited (HGS: ceil(1.3 x load / capacity) + 3). */
  defaultVehicles: number;
  /** Granular neighbours of node i: `neighbours[neighbourStart[i] .. neighbourStart[i + 1])`. */
  neighbourStart: Int32Array;
  neighbours: Int32Array;
  /** Polar angle of each node around the depot in [0, 65536), or null without coordinates. */
  polar: Int32Array | null;
  /** Barycentre coordinates are needed for route ordering; null without coordinates. */
  x: Float64Array | null;
  y: Float64Array | null;
  /** Initial capacity penalty per unit of excess load (HGS: max(0.1, min(1000, maxDist / maxDemand))). */
  initialPenaltyCapacity: number;
}

/**
 * Builds the internal instance. The problem must be valid: every station routable alone, finite costs.
 * @param problem the (reduced) problem
 */
export function buildInstance(problem: RouteProblem): Instance {
  const n = problem.n;
  const stride = n + 1;
  const dist = symmetric(problem.cost, stride);
  const maxDurationMin = problem.maxDurationMin ?? Infinity;
  const hasDuration = Number.isFinite(maxDurationMin) && problem.durationMin !== undefined;
  const time = hasDuration ? symmetric(problem.durationMin as Float64Array, stride) : null;
  const service = new Float64Array(stride);
  if (hasDuration && problem.serviceMin) service.set(problem.serviceMin.subarray(0, stride));
  service[0] = 0;
  const nodeLoad = new Float64Array(stride);
  let sumD = 0;
  let sumP = 0;
  let maxDemand = 0;
  for (let i = 1; i <= n; i++) {
    nodeLoad[i] = Math.max(problem.delivery[i], problem.pickup[i]);
    sumD += problem.delivery[i];
    sumP += problem.pickup[i];
    maxDemand = Math.max(maxDemand, nodeLoad[i]);
  }
  let maxDist = 0;
  for (let k = 0; k < dist.length; k++) if (dist[k] > maxDist) maxDist = dist[k];
  const { neighbourStart, neighbours } = granularNeighbours(dist, n, HGS_PARAMS.nbGranular);
  const hasXY = problem.x !== undefined && problem.y !== undefined;
  return {
    n,
    stride,
    dist,
    time,
    service,
    delivery: problem.delivery,
    pickup: problem.pickup,
    nodeLoad,
    capacity: problem.capacity,
    maxDurationMin: hasDuration ? maxDurationMin : Infinity,
    hasPickup: sumP > 0,
    maxVehicles: problem.maxVehicles ?? Infinity,
    defaultVehicles: Math.ceil((1.3 * Math.max(sumD, sumP)) / problem.capacity) + 3,
    neighbourStart,
    neighbours,
    polar: hasXY ? polarAngles(problem.x as Float64Array, problem.y as Float64Array, n) : null,
    x: hasXY ? (problem.x as Float64Array) : null,
    y: hasXY ? (problem.y as Float64Array) : null,
    initialPenaltyCapacity: Math.max(0.1, Math.min(1000, maxDist / Math.max(maxDemand, 1e-9))),
  };
}

/** (m + m^T) / 2: the search evaluates moves and reversals on a symmetric matrix. */
function symmetric(m: Float64Array, stride: number): Float64Array {
  const out = new Float64Array(stride * stride);
  for (let i = 0; i < stride; i++) {
    for (let j = 0; j < stride; j++) out[i * stride + j] = 0.5 * (m[i * stride + j] + m[j * stride + i]);
  }
  return out;
}

/**
 * The `k` nearest customers of each customer by cost, made symmetric (j in the list of i or i in the list of j),
 * as in HGS-CVRP's correlated vertices.
 */
function granularNeighbours(
  dist: Float64Array,
  n: number,
  k: number,
): { neighbourStart: Int32Array; neighbours: Int32Array } {
  const stride = n + 1;
  const lists: Set<number>[] = Array.from({ length: stride }, () => new Set<number>());
  const order: number[] = [];
  for (let i = 1; i <= n; i++) {
    order.length = 0;
    for (let j = 1; j <= n; j++) if (j !== i) order.push(j);
    order.sort((a, b) => dist[i * stride + a] - dist[i * stride + b] || a - b);
    for (let t = 0; t < Math.min(k, order.length); t++) {
      lists[i].add(order[t]);
      lists[order[t]].add(i);
    }
  }
  const neighbourStart = new Int32Array(stride + 1);
  for (let i = 0; i < stride; i++) neighbourStart[i + 1] = neighbourStart[i] + lists[i].size;
  const neighbours = new Int32Array(neighbourStart[stride]);
  for (let i = 1; i <= n; i++)
    neighbours.set(
      [...lists[i]].sort((a, b) => a - b),
      neighbourStart[i],
    );
  return { neighbourStart, neighbours };
}

/** Polar angle of each node around the depot (node 0), scaled to integers in [0, 65536) as in HGS-CVRP. */
function polarAngles(x: Float64Array, y: Float64Array, n: number): Int32Array {
  const out = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    const angle = Math.atan2(y[i] - y[0], x[i] - x[0]);
    out[i] = positiveMod(Math.round((32768 * angle) / Math.PI));
  }
  return out;
}

/** i mod 65536 in [0, 65536). */
export function positiveMod(i: number): number {
  return ((i % 65536) + 65536) % 65536;
}
