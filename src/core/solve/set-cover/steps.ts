/**
 * Steps every set-cover heuristic shares: the setup, the greedy by uncovered weight until the target is reached
 * (V. Chvatal, "A greedy heuristic for the set-covering problem", Mathematics of Operations Research 4 (1979)
 * 233-235), the closing of the sites the target no longer needs, and the result.
 */
import { coverableWeight } from '../max-coverage/bound';
import { CoverageState, type CoverageProblem } from '../max-coverage/state';
import { relativeGap } from '../gap';
import type { SetCoverSolution } from './index';

/** What every set-cover heuristic starts from: the clock, the bookkeeping with the fixed sites open, the target. */
export interface CoverStart {
  started: number;
  deadlineMs: number;
  state: CoverageState;
  tolerance: number;
  coverable: number;
  /** Weight to cover: the share of the coverable weight. */
  target: number;
}

/** Checks the share (in (0, 1], default 1) and sets up a set-cover run (time limit default 10 s). */
export function startCover(problem: CoverageProblem, options: { share?: number; timeLimitSec?: number }): CoverStart {
  const started = performance.now();
  const deadlineMs = started + 1000 * (options.timeLimitSec ?? 10);
  const share = options.share ?? 1;
  if (!(share > 0 && share <= 1)) throw new Error(`share must be in (0, 1], got ${share}.`);
  const state = new CoverageState(problem);
  const tolerance = 1e-9 * Math.max(1, state.totalWeight);
  const coverable = coverableWeight(state);
  const target = share >= 1 ? coverable : share * coverable;
  return { started, deadlineMs, state, tolerance, coverable, target };
}

/**
 * Opens the proposed site of largest gain until `target` is covered or no site gains.
 * @returns the gain of the last site opened (0 when none was)
 */
export function greedyToTarget(state: CoverageState, target: number, tolerance: number): number {
  let last = 0;
  while (state.covered < target - tolerance) {
    const a = state.gainHeap.top();
    if (a < 0 || state.gain[a] <= tolerance) break;
    last = state.gain[a];
    state.open(a);
  }
  return last;
}

/** Closes open proposed sites of least loss while the target still holds (an empty-loss site first). */
export function removeRedundant(state: CoverageState, target: number, tolerance: number): void {
  for (;;) {
    const r = state.lossHeap.top();
    if (r < 0 || state.covered - state.loss[r] < target - tolerance) return;
    state.close(r);
  }
}

/** The result of a run that ends with the plan of `start.state`, proven to need at least `lowerBound` sites. */
export function coverSolution(start: CoverStart, lowerBound: number, solver: string): SetCoverSolution {
  const { state, started, target, coverable } = start;
  const objective = state.openNew;
  const optimal = objective <= lowerBound;
  return {
    selected: state.selected(),
    objective,
    bound: Math.min(lowerBound, objective),
    gap: optimal ? 0 : relativeGap(objective, lowerBound),
    optimal,
    solver,
    seconds: (performance.now() - started) / 1000,
    newSites: objective,
    coveredWeight: state.exactCovered(),
    targetWeight: target,
    coverableWeight: coverable,
    totalWeight: state.totalWeight,
  };
}
