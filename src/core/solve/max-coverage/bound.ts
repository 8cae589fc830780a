/**
 * Upper bounds on the optimum of max coverage, so a heuristic answer can say "within X % of optimal".
 *
 * The model (C. ReVelle & R. Church, "The maximal covering location problem", Papers of the Regional Science
 * Association 32 (1974) 101-118), with fixed sites F open, proposed sites J, budget p on proposed sites:
 *   max sum_i w_i y_i   s.t.  y_i <= sum_{j in N(i)} x_j,  sum_{j in J} x_j <= p,  x binary,  0 <= y <= 1.
 *
 * 1. Coverable weight: demands no open-able site reaches can never count.
 * 2. Submodularity: for any solution S, OPT <= f(S) + (sum of the p largest gains w.r.t. S), because
 *    f(S*) <= f(S u S*) <= f(S) + sum_{j in S*} gain_j(S) (Nemhauser, Wolsey & Fisher 1978).
 * 3. Lagrangian relaxation of the coverage rows with multipliers 0 <= lambda_i <= w_i (M.L. Fisher, "The Lagrangian
 *    relaxation method for solving integer programming problems", Management Science 27 (1981) 1-18; for the MCLP
 *    e.g. Galvao & ReVelle, EJOR 88 (1996) 114-123):
 *      L(lambda) = sum_i max(0, w_i - lambda_i) + (sum of the p largest c_j),  c_j = sum_{i in N(j)} lambda_i,
 *    an upper bound for every lambda; minimised by subgradient optimisation (Held, Wolfe & Crowder 1974 step rule).
 *    The subproblem has the integrality property, so the best L equals the LP relaxation bound.
 * When all weights are integers the optimum is an integer and every bound is rounded down.
 */
import { SITE_STATUS } from '../../types';
import { isFixed, type CoverageState } from './state';

/** Weight of the demands that some non-excluded site covers (the most any plan can cover). */
export function coverableWeight(state: CoverageState): number {
  let sum = 0;
  for (let i = 0; i < state.demandCount; i++) {
    for (let q = state.demandOffsets[i]; q < state.demandOffsets[i + 1]; q++) {
      if (state.status[state.demandSites[q]] !== SITE_STATUS.excluded) {
        sum += state.weight[i];
        break;
      }
    }
  }
  return sum;
}

/** True when every weight is an integer (then bounds may be rounded down). */
export function integralWeights(weight: Float64Array): boolean {
  for (let i = 0; i < weight.length; i++) if (!Number.isInteger(weight[i])) return false;
  return true;
}

/** Sum of the k largest values of `values[0 .. n)` (reorders `values`; average O(n) by quickselect). */
export function sumOfLargest(values: Float64Array, n: number, k: number): number {
  if (k <= 0 || n === 0) return 0;
  if (k < n) select(values, 0, n - 1, k - 1);
  let sum = 0;
  for (let t = 0; t < Math.min(k, n); t++) sum += values[t];
  return sum;
}

