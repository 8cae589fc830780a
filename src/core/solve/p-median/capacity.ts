/**
 * Capacitated p-median with single sourcing: each candidate j serves at most `capacity[j]` demand weight and each
 * demand point is served whole by one open site; minimise the total weighted distance.
 *
 * Heuristic. Assignment rule for given open sites (regret greedy, after S. Martello & P. Toth, "An algorithm for
 * the generalized assignment problem", 1981): demand points are taken by decreasing regret
 * w_i (d(i, second nearest open) - d(i, nearest open)), ties by index, and each goes to its nearest open site
 * with enough spare capacity; when no open site has room it goes to its nearest open site and the overflow is
 * reported in `capacityExcess`. Sites: the uncapacitated fast-swap solution, then capacity-aware swaps (close r,
 * open a closed site that is the nearest closed site of some point served by r), first improvement, each move
 * evaluated by the assignment rule, until no move improves (excess first, then distance) or the time is up.
 * Lower bound: the uncapacitated Lagrangian bound (dropping capacities relaxes the problem).
 *
 * Exact (small instances): HiGHS on the assignment formulation
 *   min sum w_i d_ij x_ij  s.t. sum_j x_ij = 1, x_ij <= y_j, sum_i w_i x_ij <= cap_j y_j, sum_j y_j = p, x, y binary.
 */
import { relativeGap } from '../gap';
import { createDistanceSource, type DistanceSource, type LocationInput } from '../../distance/distance-source';
import { LpBuilder } from '../lp-text';
import { solveMip } from '../mip';
import { pMedianLowerBound } from './bound';
import { pMedianSearch, type PMedianOptions } from './search';
import { integralData, openIndices, servableDemand, type AssignedSolution, type SiteRoles } from './sites';

/** An assignment under capacities. */
export interface CapacitatedAssignment {
  assignment: Int32Array;
  assignedDistance: Float64Array;
  /** Total weighted distance of assigned points. */
  cost: number;
  /** Demand weight assigned beyond capacities (0 when feasible). */
  excess: number;
}

function nowSec(): number {
  return performance.now() / 1000;
}

/** Regret-greedy single-source assignment of every servable demand point to the open sites (see module doc). */
export function assignWithCapacity(
  source: DistanceSource,
  open: Uint8Array,
  capacity: Float64Array,
  servable: Uint8Array,
): CapacitatedAssignment {
  const { lists } = source;
  const n = source.demandCount;
  const w = source.weight;
  const firstOpen = (i: number, skip: number): number => {
    for (let t = lists.offsets[i]; t < lists.offsets[i + 1]; t++) {
      const j = lists.sites[t];
      if (open[j] && j !== skip) return j;
    }
    return lists.complete ? -1 : source.nearest(i, (j) => open[j] === 1 && j !== skip);
  };
  const regret = new Float64Array(n);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!servable[i]) continue;
    const a = firstOpen(i, -1);
    const b = a >= 0 ? firstOpen(i, a) : -1;
    regret[i] = a < 0 ? 0 : b < 0 ? Infinity : w[i] * (source.distance(i, b) - source.distance(i, a));
    order.push(i);
  }
  order.sort((x, y) => regret[y] - regret[x] || x - y);
  const spare = capacity.slice();
  const assignment = new Int32Array(n).fill(-1);
  const assignedDistance = new Float64Array(n).fill(Infinity);
  let cost = 0;
  let excess = 0;
  for (const i of order) {
    let chosen = -1;
    for (let t = lists.offsets[i]; t < lists.offsets[i + 1] && chosen < 0; t++) {
      const j = lists.sites[t];
      if (open[j] && spare[j] >= w[i]) chosen = j;
    }
    if (chosen < 0 && !lists.complete) chosen = source.nearest(i, (j) => open[j] === 1 && spare[j] >= w[i]);
    if (chosen < 0) {
      chosen = firstOpen(i, -1);
      if (chosen < 0) continue;
      excess += Math.min(w[i], w[i] - Math.max(0, spare[chosen]));
    }
    spare[chosen] -= w[i];
    assignment[i] = chosen;
    assignedDistance[i] = source.distance(i, chosen);
    cost += w[i] * assignedDistance[i];
  }
  return { assignment, assignedDistance, cost, excess };
}

