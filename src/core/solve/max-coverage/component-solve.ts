/**
 * Max coverage on large instances, component by component.
 *
 * The coverage graph of a national instance (456,000 villages at 3 km) falls into some 45,000 connected components
 * (`component-split.ts`) that share nothing but the budget p. The path:
 * 1. global lazy greedy and swap descent give a plan, and with it a number of sites k_c per component (the swap
 *    descent has balanced the last gains across components);
 * 2. each component gets an upper curve U_c(k) >= OPT_c(k) for every k (`component-curves.ts`): exact, by
 *    enumeration of its undominated sites, for the small ones (about 42,600 of 45,000 at 3 km; their plan at k_c
 *    is then replaced by the optimum at k_c, and sites move in and out of them where their curves say it pays,
 *    `component-exchange.ts`); for the others the pointwise minimum of the Lagrangian curves of the multipliers
 *    met while the budget is priced (Lagrangian relaxation of sum x <= p, M.L. Fisher, Management Science 27
 *    (1981) 1-18; each component's priced problem bounded by its own deflected subgradient, `component-bound.ts`;
 *    the price searched from the plan's last greedy gain, the priced bound being convex in it);
 * 3. the bound is the best split of p over the concave hulls of the curves (the p largest marginals), never above
 *    the priced bound;
 * 4. the components where the plan is furthest below their curve at k_c are solved again alone at k_c by the
 *    one-piece heuristic (greedy, swap, Lagrangian heuristic, guided iterated local search), largest slack first,
 *    until the proven gap is `COMPONENT_TARGET_GAP`; a better plan of a component replaces its sites in the global
 *    plan. A component whose plan meets its curve at k_c is left alone (its plan is optimal at its k_c).
 * The work is counted in iterations and rounds, not seconds, so a plan not cut by the time limit depends only on
 * the inputs and the seed.
 */
import type { MaxCoverageOptions, MaxCoverageSolution } from './index';
import { coverableWeight, integralWeights } from './bound';
import { componentPlan, componentProblem, dominatedSites, splitComponents, type Components } from './component-split';
import { pricedBound, type PricedBound } from './component-bound';
import {
  curveBound,
  exactCurves,
  initialCurves,
  roundDown,
  useExactPlan,
  type ComponentCurves,
  type ExactPlans,
} from './component-curves';
import { lazyGreedy } from './greedy';
import { exchangeSites } from './component-exchange';
import { maxCoverageHeuristic } from './heuristic';
import { CoverageState, type CoverageProblem } from './state';
import { SwapSearch, swapDescent } from './swap';
import { relativeGap } from '../gap';

/**
 * Size test of the dispatch in `index.ts`: instances with at least this many coverage pairs (site, demand) take
 * the component path. Below it the one-piece Lagrangian of `bound.ts` converges within its default iterations;
 * above it (the national instances: 5.4 million pairs at 3 km) it stops 1-3 % above the optimum. An assumption
 * measured on the national instance and the bench instances (the largest SJC and city instances have < 400,000).
 */
export const COMPONENT_PATH_PAIRS = 1_000_000;

/** True when `solveMaxCoverage` should take the component path (see `COMPONENT_PATH_PAIRS`). */
export function usesComponentPath(problem: CoverageProblem): boolean {
  return problem.coverage.siteDemands.length >= COMPONENT_PATH_PAIRS;
}

/** Most subgradient iterations per component of the first and the second priced pass. */
export const FIRST_ITERATIONS = 60;
const PRICED_ITERATIONS = 1500;
/**
 * Proven gap at which the path stops working (searches, bound passes, re-solves) and returns: 0.5 %, the
 * national target of issue 15, so that an interactive Suggest returns as soon as its plan is proven that close.
 */
export const COMPONENT_TARGET_GAP = 0.005;
/** Iterated local search rounds without improvement of each component re-solve. */
const COMPONENT_STALL_ROUNDS = 60;

/**
 * Solves max coverage by components (see the module comment); same arguments and result as
 * `maxCoverageHeuristic` (capacities are not supported here).
 */