/** Moves the k-th largest to position k, larger ones before it (Hoare's quickselect, middle pivot). */
function select(a: Float64Array, left: number, right: number, k: number): void {
  while (right > left) {
    const pivot = a[(left + right) >>> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] > pivot) i++;
      while (a[j] < pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/** Submodularity bound for the current solution of `state` with budget p (see the module comment). */
export function submodularBound(state: CoverageState, p: number): number {
  const gains = new Float64Array(state.siteCount);
  let n = 0;
  for (let j = 0; j < state.siteCount; j++) {
    if (!state.isOpen[j] && state.status[j] === SITE_STATUS.proposed && state.gain[j] > 0) gains[n++] = state.gain[j];
  }
  return state.covered + sumOfLargest(gains, n, p);
}

/** Options of the Lagrangian bound. */
export interface LagrangianOptions {
  /** Budget p on proposed sites. */
  p: number;
  /** Best known objective (lower bound), used in the step size and to stop at a proven optimum. */
  lowerBound: number;
  /** Largest number of subgradient iterations. */
  iterations: number;
  /** Wall-clock deadline, `performance.now()` milliseconds. */
  deadlineMs: number;
}

/** Result of the Lagrangian bound. */
export interface LagrangianResult {
  /** The smallest L(lambda) met: a valid upper bound on the optimum (rounded down for integer weights). */
  bound: number;
  /**
   * The best primal solution met on the way (a Lagrangian heuristic: the p sites of largest c_j at each
   * iteration form a feasible plan), as proposed site indices, and its covered weight.
   */
  sites: number[];
  covered: number;
  /** Proposed sites by decreasing c_j at the best multipliers (at most max(2p, p + 32)): the LP's favourites. */
  guide: number[];
}

/**
 * Lagrangian upper bound by subgradient optimisation (see the module comment). O(nnz) per iteration.
 */
export function lagrangianBound(state: CoverageState, options: LagrangianOptions): LagrangianResult {
  const { siteCount, demandCount, siteOffsets, siteDemands, demandOffsets, demandSites, weight, status } = state;
  // Demands covered by a fixed site count whatever we do; demands only excluded sites reach never count.
  const free = new Uint8Array(demandCount);
  let fixedWeight = 0;
  for (let i = 0; i < demandCount; i++) {
    let byFixed = false;
    let byProposed = false;
    for (let q = demandOffsets[i]; q < demandOffsets[i + 1]; q++) {
      const code = status[demandSites[q]];
      if (isFixed(code)) byFixed = true;
      else if (code === SITE_STATUS.proposed) byProposed = true;
    }
    if (byFixed) fixedWeight += weight[i];
    else if (byProposed && weight[i] > 0) free[i] = 1;
  }
  const proposed: number[] = [];
  for (let j = 0; j < siteCount; j++) if (status[j] === SITE_STATUS.proposed) proposed.push(j);
  const p = Math.min(options.p, proposed.length);
  const lambda = new Float64Array(demandCount);
  for (let i = 0; i < demandCount; i++) if (free[i]) lambda[i] = weight[i] / 2;
  const c = new Float64Array(siteCount);
  const scratch = new Float64Array(proposed.length);
  const covers = new Float64Array(demandCount);
  const integral = integralWeights(weight);
  const round = (v: number): number => (integral ? Math.floor(v + 1e-7) : v);
  let best = Infinity;
  const bestC = new Float64Array(siteCount);
  const chosen: number[] = [];
  let bestPrimal = -Infinity;
  let bestSites: number[] = [];
  let theta = 2;
  let sinceImprovement = 0;
  for (let iter = 0; iter < options.iterations; iter++) {
    if ((iter & 3) === 0 && performance.now() > options.deadlineMs) break;
    let value = fixedWeight;
    for (let i = 0; i < demandCount; i++) if (free[i] && weight[i] > lambda[i]) value += weight[i] - lambda[i];
    for (let t = 0; t < proposed.length; t++) {
      const j = proposed[t];
      let sum = 0;
      for (let k = siteOffsets[j]; k < siteOffsets[j + 1]; k++) sum += lambda[siteDemands[k]];
      c[j] = sum;
      scratch[t] = sum;
    }
    value += sumOfLargest(scratch, proposed.length, p);
    const threshold = p < proposed.length ? scratch[p - 1] : -Infinity;
    if (!(value >= best - 1e-12 * Math.max(1, Math.abs(value)))) {
      best = value;
      bestC.set(c);
      sinceImprovement = 0;
    } else if (++sinceImprovement >= 10) {
      theta /= 2;
      sinceImprovement = 0;
    }
    if (round(best) <= options.lowerBound + 1e-9 * Math.max(1, options.lowerBound) || theta < 1e-4) break;
    // Subgradient g_i = (number of chosen sites covering i) - y_i, with the top-p sites chosen (ties in index order).
    covers.fill(0);
    chosen.length = 0;
    for (let pass = 0; pass < 2 && chosen.length < p; pass++) {
      for (let t = 0; t < proposed.length && chosen.length < p; t++) {
        const j = proposed[t];
        if (pass === 0 ? c[j] > threshold : c[j] === threshold) {
          chosen.push(j);
          for (let k = siteOffsets[j]; k < siteOffsets[j + 1]; k++) covers[siteDemands[k]]++;
        }
      }
    }
    let primal = fixedWeight;
    for (let i = 0; i < demandCount; i++) if (free[i] && covers[i] > 0) primal += weight[i];
    if (primal > bestPrimal) {
      bestPrimal = primal;
      bestSites = chosen.slice();
    }
    let norm = 0;
    for (let i = 0; i < demandCount; i++) {
      if (!free[i]) continue;
      const g = covers[i] - (weight[i] > lambda[i] ? 1 : 0);
      covers[i] = g;
      norm += g * g;
    }
    if (norm === 0) break; // lambda is optimal: L(lambda) equals the LP optimum
    const step = (theta * Math.max(value - options.lowerBound, 1e-9 * Math.max(1, value))) / norm;
    for (let i = 0; i < demandCount; i++) {
      if (!free[i]) continue;
      lambda[i] = Math.min(weight[i], Math.max(0, lambda[i] - step * covers[i]));
    }
  }
  return {
    bound: round(best),
    sites: bestSites,
    covered: bestPrimal,
    guide: largest(proposed, bestC, Math.max(2 * p, p + 32)),
  };
}

/** The k sites of largest value (ties by index), in decreasing order. */
function largest(sites: number[], value: Float64Array, k: number): number[] {
  if (k < sites.length) {
    const values = Float64Array.from(sites, (j) => value[j]);
    sumOfLargest(values, values.length, k);
    const threshold = values[k - 1];
    sites = sites.filter((j) => value[j] >= threshold);
  }
  return sites.sort((a, b) => value[b] - value[a] || a - b).slice(0, k);
}
