/**
 * Upper bound on max coverage by pricing the budget and splitting the rest into components.
 *
 * With fixed weight F (demands existing sites cover), components c (see `component-split.ts`) and a price
 * lambda >= 0 per site, every plan S with |S| <= p satisfies
 *   f(S) <= F + lambda p + sum_c max_{S_c} (f_c(S_c) - lambda |S_c|)                         (1)
 * (Lagrangian relaxation of the budget row; M.L. Fisher, Management Science 27 (1981) 1-18). Each component's
 * priced problem is bounded in turn by relaxing its coverage rows with multipliers 0 <= mu_i <= w_i:
 *   max_{S_c} (f_c(S_c) - lambda |S_c|) <= sum_{i in c} (w_i - mu_i)^+ + sum_{j in c} (c_j - lambda)^+,
 *   c_j = sum_{i in N(j)} mu_i,                                                              (2)
 * since w_i y_i <= (w_i - mu_i) y_i + mu_i |S n N(i)| for y_i <= |S n N(i)|. The minimum of (2) over mu is the
 * LP relaxation of the priced component, so min over lambda of (1) with (2) is the LP bound of the whole problem,
 * the same value as the one-piece Lagrangian of `bound.ts`. The point of the split is the speed of getting there:
 * each component runs its own subgradient (Held, Wolfe & Crowder, Math. Prog. 6 (1974) 62-88) with a Polyak step
 * towards its own best priced plan, and stops as soon as its bound meets that plan (most components do so in a few
 * iterations), where the one-piece subgradient moves all 456,000 multipliers with one global step and needs
 * hundreds of passes.
 */
import { integralWeights } from './bound';
import { recordCurve, roundDown, type ComponentCurves } from './component-curves';
import { componentPlan, type Components } from './component-split';
import { SITE_STATUS } from '../../types';
import type { CoverageState } from './state';

/**
 * Weight of the new subgradient in the search direction (the rest is the previous direction): the deflected
 * subgradient of the volume algorithm (F. Barahona & R. Anbil, Math. Prog. 87 (2000) 385-399). Measured on the
 * national 3 km instance at p = 20,000: 0.3 gets within 0.03 % of the LP bound (HiGHS, per component) where the
 * plain subgradient (1) stays 0.35 % above it.
 */
const DEFLECTION = 0.3;
/** Iterations without a better bound after which the step is halved (same measurement). */
const STALL = 10;

/** Multipliers and per-component figures of the priced bound, kept between prices for a warm start. */
export interface PricedBound {
  /** The price lambda of a site. */
  lambda: number;
  /** mu_i per demand (0 for demands that are not free). */
  mu: Float64Array;
  /** Per component: the smallest value of (2) met (rounded down when the weights and the price are integers). */
  upper: Float64Array;
  /** Per component: the best priced plan met, f_c(S_c) - lambda |S_c| (a lower bound of the priced optimum). */
  lower: Float64Array;
  /** F + lambda p + sum of `upper`: a valid upper bound on the optimum for budget p (not rounded). */
  bound: number;
  /** Subgradient iterations run, summed over components. */
  iterations: number;
}

/** Options of `pricedBound`. */
export interface PricedBoundOptions {
  /** Budget p on proposed sites. */
  p: number;
  /** Price of a site, >= 0. */
  lambda: number;
  /** Most subgradient iterations per component, after the first evaluation every component gets. */
  iterations: number;
  /** Wall-clock deadline, `performance.now()` milliseconds. */
  deadlineMs: number;
  /** A previous result (other price) whose multipliers start this one, rescaled by the ratio of the prices. */
  warm?: PricedBound;
  /** When given, every multiplier vector met also lowers these curves (see `component-curves.ts`). */
  curves?: ComponentCurves;
  /** Order in which to visit the components (a permutation of 0 .. count - 1; default by number). */
  order?: Uint32Array;
  /** 1 per dominated site (`dominatedSites`): left out of the relaxation, which keeps it valid. */
  dominated?: Uint8Array;
  /**
   * Components to leave out (e.g. those with exact curves): their `upper` is max_k (U_c(k) - lambda k) of
   * `curves` when given, else all their weight.
   */
  skip?: Uint8Array;
}

/**
 * Evaluates (1) with (2) at one price, each component minimising (2) by its own subgradient run.
 * The current plan of `state` gives each component a first priced plan (a lower bound for the Polyak step).
 * @param state bookkeeping with the current plan open
 * @param components the split of the same instance
 */