export function componentMaxCoverage(problem: CoverageProblem, options: MaxCoverageOptions): MaxCoverageSolution {
  const started = performance.now();
  if (!Number.isFinite(options.p) || options.p < 0) throw new Error(`p must be a number >= 0, got ${options.p}.`);
  const p = Math.floor(options.p);
  const deadlineMs = started + 1000 * (options.timeLimitSec ?? 10);
  const state = new CoverageState(problem);
  const tolerance = 1e-9 * Math.max(1, state.totalWeight);
  const greedy = lazyGreedy(state, p, tolerance);
  const coverable = coverableWeight(state);
  const integral = integralWeights(problem.weight);
  // The proven bound from an upper bound: at most the coverable weight, rounded down for integer weights.
  const proven = (upper: number): number => Math.min(coverable, roundDown(upper, integral));
  const targetGap = COMPONENT_TARGET_GAP;
  swapDescent(state, {
    p,
    seed: options.seed ?? 1,
    deadlineMs,
    target: coverable,
    tolerance,
    shouldStop: options.shouldStop,
  });
  options.onProgress?.({ share: 0.2, objective: state.covered, message: 'greedy + swap' });
  const components = splitComponents(state);
  // Curves: exact ones for the small components (and their best plans at the plan's split), then the Lagrangian
  // curves of the others from subgradient runs at the price of the current split (see component-curves.ts).
  const curves = initialCurves(state, components);
  const dominated = dominatedSites(state, components);
  const exactPlans = exactCurves(state, components, curves, dominated);
  const exactImproved = applyExactPlans(state, components, curves, exactPlans, tolerance);
  const moves = exchangeSites(state, components, curves, exactPlans, tolerance, deadlineMs);
  const n = greedy.cumulative.length;
  const last =
    n === 0
      ? 0
      : n === 1
        ? greedy.cumulative[0] - components.fixedWeight
        : greedy.cumulative[n - 1] - greedy.cumulative[n - 2];
  // The priced bound on the other components, each improving multiplier vector
  // lowering their curves; the bound is then the best split of the curves (component-curves.ts), which is never
  // above the priced bound (at the price of the priced bound it is its sum over components, with U_c at most the
  // curve of that multiplier vector) and is exact on the small components.
  // Priced passes at the plan's last greedy gain: the split of the curves then does the work of a price search
  // (measured on the national 3 km instance at p = 10,000: five trial prices of 60 iterations, then 600, gave the
  // same bound, 201,120 against 201,112, about 3 s later, time the re-solves then lack). A short first pass visits
  // every component, so that a time limit cutting the long second one leaves no component at its loose bound.
  // It visits the components from the smallest up: a component of 172,000 sites (the largest at 5 km) costs tens of
  // milliseconds an iteration, and taken in its turn it had all the time (national 5 km at 3 s, p = 20,000: gap
  // 2.15 % in index order, 1.76 % smallest first).
  // Nothing to prove when the plan covers all the coverable weight (saturated budgets, e.g. p = 50,000 at 5 km).
  const saturated = state.covered >= coverable - tolerance;
  let best = saturated
    ? undefined
    : pricedBound(state, components, {
        p,
        lambda: Math.max(last, tolerance),
        iterations: FIRST_ITERATIONS,
        deadlineMs,
        order: smallestFirst(components),
        curves,
        skip: curves.exact,
        dominated,
      });
  let split = curveBound(curves, components.fixedWeight, p);
  const gapOf = (upper: number): number => relativeGap(state.covered, proven(upper));
  // The least coverage proven within the target gap of a bound (relativeGap(covered, bound) <= targetGap).
  const enough = (bound: number): number => {
    const least = bound / (1 + targetGap);
    return Math.min(bound, integral ? Math.ceil(least) : least);
  };
  // The plan improved where the first pass finds it furthest below its curves, before the long pass (whose Polyak
  // steps aim at the plan's priced value, so a better plan also speeds the bound up).
  let rounds = 0;
  if (best !== undefined && gapOf(Math.min(split.bound, best.bound)) > targetGap) {
    // The search may take all the time left; the long pass runs on what it leaves. Its rounds (2 per site) end it
    // first with the default 10 s (measured on the national 3 km instance at p = 10,000, 20,000 and 50,000: 2.6-5.4
    // s); with a 3 s limit the plan gains more than the long pass lowers the bound (gaps 0.85 / 1.34 / 1.09 % with
    // half the time left, 0.68 / 1.19 / 1.02 % with all of it).
    const bound = proven(Math.min(split.bound, best.bound));
    rounds = focusedSearch(state, components, curves, best, p, enough(bound), options, deadlineMs, tolerance);
  }
  const timeLeft = performance.now() < deadlineMs && !options.shouldStop?.();
  if (best !== undefined && timeLeft && gapOf(Math.min(split.bound, best.bound)) > targetGap) {
    // The long pass visits the components by decreasing slack of the first (upper - lower at the price), so a time
    // limit cuts the ones that matter least.
    const first = best;
    const slack = Float64Array.from(first.upper, (u, c) => u - first.lower[c]);
    const order = Uint32Array.from(slack.keys()).sort((x, y) => slack[y] - slack[x] || x - y);
    best = pricedBound(state, components, {
      p,
      lambda: first.lambda,
      iterations: PRICED_ITERATIONS,
      deadlineMs,
      warm: first,
      order,
      curves,
      skip: curves.exact,
      dominated,
    });
    split = curveBound(curves, components.fixedWeight, p);
  }
  const bound = proven(Math.min(split.bound, best?.bound ?? Infinity));
  options.onProgress?.({ share: 0.5, objective: state.covered, message: 'curve bound' });
  if (best !== undefined && rounds > 0 && performance.now() < deadlineMs && gapOf(bound) > targetGap) {
    // Once more, guided by the long pass's multipliers (nearer the LP optimum than the first pass's): measured on
    // the national 3 km instance at p = 20,000 with the default 10 s, 204 villages in 1.4 s where the re-solves
    // below gained 162 in 2.5 s.
    rounds += focusedSearch(state, components, curves, best, p, enough(bound), options, deadlineMs, tolerance);
  }
  let solver = 'lazy greedy + swap';
  if (rounds > 0) solver += ` + focused iterated local search (${rounds} rounds)`;
  if (exactImproved > 0) solver += ` + ${exactImproved} components exact`;
  if (moves > 0) solver += ` + ${moves} exchanges`;
  if (state.covered < bound - tolerance && relativeGap(state.covered, bound) > targetGap) {
    const improved = resolveComponents(state, components, curves, bound, targetGap, options, deadlineMs, tolerance);
    if (improved > 0) solver += ` + ${improved} components re-solved`;
  }
  const objective = state.exactCovered();
  const optimal = objective >= bound - tolerance;
  options.onProgress?.({ share: 1, objective });
  return {
    selected: state.selected(),
    objective,
    bound: optimal ? objective : bound,
    gap: optimal ? 0 : relativeGap(objective, bound),
    optimal,
    solver: `${solver} by components, curve bound`,
    seconds: (performance.now() - started) / 1000,
    coveredWeight: objective,
    totalWeight: state.totalWeight,
    coverableWeight: coverable,
    newSites: state.openNew,
    greedyOrder: greedy.order,
    greedyCumulative: greedy.cumulative,
  };
}

