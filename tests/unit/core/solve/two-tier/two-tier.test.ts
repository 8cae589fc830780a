import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageFromPredicate } from '../../../../../src/core/coverage/csr';
import {
  servedWeight,
  solveTwoTier,
  twoTierHeuristic,
  type TwoTierProblem,
} from '../../../../../src/core/solve/two-tier';
import { solveMip } from '../../../../../src/core/solve/mip';
import { twoTierLp } from '../../../../../src/core/solve/two-tier/mip';
import { SITE_STATUS } from '../../../../../src/core/types';

/** Random two-tier instance: up to 8 stations, 4 centers, 20 villages. */
const problemArb = fc
  .record({
    villages: fc.integer({ min: 1, max: 20 }),
    stations: fc.integer({ min: 1, max: 8 }),
    centers: fc.integer({ min: 1, max: 4 }),
    cover: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 160, maxLength: 160 }),
    reach: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 32, maxLength: 32 }),
    weights: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 20, maxLength: 20 }),
    stationStatus: fc.array(fc.constantFrom(0, 0, 0, 0, 1, 2, 3), { minLength: 8, maxLength: 8 }),
    centerStatus: fc.array(fc.constantFrom(0, 0, 0, 1, 3), { minLength: 4, maxLength: 4 }),
  })
  .map((r): TwoTierProblem => ({
    stations: {
      coverage: coverageFromPredicate(r.villages, r.stations, (s, i) => r.cover[s * 20 + i] < 3),
      weight: Float64Array.from(r.weights.slice(0, r.villages)),
      status: Uint8Array.from(r.stationStatus.slice(0, r.stations)),
    },
    centerReach: coverageFromPredicate(r.stations, r.centers, (c, s) => r.reach[c * 8 + s] < 4),
    centerStatus: Uint8Array.from(r.centerStatus.slice(0, r.centers)),
  }));

function subsets(items: number[]): number[][] {
  const out: number[][] = [];
  for (let mask = 0; mask < 1 << items.length; mask++) out.push(items.filter((_, k) => mask & (1 << k)));
  return out;
}

function bruteForce(problem: TwoTierProblem, pCenters: number, pStations: number): number {
  const stationStatus = problem.stations.status!;
  const centerStatus = problem.centerStatus!;
  const fixed = (status: Uint8Array) => Array.from(status.keys()).filter((j) => status[j] === 1 || status[j] === 2);
  const free = (status: Uint8Array) => Array.from(status.keys()).filter((j) => status[j] === SITE_STATUS.proposed);
  let best = 0;
  for (const centers of subsets(free(centerStatus))) {
    if (centers.length > pCenters) continue;
    for (const stations of subsets(free(stationStatus))) {
      if (stations.length > pStations) continue;
      best = Math.max(
        best,
        servedWeight(problem, [...fixed(centerStatus), ...centers], [...fixed(stationStatus), ...stations]),
      );
    }
  }
  return best;
}

describe('two tier', () => {
  it('exact equals brute force; heuristic <= optimum <= bound; statuses honoured', async () => {
    await fc.assert(
      fc.asyncProperty(
        problemArb,
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 4 }),
        async (problem, pC, pS) => {
          const optimum = bruteForce(problem, pC, pS);
          const exact = await solveTwoTier(problem, { pCenters: pC, pStations: pS, mode: 'exact', timeLimitSec: 20 });
          const heuristic = twoTierHeuristic(problem, { pCenters: pC, pStations: pS, timeLimitSec: 5 });
          for (const solution of [exact, heuristic]) {
            expect(solution.objective).toBeCloseTo(servedWeight(problem, solution.centers, solution.stations), 9);
            expect(solution.objective).toBeLessThanOrEqual(optimum);
            expect(solution.bound).toBeGreaterThanOrEqual(optimum);
            const centers = new Set(solution.centers);
            const stations = new Set(solution.stations);
            problem.centerStatus!.forEach((code, c) => {
              if (code === SITE_STATUS.existing) expect(centers.has(c)).toBe(true);
              if (code === SITE_STATUS.excluded) expect(centers.has(c)).toBe(false);
            });
            problem.stations.status!.forEach((code, s) => {
              if (code === SITE_STATUS.existing || code === SITE_STATUS.locked) expect(stations.has(s)).toBe(true);
              if (code === SITE_STATUS.excluded) expect(stations.has(s)).toBe(false);
            });
            const newCenters = solution.centers.filter((c) => problem.centerStatus![c] === SITE_STATUS.proposed).length;
            const newStations = solution.stations.filter(
              (s) => problem.stations.status![s] === SITE_STATUS.proposed,
            ).length;
            expect(newCenters).toBeLessThanOrEqual(pC);
            expect(newStations).toBeLessThanOrEqual(pS);
          }
          expect(exact.optimal).toBe(true);
          expect(exact.objective).toBe(optimum);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('the MIP alone has the brute-force optimum', async () => {
    await fc.assert(
      fc.asyncProperty(
        problemArb,
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 4 }),
        async (problem, pC, pS) => {
          const model = twoTierLp(problem, pC, pS);
          const result = await solveMip(model.text, { mipRelGap: 0 });
          expect(result.status).toBe('optimal');
          expect(result.objective).toBeCloseTo(bruteForce(problem, pC, pS), 9);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a station beyond every center serves nobody', () => {
    // One village, one station covering it, one center that does not reach the station.
    const problem: TwoTierProblem = {
      stations: { coverage: coverageFromPredicate(1, 1, () => true), weight: Float64Array.of(5) },
      centerReach: coverageFromPredicate(1, 1, () => false),
    };
    const plan = twoTierHeuristic(problem, { pCenters: 1, pStations: 1 });
    expect(plan.objective).toBe(0);
    expect(servedWeight(problem, [0], [0])).toBe(0);
  });
});
