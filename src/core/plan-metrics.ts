/**
 * Coverage figures of a plan: covered weight, coverage share, and per selected site the weight it covers and the
 * weight only it covers (its marginal weight, what closing it would lose).
 */
import type { CoverageSets, DistanceMatrix } from './types';
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
 * Metrics of an allocation model without a reach (p-median, p-center): each demand point is served by the open
 * site the solver assigned it to (its nearest); it counts as covered when it has one. A site's covered weight is
 * the weight assigned to it. Its marginal weight is the assigned weight that no other open site reaches at a
 * finite distance: with a matrix, a scan of the open columns of each row, O(rows x open sites); with
 * great-circle distances every site reaches every point, so it is 0.
 *
 * @param weight demand weights
 * @param selected open candidate indices, ascending
 * @param assignment open candidate index serving each demand point, or -1 when none reaches it
 * @param matrix the distance matrix, when the plan was made on one
 */
export function assignmentMetrics(
  weight: Float64Array,
  selected: Uint32Array,
  assignment: Int32Array,
  matrix?: DistanceMatrix,
): PlanMetrics {
  const position = new Map<number, number>();
  selected.forEach((j, k) => position.set(j, k));
  const siteCoveredWeight = new Float64Array(selected.length);
  const siteMarginalWeight = new Float64Array(selected.length);
  let totalWeight = 0;
  let coveredWeight = 0;
  for (let i = 0; i < weight.length; i++) {
    totalWeight += weight[i];
    const k = assignment[i] >= 0 ? position.get(assignment[i]) : undefined;
    if (k === undefined) continue;
    coveredWeight += weight[i];
    siteCoveredWeight[k] += weight[i];
    if (matrix === undefined) continue;
    let reachable = 0;
    const row = i * matrix.cols;
    for (let t = 0; t < selected.length && reachable < 2; t++)
      if (matrix.values[row + selected[t]] < Infinity) reachable++;
    if (reachable === 1) siteMarginalWeight[k] += weight[i];
  }
  return {
    coveredWeight,
    totalWeight,
    coverage: totalWeight > 0 ? coveredWeight / totalWeight : 0,
    siteCoveredWeight,
    siteMarginalWeight,
  };
}
