/**
 * Set cover (LSCP; Toregas et al. 1971) and partial set cover: the fewest new sites such that the covered weight
 * reaches a target, either all coverable demand (`share` 1, the default) or a share of it (e.g. 0.95).
 *
 * Budget convention as for max coverage: existing and locked sites are always open and count toward coverage;
 * the objective counts the **new** (proposed) sites only; excluded sites are never opened. "Coverable" is the
 * weight within reach of at least one non-excluded site.
 *
 * Heuristic: greedy by uncovered weight (V. Chvatal, "A greedy heuristic for the set-covering problem",
 * Mathematics of Operations Research 4 (1979) 233-235), removal of redundant sites (smallest loss first while the
 * target still holds), then local search on the count: close the least useful site and let the max-coverage swap
 * search (`max-coverage-swap.ts`, Lagrangian-guided) look for k - 1 sites that still reach the target; repeat
 * while it succeeds. Lower bound: k sites are needed when the max-coverage upper bound with k - 1 sites (the
 * Lagrangian/LP bound of `max-coverage-bound.ts`) is below the target, i.e. the LP relaxation bound rounded up.
 * Exact mode: the integer program of `set-cover-mip.ts` solved by HiGHS, warm-started by the heuristic. The
 * default mode runs it too when the size test of `../exact-rule.ts` says it proves quickly (the heuristic then
 * gets a quarter of the budget, at most 2 s, and HiGHS the rest), so small instances come back proven optimal.
 */
import type { Solution, SolveOptions } from '../../types';
import { lagrangianBound } from '../max-coverage/bound';
import { mipProof } from '../gap';
import { maxCoverageStart, reduceCoverage, sitesFromValues } from '../max-coverage/mip';
import { CoverageState, type CoverageProblem } from '../max-coverage/state';
import { SwapSearch } from '../max-coverage/swap';
import { solveMip } from '../mip';
import { setCoverLp } from './mip';
import { componentSetCover } from './components';
import { coverSolution, greedyToTarget, removeRedundant, startCover } from './steps';
import { usesComponentPath } from '../max-coverage/component-solve';
import { CHEAP_MIP_NONZEROS, exactLooksCheap } from '../exact-rule';

/** Options of `solveSetCover`. */
export interface SetCoverOptions extends SolveOptions {
  /** Share of the coverable weight to cover, in (0, 1] (default 1: all coverable demand). */
  share?: number;
  /**
   * `heuristic` (default; runs the MIP too when `exactLooksCheap` says so) or `exact` (HiGHS MIP warm-started by
   * the heuristic, whatever the size).
   */
  mode?: 'heuristic' | 'exact';
  /** Perturbation rounds without improvement of each k - 1 attempt (default 300). */
  maxStallRounds?: number;
}

/** A set-cover plan: the common `Solution` (objective = number of new sites) plus coverage figures. */
export interface SetCoverSolution extends Solution {
  /** Number of open proposed sites (= objective). */
  newSites: number;
  coveredWeight: number;
  /** Weight the plan had to cover: share x coverable weight. */
  targetWeight: number;
  coverableWeight: number;
  totalWeight: number;
}

/**
 * Solves set cover or partial set cover.
 *
 * @param problem coverage sets, demand weights, candidate statuses
 * @param options share of the coverable weight (default 1), mode, time limit in seconds (default 10), seed
 * @returns the open sites (fixed included), the number of new sites as objective, a proven lower bound, the gap
 * @example
 * const plan = await solveSetCover({ coverage, weight, status }, { share: 0.95 });
 * plan.objective; // fewest new stations covering 95 % of the coverable village weight
 */
export async function solveSetCover(
  problem: CoverageProblem,
  options: SetCoverOptions = {},
): Promise<SetCoverSolution> {
  const started = performance.now();
  const limitSec = options.timeLimitSec ?? 10;
  const all = (options.share ?? 1) >= 1;
  // Default mode: the MIP too when the size test of `exact-rule.ts` says it is cheap (raw size checked first, so
  // a huge instance is never reduced just to be told no).
  const rawNonzeros = problem.coverage.siteDemands.length;
  const reduced =
    options.mode === 'exact' || rawNonzeros <= 4 * CHEAP_MIP_NONZEROS.setCover ? reduceCoverage(problem) : undefined;
  const groups = reduced ? reduced.groupOffsets.length - 1 : 0;
  const runMip =
    reduced !== undefined &&
    (options.mode === 'exact' ||
      exactLooksCheap('setCover', {
        columns: reduced.sites.length,
        nonzeros: reduced.groupSites.length + (all ? 0 : 2 * groups),
      }));
  const heuristic = setCoverHeuristic(problem, {
    ...options,
    timeLimitSec: runMip ? Math.min(2, limitSec / 4) : limitSec,
  });
  if (!runMip || heuristic.optimal || options.shouldStop?.()) {
    return { ...heuristic, seconds: (performance.now() - started) / 1000 };
  }
  const remaining = Math.max(0.1, limitSec - (performance.now() - started) / 1000);
  const result = await solveMip(setCoverLp(reduced, all ? undefined : heuristic.targetWeight), {
    timeLimitSec: remaining,
    mipRelGap: 0,
    mipAbsGap: 0.5,
    start: maxCoverageStart(reduced, heuristic.selected),
    shouldStop: options.shouldStop,
    seed: options.seed,
    onProgress: options.onProgress
      ? (m) => options.onProgress?.({ share: Math.min(1, m.seconds / remaining), objective: m.objective })
      : undefined,
  });
  if (result.status === 'error') return { ...heuristic, seconds: (performance.now() - started) / 1000 };
  let best = heuristic;
  if (result.values.size > 0) {
    const state = new CoverageState(problem);
    for (const j of sitesFromValues(reduced, result.values)) if (!state.isOpen[j]) state.open(j);
    const covered = state.exactCovered();
    const tolerance = 1e-9 * Math.max(1, state.totalWeight);
    if (covered >= heuristic.targetWeight - tolerance && state.openNew < heuristic.newSites) {
      best = {
        ...heuristic,
        selected: state.selected(),
        objective: state.openNew,
        newSites: state.openNew,
        coveredWeight: covered,
      };
    }
  }
  const mipBound = Number.isFinite(result.bound) ? Math.ceil(result.bound - 1e-6) : 0;
  const bound = Math.max(heuristic.bound, mipBound);
  return { ...best, ...mipProof(best.objective, bound, 'min', result.status, heuristic.solver, started) };
}

