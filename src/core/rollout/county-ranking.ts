/**
 * Which counties get a center: a transparent ranking of counties, then the choice of up to `params.centers` of them
 * within the budget.
 *
 * Each county's "package" is what its own stations could do: the lazy greedy (Minoux 1978) picks up to
 * k = ceil(stations / centers) of its station candidates (rural villages within the center reach of its center),
 * each adding the most rural villages not yet reached (neighbouring counties' villages count), and the package is
 * the set of villages they reach. The package's front-loaded cost (see costs.ts) is what the choice reserves from
 * the budget: the center plus its package stations, each as if open every year.
 *
 * Counties are then chosen greedily, priority provinces first (all counties of `provinceOrder[0]`, then of
 * `provinceOrder[1]`, ..., then every other province), by score:
 * - `villages-per-yuan`: villages of the package not already reached by the packages of counties chosen before,
 *   per yuan of the package's cost (a marginal gain, so it only falls: lazy evaluation is exact);
 * - `uncovered-share`: the county's own rural villages not reached by the packages chosen before (the share
 *   uncovered times its rural villages);
 * - `user-weight`: the user's weight of the county (missing: 0), ties broken by the package's villages per yuan.
 * A county whose reserve no longer fits the budget is passed over; counties without rural villages have no center
 * position and are never chosen.
 */
import { LazyHeap } from '../solve/max-coverage/heap';
import { centerCost, frontLoadedYuan, stationCost } from './costs';
import type { RolloutNetwork } from './network';
import type { RolloutParams } from './rollout-types';

/** The packages of every county in CSR form, and their cost. */
export interface CountyPackages {
  /** County c's package reaches rural villages `villages[offsets[c] .. offsets[c+1])`. */
  offsets: Uint32Array;
  villages: Uint32Array;
  /** Stations of each package. */
  stations: Uint32Array;
  /** Front-loaded cost of each county's center and package stations, yuan. */
  reserveYuan: Float64Array;
}

/** The ranking's outcome. */
export interface CountyRanking {
  /** Chosen counties in order of choice. */
  chosen: number[];
  /** Score of each county when it was chosen, or its last evaluated score; NaN for counties never scored. */
  score: Float64Array;
  /** Front-loaded cost reserved for the chosen counties' centers, yuan. */
  centersYuan: number;
  packages: CountyPackages;
  stopped: boolean;
}

/** Hooks of a long loop: `stop()` ends it early, `tick(share)` reports progress within the phase. */
export interface LoopHooks {
  stop: () => boolean;
  tick: (share: number) => void;
}

/** Counties between two checks of the stop flag and two progress reports. */
const COUNTY_CHECK_EVERY = 32;

/** Builds every county's package (see the module comment). Stops early (empty packages after) when asked. */
export function countyPackages(net: RolloutNetwork, params: RolloutParams, hooks: LoopHooks): CountyPackages {
  const { coverage, countyCount } = net;
  const k = params.centers > 0 ? Math.ceil(params.stations / params.centers) : 0;
  const offsets = new Uint32Array(countyCount + 1);
  const stations = new Uint32Array(countyCount);
  const reserveYuan = new Float64Array(countyCount);
  const out: number[] = [];
  const covered = new Uint8Array(coverage.demandCount);
  const { siteOffsets, siteDemands } = coverage;
  const gainOf = (r: number): number => {
    let g = 0;
    for (let q = siteOffsets[r], end = siteOffsets[r + 1]; q < end; q++) g += covered[siteDemands[q]] === 0 ? 1 : 0;
    return g;
  };
  for (let c = 0; c < countyCount; c++) {
    offsets[c] = out.length;
    if (c % COUNTY_CHECK_EVERY === 0) {
      if (hooks.stop()) {
        offsets.fill(out.length, c);
        return { offsets, villages: Uint32Array.from(out), stations, reserveYuan };
      }
      hooks.tick(c / countyCount);
    }
    if (net.seat[c] < 0) continue;
    const candidates: number[] = [];
    for (let q = net.countyOffsets[c]; q < net.countyOffsets[c + 1]; q++) {
      const r = net.countyVillages[q];
      if (net.inCenterReach[r]) candidates.push(r);
    }
    const taken = new Uint8Array(candidates.length);
    const heap = new LazyHeap(
      candidates.length,
      (local) => gainOf(candidates[local]),
      (local) => taken[local] === 0,
    );
    heap.rebuild();
    const first = out.length;
    let picked = 0;
    while (picked < k) {
      const local = heap.top();
      if (local < 0 || gainOf(candidates[local]) <= 0) break;
      taken[local] = 1;
      heap.pop();
      picked++;
      const r = candidates[local];
      for (let q = siteOffsets[r]; q < siteOffsets[r + 1]; q++) {
        const v = siteDemands[q];
        if (covered[v] === 0) {
          covered[v] = 1;
          out.push(v);
        }
      }
    }
    for (let q = first; q < out.length; q++) covered[out[q]] = 0;
    const province = net.countyProvince[c];
    stations[c] = picked;
    reserveYuan[c] =
      frontLoadedYuan(centerCost(params.costs, province), params.years) +
      picked * frontLoadedYuan(stationCost(params.costs, province), params.years);
  }
  offsets[countyCount] = out.length;
  return { offsets, villages: Uint32Array.from(out), stations, reserveYuan };
}

