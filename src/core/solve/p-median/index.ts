/**
 * p-median: open p sites minimising the total weighted distance from demand points to their nearest open site
 * (S.L. Hakimi, "Optimum locations of switching centers and the absolute centers and medians of a graph",
 * Oper. Res. 12 (1964) 450). The planner's "least average distance" suggestion.
 */
import { createDistanceSource, type DistanceSource, type LocationInput } from '../../distance/distance-source';
import { DEFAULT_TIME_LIMIT_SEC, pMedianSearch, type PMedianOptions } from './search';
import { pMedianLowerBound } from './bound';
import { pMedianExact } from './exact';
import { capacitatedPMedian } from './capacity';
import {
  assignedSolution,
  assignNearest,
  integralData,
  openIndices,
  servableDemand,
  siteRoles,
  type AssignedSolution,
} from './sites';

export type { PMedianOptions } from './search';
export type { AssignedSolution } from './sites';

/** Sum of weight x assigned distance over servable points (Infinity when one is unassigned). */
function weightedTotal(source: DistanceSource, servable: Uint8Array, assignedDistance: Float64Array): number {
  let total = 0;
  for (let i = 0; i < source.demandCount; i++) {
    if (servable[i] && source.weight[i] > 0) total += source.weight[i] * assignedDistance[i];
  }
  return total;
}

function nowSec(): number {
  return performance.now() / 1000;
}

/**
 * Solves the p-median problem. Heuristic mode: greedy "add" then best-improvement vertex substitution (Teitz &
 * Bart 1968) with the fast-swap bookkeeping of Whitaker 1983 / Resende & Werneck 2003, restarted from sample
 * greedy solutions, then perturbation kicks from the best (iterated local search, ./perturb.ts); then a Lagrangian
 * lower bound (Beasley 1993) so the result says how far from optimal it can
 * be at most. Exact mode adds HiGHS on Elloumi's radius formulation, warm-started with the heuristic.
 *
 * Distances: the input matrix (its unit) or great-circle km. Existing and locked candidates are always open and
 * count toward p; excluded ones never open. Demand points that no allowed candidate reaches (Infinity) are left
 * out of the objective and counted in `unreachable`. Deterministic: the same input and seed give the same sites
 * unless the time limit or `shouldStop` cuts the search.
 *
 * @param input demand (weights), candidates (statuses), optional matrix
 * @param options p, mode, seed, timeLimitSec (default 60), restarts, capacity, onProgress, shouldStop
 * @returns open sites, total weighted distance, lower bound, gap, optimality, assignment
 * @example
 * const plan = await solvePMedian({ demand: villages, candidates: sites }, { p: 50, seed: 1 });
 * plan.objective / totalWeight; // mean distance in km
 */
export async function solvePMedian(input: LocationInput, options: PMedianOptions): Promise<AssignedSolution> {
  const t0 = nowSec();
  const deadline = t0 + (options.timeLimitSec ?? DEFAULT_TIME_LIMIT_SEC);
  const exact = options.mode === 'exact';
  const roles = siteRoles(input.candidates, options.p);
  if (options.capacity) return capacitatedPMedian(input, roles, options, t0, deadline);
  const source = createDistanceSource(input, { neighbours: options.neighbours, complete: exact });
  const servable = servableDemand(source, roles);
  const integral = integralData(source);
  const heuristicShare = exact ? 0.25 : 1;
  const found = pMedianSearch(source, roles, servable, options, t0 + (deadline - t0) * heuristicShare);
  let open = found.open;
  let objective = found.objective;
  let bound = NaN;
  let solver = 'greedy + fast swap (Resende-Werneck) + iterated local search';
  if (options.lowerBound !== false || exact) {
    const initial = new Float64Array(source.demandCount);
    for (let i = 0; i < source.demandCount; i++) initial[i] = source.weight[i] * found.search.d1[i];
    bound = pMedianLowerBound(source, roles, servable, options.p, {
      upperBound: objective,
      initial,
      integral,
      deadlineSec: deadline,
    }).bound;
    solver += ' + Lagrangian bound';
  }
  let optimal = objective <= bound + (integral ? 0 : 1e-9 * Math.abs(objective));
  if (exact && !optimal && !options.shouldStop?.()) {
    const result = await pMedianExact(source, roles, servable, options.p, {
      timeLimitSec: Math.max(0.1, deadline - nowSec()),
      start: openIndices(open),
      integral,
      mipRelGap: options.mipRelGap,
      shouldStop: options.shouldStop,
      onProgress: options.onProgress
        ? (q) => options.onProgress?.({ share: 0.5, objective: q.objective, message: `HiGHS bound ${q.bound}` })
        : undefined,
    });
    solver = 'HiGHS MIP (Elloumi radius formulation), warm-started by fast swap';
    if (result.open) {
      // Re-evaluate the MIP's sites exactly (its objective carries solver round-off).
      const mipObjective = weightedTotal(source, servable, assignNearest(source, result.open).assignedDistance);
      if (mipObjective < objective) {
        open = result.open;
        objective = mipObjective;
      }
    }
    if (Number.isFinite(result.mip.bound)) {
      const mipBound = integral ? Math.ceil(result.mip.bound - 1e-6) : result.mip.bound;
      bound = Math.max(Number.isNaN(bound) ? -Infinity : bound, mipBound);
    }
    optimal = result.mip.status === 'optimal' || objective <= bound + (integral ? 0 : 1e-9 * Math.abs(objective));
  }
  return assignedSolution(source, open, servable, { objective, bound, optimal, solver, startedSec: t0 });
}
