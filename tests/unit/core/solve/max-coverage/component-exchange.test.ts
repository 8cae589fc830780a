import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageFromPredicate } from '../../../../../src/core/coverage/csr';
import { exchangeSites } from '../../../../../src/core/solve/max-coverage/component-exchange';
import { exactCurves, initialCurves } from '../../../../../src/core/solve/max-coverage/component-curves';
import { dominatedSites, splitComponents } from '../../../../../src/core/solve/max-coverage/component-split';
import { lazyGreedy } from '../../../../../src/core/solve/max-coverage/greedy';
import { CoverageState, type CoverageProblem } from '../../../../../src/core/solve/max-coverage/state';
import { SwapSearch } from '../../../../../src/core/solve/max-coverage/swap';
import { bruteMaxCoverage, instanceArb } from '../coverage-instances';

/** Greedy, swap descent, then the exchange over exact curves; returns the state and the number of moves. */
function exchanged(problem: CoverageProblem, p: number): { state: CoverageState; moves: number; before: number } {
  const state = new CoverageState(problem);
  lazyGreedy(state, p);
  new SwapSearch(state, {
    p,
    seed: 1,
    maxStallRounds: 0,
    deadlineMs: Infinity,
    target: Infinity,
    tolerance: 1e-9,
  }).run();
  const before = state.covered;
  const split = splitComponents(state);
  const curves = initialCurves(state, split);
  const plans = exactCurves(state, split, curves, dominatedSites(state, split));
  const moves = exchangeSites(state, split, curves, plans, 1e-9, Infinity);
  return { state, moves, before };
}

describe('site exchange between components', () => {
  it('never lowers coverage nor exceeds p, and its covered weight is a recount', () => {
    fc.assert(
      fc.property(instanceArb({ statuses: true, fractional: true }), fc.integer({ min: 0, max: 6 }), (problem, p) => {
        const { state, before } = exchanged(problem, p);
        expect(state.openNew).toBeLessThanOrEqual(p);
        expect(state.covered).toBeGreaterThanOrEqual(before - 1e-9);
        expect(state.covered).toBeCloseTo(state.exactCovered(), 9);
        expect(state.covered).toBeLessThanOrEqual(bruteMaxCoverage(problem, p) + 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('finds the pair of sites a single swap cannot reach', () => {
    // Component A: x covers demands 1-4, y covers 0-2, z covers 3-5 (best one: x, best two: y + z).
    // Component B: w alone covers demand 6 (weight 1.5). With p = 2 greedy takes x and w (5.5); no single swap
    // improves on it, but y + z cover 6.
    const lists = [[1, 2, 3, 4], [0, 1, 2], [3, 4, 5], [6]];
    const coverage = coverageFromPredicate(7, 4, (j, i) => lists[j].includes(i));
    const problem = { coverage, weight: Float64Array.from([1, 1, 1, 1, 1, 1, 1.5]) };
    const { state, moves, before } = exchanged(problem, 2);
    expect(before).toBe(5.5);
    expect(moves).toBe(1);
    expect(state.covered).toBe(6);
    expect(Array.from(state.openProposed())).toEqual([1, 2]);
  });
});
