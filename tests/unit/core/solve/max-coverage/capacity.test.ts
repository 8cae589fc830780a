import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveMaxCoverage } from '../../../../../src/core/solve/max-coverage';
import { assignCapacitated } from '../../../../../src/core/solve/max-coverage/capacity';
import { SITE_STATUS } from '../../../../../src/core/types';
import { bruteMaxCoverage, instanceArb } from '../coverage-instances';

describe('capacitated max coverage', () => {
  it('serves each point from one open site in reach, within capacity; never above the uncapacitated optimum', async () => {
    await fc.assert(
      fc.asyncProperty(
        instanceArb({ statuses: true }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 40 }),
        async (problem, p, cap) => {
          const solution = await solveMaxCoverage(problem, { p, capacity: cap, timeLimitSec: 2 });
          const { coverage, weight } = problem;
          const assignment = solution.assignment!;
          const open = new Set(solution.selected);
          const load = new Map<number, number>();
          let served = 0;
          for (let i = 0; i < coverage.demandCount; i++) {
            const j = assignment[i];
            if (j < 0) continue;
            expect(open.has(j)).toBe(true);
            expect(
              Array.from(coverage.demandSites.slice(coverage.demandOffsets[i], coverage.demandOffsets[i + 1])),
            ).toContain(j);
            load.set(j, (load.get(j) ?? 0) + weight[i]);
            served += weight[i];
          }
          for (const l of load.values()) expect(l).toBeLessThanOrEqual(cap);
          expect(solution.objective).toBe(served);
          expect(solution.objective).toBeLessThanOrEqual(bruteMaxCoverage(problem, p));
          expect(solution.bound).toBeGreaterThanOrEqual(solution.objective);
          problem.status!.forEach((code, j) => {
            if (code === SITE_STATUS.existing || code === SITE_STATUS.locked) expect(open.has(j)).toBe(true);
            if (code === SITE_STATUS.excluded) expect(open.has(j)).toBe(false);
          });
          expect(solution.newSites).toBeLessThanOrEqual(p);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the assignment rule serves the least flexible points first', () => {
    // Site 0 reaches points 0 and 1, site 1 reaches point 1 only; capacity 1 each, weights 1.
    const coverage = {
      demandCount: 2,
      siteCount: 2,
      siteOffsets: Uint32Array.of(0, 2, 3),
      siteDemands: Uint32Array.of(0, 1, 1),
      demandOffsets: Uint32Array.of(0, 1, 3),
      demandSites: Uint32Array.of(0, 0, 1),
    };
    const result = assignCapacitated(
      { coverage, weight: Float64Array.of(1, 1) },
      Float64Array.of(1, 1),
      Uint8Array.of(1, 1),
    );
    expect(result.served).toBe(2);
    expect(Array.from(result.assignment)).toEqual([0, 1]);
  });
});
