import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageByPlanarRadius } from '../../../../../src/core/reach/planar';
import { createRandom } from '../../../../../src/core/random';
import { maxCoverageHeuristic, solveMaxCoverage } from '../../../../../src/core/solve/max-coverage';
import {
  maxCoverageLp,
  maxCoverageStart,
  reduceCoverage,
  sitesFromValues,
} from '../../../../../src/core/solve/max-coverage/mip';
import { solveMip } from '../../../../../src/core/solve/mip';
import { reoptimizeRegion } from '../../../../../src/core/solve/max-coverage/region';
import { CoverageState } from '../../../../../src/core/solve/max-coverage/state';
import { lazyGreedy } from '../../../../../src/core/solve/max-coverage/greedy';
import { SITE_STATUS } from '../../../../../src/core/types';
import { bruteMaxCoverage, coveredWeight, instanceArb } from '../coverage-instances';

const pArb = fc.integer({ min: 0, max: 6 });
const tol = (v: number) => 1e-9 * Math.max(1, Math.abs(v));

/** A clustered planar instance larger than brute force can handle (for search behaviour). */
function clustered(seed: number, n: number, radius: number) {
  const rand = createRandom(seed);
  const centres = Array.from({ length: 12 }, () => [rand() * 20, rand() * 20]);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [cx, cy] = centres[Math.floor(rand() * centres.length)];
    x[i] = cx + (rand() - 0.5) * 6;
    y[i] = cy + (rand() - 0.5) * 6;
    weight[i] = 1 + Math.floor(rand() * 9);
  }
  const points = { count: n, x, y };
  return { coverage: coverageByPlanarRadius(points, points, radius), weight };
}

