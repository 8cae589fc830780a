/**
 * The max-coverage heuristic: lazy greedy (Minoux 1978), swap local search (Teitz & Bart 1968) with incremental
 * bookkeeping, iterated local search, and upper bounds (coverable weight, submodularity, Lagrangian relaxation).
 * See `max-coverage.ts` for the model and the budget convention.
 */
import type { Progress } from '../../types';
import type { MaxCoverageOptions, MaxCoverageSolution } from './index';
import { coverableWeight, integralWeights, lagrangianBound, submodularBound } from './bound';
import { lazyGreedy } from './greedy';
import { CoverageState, type CoverageProblem } from './state';
import { SwapSearch } from './swap';
import { relativeGap } from '../gap';

/** Default time budget in seconds when `timeLimitSec` is not given. */
export const DEFAULT_TIME_LIMIT_SEC = 10;

/**
 * The heuristic of `solveMaxCoverage`, synchronous (greedy, swap search, iterated local search, bounds).
 * Same arguments and result; `mode` and `capacity` are ignored.
 */
export function maxCoverageHeuristic(problem: CoverageProblem, options: MaxCoverageOptions): MaxCoverageSolution {
  const started = performance.now();
  const p = Math.max(0, Math.floor(options.p));
  if (!Number.isFinite(options.p) || options.p < 0) throw new Error(`p must be a number >= 0, got ${options.p}.`);
  const deadlineMs = started + 1000 * (options.timeLimitSec ?? DEFAULT_TIME_LIMIT_SEC);
  const report = (progress: Progress): void => options.onProgress?.(progress);
  const state = new CoverageState(problem);
  const tolerance = 1e-9 * Math.max(1, state.totalWeight);
  const greedy = lazyGreedy(state, p, tolerance);
  report({ share: 0.1, objective: state.covered, message: 'greedy' });
  const coverable = coverableWeight(state);
  const integral = integralWeights(problem.weight);
  const round = (v: number): number => (integral ? Math.floor(v + 1e-7) : v);
  let bound = Math.min(coverable, round(submodularBound(state, p)));
  let solver = 'lazy greedy';
  const search = (maxStallRounds: number, guide?: readonly number[]): void => {
    new SwapSearch(state, {
      p,
      seed: options.seed ?? 1,
      deadlineMs,
      maxStallRounds,
      target: bound,
      tolerance,
      guide,
      shouldStop: options.shouldStop,
      onImprove: (covered) =>
        report({ share: Math.min(0.99, (performance.now() - started) / (deadlineMs - started)), objective: covered }),
    }).run();
  };
  if (state.covered < bound - tolerance) {
    search(0);
    solver = 'lazy greedy + swap';
    report({ share: 0.3, objective: state.covered, message: 'swap local search' });
    bound = Math.min(bound, round(submodularBound(state, p)));
  }
  let guide: number[] | undefined;
  const iterations = options.boundIterations ?? 300;
  if (iterations > 0 && state.covered < bound - tolerance && performance.now() < deadlineMs) {
    // The bound lets the search stop at a proven optimum, and its multipliers point at the sites the LP relaxation
    // favours. It runs its iteration count, cut only by the overall deadline, so a plan that is not cut by the time
    // budget is the same on a fast or a loaded machine.
    const lagrangian = lagrangianBound(state, { p, lowerBound: state.covered, iterations, deadlineMs });
    bound = Math.min(bound, lagrangian.bound);
    guide = lagrangian.guide;
    // Lagrangian heuristic: descend from the best plan met by the subgradient too, keep the better one.
    if (lagrangian.sites.length > 0 && state.covered < bound - tolerance) {
      const previous = state.openProposed();
      const previousCovered = state.covered;
      replaceOpen(state, lagrangian.sites);
      search(0);
      if (state.covered < previousCovered) replaceOpen(state, previous);
      else solver = 'lazy greedy + Lagrangian heuristic + swap';
    }
  }
  const maxStallRounds = options.maxStallRounds ?? 300;
  if (maxStallRounds > 0 && state.covered < bound - tolerance) {
    search(maxStallRounds, guide);
    solver += ' + guided iterated local search';
    bound = Math.min(bound, round(submodularBound(state, p)));
  }
  const objective = state.exactCovered();
  const optimal = objective >= bound - tolerance;
  report({ share: 1, objective });
  return {
    selected: state.selected(),
    objective,
    bound: optimal ? objective : bound,
    gap: optimal ? 0 : relativeGap(objective, bound),
    optimal,
    solver,
    seconds: (performance.now() - started) / 1000,
    coveredWeight: objective,
    totalWeight: state.totalWeight,
    coverableWeight: coverable,
    newSites: state.openNew,
    greedyOrder: greedy.order,
    greedyCumulative: greedy.cumulative,
  };
}

/** Makes the open proposed sites exactly `sites` (fixed sites stay open). */
function replaceOpen(state: CoverageState, sites: ArrayLike<number>): void {
  const wanted = new Uint8Array(state.siteCount);
  for (let k = 0; k < sites.length; k++) wanted[sites[k]] = 1;
  for (const j of state.openProposed()) if (!wanted[j]) state.close(j);
  for (let k = 0; k < sites.length; k++) if (!state.isOpen[sites[k]]) state.open(sites[k]);
}
