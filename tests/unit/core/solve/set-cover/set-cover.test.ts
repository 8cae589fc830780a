import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reduceCoverage, sitesFromValues } from '../../../../../src/core/solve/max-coverage/mip';
import { solveMip } from '../../../../../src/core/solve/mip';
import { solveSetCover, setCoverHeuristic, type SetCoverSolution } from '../../../../../src/core/solve/set-cover';
import { componentSetCover } from '../../../../../src/core/solve/set-cover/components';
import { setCoverLp } from '../../../../../src/core/solve/set-cover/mip';
import { SITE_STATUS } from '../../../../../src/core/types';
import { coverageFromPredicate } from '../../../../../src/core/coverage/csr';
import { createRandom } from '../../../../../src/core/random';
import type { CoverageProblem } from '../../../../../src/core/solve/max-coverage/state';
import { coveredWeight, instanceArb, newSites, plans } from '../coverage-instances';

/** Weight reachable by non-excluded sites. */
function coverable(problem: CoverageProblem): number {
  const status = problem.status!;
  const open = Array.from(status.keys()).filter((j) => status[j] !== SITE_STATUS.excluded);
  return coveredWeight(problem.coverage, problem.weight, open);
}

/** Brute force: fewest new sites whose plan covers at least the target. */
function bruteSetCover(problem: CoverageProblem, target: number): number {
  let best = Infinity;
  for (const plan of plans(problem)) {
    if (coveredWeight(problem.coverage, problem.weight, plan) >= target - 1e-9 * Math.max(1, target)) {
      best = Math.min(best, newSites(problem, plan));
    }
  }
  return best;
}

const shareArb = fc.constantFrom(1, 0.95, 0.8, 0.5, 0.3);

/** A set-cover plan: reaches the target, figures recounted, at least the optimum, bound at most it, statuses kept. */
function expectCover(problem: CoverageProblem, target: number, optimum: number, solution: SetCoverSolution): void {
  const covered = coveredWeight(problem.coverage, problem.weight, solution.selected);
  expect(covered).toBeGreaterThanOrEqual(target - 1e-9 * Math.max(1, target));
  expect(solution.coveredWeight).toBeCloseTo(covered, 9);
  expect(solution.objective).toBe(newSites(problem, Array.from(solution.selected)));
  expect(solution.objective).toBeGreaterThanOrEqual(optimum);
  expect(solution.bound).toBeLessThanOrEqual(optimum);
  if (solution.optimal) expect(solution.objective).toBe(optimum);
  const open = new Set(solution.selected);
  problem.status!.forEach((code, j) => {
    if (code === SITE_STATUS.existing || code === SITE_STATUS.locked) expect(open.has(j)).toBe(true);
    if (code === SITE_STATUS.excluded) expect(open.has(j)).toBe(false);
  });
}

