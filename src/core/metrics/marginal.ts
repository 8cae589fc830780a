/**
 * What each site adds, in order: the villages (and weight) each site newly covers when the sites open one after
 * the other. With the greedy order of a plan this is the coverage-vs-stations curve and a natural rollout order.
 */
import { LazyHeap } from '../solve/max-coverage/heap';
import type { CoverageSets } from '../types';

/** Marginal gains of sites taken in order. */
export interface MarginalGains {
  /** The sites, in the order evaluated. */
  order: Uint32Array;
  /** Demand points first covered by order[k]. */
  newlyCovered: Uint32Array;
  /** Weight first covered by order[k]. */
  newWeight: Float64Array;
  /** Covered weight after order[0..k]. */
  cumulativeWeight: Float64Array;
}

/**
 * Marginal gains of sites opened in the given order (sites already open in `before` cover nothing new).
 *
 * @param coverage coverage sets
 * @param weight weight of each demand point
 * @param order sites in opening order
 * @param before sites open beforehand (e.g. existing stations), default none
 * @example
 * const gains = marginalGains(cov, weight, plan.greedyOrder, existing);
 * gains.newlyCovered[0]; // villages the first new station brings in
 */
export function marginalGains(
  coverage: CoverageSets,
  weight: Float64Array,
  order: ArrayLike<number>,
  before: ArrayLike<number> = [],
): MarginalGains {
  const covered = new Uint8Array(coverage.demandCount);
  let total = 0;
  const cover = (j: number, count: boolean): [number, number] => {
    let n = 0;
    let w = 0;
    for (let k = coverage.siteOffsets[j]; k < coverage.siteOffsets[j + 1]; k++) {
      const i = coverage.siteDemands[k];
      if (covered[i]) continue;
      covered[i] = 1;
      if (count) {
        n++;
        w += weight[i];
      }
      total += weight[i];
    }
    return [n, w];
  };
  for (let k = 0; k < before.length; k++) cover(before[k], false);
  const newlyCovered = new Uint32Array(order.length);
  const newWeight = new Float64Array(order.length);
  const cumulativeWeight = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const [n, w] = cover(order[k], true);
    newlyCovered[k] = n;
    newWeight[k] = w;
    cumulativeWeight[k] = total;
  }
  return { order: Uint32Array.from(order), newlyCovered, newWeight, cumulativeWeight };
}

/**
 * Orders the sites of a plan greedily: each next site is the one of the plan that newly covers the most weight
 * (ties: smaller index). Gives the plan's own coverage curve (which rises fastest first) and a rollout order.
 * Lazy greedy with a heap: O(total set size x log) in practice.
 *
 * @param coverage coverage sets
 * @param weight weight of each demand point
 * @param sites the plan's sites to order
 * @param before sites open beforehand, default none
 */
export function greedyOrder(
  coverage: CoverageSets,
  weight: Float64Array,
  sites: ArrayLike<number>,
  before: ArrayLike<number> = [],
): MarginalGains {
  const covered = new Uint8Array(coverage.demandCount);
  for (let k = 0; k < before.length; k++) {
    const j = before[k];
    for (let q = coverage.siteOffsets[j]; q < coverage.siteOffsets[j + 1]; q++) covered[coverage.siteDemands[q]] = 1;
  }
  const gainOf = (j: number): number => {
    let w = 0;
    for (let q = coverage.siteOffsets[j]; q < coverage.siteOffsets[j + 1]; q++) {
      if (!covered[coverage.siteDemands[q]]) w += weight[coverage.siteDemands[q]];
    }
    return w;
  };
  // Lazy greedy (Minoux 1978): gains only fall, so a stored gain is an upper bound, re-evaluated at the top only.
  const inPlan = new Uint8Array(coverage.siteCount);
  for (let k = 0; k < sites.length; k++) inPlan[sites[k]] = 1;
  const heap = new LazyHeap(coverage.siteCount, gainOf, (j) => inPlan[j] === 1);
  heap.rebuild();
  const order: number[] = [];
  for (let j = heap.top(); j >= 0; j = heap.top()) {
    heap.pop();
    inPlan[j] = 0;
    order.push(j);
    for (let q = coverage.siteOffsets[j]; q < coverage.siteOffsets[j + 1]; q++) covered[coverage.siteDemands[q]] = 1;
  }
  return marginalGains(coverage, weight, order, before);
}
