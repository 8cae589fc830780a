/**
 * Coverage-vs-sites curves of the components of a max-coverage instance, and the budget split they bound.
 *
 * For component c (see `component-split.ts`) let OPT_c(k) be the most free weight k of its sites cover. Since the
 * components share only the budget, OPT = F + max { sum_c OPT_c(k_c) : sum_c k_c <= p }. Any curves U_c >= OPT_c
 * give the upper bound F + max { sum_c U_c(k_c) : sum_c k_c <= p } <= F + sum of the p largest marginals of the
 * concave hulls of the U_c (the hull lies above U_c, and for concave curves the greedy choice of the largest
 * marginals is an optimal split: a separable concave resource allocation, T. Ibaraki & N. Katoh, "Resource
 * Allocation Problems", MIT Press 1988, ch. 4). Equivalently it is min over one price lambda of
 * lambda p + sum_c max_k (U_c(k) - lambda k), the Lagrangian dual of the budget row (Fisher 1981), solved exactly
 * here by sorting the hull breakpoints instead of searching lambda.
 *
 * Sources of U_c:
 * - exact curves by enumeration for components with few sites (`exactCurves`): U_c = OPT_c;
 * - for every multiplier vector mu of the coverage rows of c (0 <= mu_i <= w_i), and every k at once,
 *     OPT_c(k) <= sum_{i in c} (w_i - mu_i)^+ + (sum of the k largest c_j),  c_j = sum_{i in N(j)} mu_i,
 *   the Lagrangian relaxation of `bound.ts` restricted to c; `recordCurve` keeps the pointwise minimum over all
 *   the multipliers a subgradient run meets (a minimum of concave curves, so concave), capped by the weight of c.
 */
import { integralWeights } from './bound';
import type { Components } from './component-split';
import type { CoverageState } from './state';

/** Upper curves: component c holds U_c(k) for k = 0 .. (its site count) at `value[start[c] + k]`. */
export interface ComponentCurves {
  start: Uint32Array;
  value: Float64Array;
  /** 1 when the curve of c is exact (U_c = OPT_c): nothing left to prove for c. */
  exact: Uint8Array;
  /**
   * True when every demand weight is an integer: then so is every OPT_c(k), and `recordCurve` rounds its values
   * down. Each curve loses less than one, but the bound adds them up: on the national 3 km instance (one village per
   * demand) the first priced pass's split bound fell from 287,410 to 287,174 at p = 20,000 and from 408,699 to
   * 408,271 at p = 50,000.
   */
  integral: boolean;
}

/**
 * Tolerance of rounding a bound down to an integer (`roundDown`): floating sums of a few thousand weights stay far
 * within it.
 */
const INTEGER_SLACK = 1e-6;

/** v rounded down to an integer when `integral` (v bounds an integer from above), else v. */
export function roundDown(v: number, integral: boolean): number {
  return integral ? Math.floor(v + INTEGER_SLACK) : v;
}

/** Curves of all components, each U_c(0) = 0 and U_c(k >= 1) = free weight of c (valid, loose). */
export function initialCurves(state: CoverageState, components: Components): ComponentCurves {
  const { count, siteStart, demandStart, demands } = components;
  const start = new Uint32Array(count + 1);
  for (let c = 0; c < count; c++) start[c + 1] = start[c] + siteStart[c + 1] - siteStart[c] + 1;
  const value = new Float64Array(start[count]);
  for (let c = 0; c < count; c++) {
    let sum = 0;
    for (let t = demandStart[c]; t < demandStart[c + 1]; t++) sum += state.weight[demands[t]];
    value.fill(sum, start[c] + 1, start[c + 1]);
  }
  return { start, value, exact: new Uint8Array(count), integral: integralWeights(state.weight) };
}

/**
 * Lowers the curve of component c to A + (sum of the k largest of `cj[0 .. n)`) at every k (see the module
 * comment), k >= 1 (U_c(0) = 0 stays), rounded down when the weights are integers. Sorts `cj[0 .. n)` in place.
 */
export function recordCurve(curves: ComponentCurves, c: number, constant: number, cj: Float64Array, n: number): void {
  const part = cj.subarray(0, n).sort();
  const base = curves.start[c];
  let sum = constant;
  for (let k = 1; k <= n; k++) {
    sum += part[n - k];
    const value = roundDown(sum, curves.integral);
    if (value < curves.value[base + k]) curves.value[base + k] = value;
  }
}

