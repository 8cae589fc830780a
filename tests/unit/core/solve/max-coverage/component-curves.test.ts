import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pricedBound } from '../../../../../src/core/solve/max-coverage/component-bound';
import {
  curveBound,
  exactCurves,
  initialCurves,
  sitesToReach,
} from '../../../../../src/core/solve/max-coverage/component-curves';
import {
  componentProblem,
  dominatedSites,
  splitComponents,
} from '../../../../../src/core/solve/max-coverage/component-split';
import { CoverageState } from '../../../../../src/core/solve/max-coverage/state';
import { bruteMaxCoverage, coveredWeight, instanceArb } from '../coverage-instances';

const tol = (v: number) => 1e-9 * Math.max(1, Math.abs(v));

describe('component curves', () => {
  it('exact curves equal the brute-force optimum of each component for every k, with or without dominated sites, and their plans reach it', () => {
    fc.assert(
      fc.property(instanceArb({ statuses: true, fractional: true }), fc.boolean(), (problem, reduce) => {
        const state = new CoverageState(problem);
        const split = splitComponents(state);
        const curves = initialCurves(state, split);
        // Without the dominated sites the optima are the same (see dominatedSites).
        const plans = exactCurves(state, split, curves, reduce ? dominatedSites(state, split) : undefined);
        for (let c = 0; c < split.count; c++) {
          expect(curves.exact[c]).toBe(1); // at most 12 sites and 25 demands: all enumerated
          const part = componentProblem(state, split, c);
          for (let k = 0; k <= part.sites.length; k++) {
            const opt = bruteMaxCoverage(part.problem, k);
            expect(curves.value[curves.start[c] + k]).toBeCloseTo(opt, 9);
            const plan = plans.get(c)!;
            const mask = plan.best[k];
            const chosen = Array.from(part.sites.keys()).filter((t) => {
              const bit = plan.sites.indexOf(part.sites[t]);
              return bit >= 0 && mask & (1 << bit);
            });
            expect(chosen.length).toBeLessThanOrEqual(k);
            expect(coveredWeight(part.problem.coverage, part.problem.weight, chosen)).toBeCloseTo(opt, 9);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('Lagrangian curves lie above each component optimum at every k; the curve bound above the optimum', () => {
    fc.assert(
      fc.property(
        instanceArb({ statuses: true }),
        fc.integer({ min: 0, max: 6 }),
        fc.double({ min: 0.1, max: 15, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        (problem, p, lambda, iterations, reduce) => {
          const state = new CoverageState(problem);
          const split = splitComponents(state);
          const curves = initialCurves(state, split);
          // Without the dominated sites the relaxation stays valid (see dominatedSites).
          const dominated = reduce ? dominatedSites(state, split) : undefined;
          pricedBound(state, split, { p, lambda, iterations, deadlineMs: Infinity, curves, dominated });
          for (let c = 0; c < split.count; c++) {
            const part = componentProblem(state, split, c);
            for (let k = 0; k <= part.sites.length; k++) {
              const value = curves.value[curves.start[c] + k];
              expect(value).toBeGreaterThanOrEqual(bruteMaxCoverage(part.problem, k) - tol(value));
              expect(Number.isInteger(value)).toBe(true); // integer weights: curves rounded down
            }
          }
          const optimum = bruteMaxCoverage(problem, p);
          const lagrangian = curveBound(curves, split.fixedWeight, p);
          expect(lagrangian.bound).toBeGreaterThanOrEqual(optimum - tol(optimum));
          // With the exact curves the bound is the optimum of the concave hulls: still above the optimum.
          exactCurves(state, split, curves);
          const exact = curveBound(curves, split.fixedWeight, p);
          expect(exact.bound).toBeGreaterThanOrEqual(optimum - tol(optimum));
          expect(exact.sites.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(p);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('every dominated site has an undominated site of its component that reaches all its free demands', () => {
    fc.assert(
      fc.property(instanceArb({ statuses: true }), (problem) => {
        const state = new CoverageState(problem);
        const split = splitComponents(state);
        const dominated = dominatedSites(state, split);
        const freeOf = (j: number) =>
          Array.from(state.siteDemands.subarray(state.siteOffsets[j], state.siteOffsets[j + 1])).filter(
            (i) => split.free[i],
          );
        for (let c = 0; c < split.count; c++) {
          const sites = Array.from(split.sites.subarray(split.siteStart[c], split.siteStart[c + 1]));
          for (const j of sites) {
            if (!dominated[j]) continue;
            const mine = freeOf(j);
            const by = sites.filter((o) => !dominated[o] && mine.every((i) => freeOf(o).includes(i)));
            expect(by.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('sitesToReach is the fewest sites whose curve bound reaches the target', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.integer({ min: 0, max: 5 }),
        fc.double({ min: 0, max: 1.2, noNaN: true }),
        (steps, fixed, share) => {
          // Nondecreasing curves from their steps (any shape: the hulls do the rest).
          const start = Uint32Array.from([
            0,
            ...steps.map((_, c) => steps.slice(0, c + 1).reduce((a, s) => a + s.length + 1, 0)),
          ]);
          const value = Float64Array.from(
            steps.flatMap((s) => [0, ...s.map((_, k) => s.slice(0, k + 1).reduce((a, b) => a + b, 0))]),
          );
          const curves = { start, value, exact: new Uint8Array(steps.length), integral: true };
          const total = curveBound(curves, fixed, 1e9).bound;
          const target = share * total;
          const k = sitesToReach(curves, fixed, target);
          if (target > total) {
            expect(k).toBe(Infinity);
            return;
          }
          expect(curveBound(curves, fixed, k).bound).toBeGreaterThanOrEqual(target - 1e-9);
          if (k > 0) expect(curveBound(curves, fixed, k - 1).bound).toBeLessThan(target);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the curve bound of concave curves is the best split (sum of the p largest marginals)', () => {
    // Two components: marginals 5, 3, 1 and 4, 4 (already concave): p = 3 takes 5, 4, 4.
    const curves = {
      start: Uint32Array.from([0, 4, 7]),
      value: Float64Array.from([0, 5, 8, 9, 0, 4, 8]),
      exact: new Uint8Array(2),
      integral: true,
    };
    const split = curveBound(curves, 10, 3);
    expect(split.bound).toBe(23);
    expect(Array.from(split.sites)).toEqual([1, 2]);
    expect(split.lambda).toBe(4);
    // A non-concave curve is replaced by its hull: 0, 1, 10 -> marginals 5, 5.
    const hull = curveBound(
      {
        start: Uint32Array.from([0, 3]),
        value: Float64Array.from([0, 1, 10]),
        exact: new Uint8Array(1),
        integral: true,
      },
      0,
      1,
    );
    expect(hull.bound).toBe(5);
  });
});