describe('set cover', () => {
  it('exact equals brute force; heuristic >= optimum >= bound; target reached; statuses honoured', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb({ statuses: true }), shareArb, async (problem, share) => {
        const target = share * coverable(problem);
        const optimum = bruteSetCover(problem, target);
        const exact = await solveSetCover(problem, { share, mode: 'exact', timeLimitSec: 20 });
        const heuristic = setCoverHeuristic(problem, { share, timeLimitSec: 5 });
        for (const solution of [exact, heuristic]) expectCover(problem, target, optimum, solution);
        expect(exact.optimal).toBe(true);
        expect(exact.objective).toBe(optimum);
      }),
      { numRuns: 80 },
    );
  });

  it('the component path (national-scale instances): target reached, heuristic >= optimum >= bound, statuses honoured', () => {
    fc.assert(
      fc.property(instanceArb({ statuses: true }), fc.boolean(), shareArb, (integer, fractional, share) => {
        const problem = fractional ? { ...integer, weight: integer.weight.map((w) => w / 7) } : integer;
        const target = share * coverable(problem);
        const optimum = bruteSetCover(problem, target);
        const solution = componentSetCover(problem, { share, timeLimitSec: 5 });
        expectCover(problem, target, optimum, solution);
        // Same inputs, same plan.
        expect(Array.from(componentSetCover(problem, { share, timeLimitSec: 5 }).selected)).toEqual(
          Array.from(solution.selected),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('the default mode runs the MIP on small instances (exact-rule.ts): optimal, equal to the exact mode', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb({ statuses: true }), shareArb, async (problem, share) => {
        const optimum = bruteSetCover(problem, share * coverable(problem));
        const byDefault = await solveSetCover(problem, { share, timeLimitSec: 20 });
        const exact = await solveSetCover(problem, { share, mode: 'exact', timeLimitSec: 20 });
        expect(byDefault.optimal).toBe(true);
        expect(byDefault.objective).toBe(optimum);
        expect(byDefault.objective).toBe(exact.objective);
        expect(byDefault.objective).toBe(newSites(problem, Array.from(byDefault.selected)));
      }),
      { numRuns: 60 },
    );
    // 150 random points in the unit square at radius 0.12: the heuristic alone proves nothing here, so the
    // default mode's optimum comes from HiGHS.
    const random = createRandom(3);
    const x = Array.from({ length: 150 }, () => random());
    const y = Array.from({ length: 150 }, () => random());
    const points: CoverageProblem = {
      coverage: coverageFromPredicate(150, 150, (j, i) => Math.hypot(x[i] - x[j], y[i] - y[j]) <= 0.12),
      weight: new Float64Array(150).fill(1),
    };
    const heuristic = setCoverHeuristic(points);
    expect(heuristic.optimal).toBe(false);
    const byDefault = await solveSetCover(points, { timeLimitSec: 30 });
    const exact = await solveSetCover(points, { mode: 'exact', timeLimitSec: 30 });
    expect(byDefault.optimal).toBe(true);
    expect(byDefault.solver).toMatch(/HiGHS/);
    expect(byDefault.objective).toBe(exact.objective);
    expect(byDefault.objective).toBeLessThanOrEqual(heuristic.objective);
    expect(coveredWeight(points.coverage, points.weight, byDefault.selected)).toBe(150);
  });

  it('the reduced MIP has the brute-force optimum (all and partial)', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb({ statuses: true }), shareArb, async (problem, share) => {
        const target = share * coverable(problem);
        const optimum = bruteSetCover(problem, target);
        const reduced = reduceCoverage(problem);
        const result = await solveMip(setCoverLp(reduced, share >= 1 ? undefined : target), { mipRelGap: 0 });
        expect(result.status).toBe('optimal');
        expect(Math.round(result.objective)).toBe(optimum);
        const status = problem.status!;
        const fixed = Array.from(status.keys()).filter((j) => status[j] === 1 || status[j] === 2);
        const covered = coveredWeight(problem.coverage, problem.weight, [
          ...fixed,
          ...sitesFromValues(reduced, result.values),
        ]);
        expect(covered).toBeGreaterThanOrEqual(target - 1e-9 * Math.max(1, target));
      }),
      { numRuns: 60 },
    );
  });

  it('fractional weights and partial targets', () => {
    fc.assert(
      fc.property(instanceArb({ fractional: true }), shareArb, (problem, share) => {
        const target = share * coverable(problem);
        const optimum = bruteSetCover(problem, target);
        const heuristic = setCoverHeuristic(problem, { share });
        expect(heuristic.objective).toBeGreaterThanOrEqual(optimum);
        expect(heuristic.bound).toBeLessThanOrEqual(optimum);
      }),
      { numRuns: 80 },
    );
  });

  it('is deterministic and rejects a bad share', () => {
    fc.assert(
      fc.property(instanceArb(), (problem) => {
        const a = setCoverHeuristic(problem, { seed: 3 });
        const b = setCoverHeuristic(problem, { seed: 3 });
        expect(Array.from(a.selected)).toEqual(Array.from(b.selected));
      }),
      { numRuns: 20 },
    );
    expect(() =>
      setCoverHeuristic(
        {
          coverage: {
            demandCount: 0,
            siteCount: 0,
            siteOffsets: Uint32Array.of(0),
            siteDemands: new Uint32Array(0),
            demandOffsets: Uint32Array.of(0),
            demandSites: new Uint32Array(0),
          },
          weight: new Float64Array(0),
        },
        { share: 1.5 },
      ),
    ).toThrow('share');
  });
});