/**
 * Most undominated sites of a component whose curve `exactCurves` enumerates (2^14 subsets, about 16 x 2^14
 * additions for the sums). On the national 3 km instance 42,000 of 45,000 components have at most 14 undominated
 * sites, against 38,000 with at most 12 sites in all.
 */
export const EXACT_SITES = 14;

/** Per component with an exact curve: the sites it enumerates and its best subset of them for each k. */
export interface ExactPlan {
  /** The undominated sites of the component (original indices); bit t of a subset is `sites[t]`. */
  sites: Uint32Array;
  /** Best subset for each k = 0 .. (all sites of the component); beyond `sites.length` all of them. */
  best: Uint32Array;
}
export type ExactPlans = Map<number, ExactPlan>;

/**
 * Exact curves of the components with at most `EXACT_SITES` undominated sites. Dominated sites (`dominatedSites`)
 * change no optimum and are left out; the free demands are grouped by the subset of sites reaching them, and the
 * weight left uncovered by each subset S of sites is the weight of the groups inside its complement: a sum over
 * subsets computed for all S at once by the zeta transform (F. Yates 1937; O(s 2^s), as in A. Bjorklund et al.,
 * "Fourier meets Mobius: fast subset convolution", STOC 2007). Marks those curves exact and returns the best
 * subsets.
 * @param dominated 1 per dominated site (none when not given)
 */
export function exactCurves(
  state: CoverageState,
  components: Components,
  curves: ComponentCurves,
  dominated?: Uint8Array,
): ExactPlans {
  const { siteStart, sites, demandStart, demands } = components;
  const { demandOffsets, demandSites, weight } = state;
  const plans: ExactPlans = new Map();
  const local = new Int32Array(state.siteCount).fill(-1);
  const inside = new Float64Array(1 << EXACT_SITES);
  const bits = new Uint8Array(1 << EXACT_SITES);
  for (let m = 1; m < bits.length; m++) bits[m] = bits[m >> 1] + (m & 1);
  const kept: number[] = [];
  for (let c = 0; c < components.count; c++) {
    kept.length = 0;
    for (let t = siteStart[c]; t < siteStart[c + 1] && kept.length <= EXACT_SITES; t++)
      if (!dominated?.[sites[t]]) kept.push(sites[t]);
    const s = kept.length;
    if (s > EXACT_SITES) continue;
    for (let t = 0; t < s; t++) local[kept[t]] = t;
    const full = (1 << s) - 1;
    inside.fill(0, 0, full + 1);
    let total = 0;
    for (let t = demandStart[c]; t < demandStart[c + 1]; t++) {
      const i = demands[t];
      let mask = 0;
      for (let q = demandOffsets[i]; q < demandOffsets[i + 1]; q++) {
        const b = local[demandSites[q]];
        if (b >= 0) mask |= 1 << b;
      }
      inside[mask] += weight[i];
      total += weight[i];
    }
    // inside[T] = weight of the demands whose sites all lie in T.
    for (let b = 0; b < s; b++) {
      const bit = 1 << b;
      for (let m = bit; m <= full; m = (m + 1) | bit) inside[m] += inside[m ^ bit];
    }
    const n = siteStart[c + 1] - siteStart[c];
    const best = new Float64Array(n + 1);
    const arg = new Uint32Array(n + 1);
    best[0] = 0;
    for (let mask = 1; mask <= full; mask++) {
      const value = total - inside[full ^ mask];
      const k = bits[mask];
      if (value > best[k]) {
        best[k] = value;
        arg[k] = mask;
      }
    }
    // (best is nondecreasing in k: weights are >= 0 and every k-subset has a superset of size k + 1.) Beyond the
    // undominated sites nothing more is covered.
    for (let k = s + 1; k <= n; k++) {
      best[k] = best[s];
      arg[k] = full;
    }
    curves.value.set(best, curves.start[c]);
    curves.exact[c] = 1;
    plans.set(c, { sites: Uint32Array.from(kept), best: arg });
    for (let t = 0; t < s; t++) local[kept[t]] = -1;
  }
  return plans;
}