function better(a: CapacitatedAssignment, b: CapacitatedAssignment): boolean {
  const tolerance = 1e-9 * Math.max(1, Math.abs(b.cost));
  if (a.excess < b.excess - 1e-9) return true;
  return a.excess <= b.excess + 1e-9 && a.cost < b.cost - tolerance;
}

/** Capacity-aware first-improvement swaps from the given open sites (see module doc). */
function improveWithCapacity(
  source: DistanceSource,
  roles: SiteRoles,
  servable: Uint8Array,
  capacity: Float64Array,
  open: Uint8Array,
  options: PMedianOptions,
  deadlineSec: number,
): CapacitatedAssignment {
  const { lists } = source;
  let current = assignWithCapacity(source, open, capacity, servable);
  let improved = true;
  while (improved && nowSec() < deadlineSec && !options.shouldStop?.()) {
    improved = false;
    for (let r = 0; r < source.siteCount && !improved; r++) {
      if (!open[r] || roles.fixed[r]) continue;
      const tried = new Set<number>();
      for (let i = 0; i < source.demandCount && !improved; i++) {
        if (current.assignment[i] !== r) continue;
        let f = -1;
        for (let t = lists.offsets[i]; t < lists.offsets[i + 1] && f < 0; t++) {
          const j = lists.sites[t];
          if (!open[j] && roles.allowed[j]) f = j;
        }
        if (f < 0 || tried.has(f)) continue;
        tried.add(f);
        open[r] = 0;
        open[f] = 1;
        const next = assignWithCapacity(source, open, capacity, servable);
        if (better(next, current)) {
          current = next;
          improved = true;
        } else {
          open[r] = 1;
          open[f] = 0;
        }
        if (nowSec() > deadlineSec) break;
      }
    }
  }
  return current;
}

/** Builds and solves the capacitated assignment MIP; returns the open sites found, if any. */
async function capacitatedExact(
  source: DistanceSource,
  roles: SiteRoles,
  servable: Uint8Array,
  capacity: Float64Array,
  p: number,
  timeLimitSec: number,
  start: Uint8Array,
  integral: boolean,
): Promise<{ open?: Uint8Array; result?: CapacitatedAssignment; bound: number; status: string }> {
  const { lists } = source;
  const lp = new LpBuilder('minimize', { checkNames: false });
  const served: string[][] = Array.from({ length: source.siteCount }, () => []);
  const servedWeight: number[][] = Array.from({ length: source.siteCount }, () => []);
  const binaries: string[] = [];
  for (let i = 0; i < source.demandCount; i++) {
    if (!servable[i]) continue;
    const row: string[] = [];
    for (let t = lists.offsets[i]; t < lists.offsets[i + 1]; t++) {
      const j = lists.sites[t];
      if (!roles.allowed[j]) continue;
      const x = `x${i}_${j}`;
      row.push(x);
      binaries.push(x);
      lp.objective([x], source.weight[i] * lists.distances[t]);
      lp.constraint(`l${i}_${j}`, [x, `y${j}`], [1, -1], '<=', 0);
      served[j].push(x);
      servedWeight[j].push(source.weight[i]);
    }
    lp.constraint(`a${i}`, row, 1, '=', 1);
  }
  const ys: string[] = [];
  for (let j = 0; j < source.siteCount; j++) {
    if (!roles.allowed[j]) continue;
    ys.push(`y${j}`);
    if (roles.fixed[j]) lp.bound(`y${j}`, 1, 1);
    if (Number.isFinite(capacity[j])) {
      lp.constraint(`k${j}`, [...served[j], `y${j}`], [...servedWeight[j], -capacity[j]], '<=', 0);
    }
  }
  lp.constraint('open_p', ys, 1, '=', p);
  lp.binaries([...ys, ...binaries]);
  const warm = new Map<string, number>();
  for (let j = 0; j < source.siteCount; j++) if (roles.allowed[j]) warm.set(`y${j}`, start[j]);
  const mip = await solveMip(lp.toString(), {
    timeLimitSec,
    start: warm,
    mipRelGap: integral ? 0 : 1e-6,
    mipAbsGap: integral ? 0.999 : undefined,
  });
  if (mip.values.size === 0) return { bound: mip.bound, status: mip.status };
  const open = new Uint8Array(source.siteCount);
  for (let j = 0; j < source.siteCount; j++) if ((mip.values.get(`y${j}`) ?? 0) > 0.5) open[j] = 1;
  // The MIP's own assignment (it may differ from the regret rule's for the same sites).
  const assignment = new Int32Array(source.demandCount).fill(-1);
  const assignedDistance = new Float64Array(source.demandCount).fill(Infinity);
  let cost = 0;
  for (let i = 0; i < source.demandCount; i++) {
    if (!servable[i]) continue;
    for (let t = lists.offsets[i]; t < lists.offsets[i + 1]; t++) {
      const j = lists.sites[t];
      if (roles.allowed[j] && (mip.values.get(`x${i}_${j}`) ?? 0) > 0.5) {
        assignment[i] = j;
        assignedDistance[i] = lists.distances[t];
        cost += source.weight[i] * lists.distances[t];
        break;
      }
    }
  }
  return { open, result: { assignment, assignedDistance, cost, excess: 0 }, bound: mip.bound, status: mip.status };
}