/** The components by increasing number of sites (ties by number). */
function smallestFirst(components: Components): Uint32Array {
  const { siteStart } = components;
  const size = (c: number): number => siteStart[c + 1] - siteStart[c];
  return Uint32Array.from({ length: components.count }, (_, c) => c).sort((a, b) => size(a) - size(b) || a - b);
}

/** Perturbation rounds of `focusedSearch` per open site of the components it aims at. */
const SEARCH_ROUNDS_PER_SITE = 2;
/**
 * Iterated local search (`swap.ts`: guided insertions and region re-optimisation, each followed by a swap descent)
 * aimed at the uncovered demands of the components whose plan is below its upper curve at its number of sites.
 * The guide sites, tried first after every improvement, are the closed sites of those components that the priced
 * relaxation opens (c_j = sum of mu_i over their demands above the price lambda): the Lagrangian heuristic's
 * choice (J.E. Beasley, "Lagrangean heuristics for location problems", EJOR 65 (1993) 383-399). Measured on the
 * national 3 km instance at 3 s: gaps 0.70 / 1.25 / 1.06 % with random insertions only, 0.47 / 0.96 / 0.94 % with
 * this guide (p = 10,000 / 20,000 / 50,000); a looser threshold (c_j > 0.97 lambda, 2.4 times the sites) 1.05 %
 * at p = 20,000, a stricter one (1.05 lambda) 1.31 %.
 * The moves stay global (a site may move between components). On the national 3 km instance at p = 10,000 the swap
 * plan is 0.7 % below the sum of the components' MIP optima at the same split (HiGHS, per component), nearly all
 * of it in the components of 1,000 sites or more, where single swaps are trapped by the plateaus of dense villages.
 * Its work is a number of rounds (per open site of those components), cut only by the deadline.
 * @returns the rounds run
 */
