import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFixed, statusOf } from '../../../../../src/core/solve/max-coverage/state';
import { weightedSearch } from '../../../../../src/core/solve/max-coverage/weighted-search';
import { SITE_STATUS } from '../../../../../src/core/types';
import { bruteMaxCoverage, coveredWeight, instanceArb } from '../coverage-instances';

describe('weighted swap search', () => {
  it('keeps k proposed sites, reports the true covered weight, never ends below its start nor above the optimum', () => {
    fc.assert(
      fc.property(instanceArb({ statuses: true, fractional: true }), fc.nat(5), (problem, want) => {
        const status = statusOf(problem);
        const proposed = Array.from(status.keys()).filter((j) => status[j] === SITE_STATUS.proposed);
        const fixed = Array.from(status.keys()).filter((j) => isFixed(status[j]));
        const start = proposed.slice(0, Math.min(want, proposed.length));
        const result = weightedSearch(problem, { start, steps: 500, seed: 3 });
        expect(result.open.length).toBe(start.length);
        expect(new Set(result.open).size).toBe(start.length);
        for (const j of result.open) expect(status[j]).toBe(SITE_STATUS.proposed);
        const { coverage, weight } = problem;
        const recount = coveredWeight(coverage, weight, [...fixed, ...result.open]);
        expect(result.covered).toBeCloseTo(recount, 9);
        expect(result.covered).toBeGreaterThanOrEqual(coveredWeight(coverage, weight, [...fixed, ...start]) - 1e-9);
        expect(result.covered).toBeLessThanOrEqual(bruteMaxCoverage(problem, start.length) + 1e-9);
      }),
      { numRuns: 200 },
    );
  });
});
