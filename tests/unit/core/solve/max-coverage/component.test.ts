import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageByPlanarRadius } from '../../../../../src/core/reach/planar';
import { createRandom } from '../../../../../src/core/random';
import { solveMaxCoverage } from '../../../../../src/core/solve/max-coverage';
import {
  componentProblem,
  dominatedSites,
  splitComponents,
} from '../../../../../src/core/solve/max-coverage/component-split';
import { pricedBound } from '../../../../../src/core/solve/max-coverage/component-bound';
import { componentMaxCoverage } from '../../../../../src/core/solve/max-coverage/component-solve';
import { CoverageState, type CoverageProblem } from '../../../../../src/core/solve/max-coverage/state';
import { lazyGreedy } from '../../../../../src/core/solve/max-coverage/greedy';
import { SwapSearch } from '../../../../../src/core/solve/max-coverage/swap';
import { componentSetCover } from '../../../../../src/core/solve/set-cover/components';
import { solveSetCover } from '../../../../../src/core/solve/set-cover';
import { SITE_STATUS } from '../../../../../src/core/types';
import { bruteMaxCoverage, coveredWeight, instanceArb, plans } from '../coverage-instances';

const tol = (v: number) => 1e-9 * Math.max(1, Math.abs(v));

/** Villages in small clusters far apart: many components (planar km). */
function archipelago(seed: number, clusters: number, perCluster: number) {
  const rand = createRandom(seed);
  const n = clusters * perCluster;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(i / perCluster);
    x[i] = (c % 10) * 50 + rand() * 8;
    y[i] = Math.floor(c / 10) * 50 + rand() * 8;
    weight[i] = 1 + Math.floor(rand() * 5);
  }
  const points = { count: n, x, y };
  return { coverage: coverageByPlanarRadius(points, points, 2), weight };
}

/** Brute-force best priced value max_S (f(S) - lambda |S|) of a problem whose sites are all proposed. */
function brutePriced(problem: CoverageProblem, lambda: number): number {
  let best = 0;
  for (const plan of plans(problem))
    best = Math.max(best, coveredWeight(problem.coverage, problem.weight, plan) - lambda * plan.length);
  return best;
}