export function focusedSearch(
  state: CoverageState,
  components: Components,
  curves: ComponentCurves,
  priced: PricedBound,
  p: number,
  bound: number,
  options: MaxCoverageOptions,
  deadlineMs: number,
  tolerance: number,
): number {
  const { demandStart, demands, siteStart, sites } = components;
  const { siteOffsets, siteDemands, isOpen } = state;
  const focus: number[] = [];
  const guide: number[] = [];
  let open = 0;
  for (let c = 0; c < components.count; c++) {
    if (curves.exact[c]) continue;
    const [covered, k] = componentPlan(state, components, c);
    if (curves.value[curves.start[c] + k] - covered <= Math.max(tolerance, 0.5)) continue;
    open += k;
    for (let t = demandStart[c]; t < demandStart[c + 1]; t++) if (state.count[demands[t]] === 0) focus.push(demands[t]);
    for (let t = siteStart[c]; t < siteStart[c + 1]; t++) {
      const j = sites[t];
      if (isOpen[j]) continue;
      let cj = 0;
      for (let q = siteOffsets[j]; q < siteOffsets[j + 1]; q++) cj += priced.mu[siteDemands[q]];
      if (cj > priced.lambda) guide.push(j);
    }
  }
  if (focus.length === 0) return 0;
  const maxRounds = SEARCH_ROUNDS_PER_SITE * open;
  return new SwapSearch(state, {
    p,
    seed: options.seed ?? 1,
    deadlineMs,
    maxStallRounds: maxRounds,
    maxRounds,
    target: bound,
    tolerance,
    focus: Uint32Array.from(focus),
    guide,
    shouldStop: options.shouldStop,
  }).run().rounds;
}

/**
 * Replaces the plan of each component with an exact curve by its best subset of the same size, when that covers
 * more. Returns how many components improved.
 */
export function applyExactPlans(
  state: CoverageState,
  components: Components,
  curves: ComponentCurves,
  plans: ExactPlans,
  tolerance: number,
): number {
  let improved = 0;
  for (const [c, plan] of plans) {
    const [covered, open] = componentPlan(state, components, c);
    // Only when the optimum at the same number of sites covers more (the curve holds that optimum).
    if (open === 0 || curves.value[curves.start[c] + open] <= covered + tolerance) continue;
    useExactPlan(state, components, c, plan, open);
    improved++;
  }
  return improved;
}

/**
 * Re-solves alone, at its number of open sites, each component whose plan is below its upper curve, largest
 * slack U_c(k_c) - f_c(plan) first, keeps a better plan, and stops once the gap to `bound` is `targetGap`.
 * Returns how many components improved.
 */
function resolveComponents(
  state: CoverageState,
  components: Components,
  curves: ComponentCurves,
  bound: number,
  targetGap: number,
  options: MaxCoverageOptions,
  deadlineMs: number,
  tolerance: number,
): number {
  const open = new Uint32Array(components.count);
  const slack = new Float64Array(components.count);
  for (let c = 0; c < components.count; c++) {
    if (curves.exact[c]) continue;
    const [covered, k] = componentPlan(state, components, c);
    open[c] = k;
    slack[c] = curves.value[curves.start[c] + k] - covered;
  }
  const order: number[] = [];
  for (let c = 0; c < components.count; c++) if (open[c] > 0 && slack[c] > Math.max(tolerance, 0.5)) order.push(c);
  order.sort((a, b) => slack[b] - slack[a] || a - b);
  let improved = 0;
  for (const c of order) {
    if (performance.now() > deadlineMs || options.shouldStop?.()) break;
    if (relativeGap(state.covered, bound) <= targetGap) break;
    const part = componentProblem(state, components, c);
    let before = 0;
    for (const i of part.demands) if (state.count[i] > 0) before += state.weight[i];
    const result = maxCoverageHeuristic(part.problem, {
      p: open[c],
      seed: options.seed,
      maxStallRounds: COMPONENT_STALL_ROUNDS,
      timeLimitSec: Math.max(0, (deadlineMs - performance.now()) / 1000),
      shouldStop: options.shouldStop,
    });
    if (result.objective <= before + tolerance) continue;
    for (const j of part.sites) if (state.isOpen[j]) state.close(j);
    for (const t of result.selected) state.open(part.sites[t]);
    improved++;
  }
  return improved;
}
