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
import type { Components } from './component-split';
import type { CoverageState } from './state';

/** Upper curves: component c holds U_c(k) for k = 0 .. (its site count) at `value[start[c] + k]`. */
export interface ComponentCurves {
  start: Uint32Array;
  value: Float64Array;
  /** 1 when the curve of c is exact (U_c = OPT_c): nothing left to prove for c. */
  exact: Uint8Array;
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
  return { start, value, exact: new Uint8Array(count) };
}

/**
 * Lowers the curve of component c to A + (sum of the k largest of `cj[0 .. n)`) at every k (see the module
 * comment), k >= 1 (U_c(0) = 0 stays). Sorts `cj[0 .. n)` in place.
 */
export function recordCurve(curves: ComponentCurves, c: number, constant: number, cj: Float64Array, n: number): void {
  const part = cj.subarray(0, n).sort();
  const base = curves.start[c];
  let sum = constant;
  for (let k = 1; k <= n; k++) {
    sum += part[n - k];
    if (sum < curves.value[base + k]) curves.value[base + k] = sum;
  }
}

/** Most sites of a component whose curve `exactCurves` enumerates (2^12 subsets). */
export const EXACT_SITES = 12;
/** Most free demands of such a component (two 31-bit words per subset). */
const EXACT_DEMANDS = 62;

/** Per component with an exact curve: the best subset (bit t = local site t) for each k. */
export type ExactPlans = Map<number, Uint32Array>;

/**
 * Exact curves of the components with at most `EXACT_SITES` sites and `EXACT_DEMANDS` free demands: every subset
 * of sites is enumerated once (its cover built from the subset without its lowest site), and the best subset of
 * each size kept. Marks those curves exact and returns the best subsets.
 */
export function exactCurves(state: CoverageState, components: Components, curves: ComponentCurves): ExactPlans {
  const { siteStart, sites, demandStart, demands, free } = components;
  const { siteOffsets, siteDemands, weight } = state;
  const plans: ExactPlans = new Map();
  const local = new Int32Array(state.demandCount).fill(-1);
  const lowMask = new Int32Array(EXACT_SITES);
  const highMask = new Int32Array(EXACT_SITES);
  const lowCover = new Int32Array(1 << EXACT_SITES);
  const highCover = new Int32Array(1 << EXACT_SITES);
  const table = new Float64Array(8 * 256);
  for (let c = 0; c < components.count; c++) {
    const s = siteStart[c + 1] - siteStart[c];
    const d = demandStart[c + 1] - demandStart[c];
    if (s > EXACT_SITES || d > EXACT_DEMANDS) continue;
    for (let t = 0; t < d; t++) local[demands[demandStart[c] + t]] = t;
    for (let t = 0; t < s; t++) {
      const j = sites[siteStart[c] + t];
      let low = 0;
      let high = 0;
      for (let k = siteOffsets[j]; k < siteOffsets[j + 1]; k++) {
        const i = siteDemands[k];
        if (!free[i]) continue;
        const b = local[i];
        if (b < 31) low |= 1 << b;
        else high |= 1 << (b - 31);
      }
      lowMask[t] = low;
      highMask[t] = high;
    }
    // Weight of a cover by byte tables: byte q of the 62 bits (low word bits 0-30, high word bits 31-61).
    table.fill(0);
    for (let t = 0; t < d; t++) {
      const q = t >> 3;
      const bit = 1 << (t & 7);
      for (let v = bit; v < 256; v = (v + 1) | bit) table[256 * q + v] += weight[demands[demandStart[c] + t]];
    }
    const weighOf = (low: number, high: number): number => {
      // Re-pack into bytes of the 62-bit index: bits 0-30 from low, 31-61 from high.
      const b0 = low & 255;
      const b1 = (low >>> 8) & 255;
      const b2 = (low >>> 16) & 255;
      const b3 = ((low >>> 24) & 127) | ((high & 1) << 7);
      const h = high >>> 1;
      return (
        table[b0] +
        table[256 + b1] +
        table[512 + b2] +
        table[768 + b3] +
        table[1024 + (h & 255)] +
        table[1280 + ((h >>> 8) & 255)] +
        table[1536 + ((h >>> 16) & 255)] +
        table[1792 + ((h >>> 24) & 255)]
      );
    };
    const best = new Float64Array(s + 1);
    const arg = new Uint32Array(s + 1);
    lowCover[0] = 0;
    highCover[0] = 0;
    for (let mask = 1; mask < 1 << s; mask++) {
      const lowest = 31 - Math.clz32(mask & -mask);
      const rest = mask & (mask - 1);
      const low = lowCover[rest] | lowMask[lowest];
      const high = highCover[rest] | highMask[lowest];
      lowCover[mask] = low;
      highCover[mask] = high;
      const value = weighOf(low, high);
      let k = 0;
      for (let m = mask; m !== 0; m &= m - 1) k++;
      if (value > best[k]) {
        best[k] = value;
        arg[k] = mask;
      }
    }
    // (best is nondecreasing in k: weights are >= 0 and every k-subset has a superset of size k + 1.)
    curves.value.set(best, curves.start[c]);
    curves.exact[c] = 1;
    plans.set(c, arg);
    for (let t = 0; t < d; t++) local[demands[demandStart[c] + t]] = -1;
  }
  return plans;
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

/**
 * The bound of the module comment: concave hull of each curve (monotone chain), then the p largest marginals
 * over all components (segments sorted by slope, ties by component).
 * @param fixedWeight weight the fixed sites cover
 */
export function curveBound(curves: ComponentCurves, fixedWeight: number, p: number): CurveBound {
  const n = curves.exact.length;
  const { start, value } = curves;
  // Hull segments: component, length in sites, slope.
  const segComponent: number[] = [];
  const segLength: number[] = [];
  const segSlope: number[] = [];
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
      const slope = (value[base + hull[h]] - value[base + hull[h - 1]]) / (hull[h] - hull[h - 1]);
      if (slope <= 0) break;
      segComponent.push(c);
      segLength.push(hull[h] - hull[h - 1]);
      segSlope.push(slope);
    }
  }
  const order = Array.from(segSlope.keys()).sort(
    (a, b) => segSlope[b] - segSlope[a] || segComponent[a] - segComponent[b],
  );
  const sites = new Uint32Array(n);
  let bound = fixedWeight;
  let left = p;
  let lambda = 0;
  for (const s of order) {
    if (left <= 0) break;
    const take = Math.min(left, segLength[s]);
    bound += take * segSlope[s];
    sites[segComponent[s]] += take;
    left -= take;
    lambda = segSlope[s];
  }
  if (left > 0) lambda = 0;
  return { bound, sites, lambda };
}
