import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solvePMedian } from '../../../../../src/core/solve/p-median';
import type { Candidates, Demand, DistanceMatrix } from '../../../../../src/core/types';

interface Instance {
  demand: Demand;
  candidates: Candidates;
  matrix: DistanceMatrix;
  capacity: Float64Array;
  p: number;
}

const none = new Float64Array(0);

const instanceArb = fc
  .record({ n: fc.integer({ min: 1, max: 6 }), m: fc.integer({ min: 1, max: 4 }) })
  .chain(({ n, m }) =>
    fc.record({
      n: fc.constant(n),
      m: fc.constant(m),
      values: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: n * m, maxLength: n * m }),
      weight: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: n, maxLength: n }),
      capacity: fc.array(fc.integer({ min: 2, max: 12 }), { minLength: m, maxLength: m }),
      p: fc.integer({ min: 1, max: m }),
    }),
  )
  .map(({ n, m, values, weight, capacity, p }): Instance => ({
    demand: { count: n, lon: none, lat: none, weight: Float64Array.from(weight) },
    candidates: { count: m, lon: none, lat: none, status: new Uint8Array(m) },
    matrix: { rows: n, cols: m, values: Float64Array.from(values) },
    capacity: Float64Array.from(capacity),
    p,
  }));

/** Optimal single-source capacitated cost by enumerating site sets and assignments (Infinity if infeasible). */
function bruteForce(inst: Instance): number {
  const { n } = { n: inst.demand.count };
  const m = inst.candidates.count;
  let best = Infinity;
  for (let mask = 0; mask < 1 << m; mask++) {
    const open = [...Array(m).keys()].filter((j) => mask & (1 << j));
    if (open.length !== inst.p) continue;
    const load = new Float64Array(m);
    const walk = (i: number, cost: number): void => {
      if (cost >= best) return;
      if (i === n) {
        best = cost;
        return;
      }
      const w = inst.demand.weight[i];
      for (const j of open) {
        if (load[j] + w > inst.capacity[j]) continue;
        load[j] += w;
        walk(i + 1, cost + w * inst.matrix.values[i * m + j]);
        load[j] -= w;
      }
    };
    walk(0, 0);
  }
  return best;
}

function checkAssignment(
  inst: Instance,
  s: { selected: Uint32Array; assignment: Int32Array; objective: number },
): void {
  const m = inst.candidates.count;
  const load = new Float64Array(m);
  let cost = 0;
  for (let i = 0; i < inst.demand.count; i++) {
    const j = s.assignment[i];
    expect(s.selected).toContain(j);
    load[j] += inst.demand.weight[i];
    cost += inst.demand.weight[i] * inst.matrix.values[i * m + j];
  }
  expect(s.objective).toBeCloseTo(cost, 9);
}

describe('capacitated p-median (single sourcing)', () => {
  it('exact equals brute force; a feasible heuristic never beats it; the bound is valid', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb, async (inst) => {
        const optimum = bruteForce(inst);
        const heuristic = await solvePMedian(inst, { p: inst.p, capacity: inst.capacity, timeLimitSec: 5 });
        const exact = await solvePMedian(inst, { p: inst.p, capacity: inst.capacity, mode: 'exact', timeLimitSec: 10 });
        checkAssignment(inst, heuristic);
        const excess = heuristic.capacityExcess ?? 0;
        if (optimum === Infinity) {
          expect(excess).toBeGreaterThan(0);
          expect(exact.optimal).toBe(false);
          return;
        }
        checkAssignment(inst, exact);
        expect(exact.optimal).toBe(true);
        expect(exact.objective).toBe(optimum);
        if (excess === 0) expect(heuristic.objective).toBeGreaterThanOrEqual(optimum);
        expect(heuristic.bound).toBeLessThanOrEqual(optimum + 1e-9);
      }),
      { numRuns: 50 },
    );
  });

  it('spreads demand when the nearest site is full (regret assignment)', async () => {
    // Two sites, three points of weight 1 nearest to site 0 which holds only 2: the point with the least regret moves.
    const inst: Instance = {
      demand: { count: 3, lon: none, lat: none, weight: Float64Array.of(1, 1, 1) },
      candidates: { count: 2, lon: none, lat: none, status: new Uint8Array(2) },
      matrix: { rows: 3, cols: 2, values: Float64Array.of(1, 10, 1, 3, 1, 20) },
      capacity: Float64Array.of(2, 5),
      p: 2,
    };
    const s = await solvePMedian(inst, { p: 2, capacity: inst.capacity });
    expect(Array.from(s.assignment)).toEqual([0, 1, 0]);
    expect(s.objective).toBe(1 + 3 + 1);
    expect(s.capacityExcess).toBe(0);
  });
});
