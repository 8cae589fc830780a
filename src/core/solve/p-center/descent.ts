/**
 * Radius descent for the p-center heuristic: given p sites of radius R, try the next smaller candidate radius r
 * by searching for p sites that cover every demand point within r (the covering view of the p-center, Minieka
 * 1970). The search is a weighted local search for covering problems: each step takes a random uncovered point,
 * opens one of the sites covering it and closes the open site that minimises the weight left uncovered, with a
 * short tabu tenure; after each step the weight of every uncovered point grows by one, so points that stay
 * uncovered pull the search toward them (row weighting: W. Pullan, "A memetic genetic algorithm for the vertex
 * p-center problem", Evol. Comput. 16 (2008) 417; C. Gao, T. Weise & J. Li, "An efficient local search
 * heuristic with row weighting for the unicost set covering problem", EJOR 246 (2015) 750).
 * Fast-swap bookkeeping as in the p-median: cover count and (for singly covered points) the covering site.
 */
import type { RadiusContext } from './radius';

/** Options of `coverWithin`. */
export interface CoverSearchOptions {
  random: () => number;
  /** Local search steps per radius (default 20,000). */
  maxSteps?: number;
  /** performance.now() / 1000 after which it gives up. */
  deadlineSec: number;
  shouldStop?: () => boolean;
}

/** Steps a site stays open after being opened, or closed after being closed. */
const TABU_TENURE = 2;

/**
 * Looks for p open sites (fixed ones included) covering every counted demand point within `radius`, starting
 * from the open sites `start`.
 * @returns the open sites of a full cover, or undefined when the step budget runs out
 */
export function coverWithin(
  ctx: RadiusContext,
  radius: number,
  start: Uint8Array,
  options: CoverSearchOptions,
): Uint8Array | undefined {
  const { source, roles, w, invOffsets, invUsers, invDist } = ctx;
  const { lists } = source;
  const n = source.demandCount;
  const m = source.siteCount;
  const open = start.slice();
  const count = new Int32Array(n);
  const coverSum = new Float64Array(n);
  const weight = new Float64Array(n);
  const lossW = new Float64Array(m);
  const uncovered: number[] = [];
  const position = new Int32Array(n).fill(-1);
  const tabu = new Float64Array(m).fill(-1);
  const random = options.random;
  const markUncovered = (v: number): void => {
    position[v] = uncovered.length;
    uncovered.push(v);
  };
  const markCovered = (v: number): void => {
    const k = position[v];
    const last = uncovered.pop() as number;
    if (last !== v) {
      uncovered[k] = last;
      position[last] = k;
    }
    position[v] = -1;
  };
  for (let v = 0; v < n; v++) {
    if (w[v] === 0) continue;
    weight[v] = 1;
    let any = false;
    for (let t = lists.offsets[v]; t < lists.offsets[v + 1] && lists.distances[t] <= radius && !any; t++) {
      any = roles.allowed[lists.sites[t]] === 1;
    }
    if (!any) return undefined; // no allowed site within the radius: infeasible
  }
  for (let j = 0; j < m; j++) {
    if (!open[j]) continue;
    for (let k = invOffsets[j]; k < invOffsets[j + 1] && invDist[k] <= radius; k++) {
      const v = invUsers[k];
      count[v]++;
      coverSum[v] += j;
    }
  }
  for (let v = 0; v < n; v++) {
    if (weight[v] === 0) continue;
    if (count[v] === 0) markUncovered(v);
    else if (count[v] === 1) lossW[coverSum[v]] += weight[v];
  }
  const openSite = (f: number): void => {
    open[f] = 1;
    for (let k = invOffsets[f]; k < invOffsets[f + 1] && invDist[k] <= radius; k++) {
      const v = invUsers[k];
      count[v]++;
      coverSum[v] += f;
      if (weight[v] === 0) continue;
      if (count[v] === 1) {
        markCovered(v);
        lossW[f] += weight[v];
      } else if (count[v] === 2) lossW[coverSum[v] - f] -= weight[v];
    }
  };
  const closeSite = (r: number): void => {
    open[r] = 0;
    for (let k = invOffsets[r]; k < invOffsets[r + 1] && invDist[k] <= radius; k++) {
      const v = invUsers[k];
      count[v]--;
      coverSum[v] -= r;
      if (weight[v] === 0) continue;
      if (count[v] === 0) markUncovered(v);
      else if (count[v] === 1) lossW[coverSum[v]] += weight[v];
    }
    lossW[r] = 0;
  };
  const extra = new Float64Array(m);
  const touched: number[] = [];
  const openFree: number[] = [];
  for (let j = 0; j < m; j++) if (open[j] && !roles.fixed[j]) openFree.push(j);
  const maxSteps = options.maxSteps ?? 20000;
  for (let step = 0; step < maxSteps; step++) {
    if (uncovered.length === 0) return open;
    if (openFree.length === 0) return undefined;
    if ((step & 255) === 0 && (performance.now() / 1000 > options.deadlineSec || options.shouldStop?.())) break;
    const u = uncovered[Math.floor(random() * uncovered.length)];
    let bestDelta = -Infinity;
    let bestIn = -1;
    let bestOut = -1;
    let ties = 0;
    for (let t = lists.offsets[u]; t < lists.offsets[u + 1] && lists.distances[t] <= radius; t++) {
      const f = lists.sites[t];
      if (open[f] || !roles.allowed[f] || tabu[f] > step) continue;
      let gain = 0;
      touched.length = 0;
      for (let k = invOffsets[f]; k < invOffsets[f + 1] && invDist[k] <= radius; k++) {
        const v = invUsers[k];
        if (weight[v] === 0) continue;
        if (count[v] === 0) gain += weight[v];
        else if (count[v] === 1) {
          const s = coverSum[v];
          if (extra[s] === 0) touched.push(s);
          extra[s] += weight[v];
        }
      }
      for (let a = 0; a < openFree.length; a++) {
        const r = openFree[a];
        if (tabu[r] > step) continue;
        const delta = gain - lossW[r] + extra[r];
        if (delta > bestDelta) {
          bestDelta = delta;
          bestIn = f;
          bestOut = a;
          ties = 1;
        } else if (delta === bestDelta && random() * ++ties < 1) {
          bestIn = f;
          bestOut = a;
        }
      }
      for (const s of touched) extra[s] = 0;
    }
    if (bestIn < 0) continue;
    const r = openFree[bestOut];
    openSite(bestIn);
    closeSite(r);
    openFree[bestOut] = bestIn;
    tabu[bestIn] = step + TABU_TENURE;
    tabu[r] = step + TABU_TENURE;
    for (const v of uncovered) weight[v]++;
  }
  return uncovered.length === 0 ? open : undefined;
}