/**
 * The heuristic of `solveSetCover`, synchronous (`mode` is ignored): by components on large instances
 * (`components.ts`), else in one piece.
 */
export function setCoverHeuristic(problem: CoverageProblem, options: SetCoverOptions = {}): SetCoverSolution {
  return usesComponentPath(problem) ? componentSetCover(problem, options) : onePieceSetCover(problem, options);
}

/** The heuristic of the module comment on the whole instance at once. */
function onePieceSetCover(problem: CoverageProblem, options: SetCoverOptions = {}): SetCoverSolution {
  const start = startCover(problem, options);
  const { deadlineMs, state, tolerance, target } = start;
  const reached = (): boolean => state.covered >= target - tolerance;
  greedyToTarget(state, target, tolerance);
  removeRedundant(state, target, tolerance);
  options.onProgress?.({ share: 0.2, objective: state.openNew, message: 'greedy' });
  let best = state.openProposed();
  let lowerBound = 0;
  let solver = 'greedy + redundancy removal';
  // Fewer sites: each success proves nothing about the optimum, each failure leaves the best plan in place.
  while (state.openNew > lowerBound && performance.now() < deadlineMs && !options.shouldStop?.()) {
    const k = state.openNew;
    const lagrangian = lagrangianBound(state, {
      p: k - 1,
      lowerBound: target - tolerance,
      iterations: 300,
      deadlineMs: performance.now() + (deadlineMs - performance.now()) / 3,
    });
    if (lagrangian.bound < target - tolerance) {
      lowerBound = k; // even the relaxation cannot reach the target with k - 1 sites
      break;
    }
    const r = state.lossHeap.top();
    state.close(r);
    new SwapSearch(state, {
      p: k - 1,
      seed: options.seed ?? 1,
      deadlineMs,
      maxStallRounds: options.maxStallRounds ?? 300,
      target,
      tolerance,
      guide: lagrangian.guide,
      shouldStop: options.shouldStop,
    }).run();
    if (!reached()) {
      restore(state, best);
      break;
    }
    removeRedundant(state, target, tolerance);
    best = state.openProposed();
    solver = 'greedy + redundancy removal + swap search on k - 1 sites';
    options.onProgress?.({ share: 0.5, objective: state.openNew });
  }
  const objective = state.openNew;
  if (lowerBound < objective)
    lowerBound = Math.max(lowerBound, boundBySearch(state, target, tolerance, objective, deadlineMs));
  options.onProgress?.({ share: 1, objective });
  return coverSolution(start, lowerBound, solver);
}

/** Makes the open proposed sites exactly `sites`. */
function restore(state: CoverageState, sites: Uint32Array): void {
  const wanted = new Uint8Array(state.siteCount);
  for (const j of sites) wanted[j] = 1;
  for (const j of state.openProposed()) if (!wanted[j]) state.close(j);
  for (const j of sites) if (!state.isOpen[j]) state.open(j);
}

/**
 * Lower bound 1 + max{m : UB(m) < target} by bisection on m, where UB(m) is the Lagrangian bound of max coverage
 * with m new sites (monotone in m). At most a few Lagrangian runs, within the deadline.
 */
function boundBySearch(
  state: CoverageState,
  target: number,
  tolerance: number,
  objective: number,
  deadlineMs: number,
): number {
  let low = 0; // UB(low - 1) < target is known for low = 0 trivially (no m below 0)
  let high = objective - 1; // UB(objective) >= target is known (the plan itself)
  // Invariant: the answer m* (largest m with UB(m) < target) satisfies low - 1 <= m* < high + 1.
  while (low <= high && performance.now() < deadlineMs) {
    const m = (low + high) >>> 1;
    const ub = lagrangianBound(state, { p: m, lowerBound: target - tolerance, iterations: 200, deadlineMs }).bound;
    if (ub < target - tolerance) low = m + 1;
    else high = m - 1;
  }
  return low; // = 1 + largest m proven below target (0 when none)
}