export function pricedBound(state: CoverageState, components: Components, options: PricedBoundOptions): PricedBound {
  const { siteOffsets, siteDemands, weight } = state;
  const { sites, siteStart, demands, demandStart } = components;
  const { lambda } = options;
  const n = components.count;
  const mu = new Float64Array(state.demandCount);
  if (options.warm && options.warm.lambda > 0) {
    const scale = lambda / options.warm.lambda;
    for (let i = 0; i < mu.length; i++) mu[i] = Math.min(weight[i], options.warm.mu[i] * scale);
  } else {
    dualAscent(state, components, lambda, options.dominated, options.skip, mu);
  }
  // A warm start at the same price keeps its per-component bounds and plans: still valid, only improved here.
  const same = options.warm !== undefined && options.warm.lambda === lambda;
  const upper = same ? Float64Array.from(options.warm!.upper) : new Float64Array(n).fill(Infinity);
  const lower = same ? Float64Array.from(options.warm!.lower) : new Float64Array(n);
  // The current plan, component by component.
  for (let c = 0; c < n; c++) {
    const [covered, open] = componentPlan(state, components, c);
    lower[c] = Math.max(lower[c], covered - lambda * open);
  }
  const cj = new Float64Array(state.siteCount);
  const covers = new Float64Array(state.demandCount);
  const direction = new Float64Array(state.demandCount);
  const scratch = new Float64Array(state.siteCount);
  const { curves, skip, dominated } = options;
  const weightOf = (c: number): number => {
    let sum = 0;
    for (let t = demandStart[c]; t < demandStart[c + 1]; t++) sum += weight[demands[t]];
    return sum;
  };
  // With integer weights and price, every priced optimum f_c(S) - lambda |S| is an integer: a component's bound may
  // be rounded down, and its run stops once the rounded bound meets its best priced plan.
  const integral = Number.isInteger(lambda) && integralWeights(weight);
  // A component is solved at this price once its (rounded) bound meets its best priced plan.
  const solved = (c: number): boolean => roundDown(upper[c], integral) - lower[c] <= 1e-9 * Math.max(1, upper[c]);
  let iterations = 0;
  // Runs the subgradient of component c for at most `limit` iterations (or to the deadline when `timed`).
  const iterate = (c: number, limit: number, timed: boolean): void => {
    const s0 = siteStart[c];
    const s1 = siteStart[c + 1];
    const d0 = demandStart[c];
    const d1 = demandStart[c + 1];
    let theta = 1;
    let stall = 0;
    for (let t = d0; t < d1; t++) direction[demands[t]] = 0;
    for (let iter = 0; iter < limit; iter++) {
      // A component may run 1,500 iterations of milliseconds each: the clock is watched at every one.
      if (timed && performance.now() > options.deadlineMs) return;
      iterations++;
      let value = 0;
      for (let t = d0; t < d1; t++) {
        const i = demands[t];
        if (weight[i] > mu[i]) value += weight[i] - mu[i];
        covers[i] = 0;
      }
      const constant = value;
      let chosen = 0;
      let kept = 0;
      for (let t = s0; t < s1; t++) {
        const j = sites[t];
        if (dominated?.[j]) continue;
        let sum = 0;
        for (let k = siteOffsets[j]; k < siteOffsets[j + 1]; k++) sum += mu[siteDemands[k]];
        cj[j] = sum;
        scratch[kept++] = sum;
        if (sum > lambda) {
          value += sum - lambda;
          chosen++;
          for (let k = siteOffsets[j]; k < siteOffsets[j + 1]; k++) covers[siteDemands[k]]++;
        }
      }
      if (value < upper[c] - 1e-12 * Math.max(1, value)) {
        // Multipliers that improve the priced bound are the ones worth a curve (sorting at every step costs
        // as much as the step itself on the large components).
        if (curves) recordCurve(curves, c, constant, scratch, kept);
        upper[c] = value;
        stall = 0;
      } else if (++stall >= STALL) {
        theta /= 2;
        stall = 0;
      }
      // The chosen sites are a priced plan too.
      let primal = -lambda * chosen;
      for (let t = d0; t < d1; t++) if (covers[demands[t]] > 0) primal += weight[demands[t]];
      if (primal > lower[c]) lower[c] = primal;
      if (solved(c) || theta < 1e-3) return;
      let norm = 0;
      for (let t = d0; t < d1; t++) {
        const i = demands[t];
        const g = DEFLECTION * (covers[i] - (weight[i] > mu[i] ? 1 : 0)) + (1 - DEFLECTION) * direction[i];
        direction[i] = g;
        norm += g * g;
      }
      if (norm === 0) return; // (2) is at its minimum: the LP optimum of the priced component
      const step = (theta * Math.max(value - lower[c], 1e-9)) / norm;
      for (let t = d0; t < d1; t++) {
        const i = demands[t];
        mu[i] = Math.min(weight[i], Math.max(0, mu[i] - step * direction[i]));
      }
    }
  };
  // First one evaluation of (2) per component at the starting multipliers (the dual ascent's, when fresh): a valid
  // bound everywhere for one pass over the pairs, so that the deadline may then cut the iterations anywhere. (A warm
  // start at the same price has a bound for every component already.)
  for (let c = 0; c < n; c++) {
    if (skip?.[c]) {
      // Left out: with curves, max_k (U_c(k) - lambda k) is its priced bound (exact for exact curves), else all
      // its weight.
      upper[c] = curves ? pricedCurve(curves, c, lambda) : weightOf(c);
    } else if (!Number.isFinite(upper[c])) iterate(c, 1, false);
  }
  for (let r = 0; r < n && performance.now() <= options.deadlineMs; r++) {
    const c = options.order ? options.order[r] : r;
    if (!skip?.[c] && !solved(c)) iterate(c, options.iterations, true);
  }
  let bound = components.fixedWeight + lambda * options.p;
  for (let c = 0; c < n; c++) {
    upper[c] = roundDown(upper[c], integral);
    bound += upper[c];
  }
  return { lambda, mu, upper, lower, bound, iterations };
}

