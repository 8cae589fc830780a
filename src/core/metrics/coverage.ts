/**
 * Coverage figures of any set of open sites: covered weight and share overall and per group (county, province or
 * any grouping given as one group index per demand point), how many open sites cover each demand point, and the
 * uncovered demand points. A demand point is covered when at least one open site covers it (`CoverageSets`).
 */
import type { CoverageSets } from '../types';

/** A grouping of demand points: `index[i]` in [0, count) is the group of demand i. */
export interface DemandGroups {
  index: ArrayLike<number>;
  count: number;
}

/** What `coverageMetrics` returns. */
export interface CoverageMetrics {
  coveredWeight: number;
  totalWeight: number;
  /** coveredWeight / totalWeight (0 when the total is 0). */
  share: number;
  coveredCount: number;
  demandCount: number;
  /** Number of open sites covering each demand point (saturates at 65535). */
  coverCount: Uint16Array;
  /** Indices of the demand points no open site covers, ascending. */
  uncovered: Uint32Array;
  /** Per group (when groups are given): covered and total weight, share, covered and total points. */
  groups?: {
    coveredWeight: Float64Array;
    totalWeight: Float64Array;
    share: Float64Array;
    coveredCount: Uint32Array;
    count: Uint32Array;
  };
}

/**
 * Coverage of a set of open sites.
 *
 * @param coverage coverage sets
 * @param weight weight of each demand point
 * @param open indices of the open sites (any order; repeats are harmless)
 * @param groups optional group of each demand point (e.g. county index) for per-group figures
 * @example
 * const m = coverageMetrics(cov, villages.weight, plan.selected, { index: countyIndex, count: counties.length });
 * m.share; // national share of village weight covered
 * m.groups?.share[12]; // share in county 12
 */
export function coverageMetrics(
  coverage: CoverageSets,
  weight: Float64Array,
  open: ArrayLike<number>,
  groups?: DemandGroups,
): CoverageMetrics {
  const { demandCount, siteCount, siteOffsets, siteDemands } = coverage;
  if (weight.length !== demandCount) throw new Error(`Expected ${demandCount} weights, got ${weight.length}.`);
  if (groups && groups.index.length !== demandCount) {
    throw new Error(`Expected ${demandCount} group indices, got ${groups.index.length}.`);
  }
  const isOpen = new Uint8Array(siteCount);
  for (let k = 0; k < open.length; k++) {
    const j = open[k];
    if (!(j >= 0 && j < siteCount)) throw new Error(`Open site ${j} out of range: expected 0 .. ${siteCount - 1}.`);
    isOpen[j] = 1;
  }
  const coverCount = new Uint16Array(demandCount);
  for (let j = 0; j < siteCount; j++) {
    if (!isOpen[j]) continue;
    for (let k = siteOffsets[j]; k < siteOffsets[j + 1]; k++) {
      const i = siteDemands[k];
      if (coverCount[i] < 65535) coverCount[i]++;
    }
  }
  let coveredWeight = 0;
  let totalWeight = 0;
  let coveredCount = 0;
  const uncovered: number[] = [];
  const g = groups
    ? {
        coveredWeight: new Float64Array(groups.count),
        totalWeight: new Float64Array(groups.count),
        share: new Float64Array(groups.count),
        coveredCount: new Uint32Array(groups.count),
        count: new Uint32Array(groups.count),
      }
    : undefined;
  for (let i = 0; i < demandCount; i++) {
    const w = weight[i];
    totalWeight += w;
    const covered = coverCount[i] > 0;
    if (covered) {
      coveredWeight += w;
      coveredCount++;
    } else uncovered.push(i);
    if (g && groups) {
      const group = groups.index[i];
      if (!(group >= 0 && group < groups.count))
        throw new Error(`Demand ${i} has group ${group}: expected 0 .. ${groups.count - 1}.`);
      g.totalWeight[group] += w;
      g.count[group]++;
      if (covered) {
        g.coveredWeight[group] += w;
        g.coveredCount[group]++;
      }
    }
  }
  if (g)
    for (let k = 0; k < g.share.length; k++)
      g.share[k] = g.totalWeight[k] > 0 ? g.coveredWeight[k] / g.totalWeight[k] : 0;
  return {
    coveredWeight,
    totalWeight,
    share: totalWeight > 0 ? coveredWeight / totalWeight : 0,
    coveredCount,
    demandCount,
    coverCount,
    uncovered: Uint32Array.from(uncovered),
    groups: g,
  };
}
