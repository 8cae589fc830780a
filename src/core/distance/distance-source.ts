/**
 * One view of "how far is demand point i from candidate j" for the location solvers (p-median, p-center),
 * whether the instance comes with a dense matrix (an OSRM table, all-pairs shortest paths) or with coordinates
 * only (great-circle km). Solvers walk the sorted nearest lists and fall back on `distance` / `nearest` for
 * candidates beyond a truncated list, so objectives are always exact.
 */
import type KDBush from 'kdbush';
import { around } from 'geokdbush';
import { haversineKm } from './haversine';
import { indexCandidates, nearestListsFromMatrix, nearestListsFromPoints, type NearestLists } from './nearest-lists';
import type { Candidates, Demand, DistanceMatrix } from '../types';

/** An instance of a location problem: demand points, candidate sites, and optionally their distance matrix. */
export interface LocationInput {
  demand: Demand;
  candidates: Candidates;
  /** Dense demand x candidate distances (any unit). When absent, great-circle km from the coordinates. */
  matrix?: DistanceMatrix;
}

/** Distances of one instance, as sorted nearest lists plus exact look-ups beyond them. */
export interface DistanceSource {
  demandCount: number;
  siteCount: number;
  /** Demand weights (1 when the demand has none). */
  weight: Float64Array;
  /** Sorted nearest candidates of each demand point (complete for a matrix unless `k` truncates them). */
  lists: NearestLists;
  /** Exact distance from demand i to candidate j (Infinity = unreachable). */
  distance(i: number, j: number): number;
  /**
   * Nearest candidate j of demand i over all candidates such that `accept(j)`, or -1 when none is reachable.
   * The fallback when none of the candidates in i's list is acceptable: a filtered kd-tree search for
   * coordinates (geokdbush `around` with a predicate), a row scan for a matrix.
   */
  nearest(i: number, accept: (j: number) => boolean): number;
}

/** Default neighbours per demand point for coordinate instances (a heuristic needs the few nearest sites). */
export const DEFAULT_NEIGHBOURS = 64;
/** Largest demand x candidate product for which coordinate instances get complete lists. */
export const COMPLETE_LIST_MAX_ENTRIES = 4_000_000;

function weightsOf(demand: Demand): Float64Array {
  if (demand.weight.length === 0) return new Float64Array(demand.count).fill(1);
  if (demand.weight.length !== demand.count) {
    throw new Error(`Demand has ${demand.weight.length} weights, expected ${demand.count}.`);
  }
  for (let i = 0; i < demand.count; i++) {
    if (!(demand.weight[i] >= 0) || demand.weight[i] === Infinity) {
      throw new Error(`Demand weight ${i} is ${demand.weight[i]}, expected a finite number >= 0.`);
    }
  }
  return demand.weight;
}

/**
 * Distances of a dense matrix (rows = demand, cols = candidates).
 * @param matrix the matrix, any unit, Infinity = unreachable
 * @param weight demand weights
 * @param k truncate the lists to the k nearest (default: complete lists)
 */
export function matrixDistanceSource(matrix: DistanceMatrix, weight: Float64Array, k = Infinity): DistanceSource {
  if (weight.length !== matrix.rows) throw new Error(`Got ${weight.length} weights for ${matrix.rows} matrix rows.`);
  const { cols, values } = matrix;
  return {
    demandCount: matrix.rows,
    siteCount: cols,
    weight,
    lists: nearestListsFromMatrix(matrix, k),
    distance: (i, j) => values[i * cols + j],
    nearest(i, accept) {
      let best = -1;
      let bestDistance = Infinity;
      for (let j = 0; j < cols; j++) {
        const d = values[i * cols + j];
        if (d < bestDistance && accept(j)) {
          best = j;
          bestDistance = d;
        }
      }
      return best;
    },
  };
}

/**
 * Great-circle distances in km between demand and candidate coordinates.
 * @param demand demand points with lon/lat and weights
 * @param candidates candidate sites with lon/lat
 * @param k neighbours per demand point in the sorted lists
 */
export function pointDistanceSource(demand: Demand, candidates: Candidates, k: number): DistanceSource {
  const index: KDBush = indexCandidates(candidates);
  const { lon, lat } = candidates;
  return {
    demandCount: demand.count,
    siteCount: candidates.count,
    weight: weightsOf(demand),
    lists: nearestListsFromPoints(demand, candidates, k, index),
    distance: (i, j) => haversineKm(demand.lon[i], demand.lat[i], lon[j], lat[j]),
    nearest(i, accept) {
      if (candidates.count === 0) return -1;
      const found = around(index, demand.lon[i], demand.lat[i], 1, Infinity, accept);
      return found.length > 0 ? found[0] : -1;
    },
  };
}

/**
 * The distance source of a location instance: its matrix when given (checked against the counts), else
 * great-circle km. Lists keep the `neighbours` nearest candidates per demand point when that option is given;
 * otherwise they are complete when demand x candidates <= 4,000,000, else 64 long.
 *
 * @param input demand, candidates and optional matrix
 * @param options.neighbours list length (default: complete lists for small instances, 64 for large ones)
 * @param options.complete require complete lists (exact solvers need every distance); throws beyond 4,000,000 pairs
 */
export function createDistanceSource(
  input: LocationInput,
  options: { neighbours?: number; complete?: boolean } = {},
): DistanceSource {
  const { demand, candidates, matrix } = input;
  const weight = weightsOf(demand);
  const pairs = demand.count * candidates.count;
  if (options.complete && pairs > COMPLETE_LIST_MAX_ENTRIES) {
    throw new Error(
      `Every distance is needed (exact mode), but ${demand.count} demand x ${candidates.count} candidates = ${pairs} pairs exceeds ${COMPLETE_LIST_MAX_ENTRIES}: use the heuristic.`,
    );
  }
  if (matrix) {
    if (matrix.rows !== demand.count || matrix.cols !== candidates.count) {
      throw new Error(
        `Distance matrix is ${matrix.rows} x ${matrix.cols}, expected ${demand.count} demand x ${candidates.count} candidates.`,
      );
    }
    return matrixDistanceSource(matrix, weight, options.complete ? Infinity : (options.neighbours ?? Infinity));
  }
  const all = options.complete || (options.neighbours === undefined && pairs <= COMPLETE_LIST_MAX_ENTRIES);
  const k = all ? candidates.count : (options.neighbours ?? DEFAULT_NEIGHBOURS);
  return pointDistanceSource(demand, candidates, k);
}