describe('max coverage by components', () => {
  it('the split partitions proposed sites and free demands, and coverage adds up over components', () => {
    fc.assert(
      fc.property(instanceArb({ statuses: true }), fc.integer({ min: 0, max: 4095 }), (problem, mask) => {
        const state = new CoverageState(problem);
        const split = splitComponents(state);
        const { coverage, weight } = problem;
        const status = problem.status!;
        const siteOf = new Int32Array(coverage.siteCount).fill(-1);
        const demandOf = new Int32Array(coverage.demandCount).fill(-1);
        for (let c = 0; c < split.count; c++) {
          for (let t = split.siteStart[c]; t < split.siteStart[c + 1]; t++) siteOf[split.sites[t]] = c;
          for (let t = split.demandStart[c]; t < split.demandStart[c + 1]; t++) demandOf[split.demands[t]] = c;
        }
        for (let j = 0; j < coverage.siteCount; j++) expect(siteOf[j] >= 0).toBe(status[j] === SITE_STATUS.proposed);
        // A proposed site and a free demand it reaches are in the same component.
        for (let j = 0; j < coverage.siteCount; j++) {
          if (status[j] !== SITE_STATUS.proposed) continue;
          for (let k = coverage.siteOffsets[j]; k < coverage.siteOffsets[j + 1]; k++) {
            const i = coverage.siteDemands[k];
            if (split.free[i]) expect(demandOf[i]).toBe(siteOf[j]);
          }
        }
        // f(fixed + S) = fixed weight + sum over components of the weight S covers there.
        const fixed: number[] = [];
        const open: number[] = [];
        status.forEach((code, j) => {
          if (code === SITE_STATUS.existing || code === SITE_STATUS.locked) fixed.push(j);
          else if (code === SITE_STATUS.proposed && mask & (1 << j)) open.push(j);
        });
        expect(coveredWeight(coverage, weight, fixed)).toBeCloseTo(split.fixedWeight, 9);
        let sum = split.fixedWeight;
        for (let c = 0; c < split.count; c++) {
          const part = componentProblem(state, split, c);
          const local = part.sites.reduce<number[]>((acc, j, t) => (open.includes(j) ? [...acc, t] : acc), []);
          sum += coveredWeight(part.problem.coverage, part.problem.weight, local);
        }
        expect(sum).toBeCloseTo(coveredWeight(coverage, weight, [...fixed, ...open]), 9);
      }),
      { numRuns: 150 },
    );
  });

  it('the priced bound is above each component priced optimum and above the optimum for budget p', () => {
    // Integer weights and price too: each component's bound is then rounded down to an integer.
    const integral = fc.boolean();
    fc.assert(
      fc.property(
        integral.chain((whole) =>
          fc.tuple(
            instanceArb({ statuses: true, fractional: !whole }),
            whole ? fc.integer({ min: 0, max: 30 }) : fc.double({ min: 0, max: 30, noNaN: true }),
          ),
        ),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 80 }),
        ([problem, lambda], p, iterations) => {
          const whole = Number.isInteger(lambda) && problem.weight.every(Number.isInteger);
          const state = new CoverageState(problem);
          const split = splitComponents(state);
          const optimum = bruteMaxCoverage(problem, p);
          // With all sites, and with the dominated ones left out of the relaxation (dual-ascent start either way).
          for (const dominated of [undefined, dominatedSites(state, split)]) {
            const priced = pricedBound(state, split, { p, lambda, iterations, deadlineMs: Infinity, dominated });
            for (let c = 0; c < split.count; c++) {
              const exact = brutePriced(componentProblem(state, split, c).problem, lambda);
              expect(priced.upper[c]).toBeGreaterThanOrEqual(exact - tol(exact));
              if (whole) expect(Number.isInteger(priced.upper[c])).toBe(true);
              expect(priced.lower[c]).toBeLessThanOrEqual(exact + tol(exact));
            }
            expect(priced.bound).toBeGreaterThanOrEqual(optimum - tol(optimum));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the focused iterated local search keeps to its round budget and its focus, and never loses coverage', () => {
    const problem = archipelago(7, 20, 30);
    const p = 25;
    const state = new CoverageState(problem);
    lazyGreedy(state, p);
    const before = state.covered;
    // Insertions aim at the uncovered demands of the first cluster only.
    const focus = Uint32Array.from({ length: 30 }, (_, i) => i);
    const options = { p, seed: 1, deadlineMs: Infinity, target: Infinity, tolerance: 1e-9, focus };
    const stats = new SwapSearch(state, { ...options, maxStallRounds: 1e9, maxRounds: 40 }).run();
    expect(stats.rounds).toBeLessThanOrEqual(40);
    expect(stats.rounds).toBeGreaterThan(0);
    expect(state.covered).toBeGreaterThanOrEqual(before);
    expect(state.openNew).toBeLessThanOrEqual(p);
    expect(state.exactCovered()).toBeCloseTo(state.covered, 9);
    // An empty focus leaves nothing to insert: no round runs, the plan is the swap descent's.
    const again = new CoverageState(problem);
    lazyGreedy(again, p);
    const empty = new SwapSearch(again, { ...options, focus: new Uint32Array(0), maxStallRounds: 1e9 }).run();
    expect(empty.rounds).toBe(0);
  });

  it('plans: feasible, recounted objective, objective <= brute-force optimum <= bound', () => {
    fc.assert(
      fc.property(instanceArb({ statuses: true }), fc.integer({ min: 0, max: 6 }), (problem, p) => {
        const plan = componentMaxCoverage(problem, { p, seed: 3 });
        const optimum = bruteMaxCoverage(problem, p);
        const status = problem.status!;
        expect(plan.objective).toBe(coveredWeight(problem.coverage, problem.weight, plan.selected));
        expect(plan.objective).toBeLessThanOrEqual(optimum);
        expect(plan.bound).toBeGreaterThanOrEqual(optimum);
        expect(plan.newSites).toBeLessThanOrEqual(p);
        for (let j = 0; j < status.length; j++) {
          const open = plan.selected.includes(j);
          if (status[j] === SITE_STATUS.existing || status[j] === SITE_STATUS.locked) expect(open).toBe(true);
          if (status[j] === SITE_STATUS.excluded) expect(open).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('on many clusters: as good as the exact MIP within its own proven gap, and deterministic', async () => {
    const problem = archipelago(5, 40, 30);
    const p = 60;
    const exact = await solveMaxCoverage(problem, { p, mode: 'exact', timeLimitSec: 60 });
    expect(exact.optimal).toBe(true);
    const plan = componentMaxCoverage(problem, { p, seed: 1 });
    expect(splitComponents(new CoverageState(problem)).count).toBeGreaterThanOrEqual(40);
    expect(plan.bound).toBeGreaterThanOrEqual(exact.objective);
    expect(plan.objective).toBeLessThanOrEqual(exact.objective);
    expect(plan.objective).toBeGreaterThanOrEqual(plan.bound / (1 + plan.gap) - 1e-9);
    expect(plan.gap).toBeLessThan(0.01);
    expect(componentMaxCoverage(problem, { p, seed: 1 }).selected).toEqual(plan.selected);
  });

  it('set cover on many clusters: at least the exact MIP optimum, at most 3 % above its own bound', async () => {
    const problem = archipelago(7, 40, 30);
    for (const share of [0.6, 1]) {
      const exact = await solveSetCover(problem, { share, mode: 'exact', timeLimitSec: 60 });
      expect(exact.optimal).toBe(true);
      const plan = componentSetCover(problem, { share, seed: 1 });
      expect(plan.coveredWeight).toBeGreaterThanOrEqual(plan.targetWeight - 1e-9 * plan.targetWeight);
      expect(plan.bound).toBeLessThanOrEqual(exact.objective);
      expect(plan.objective).toBeGreaterThanOrEqual(exact.objective);
      expect(plan.objective).toBeLessThanOrEqual(Math.ceil(1.03 * plan.bound));
    }
  });
});
