/**
 * Coverage figures of a plan: covered weight, coverage share, and per selected site the weight it covers and the
 * weight only it covers (its marginal weight, what closing it would lose).
 */
import type { CoverageSets } from './types';
import type { PlanMetrics } from './plan-types';

/**
 * Metrics of the open sites `selected` under coverage sets `cov`.
 * One pass over the selected sites' lists counts how many open sites cover each demand point (n_i); then
 * covered = sum of w_i over n_i >= 1, site j covers sum of w_i over its list, and its marginal weight is the
 * sum over its list where n_i = 1. O(total length of the selected lists + demand count).
 *
 * @param cov coverage sets (site j covers `siteDemands[siteOffsets[j]..siteOffsets[j+1])`)
 * @param weight demand weights
 * @param selected open candidate indices
 * @param served optional mask over `selected` (same order): sites with 0 cover nothing (e.g. two-tier stations
 *   that no center reaches)
 */
export function coverageMetrics(
  cov: CoverageSets,
  weight: Float64Array,
  selected: Uint32Array,
  served?: Uint8Array,
): PlanMetrics {
  const n = cov.demandCount;
  const hits = new Uint32Array(n);
  const active = (k: number): boolean => served === undefined || served[k] !== 0;
  for (let k = 0; k < selected.length; k++) {
    if (!active(k)) continue;
    const j = selected[k];
    for (let t = cov.siteOffsets[j]; t < cov.siteOffsets[j + 1]; t++) hits[cov.siteDemands[t]]++;
  }
  let totalWeight = 0;
  let coveredWeight = 0;
  for (let i = 0; i < n; i++) {
    totalWeight += weight[i];
    if (hits[i] > 0) coveredWeight += weight[i];
  }
  const siteCoveredWeight = new Float64Array(selected.length);
  const siteMarginalWeight = new Float64Array(selected.length);
  for (let k = 0; k < selected.length; k++) {
    if (!active(k)) continue;
    const j = selected[k];
    let covered = 0;
    let marginal = 0;
    for (let t = cov.siteOffsets[j]; t < cov.siteOffsets[j + 1]; t++) {
      const i = cov.siteDemands[t];
      covered += weight[i];
      if (hits[i] === 1) marginal += weight[i];
    }
    siteCoveredWeight[k] = covered;
    siteMarginalWeight[k] = marginal;
  }
  return {
    coveredWeight,
    totalWeight,
    coverage: totalWeight > 0 ? coveredWeight / totalWeight : 0,
    siteCoveredWeight,
    siteMarginalWeight,
  };
}

/**
 * Metrics of an allocation model without a reach (p-median, p-center): each demand point is served by its
 * nearest open site; it counts as covered when that distance is finite. A site's covered weight is the weight
 * assigned to it; its marginal weight is the assigned weight that has no other open site at a finite distance.
 * Ties go to the lower candidate index.
 *
 * @param demandCount number of demand points
 * @param weight demand weights
 * @param selected open candidate indices
 * @param distance distance from demand i to candidate j (any unit; Infinity = unreachable)
 */
export function assignmentMetrics(
  demandCount: number,
  weight: Float64Array,
  selected: Uint32Array,
  distance: (i: number, j: number) => number,
): PlanMetrics {
  const siteCoveredWeight = new Float64Array(selected.length);
  const siteMarginalWeight = new Float64Array(selected.length);
  let totalWeight = 0;
  let coveredWeight = 0;
  for (let i = 0; i < demandCount; i++) {
    totalWeight += weight[i];
    let best = -1;
    let bestDistance = Infinity;
    let reachable = 0;
    for (let k = 0; k < selected.length; k++) {
      const d = distance(i, selected[k]);
      if (d < Infinity) reachable++;
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    if (best < 0) continue;
    coveredWeight += weight[i];
    siteCoveredWeight[best] += weight[i];
    if (reachable === 1) siteMarginalWeight[best] += weight[i];
  }
  return {
    coveredWeight,
    totalWeight,
    coverage: totalWeight > 0 ? coveredWeight / totalWeight : 0,
    siteCoveredWeight,
    siteMarginalWeight,
  };
}