/** max_k (U_c(k) - lambda k) over the curve of component c: its priced bound by the curve. */
function pricedCurve(curves: ComponentCurves, c: number, lambda: number): number {
  let best = 0;
  for (let k = 0, q = curves.start[c]; q < curves.start[c + 1]; k++, q++)
    best = Math.max(best, curves.value[q] - lambda * k);
  return best;
}

/**
 * Fresh multipliers by dual ascent (D. Erlenkotter, "A dual-based procedure for uncapacitated facility location",
 * Operations Research 26 (1978) 992-1009): the priced component is a facility location problem (open a site at
 * price lambda, earn w_i for each demand covered), whose LP dual is the packing max sum mu_i, 0 <= mu_i <= w_i,
 * c_j = sum_{i in N(j)} mu_i <= lambda. Each free demand in turn, those reached by the fewest sites first, raises
 * mu_i as far as its sites' slack allows. Every site is then priced out (c_j <= lambda), so (2) is
 * sum (w_i - mu_i): a valid start, measured on the national 3 km instance at p = 10,000 to end the first priced
 * pass 0.8 % lower (201,539 against 203,158) than mu_i = w_i lambda / (weight of i's largest site).
 * Dominated sites are left out, as in the relaxation (see `dominatedSites`), and so are the components the pass
 * skips.
 */
function dualAscent(
  state: CoverageState,
  components: Components,
  lambda: number,
  dominated: Uint8Array | undefined,
  skip: Uint8Array | undefined,
  mu: Float64Array,
): void {
  const { demandOffsets, demandSites, weight, status } = state;
  const { demandStart, demands } = components;
  const slack = new Float64Array(state.siteCount).fill(lambda);
  // The demands of the components not skipped, by number of sites reaching them (a counting sort; ties in the
  // order of the components' lists).
  let most = 0;
  for (const i of demands) most = Math.max(most, demandOffsets[i + 1] - demandOffsets[i]);
  const next = new Uint32Array(most + 2);
  for (let c = 0; c < components.count; c++) {
    if (skip?.[c]) continue;
    for (let t = demandStart[c]; t < demandStart[c + 1]; t++)
      next[demandOffsets[demands[t] + 1] - demandOffsets[demands[t]] + 1]++;
  }
  for (let r = 1; r < next.length; r++) next[r] += next[r - 1];
  const order = new Uint32Array(next[next.length - 1]);
  for (let c = 0; c < components.count; c++) {
    if (skip?.[c]) continue;
    for (let t = demandStart[c]; t < demandStart[c + 1]; t++) {
      const i = demands[t];
      order[next[demandOffsets[i + 1] - demandOffsets[i]]++] = i;
    }
  }
  for (const i of order) {
    let raise = weight[i];
    for (let q = demandOffsets[i]; q < demandOffsets[i + 1]; q++) {
      const j = demandSites[q];
      if (status[j] === SITE_STATUS.proposed && !dominated?.[j] && slack[j] < raise) raise = slack[j];
    }
    if (raise <= 0) continue;
    mu[i] = raise;
    for (let q = demandOffsets[i]; q < demandOffsets[i + 1]; q++) slack[demandSites[q]] -= raise;
  }
}