/** Rank of a province in the order (provinces not listed come last, together). */
export function provinceRank(order: readonly string[], provinceCode: string): number {
  const k = order.indexOf(provinceCode);
  return k < 0 ? order.length : k;
}

/**
 * Ranks the counties and chooses up to `params.centers` of them within `params.budgetYuan` (see the module
 * comment).
 * @param net the rollout's network
 * @param params the rollout's parameters
 * @param hooks stop flag and progress (share of this phase done)
 */
export function rankCounties(net: RolloutNetwork, params: RolloutParams, hooks: LoopHooks): CountyRanking {
  const { countyCount } = net;
  const packages = countyPackages(net, params, { stop: hooks.stop, tick: (s) => hooks.tick(0.8 * s) });
  const score = new Float64Array(countyCount).fill(NaN);
  const chosen: number[] = [];
  const ranking: CountyRanking = { chosen, score, centersYuan: 0, packages, stopped: false };
  if (hooks.stop()) return { ...ranking, stopped: true };
  const rank = Int32Array.from(net.countyProvince, (code) => provinceRank(params.provinceOrder, code));
  const state = new Uint8Array(countyCount); // 0 open to choice, 1 chosen, 2 passed over (budget)
  const covered = new Uint8Array(net.coverage.demandCount);
  let remainingYuan = params.budgetYuan;
  const choose = (c: number): boolean => {
    if (packages.reserveYuan[c] > remainingYuan) {
      state[c] = 2;
      return false;
    }
    state[c] = 1;
    chosen.push(c);
    remainingYuan -= packages.reserveYuan[c];
    ranking.centersYuan += frontLoadedYuan(centerCost(params.costs, net.countyProvince[c]), params.years);
    for (let q = packages.offsets[c]; q < packages.offsets[c + 1]; q++) covered[packages.villages[q]] = 1;
    if (chosen.length % COUNTY_CHECK_EVERY === 0) hooks.tick(0.8 + (0.2 * chosen.length) / Math.max(1, params.centers));
    return true;
  };
  const packageVillagesPerYuan = (c: number): number =>
    (packages.offsets[c + 1] - packages.offsets[c]) / Math.max(packages.reserveYuan[c], 1e-9);

  if (params.countyScore === 'user-weight') {
    const weights = params.countyWeights ?? {};
    const weight = (c: number): number => weights[net.countyCodes[c]] ?? 0;
    const order: number[] = [];
    for (let c = 0; c < countyCount; c++) if (net.seat[c] >= 0) order.push(c);
    order.sort(
      (a, b) =>
        rank[a] - rank[b] || weight(b) - weight(a) || packageVillagesPerYuan(b) - packageVillagesPerYuan(a) || a - b,
    );
    for (const c of order) {
      if (chosen.length >= params.centers) break;
      if (hooks.stop()) return { ...ranking, stopped: true };
      score[c] = weight(c);
      choose(c);
    }
    return ranking;
  }

  const uncoveredOf = (from: Uint32Array, start: number, end: number): number => {
    let n = 0;
    for (let q = start; q < end; q++) n += covered[from[q]] === 0 ? 1 : 0;
    return n;
  };
  const priority =
    params.countyScore === 'uncovered-share'
      ? (c: number): number => uncoveredOf(net.countyVillages, net.countyOffsets[c], net.countyOffsets[c + 1])
      : (c: number): number =>
          uncoveredOf(packages.villages, packages.offsets[c], packages.offsets[c + 1]) /
          Math.max(packages.reserveYuan[c], 1e-9);
  const phases = [...params.provinceOrder.map((_, k) => k), params.provinceOrder.length];
  for (const phase of phases) {
    const heap = new LazyHeap(countyCount, priority, (c) => state[c] === 0 && net.seat[c] >= 0 && rank[c] === phase);
    heap.rebuild();
    while (chosen.length < params.centers) {
      if (hooks.stop()) return { ...ranking, stopped: true };
      const c = heap.top();
      if (c < 0) break;
      score[c] = priority(c);
      heap.pop();
      choose(c);
    }
  }
  return ranking;
}
