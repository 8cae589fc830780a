/**
 * What the p-median and p-center solvers share: site roles from candidate statuses, the solution type with the
 * assignment of every demand point, and its assembly.
 */
import { relativeGap } from '../gap';
import { SITE_STATUS, type Candidates, type Solution } from '../../types';
import type { DistanceSource } from '../../distance/distance-source';

/** Which candidates must be open (existing, locked) and which may be (all but excluded). */
export interface SiteRoles {
  /** 1 for existing and locked candidates: always open. */
  fixed: Uint8Array;
  /** 0 for excluded candidates: never open. */
  allowed: Uint8Array;
  fixedCount: number;
  allowedCount: number;
}

/**
 * Site roles from candidate statuses, checking that p sites can be opened.
 * `p` counts every open site, existing and locked ones included, so p >= (existing + locked) is required.
 *
 * @param candidates candidates with SITE_STATUS codes (an empty status array means all proposed)
 * @param p total number of open sites
 */
export function siteRoles(candidates: Candidates, p: number): SiteRoles {
  const m = candidates.count;
  const fixed = new Uint8Array(m);
  const allowed = new Uint8Array(m).fill(1);
  let fixedCount = 0;
  let allowedCount = m;
  if (candidates.status.length > 0 && candidates.status.length !== m) {
    throw new Error(`Candidates have ${candidates.status.length} status codes, expected ${m}.`);
  }
  for (let j = 0; j < candidates.status.length; j++) {
    const s = candidates.status[j];
    if (s === SITE_STATUS.existing || s === SITE_STATUS.locked) {
      fixed[j] = 1;
      fixedCount++;
    } else if (s === SITE_STATUS.excluded) {
      allowed[j] = 0;
      allowedCount--;
    } else if (s !== SITE_STATUS.proposed) {
      throw new Error(`Candidate ${j} has status code ${s}, expected 0-3 (see SITE_STATUS).`);
    }
  }
  if (!Number.isInteger(p) || p < 1) throw new Error(`p is ${p}, expected a positive integer.`);
  if (p < fixedCount) {
    throw new Error(
      `p = ${p} counts every open site, but ${fixedCount} are existing or locked: expected p >= ${fixedCount}.`,
    );
  }
  if (p > allowedCount) throw new Error(`p = ${p} but only ${allowedCount} candidates are not excluded.`);
  return { fixed, allowed, fixedCount, allowedCount };
}

/** A location solution with the assignment of every demand point to its nearest open site. */
export interface AssignedSolution extends Solution {
  /** Nearest open site of each demand point, or -1 when no open site reaches it. */
  assignment: Int32Array;
  /** Distance from each demand point to its assigned site (Infinity when unassigned), the source's unit. */
  assignedDistance: Float64Array;
  /** Demand points that no allowed candidate reaches (Infinity in the matrix): left out of the objective. */
  unreachable: number;
  /** Capacitated p-median only: demand weight assigned beyond site capacities (0 when the plan is feasible). */
  capacityExcess?: number;
}

/**
 * Nearest open site of every demand point: the first open site of its sorted list, else the exact fallback.
 * @returns assignment (-1 when none) and distances
 */
export function assignNearest(
  source: DistanceSource,
  open: Uint8Array,
): { assignment: Int32Array; assignedDistance: Float64Array } {
  const { lists } = source;
  const n = source.demandCount;
  const assignment = new Int32Array(n).fill(-1);
  const assignedDistance = new Float64Array(n).fill(Infinity);
  const accept = (j: number): boolean => open[j] === 1;
  for (let i = 0; i < n; i++) {
    for (let t = lists.offsets[i]; t < lists.offsets[i + 1]; t++) {
      if (open[lists.sites[t]]) {
        assignment[i] = lists.sites[t];
        assignedDistance[i] = lists.distances[t];
        break;
      }
    }
    if (assignment[i] < 0 && !lists.complete) {
      const j = source.nearest(i, accept);
      if (j >= 0) {
        assignment[i] = j;
        assignedDistance[i] = source.distance(i, j);
      }
    }
  }
  return { assignment, assignedDistance };
}

/**
 * The final solution of p-median or p-center: open sites, objective and bound, and every demand point assigned to
 * its nearest open site (points no allowed site reaches are counted in `unreachable`).
 * @param startedSec `performance.now() / 1000` when the solve started
 */
export function assignedSolution(
  source: DistanceSource,
  open: Uint8Array,
  servable: Uint8Array,
  result: { objective: number; bound: number; optimal: boolean; solver: string; startedSec: number },
): AssignedSolution {
  const { assignment, assignedDistance } = assignNearest(source, open);
  let unreachable = 0;
  for (let i = 0; i < source.demandCount; i++) unreachable += servable[i] ? 0 : 1;
  return {
    selected: openIndices(open),
    objective: result.objective,
    bound: result.bound,
    gap: relativeGap(result.objective, result.bound),
    optimal: result.optimal,
    solver: result.solver,
    seconds: performance.now() / 1000 - result.startedSec,
    assignment,
    assignedDistance,
    unreachable,
  };
}

/**
 * Demand points that can be served at all: some allowed candidate at finite distance. With incomplete lists
 * (coordinates) every point is servable.
 */
export function servableDemand(source: DistanceSource, roles: SiteRoles): Uint8Array {
  const { lists } = source;
  const servable = new Uint8Array(source.demandCount);
  for (let i = 0; i < source.demandCount; i++) {
    if (!lists.complete) {
      servable[i] = 1;
      continue;
    }
    for (let t = lists.offsets[i]; t < lists.offsets[i + 1]; t++) {
      if (roles.allowed[lists.sites[t]]) {
        servable[i] = 1;
        break;
      }
    }
  }
  return servable;
}

/** Indices of the open sites, ascending. */
export function openIndices(open: Uint8Array): Uint32Array {
  let count = 0;
  for (let j = 0; j < open.length; j++) count += open[j];
  const out = new Uint32Array(count);
  for (let j = 0, k = 0; j < open.length; j++) if (open[j]) out[k++] = j;
  return out;
}

/** True when every weight and every listed distance is an integer, so objectives are integers (bounds round up). */
export function integralData(source: DistanceSource): boolean {
  for (let i = 0; i < source.demandCount; i++) if (!Number.isInteger(source.weight[i])) return false;
  const d = source.lists.distances;
  for (let t = 0; t < d.length; t++) if (!Number.isInteger(d[t])) return false;
  return true;
}
