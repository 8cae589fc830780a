/**
 * Max coverage (maximal covering location problem, MCLP; ReVelle & Church 1974): open `p` new sites so that the
 * weight of demand within reach of at least one open site is largest.
 *
 * Budget convention (used by every RuralReach solver): **p counts the new sites only**. Existing and locked sites
 * are always open, count toward coverage, and come on top of p; excluded sites are never opened. The returned
 * `selected` lists every open site (fixed ones included).
 *
 * Heuristic mode: lazy greedy (Minoux 1978), then swap local search with incremental gain/loss bookkeeping
 * (Teitz & Bart 1968; Whitaker 1983; Resende & Werneck 2003) inside an iterated local search, with an upper bound
 * from the coverable weight, submodularity and a Lagrangian relaxation (see `max-coverage-bound.ts`), so the
 * answer states its distance to the optimum. Exact mode: the reduced integer program solved by HiGHS, warm-started
 * with the heuristic. Optional capacities: see `max-coverage-capacity.ts`.
 */
import type { Solution, SolveOptions } from '../../types';
import { integralWeights } from './bound';
import { capacitatedMaxCoverage } from './capacity';
import { componentMaxCoverage, usesComponentPath } from './component-solve';
import { mipProof } from '../gap';
import { DEFAULT_TIME_LIMIT_SEC, maxCoverageHeuristic } from './heuristic';
import { maxCoverageLp, maxCoverageStart, reduceCoverage, sitesFromValues } from './mip';
import { CoverageState, type CoverageProblem } from './state';
import { solveMip } from '../mip';

export type { CoverageProblem } from './state';
export { maxCoverageHeuristic } from './heuristic';

/** Options of `solveMaxCoverage`. */
export interface MaxCoverageOptions extends SolveOptions {
  /** Number of new (proposed) sites to open, on top of existing and locked ones. */
  p: number;
  /** `heuristic` (default) or `exact` (HiGHS MIP, warm-started by the heuristic). */
  mode?: 'heuristic' | 'exact';
  /**
   * Iterated local search: after each improvement every Lagrangian-favoured site is tried once as a forced
   * insertion; then stop after this many random rounds in a row without improvement (default 300; 0 = greedy
   * + swap descent only). When the time limit is not reached, the result depends only on the inputs and the seed.
   */
  maxStallRounds?: number;
  /** Subgradient iterations of the Lagrangian bound (default 300; 0 = skip it). */
  boundIterations?: number;
  /**
   * Maximum weight each site can serve (one number for all, or one per site). When given, the objective is the
   * served weight under the assignment rule of `max-coverage-capacity.ts` (heuristic only; no bound).
   */
  capacity?: number | Float64Array;
}

/** A max-coverage plan: the common `Solution` plus coverage figures and the greedy curve. */
export interface MaxCoverageSolution extends Solution {
  /** Covered (or, with capacities, served) weight; equals `objective`. */
  coveredWeight: number;
  /** Sum of all demand weights. */
  totalWeight: number;
  /** Weight some non-excluded site can reach: the most any plan can cover. */
  coverableWeight: number;
  /** Number of open proposed sites (at most p; fewer when extra sites would add nothing). */
  newSites: number;
  /** Proposed sites in greedy order, and the covered weight after each: the coverage-vs-stations curve. */
  greedyOrder: Uint32Array;
  greedyCumulative: Float64Array;
  /** With capacities: the site serving each demand point, or -1. */
  assignment?: Int32Array;
}

export { DEFAULT_TIME_LIMIT_SEC } from './heuristic';

/**
 * Solves max coverage.
 *
 * @param problem coverage sets, demand weights (>= 0), candidate statuses (default all proposed)
 * @param options p (new sites), mode, time limit in seconds (default 10), seed (default 1), callbacks
 * @returns the open sites, covered weight, a proven upper bound and the relative gap, the greedy curve
 * @example
 * const cov = coverageByRadius(villages, candidates, 3);
 * const plan = await solveMaxCoverage({ coverage: cov, weight: villages.weight, status }, { p: 1200 });
 * plan.objective / plan.totalWeight; // share of village weight covered
 * plan.gap; // e.g. 0.0004: within 0.04 % of optimal
 */
export async function solveMaxCoverage(
  problem: CoverageProblem,
  options: MaxCoverageOptions,
): Promise<MaxCoverageSolution> {
  if (options.capacity !== undefined) return capacitatedMaxCoverage(problem, options);
  const started = performance.now();
  const limitSec = options.timeLimitSec ?? DEFAULT_TIME_LIMIT_SEC;
  if (options.mode !== 'exact') {
    // Large instances (national plans) by components: see the size test of component-solve.ts.
    return usesComponentPath(problem) ? componentMaxCoverage(problem, options) : maxCoverageHeuristic(problem, options);
  }
  // Exact: the heuristic first, on a tenth of the budget (its plan warm-starts the MIP, whose incumbent then prunes
  // the search, and it is kept if the MIP times out with a worse incumbent).
  const heuristic = maxCoverageHeuristic(problem, { ...options, timeLimitSec: Math.min(10, limitSec / 10) });
  if (heuristic.optimal) return { ...heuristic, seconds: (performance.now() - started) / 1000 };
  const reduced = reduceCoverage(problem);
  const integral = integralWeights(problem.weight);
  const remaining = Math.max(0.1, limitSec - (performance.now() - started) / 1000);
  const result = await solveMip(maxCoverageLp(reduced, options.p), {
    timeLimitSec: remaining,
    mipRelGap: 0,
    mipAbsGap: integral ? 0.5 : 1e-6,
    start: maxCoverageStart(reduced, heuristic.selected),
    shouldStop: options.shouldStop,
    seed: options.seed,
    onProgress: options.onProgress
      ? (m) =>
          options.onProgress?.({
            share: Math.min(1, m.seconds / remaining),
            objective: m.objective + reduced.fixedWeight,
          })
      : undefined,
  });
  const state = new CoverageState(problem);
  let better = false;
  if (result.values.size > 0) {
    for (const j of sitesFromValues(reduced, result.values)) if (!state.isOpen[j]) state.open(j);
    better = state.exactCovered() > heuristic.objective;
  }
  const mipBound = Number.isFinite(result.bound) ? result.bound + reduced.fixedWeight : Infinity;
  const bound = Math.min(heuristic.bound, integral ? Math.floor(mipBound + 1e-6) : mipBound);
  const objective = better ? state.exactCovered() : heuristic.objective;
  return {
    ...heuristic,
    selected: better ? state.selected() : heuristic.selected,
    objective,
    coveredWeight: objective,
    newSites: better ? state.openNew : heuristic.newSites,
    ...mipProof(objective, bound, 'max', result.status, heuristic.solver, started),
  };
}
