/**
 * Small random coverage instances and brute-force optima for the property tests of the covering solvers
 * (max coverage, set cover, two tier). At most 12 candidates, so every subset can be enumerated.
 */
import fc from 'fast-check';
import { coverageFromPredicate } from '../../../../src/core/coverage/csr';
import type { CoverageProblem } from '../../../../src/core/solve/max-coverage/state';
import { SITE_STATUS, type CoverageSets } from '../../../../src/core/types';

/** A random instance: coverage density ~30 %, integer or fractional weights, random statuses when asked. */
export function instanceArb(options: { maxSites?: number; statuses?: boolean; fractional?: boolean } = {}) {
  const maxSites = options.maxSites ?? 12;
  return fc
    .record({
      demands: fc.integer({ min: 1, max: 25 }),
      sites: fc.integer({ min: 1, max: maxSites }),
      cells: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 25 * maxSites, maxLength: 25 * maxSites }),
      weights: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 25, maxLength: 25 }),
      status: fc.array(fc.constantFrom(0, 0, 0, 0, 0, 1, 2, 3), { minLength: maxSites, maxLength: maxSites }),
    })
    .map(({ demands, sites, cells, weights, status }): CoverageProblem => {
      const coverage = coverageFromPredicate(demands, sites, (j, i) => cells[j * 25 + i] < 3);
      const weight = Float64Array.from(weights.slice(0, demands), (w) => (options.fractional ? w / 7 : w));
      return {
        coverage,
        weight,
        status: options.statuses ? Uint8Array.from(status.slice(0, sites)) : new Uint8Array(sites),
      };
    });
}

/** Covered weight of a set of open sites. */
export function coveredWeight(coverage: CoverageSets, weight: Float64Array, open: ArrayLike<number>): number {
  const covered = new Uint8Array(coverage.demandCount);
  for (let k = 0; k < open.length; k++) {
    const j = open[k];
    for (let q = coverage.siteOffsets[j]; q < coverage.siteOffsets[j + 1]; q++) covered[coverage.siteDemands[q]] = 1;
  }
  let sum = 0;
  for (let i = 0; i < coverage.demandCount; i++) if (covered[i]) sum += weight[i];
  return sum;
}

/** Every subset of the proposed sites (as arrays), with the fixed sites added to each. */
export function* plans(problem: CoverageProblem): Generator<number[]> {
  const status = problem.status ?? new Uint8Array(problem.coverage.siteCount);
  const fixed: number[] = [];
  const free: number[] = [];
  status.forEach((code, j) => {
    if (code === SITE_STATUS.existing || code === SITE_STATUS.locked) fixed.push(j);
    else if (code === SITE_STATUS.proposed) free.push(j);
  });
  for (let mask = 0; mask < 1 << free.length; mask++) {
    const plan = fixed.slice();
    free.forEach((j, k) => {
      if (mask & (1 << k)) plan.push(j);
    });
    yield plan;
  }
}

/** Number of proposed sites in a plan. */
export function newSites(problem: CoverageProblem, plan: number[]): number {
  const status = problem.status ?? new Uint8Array(problem.coverage.siteCount);
  return plan.filter((j) => status[j] === SITE_STATUS.proposed).length;
}

/** Brute-force max coverage with at most p new sites. */
export function bruteMaxCoverage(problem: CoverageProblem, p: number): number {
  let best = 0;
  for (const plan of plans(problem)) {
    if (newSites(problem, plan) > p) continue;
    best = Math.max(best, coveredWeight(problem.coverage, problem.weight, plan));
  }
  return best;
}
