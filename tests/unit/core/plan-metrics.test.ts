import { describe, expect, it } from 'vitest';
import { assignmentMetrics, coverageMetrics } from '../../../src/core/plan-metrics';
import type { CoverageSets } from '../../../src/core/types';

/** Coverage sets from site lists, with the inverse built by brute force. */
function sets(demandCount: number, lists: number[][]): CoverageSets {
  const siteOffsets = Uint32Array.from([0, ...lists.map((_, j) => lists.slice(0, j + 1).flat().length)]);
  const byDemand = Array.from({ length: demandCount }, (_, i) => lists.flatMap((l, j) => (l.includes(i) ? [j] : [])));
  const demandOffsets = Uint32Array.from([0, ...byDemand.map((_, i) => byDemand.slice(0, i + 1).flat().length)]);
  return {
    demandCount,
    siteCount: lists.length,
    siteOffsets,
    siteDemands: Uint32Array.from(lists.flat()),
    demandOffsets,
    demandSites: Uint32Array.from(byDemand.flat()),
  };
}

describe('coverageMetrics', () => {
  const cov = sets(5, [[0, 1], [1, 2], [3], [4]]);
  const weight = Float64Array.of(1, 2, 4, 8, 16);

  it('sums covered, per-site and marginal weight', () => {
    const m = coverageMetrics(cov, weight, Uint32Array.of(0, 1, 2));
    expect(m.coveredWeight).toBe(15);
    expect(m.totalWeight).toBe(31);
    expect(m.coverage).toBeCloseTo(15 / 31, 12);
    expect(Array.from(m.siteCoveredWeight)).toEqual([3, 6, 8]);
    expect(Array.from(m.siteMarginalWeight)).toEqual([1, 4, 8]);
  });

  it('ignores unserved sites', () => {
    const m = coverageMetrics(cov, weight, Uint32Array.of(0, 1), Uint8Array.of(1, 0));
    expect(m.coveredWeight).toBe(3);
    expect(Array.from(m.siteCoveredWeight)).toEqual([3, 0]);
    expect(Array.from(m.siteMarginalWeight)).toEqual([3, 0]);
  });
});

describe('assignmentMetrics', () => {
  const weight = Float64Array.of(1, 10, 100);
  // demand 2 reaches only candidate 2
  const matrix = { rows: 3, cols: 3, values: Float64Array.of(1, 1, 5, 3, 2, 9, Infinity, Infinity, 4) };

  it('sums assigned weight per site; marginal = assigned weight no other open site reaches', () => {
    const m = assignmentMetrics(weight, Uint32Array.of(0, 1, 2), Int32Array.of(0, 1, 2), matrix);
    expect(Array.from(m.siteCoveredWeight)).toEqual([1, 10, 100]);
    expect(Array.from(m.siteMarginalWeight)).toEqual([0, 0, 100]);
    expect(m.coverage).toBe(1);
  });

  it('leaves unassigned points uncovered, and marginal 0 without a matrix', () => {
    const m = assignmentMetrics(weight, Uint32Array.of(0, 1), Int32Array.of(0, 1, -1));
    expect(m.coveredWeight).toBe(11);
    expect(m.totalWeight).toBe(111);
    expect(Array.from(m.siteMarginalWeight)).toEqual([0, 0]);
  });
});