describe('max coverage', () => {
  it('exact equals brute force; heuristic <= optimum <= bound; statuses honoured', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb({ statuses: true }), pArb, async (problem, p) => {
        const optimum = bruteMaxCoverage(problem, p);
        const status = problem.status!;
        const exact = await solveMaxCoverage(problem, { p, mode: 'exact', timeLimitSec: 20 });
        const heuristic = maxCoverageHeuristic(problem, { p, timeLimitSec: 5 });
        for (const solution of [exact, heuristic]) {
          expect(solution.objective).toBeCloseTo(coveredWeight(problem.coverage, problem.weight, solution.selected), 9);
          expect(solution.newSites).toBeLessThanOrEqual(p);
          const open = new Set(solution.selected);
          status.forEach((code, j) => {
            if (code === SITE_STATUS.existing || code === SITE_STATUS.locked) expect(open.has(j)).toBe(true);
            if (code === SITE_STATUS.excluded) expect(open.has(j)).toBe(false);
          });
          expect(solution.objective).toBeLessThanOrEqual(optimum + tol(optimum));
          expect(solution.bound).toBeGreaterThanOrEqual(optimum - tol(optimum));
          if (solution.optimal) expect(solution.objective).toBeCloseTo(optimum, 9);
        }
        expect(exact.optimal).toBe(true);
        expect(exact.objective).toBeCloseTo(optimum, 9);
      }),
      { numRuns: 60 },
    );
  });

  it('the reduced MIP (merged demands, dominated sites dropped) has the brute-force optimum', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb({ statuses: true }), pArb, fc.boolean(), async (problem, p, warm) => {
        const optimum = bruteMaxCoverage(problem, p);
        const reduced = reduceCoverage(problem);
        const start = warm ? maxCoverageStart(reduced, maxCoverageHeuristic(problem, { p }).selected) : undefined;
        const result = await solveMip(maxCoverageLp(reduced, p), { mipRelGap: 0, start });
        expect(result.status).toBe('optimal');
        expect(result.objective + reduced.fixedWeight).toBeCloseTo(optimum, 9);
        const open = sitesFromValues(reduced, result.values);
        expect(open.length).toBeLessThanOrEqual(p);
        const fixed = Array.from(problem.status!.keys()).filter(
          (j) => problem.status![j] === 1 || problem.status![j] === 2,
        );
        expect(coveredWeight(problem.coverage, problem.weight, [...fixed, ...open])).toBeCloseTo(optimum, 9);
      }),
      { numRuns: 60 },
    );
  });

  it('the reduction merges identical demands and drops dominated sites', () => {
    // Demands 0 and 1 are covered by sites {0, 1}, demand 2 by {1, 2}: one group for demands 0 and 1;
    // site 0 ({0, 1}) and site 2 ({2}) are inside site 1 ({0, 1, 2}).
    const coverage = {
      demandCount: 3,
      siteCount: 3,
      siteOffsets: Uint32Array.of(0, 2, 5, 6),
      siteDemands: Uint32Array.of(0, 1, 0, 1, 2, 2),
      demandOffsets: Uint32Array.of(0, 2, 4, 6),
      demandSites: Uint32Array.of(0, 1, 0, 1, 1, 2),
    };
    const reduced = reduceCoverage({ coverage, weight: Float64Array.of(2, 3, 4) });
    expect(Array.from(reduced.sites)).toEqual([1]);
    expect(Array.from(reduced.groupWeight)).toEqual([5, 4]);
    expect(reduced.dominator[0]).toBe(1);
    expect(reduced.dominator[2]).toBe(1);
    expect(reduced.dominator[1]).toBe(-1);
  });

  it('fractional weights: the heuristic bound still holds', () => {
    fc.assert(
      fc.property(instanceArb({ fractional: true, statuses: true }), pArb, (problem, p) => {
        const optimum = bruteMaxCoverage(problem, p);
        const heuristic = maxCoverageHeuristic(problem, { p, timeLimitSec: 5 });
        expect(heuristic.objective).toBeLessThanOrEqual(optimum + tol(optimum));
        expect(heuristic.bound).toBeGreaterThanOrEqual(optimum - tol(optimum));
      }),
      { numRuns: 100 },
    );
  });

  it('adding a site never lowers coverage (heuristic and exact)', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb({ statuses: true }), fc.integer({ min: 0, max: 5 }), async (problem, p) => {
        const small = await solveMaxCoverage(problem, { p, mode: 'exact' });
        const large = await solveMaxCoverage(problem, { p: p + 1, mode: 'exact' });
        expect(large.objective).toBeGreaterThanOrEqual(small.objective);
        const h1 = maxCoverageHeuristic(problem, { p });
        const h2 = maxCoverageHeuristic(problem, { p: p + 1 });
        expect(h2.objective).toBeGreaterThanOrEqual(h1.objective - tol(h1.objective));
      }),
      { numRuns: 30 },
    );
  });

  it('is deterministic for a seed, and records the greedy curve', () => {
    const problem = clustered(5, 800, 1.2);
    const a = maxCoverageHeuristic(problem, { p: 12, seed: 9, maxStallRounds: 100 });
    const b = maxCoverageHeuristic(problem, { p: 12, seed: 9, maxStallRounds: 100 });
    expect(Array.from(a.selected)).toEqual(Array.from(b.selected));
    expect(a.objective).toBe(b.objective);
    expect(a.greedyOrder.length).toBe(12);
    for (let k = 1; k < a.greedyCumulative.length; k++) {
      expect(a.greedyCumulative[k]).toBeGreaterThan(a.greedyCumulative[k - 1]);
    }
    const greedyValue = coveredWeight(problem.coverage, problem.weight, a.greedyOrder);
    expect(a.greedyCumulative[11]).toBe(greedyValue);
    expect(a.objective).toBeGreaterThanOrEqual(greedyValue);
    expect(a.bound).toBeGreaterThanOrEqual(a.objective);
    expect(a.gap).toBeCloseTo((a.bound - a.objective) / a.objective, 12);
  });

  it('regional re-optimisation keeps the number of sites and the bookkeeping exact', () => {
    const problem = clustered(9, 600, 1.5);
    const state = new CoverageState(problem);
    lazyGreedy(state, 10);
    const rand = createRandom(2);
    for (let round = 0; round < 20; round++) {
      reoptimizeRegion(state, rand);
      expect(state.openNew).toBe(10);
      expect(state.covered).toBeCloseTo(state.exactCovered(), 6);
      expect(state.covered).toBe(coveredWeight(problem.coverage, problem.weight, state.selected()));
    }
    for (let j = 0; j < state.siteCount; j++) {
      let gain = 0;
      for (let k = problem.coverage.siteOffsets[j]; k < problem.coverage.siteOffsets[j + 1]; k++) {
        if (state.count[problem.coverage.siteDemands[k]] === 0) gain += problem.weight[problem.coverage.siteDemands[k]];
      }
      expect(state.gain[j]).toBeCloseTo(gain, 6);
    }
  });

  it('stops early when shouldStop says so, and reports progress', () => {
    const problem = clustered(6, 2000, 1.5);
    const shares: number[] = [];
    let calls = 0;
    const solution = maxCoverageHeuristic(problem, {
      p: 20,
      shouldStop: () => ++calls > 3,
      onProgress: (progress) => shares.push(progress.share),
    });
    expect(solution.selected.length).toBe(20);
    expect(shares.at(-1)).toBe(1);
  });

  it('stops at a full cover: optimal, fewer sites than p', () => {
    const problem = clustered(7, 300, 8);
    const solution = maxCoverageHeuristic(problem, { p: 200 });
    expect(solution.optimal).toBe(true);
    expect(solution.objective).toBe(solution.coverableWeight);
    expect(solution.newSites).toBeLessThan(200);
  });

  it('rejects a negative p and mismatched arrays', () => {
    const problem = clustered(8, 50, 1);
    expect(() => maxCoverageHeuristic(problem, { p: -1 })).toThrow('p must be');
    expect(() => maxCoverageHeuristic({ ...problem, weight: new Float64Array(3) }, { p: 1 })).toThrow(
      'Expected 50 demand weights',
    );
  });
});
