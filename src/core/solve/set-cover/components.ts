/**
 * Partial set cover on large instances, by components (`../max-coverage/component-split.ts`): the fewest new sites
 * whose covered weight reaches the target, with a lower bound from the components' upper curves.
 *
 * Plan: greedy to the target and redundancy removal (`steps.ts`), then rounds that raise the coverage of the k
 * sites (swap descent; the optimum of each component with an exact curve at its number of sites; sites moved
 * between components where the curves say it pays, `component-exchange.ts`) and close the sites the target then
 * no longer needs, while k falls; with the time left, the Lagrangian-guided iterated local search of
 * `component-solve.ts` in the same rounds.
 * Bound: with curves U_c >= OPT_c (exact for the small components, Lagrangian for the others, recorded by one
 * priced pass at the price of the greedy's last gain), no plan of k sites covers more than B(k), the sum of the k
 * largest hull marginals (`curveBound`), so a plan reaching the target needs at least min { k : B(k) >= target }
 * sites (`sitesToReach`). The one-piece path of `index.ts` needs a Lagrangian run over all 5.4 million pairs of
 * the national 3 km instance for each k it tries, and within 10 s proved nothing there (gap 100 % at a 60 % target,
 * 12.5 % at 100 %); this path proves 1.2 % and 4.8 % (19,029 -> 18,414 sites and 93,152 -> 91,739 sites).
 */
import type { SetCoverOptions, SetCoverSolution } from './index';
import { componentPlan, dominatedSites, splitComponents, type Components } from '../max-coverage/component-split';
import {
  exactCurves,
  initialCurves,
  sitesToReach,
  useExactPlan,
  type ComponentCurves,
  type ExactPlans,
} from '../max-coverage/component-curves';
import { exchangeSites } from '../max-coverage/component-exchange';
import { pricedBound, type PricedBound } from '../max-coverage/component-bound';
import { applyExactPlans, FIRST_ITERATIONS, focusedSearch } from '../max-coverage/component-solve';
import type { CoverageProblem, CoverageState } from '../max-coverage/state';
import { swapDescent } from '../max-coverage/swap';
import { coverSolution, greedyToTarget, removeRedundant, startCover } from './steps';

/** Solves partial set cover by components (see the module comment); arguments and result as `setCoverHeuristic`. */
export function componentSetCover(problem: CoverageProblem, options: SetCoverOptions): SetCoverSolution {
  const start = startCover(problem, options);
  const { deadlineMs, state, tolerance, coverable, target } = start;
  const last = greedyToTarget(state, target, tolerance);
  removeRedundant(state, target, tolerance);
  options.onProgress?.({ share: 0.2, objective: state.openNew, message: 'greedy' });
  const components = splitComponents(state);
  const curves = initialCurves(state, components);
  const dominated = dominatedSites(state, components);
  const plans = exactCurves(state, components, curves, dominated);
  const greedySites = state.openNew;
  const stop = (): boolean => performance.now() > deadlineMs || options.shouldStop?.() === true;
  tighten(state, target, tolerance, stop, (k) => {
    swapDescent(state, {
      p: k,
      seed: options.seed ?? 1,
      deadlineMs,
      target: coverable,
      tolerance,
      shouldStop: options.shouldStop,
    });
    applyExactPlans(state, components, curves, plans, tolerance);
    exchangeSites(state, components, curves, plans, tolerance, deadlineMs);
    fewestExactSites(state, components, curves, plans, tolerance);
  });
  options.onProgress?.({ share: 0.4, objective: state.openNew, message: 'swap + exchange' });
  const priced = bound(state, components, curves, dominated, last, tolerance, deadlineMs);
  const lowerBound = sitesToReach(curves, components.fixedWeight, target - tolerance);
  let solver = `greedy + redundancy removal + swap + exchange (${greedySites} -> ${state.openNew} sites)`;
  if (state.openNew > lowerBound && !stop()) {
    const before = state.openNew;
    tighten(state, target, tolerance, stop, (k) => {
      focusedSearch(state, components, curves, priced, k, coverable, { ...options, p: k }, deadlineMs, tolerance);
    });
    if (state.openNew < before) solver += ` + focused iterated local search (${before} -> ${state.openNew})`;
  }
  options.onProgress?.({ share: 1, objective: state.openNew });
  return coverSolution(start, lowerBound, `${solver} by components, curve bound`);
}

/**
 * Each component with an exact curve gets its best plan with the fewest sites that cover as much as its plan now
 * does (the smallest k with OPT_c(k) at least that).
 */
function fewestExactSites(
  state: CoverageState,
  components: Components,
  curves: ComponentCurves,
  plans: ExactPlans,
  tolerance: number,
): void {
  for (const [c, plan] of plans) {
    const [covered, open] = componentPlan(state, components, c);
    let k = 0;
    while (k < open && curves.value[curves.start[c] + k] < covered - tolerance) k++;
    if (k < open) useExactPlan(state, components, c, plan, k);
  }
}

/**
 * Rounds of `raise` (more coverage with the same k sites) and redundancy removal, while the number of sites falls
 * and time is left. The plan reaches the target after every round (removal stops there).
 */
function tighten(
  state: CoverageState,
  target: number,
  tolerance: number,
  stop: () => boolean,
  raise: (k: number) => void,
): void {
  for (;;) {
    const k = state.openNew;
    raise(k);
    removeRedundant(state, target, tolerance);
    if (state.openNew >= k || stop()) return;
  }
}

/**
 * One priced pass over the components without exact curves, at the price of the greedy's last gain: lowers their
 * curves (what the bound is made of) and gives the multipliers that guide the search.
 */
function bound(
  state: CoverageState,
  components: Components,
  curves: ComponentCurves,
  dominated: Uint8Array,
  lambda: number,
  tolerance: number,
  deadlineMs: number,
): PricedBound {
  return pricedBound(state, components, {
    p: state.openNew,
    lambda: Math.max(lambda, tolerance),
    iterations: FIRST_ITERATIONS,
    deadlineMs,
    curves,
    skip: curves.exact,
    dominated,
  });
}