/** Replaces the plan of component c in `state` by its best subset of `k` sites in `plan`. */
export function useExactPlan(
  state: CoverageState,
  components: Components,
  c: number,
  plan: ExactPlan,
  k: number,
): void {
  const { siteStart, sites } = components;
  for (let t = siteStart[c]; t < siteStart[c + 1]; t++) if (state.isOpen[sites[t]]) state.close(sites[t]);
  const mask = plan.best[k];
  for (let t = 0; t < plan.sites.length; t++) if (mask & (1 << t)) state.open(plan.sites[t]);
}

/** The split that bounds the optimum (see the module comment). */
export interface CurveBound {
  /** F + sum of the p largest hull marginals: a valid upper bound (not rounded). */
  bound: number;
  /** Sites each component gets in that split. */
  sites: Uint32Array;
  /** The smallest marginal taken (the price of the split), 0 when the budget is not binding. */
  lambda: number;
}

/** Segments of the concave hulls of all curves, by decreasing slope (ties by component). */
interface HullSegments {
  component: number[];
  length: number[];
  slope: number[];
  /** Segment numbers in the order of the split: decreasing slope, ties by component. */
  order: number[];
}

/** The concave hull of each curve (monotone chain), cut into segments of positive slope, sorted by slope. */
function hullSegments(curves: ComponentCurves): HullSegments {
  const n = curves.exact.length;
  const { start, value } = curves;
  const component: number[] = [];
  const length: number[] = [];
  const slope: number[] = [];
  const hull: number[] = [];
  for (let c = 0; c < n; c++) {
    const base = start[c];
    const m = start[c + 1] - base;
    hull.length = 0;
    for (let k = 0; k < m; k++) {
      // Keep k only when the chain turns right (concave); points below a chord are dropped.
      while (hull.length >= 2) {
        const a = hull[hull.length - 2];
        const b = hull[hull.length - 1];
        const cross = (value[base + b] - value[base + a]) * (k - a) - (value[base + k] - value[base + a]) * (b - a);
        if (cross <= 0) hull.pop();
        else break;
      }
      hull.push(k);
    }
    for (let h = 1; h < hull.length; h++) {
      const s = (value[base + hull[h]] - value[base + hull[h - 1]]) / (hull[h] - hull[h - 1]);
      if (s <= 0) break;
      component.push(c);
      length.push(hull[h] - hull[h - 1]);
      slope.push(s);
    }
  }
  const order = Array.from(slope.keys()).sort((a, b) => slope[b] - slope[a] || component[a] - component[b]);
  return { component, length, slope, order };
}

/**
 * The bound of the module comment: the concave hull of each curve, then the p largest marginals over all
 * components.
 * @param fixedWeight weight the fixed sites cover
 */
export function curveBound(curves: ComponentCurves, fixedWeight: number, p: number): CurveBound {
  const segments = hullSegments(curves);
  const sites = new Uint32Array(curves.exact.length);
  let bound = fixedWeight;
  let left = p;
  let lambda = 0;
  for (const s of segments.order) {
    if (left <= 0) break;
    const take = Math.min(left, segments.length[s]);
    bound += take * segments.slope[s];
    sites[segments.component[s]] += take;
    left -= take;
    lambda = segments.slope[s];
  }
  if (left > 0) lambda = 0;
  return { bound, sites, lambda };
}

/**
 * Fewest sites whose curve bound (`curveBound`) reaches `target`: a lower bound on the sites any plan covering
 * `target` needs, since no plan of k sites covers more than the bound at k. Infinity when no number of sites
 * does.
 * @param fixedWeight weight the fixed sites cover
 * @param target weight to cover, less a tolerance for rounding
 */
export function sitesToReach(curves: ComponentCurves, fixedWeight: number, target: number): number {
  let covered = fixedWeight;
  if (covered >= target) return 0;
  const segments = hullSegments(curves);
  let sites = 0;
  for (const s of segments.order) {
    const full = covered + segments.length[s] * segments.slope[s];
    if (full >= target) return sites + Math.max(1, Math.ceil((target - covered) / segments.slope[s] - 1e-9));
    covered = full;
    sites += segments.length[s];
  }
  return Infinity;
}