/**
 * Capacitated p-median (single sourcing), heuristic or exact; see the module doc for the rules.
 * `options.capacity[j]` is the most demand weight candidate j may serve (Infinity = no limit).
 */
export async function capacitatedPMedian(
  input: LocationInput,
  roles: SiteRoles,
  options: PMedianOptions,
  t0: number,
  deadlineSec: number,
): Promise<AssignedSolution> {
  const capacity = options.capacity as Float64Array;
  if (capacity.length !== input.candidates.count) {
    throw new Error(`Got ${capacity.length} capacities, expected one per candidate (${input.candidates.count}).`);
  }
  const exact = options.mode === 'exact';
  const source = createDistanceSource(input, { neighbours: options.neighbours, complete: exact });
  const servable = servableDemand(source, roles);
  const integral = integralData(source);
  const share = exact ? 0.25 : 1;
  const found = pMedianSearch(source, roles, servable, options, t0 + (deadlineSec - t0) * share);
  const open = found.open.slice();
  let best = improveWithCapacity(source, roles, servable, capacity, open, options, t0 + (deadlineSec - t0) * share);
  let bestOpen: Uint8Array = open;
  let bound = pMedianLowerBound(source, roles, servable, options.p, {
    upperBound: best.cost,
    integral,
    deadlineSec,
  }).bound;
  let solver = 'fast swap + capacity-aware swap (regret assignment)';
  let optimal = false;
  if (exact) {
    const limit = Math.max(0.1, deadlineSec - nowSec());
    const result = await capacitatedExact(source, roles, servable, capacity, options.p, limit, bestOpen, integral);
    solver = 'HiGHS MIP (capacitated assignment formulation)';
    if (result.open && result.result && better(result.result, best)) {
      best = result.result;
      bestOpen = result.open;
    }
    if (Number.isFinite(result.bound)) bound = Math.max(Number.isNaN(bound) ? -Infinity : bound, result.bound);
    optimal = result.status === 'optimal' && best.excess === 0 && best.cost <= bound + 1e-6 * Math.abs(bound);
  }
  let unreachable = 0;
  for (let i = 0; i < source.demandCount; i++) unreachable += servable[i] ? 0 : 1;
  return {
    selected: openIndices(bestOpen),
    objective: best.cost,
    bound,
    gap: relativeGap(best.cost, bound),
    optimal,
    solver,
    seconds: nowSec() - t0,
    assignment: best.assignment,
    assignedDistance: best.assignedDistance,
    unreachable,
    capacityExcess: best.excess,
  };
}
