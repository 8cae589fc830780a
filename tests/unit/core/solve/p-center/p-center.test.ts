import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solvePCenter } from '../../../../../src/core/solve/p-center';
import { SITE_STATUS, type Candidates, type Demand, type DistanceMatrix } from '../../../../../src/core/types';
import { createDistanceSource } from '../../../../../src/core/distance/distance-source';
import { servableDemand, siteRoles } from '../../../../../src/core/solve/p-median/sites';
import { SwapSearch } from '../../../../../src/core/solve/p-median/swap';
import { distinctRadii, packingLowerBound, radiusContext } from '../../../../../src/core/solve/p-center/radius';
import { pCenterExact } from '../../../../../src/core/solve/p-center/exact';

interface Instance {
  demand: Demand;
  candidates: Candidates;
  matrix: DistanceMatrix;
  p: number;
}

const none = new Float64Array(0);

const instanceArb = fc
  .record({ n: fc.integer({ min: 1, max: 10 }), m: fc.integer({ min: 1, max: 8 }) })
  .chain(({ n, m }) =>
    fc.record({
      n: fc.constant(n),
      m: fc.constant(m),
      values: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: n * m, maxLength: n * m }),
      weight: fc.array(fc.constantFrom(0, 1, 1, 1, 2), { minLength: n, maxLength: n }),
      status: fc.array(fc.constantFrom(0, 0, 0, 0, 1, 2, 3), { minLength: m, maxLength: m }),
      pick: fc.nat(100),
    }),
  )
  .filter(({ status }) => status.filter((s) => s !== SITE_STATUS.excluded).length >= 1)
  .map(({ n, m, values, weight, status, pick }): Instance => {
    const fixed = status.filter((s) => s === SITE_STATUS.existing || s === SITE_STATUS.locked).length;
    const allowed = status.filter((s) => s !== SITE_STATUS.excluded).length;
    const low = Math.max(1, fixed);
    return {
      demand: { count: n, lon: none, lat: none, weight: Float64Array.from(weight) },
      candidates: { count: m, lon: none, lat: none, status: Uint8Array.from(status) },
      matrix: { rows: n, cols: m, values: Float64Array.from(values) },
      p: low + (pick % (allowed - low + 1)),
    };
  });

/** Largest distance from a positive-weight demand point to its nearest site of `open`. */
function radiusOf(inst: Instance, open: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < inst.demand.count; i++) {
    if (inst.demand.weight[i] === 0) continue;
    let d = Infinity;
    for (let k = 0; k < open.length; k++) d = Math.min(d, inst.matrix.values[i * inst.matrix.cols + open[k]]);
    worst = Math.max(worst, d);
  }
  return worst;
}

function bruteForce(inst: Instance): number {
  const m = inst.candidates.count;
  const st = inst.candidates.status;
  let best = Infinity;
  for (let mask = 0; mask < 1 << m; mask++) {
    const open = [...Array(m).keys()].filter((j) => mask & (1 << j));
    if (open.length !== inst.p) continue;
    if (open.some((j) => st[j] === SITE_STATUS.excluded)) continue;
    const fixedOk = [...Array(m).keys()].every(
      (j) => !(st[j] === SITE_STATUS.existing || st[j] === SITE_STATUS.locked) || open.includes(j),
    );
    if (fixedOk) best = Math.min(best, radiusOf(inst, open));
  }
  return best;
}

describe('solvePCenter on small random instances, against brute force', () => {
  it('exact equals brute force; heuristic never beats it; bounds are valid; statuses are respected', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb, fc.nat(1000), async (inst, seed) => {
        const optimum = bruteForce(inst);
        const heuristic = await solvePCenter(inst, { p: inst.p, seed, timeLimitSec: 5 });
        const exact = await solvePCenter(inst, { p: inst.p, seed, mode: 'exact', timeLimitSec: 10 });
        for (const s of [heuristic, exact]) {
          expect(s.selected.length).toBe(inst.p);
          expect(s.objective).toBe(radiusOf(inst, s.selected));
          for (let j = 0; j < inst.candidates.count; j++) {
            const st = inst.candidates.status[j];
            if (st === SITE_STATUS.existing || st === SITE_STATUS.locked) expect(s.selected).toContain(j);
            if (st === SITE_STATUS.excluded) expect(s.selected).not.toContain(j);
          }
          expect(s.bound).toBeLessThanOrEqual(optimum);
        }
        expect(exact.optimal).toBe(true);
        expect(exact.objective).toBe(optimum);
        expect(heuristic.objective).toBeGreaterThanOrEqual(optimum);
      }),
      { numRuns: 60 },
    );
  });

  it('the radius search with HiGHS alone (from the worst solution) finds the optimum', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb, async (inst) => {
        const source = createDistanceSource(inst, { complete: true });
        const roles = siteRoles(inst.candidates, inst.p);
        const search = new SwapSearch(source, roles, servableDemand(source, roles));
        search.reset();
        search.greedyFill(inst.p);
        const start = radiusOf(
          inst,
          [...search.open.keys()].filter((j) => search.open[j]),
        );
        const radii = distinctRadii(source, start);
        const ctx = radiusContext(search, source, roles);
        const result = await pCenterExact(ctx, radii, inst.p, search.open.slice(), start, 0, Infinity);
        expect(result.optimal).toBe(true);
        expect(result.radius).toBe(bruteForce(inst));
        expect(packingLowerBound(ctx, radii, inst.p)).toBeLessThanOrEqual(bruteForce(inst));
      }),
      { numRuns: 40 },
    );
  });

  it('is deterministic: same input and seed give the same selection', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb, fc.nat(1000), async (inst, seed) => {
        const a = await solvePCenter(inst, { p: inst.p, seed });
        const b = await solvePCenter(inst, { p: inst.p, seed });
        expect(Array.from(a.selected)).toEqual(Array.from(b.selected));
      }),
      { numRuns: 30 },
    );
  });

  it('assigns every point to its nearest open site', async () => {
    const inst: Instance = {
      demand: { count: 4, lon: none, lat: none, weight: Float64Array.of(1, 1, 1, 1) },
      candidates: { count: 3, lon: none, lat: none, status: new Uint8Array(3) },
      matrix: { rows: 4, cols: 3, values: Float64Array.of(0, 5, 9, 5, 0, 9, 9, 5, 1, 9, 9, 0) },
      p: 2,
    };
    const s = await solvePCenter(inst, { p: 2, mode: 'exact' });
    expect(Array.from(s.selected)).toEqual([1, 2]);
    expect(s.objective).toBe(5);
    expect(Array.from(s.assignment)).toEqual([1, 1, 2, 2]);
    expect(Array.from(s.assignedDistance)).toEqual([5, 0, 1, 0]);
  });
});
