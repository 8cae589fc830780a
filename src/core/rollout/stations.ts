/**
 * Station placement of a rollout: budgeted lazy greedy max coverage (Minoux 1978, with the engine's
 * `CoverageState` bookkeeping and `LazyHeap`) over the station candidates of the chosen counties.
 *
 * Candidates: rural villages of a chosen county within the center reach of its center (the two-tier rule: a
 * station counts only when its county's center is open and reaches it). Each step opens the candidate adding the
 * most rural villages not yet covered per yuan of its front-loaded cost (any county's villages count: stations
 * near a border serve the neighbours too). A candidate whose cost no longer fits the remaining budget is passed
 * over; the loop ends at `params.stations` stations, when nothing adds coverage, or when stopped.
 */
import { LazyHeap } from '../solve/max-coverage/heap';
import { CoverageState } from '../solve/max-coverage/state';
import { SITE_STATUS } from '../types';
import { frontLoadedYuan, stationCost } from './costs';
import type { LoopHooks } from './county-ranking';
import type { RolloutNetwork } from './network';
import type { RolloutParams, StationLimit } from './rollout-types';

/** The stations chosen, in order of choice. */
export interface StationChoice {
  /** Rural index of each chosen station, in order of choice. */
  order: Uint32Array;
  /** Rural villages each station newly covered when chosen. */
  gain: Float64Array;
  /** Rural villages covered by all chosen stations. */
  covered: number;
  stopped: boolean;
  /** What ended the placement. */
  limit: StationLimit;
}

/** Stations between two checks of the stop flag and progress reports. */
const CHECK_EVERY = 1024;

/**
 * Places up to `params.stations` stations in the chosen counties within `budgetYuan` (see the module comment).
 * @param net the rollout's network
 * @param chosenCounties county indices with a center
 * @param params the rollout's parameters (stations, costs, years)
 * @param budgetYuan money left for stations, front-loaded yuan
 * @param hooks stop flag and progress (share of `params.stations` placed)
 */
export function placeStations(
  net: RolloutNetwork,
  chosenCounties: readonly number[],
  params: RolloutParams,
  budgetYuan: number,
  hooks: LoopHooks,
): StationChoice {
  const n = net.rural.length;
  const status = new Uint8Array(n).fill(SITE_STATUS.excluded);
  const costYuan = new Float64Array(n);
  for (const c of chosenCounties) {
    const cost = frontLoadedYuan(stationCost(params.costs, net.countyProvince[c]), params.years);
    for (let q = net.countyOffsets[c]; q < net.countyOffsets[c + 1]; q++) {
      const r = net.countyVillages[q];
      if (net.inCenterReach[r]) {
        status[r] = SITE_STATUS.proposed;
        costYuan[r] = cost;
      }
    }
  }
  const state = new CoverageState({ coverage: net.coverage, weight: new Float64Array(n).fill(1), status });
  const heap = new LazyHeap(
    n,
    (r) => state.gain[r] / Math.max(costYuan[r], 1e-9),
    (r) => state.isOpen[r] === 0 && status[r] === SITE_STATUS.proposed && state.tabu[r] === 0,
  );
  heap.rebuild();
  const order: number[] = [];
  const gain: number[] = [];
  let remainingYuan = budgetYuan;
  let stopped = false;
  /** Stations with a gain that the money left could not pay for. */
  let unaffordable = 0;
  for (let step = 0; order.length < params.stations; step++) {
    if (step % CHECK_EVERY === 0) {
      if (hooks.stop()) {
        stopped = true;
        break;
      }
      hooks.tick(order.length / Math.max(1, params.stations));
    }
    const r = heap.top();
    if (r < 0 || state.gain[r] <= 0) break;
    if (costYuan[r] > remainingYuan) {
      state.tabu[r] = 1;
      unaffordable++;
      continue;
    }
    gain.push(state.gain[r]);
    order.push(r);
    state.open(r);
    remainingYuan -= costYuan[r];
  }
  return {
    order: Uint32Array.from(order),
    gain: Float64Array.from(gain),
    covered: state.exactCovered(),
    stopped,
    limit: stopped
      ? 'stopped'
      : order.length >= params.stations
        ? 'stations'
        : unaffordable > 0
          ? 'budget'
          : 'coverage',
  };
}
