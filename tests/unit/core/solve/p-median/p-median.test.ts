import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solvePMedian } from '../../../../../src/core/solve/p-median';
import { SITE_STATUS, type Candidates, type Demand, type DistanceMatrix } from '../../../../../src/core/types';
import { haversineKm } from '../../../../../src/core/distance/haversine';
import { createRandom } from '../../../../../src/core/random';
import { createDistanceSource } from '../../../../../src/core/distance/distance-source';
import { pMedianExact } from '../../../../../src/core/solve/p-median/exact';
import { servableDemand, siteRoles } from '../../../../../src/core/solve/p-median/sites';
import { SwapSearch } from '../../../../../src/core/solve/p-median/swap';

interface Instance {
  demand: Demand;
  candidates: Candidates;
  matrix: DistanceMatrix;
  p: number;
}

const none = new Float64Array(0);

/** Random matrix instance: <= 10 demand points, <= 8 candidates, integer distances and weights, any statuses. */
const instanceArb = fc
  .record({ n: fc.integer({ min: 1, max: 10 }), m: fc.integer({ min: 1, max: 8 }) })
  .chain(({ n, m }) =>
    fc.record({
      n: fc.constant(n),
      m: fc.constant(m),
      values: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: n * m, maxLength: n * m }),
      weight: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
      status: fc.array(fc.constantFrom(0, 0, 0, 0, 1, 2, 3), { minLength: m, maxLength: m }),
      pick: fc.nat(100),
    }),
  )
  .filter(({ status }) => status.filter((s) => s !== SITE_STATUS.excluded).length >= 1)
  .map(({ n, m, values, weight, status, pick }): Instance => {
    const fixed = status.filter((s) => s === SITE_STATUS.existing || s === SITE_STATUS.locked).length;
    const allowed = status.filter((s) => s !== SITE_STATUS.excluded).length;
    const low = Math.max(1, fixed);
    const p = low + (pick % (allowed - low + 1));
    return {
      demand: { count: n, lon: none, lat: none, weight: Float64Array.from(weight) },
      candidates: { count: m, lon: none, lat: none, status: Uint8Array.from(status) },
      matrix: { rows: n, cols: m, values: Float64Array.from(values) },
      p,
    };
  });

/** Every subset of allowed sites of size p containing the fixed ones. */
function* subsets(status: Uint8Array, p: number): Generator<number[]> {
  const m = status.length;
  const fixed = [...status.keys()].filter(
    (j) => status[j] === SITE_STATUS.existing || status[j] === SITE_STATUS.locked,
  );
  const free = [...status.keys()].filter((j) => status[j] === SITE_STATUS.proposed);
  const k = p - fixed.length;
  const pick = (from: number, chosen: number[]): Generator<number[]> =>
    (function* gen(): Generator<number[]> {
      if (chosen.length === k) {
        yield [...fixed, ...chosen].sort((a, b) => a - b);
        return;
      }
      for (let t = from; t < free.length; t++) yield* pick(t + 1, [...chosen, free[t]]);
    })();
  if (k >= 0 && m > 0) yield* pick(0, []);
}

/** Total weighted distance of a site set (Infinity when some positive-weight point has no finite site). */
function medianCost(inst: Instance, open: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < inst.demand.count; i++) {
    let d = Infinity;
    for (let k = 0; k < open.length; k++) d = Math.min(d, inst.matrix.values[i * inst.matrix.cols + open[k]]);
    if (inst.demand.weight[i] > 0) total += inst.demand.weight[i] * d;
  }
  return total;
}

function bruteForce(inst: Instance): number {
  let best = Infinity;
  for (const s of subsets(inst.candidates.status, inst.p)) best = Math.min(best, medianCost(inst, s));
  return best;
}

describe('solvePMedian on small random instances, against brute force', () => {
  it('exact equals brute force; heuristic never beats it; bounds are valid; statuses are respected', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb, fc.nat(1000), async (inst, seed) => {
        const optimum = bruteForce(inst);
        const heuristic = await solvePMedian(inst, { p: inst.p, seed, timeLimitSec: 5 });
        const exact = await solvePMedian(inst, { p: inst.p, seed, mode: 'exact', timeLimitSec: 10 });
        for (const s of [heuristic, exact]) {
          expect(s.selected.length).toBe(inst.p);
          expect(s.objective).toBe(medianCost(inst, s.selected));
          for (let j = 0; j < inst.candidates.count; j++) {
            const st = inst.candidates.status[j];
            if (st === SITE_STATUS.existing || st === SITE_STATUS.locked) expect(s.selected).toContain(j);
            if (st === SITE_STATUS.excluded) expect(s.selected).not.toContain(j);
          }
          if (!Number.isNaN(s.bound)) expect(s.bound).toBeLessThanOrEqual(optimum + 1e-9);
        }
        expect(exact.optimal).toBe(true);
        expect(exact.objective).toBe(optimum);
        expect(heuristic.objective).toBeGreaterThanOrEqual(optimum);
        if (heuristic.optimal) expect(heuristic.objective).toBe(optimum);
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic: same input and seed give the same selection', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb, fc.nat(1000), async (inst, seed) => {
        const a = await solvePMedian(inst, { p: inst.p, seed, lowerBound: false });
        const b = await solvePMedian(inst, { p: inst.p, seed, lowerBound: false });
        expect(Array.from(a.selected)).toEqual(Array.from(b.selected));
      }),
      { numRuns: 30 },
    );
  });
});

describe('solvePMedian details', () => {
  it('assigns each demand point to its nearest open site and ignores points no allowed site reaches', async () => {
    const inst: Instance = {
      demand: { count: 3, lon: none, lat: none, weight: Float64Array.of(1, 2, 1) },
      candidates: { count: 3, lon: none, lat: none, status: Uint8Array.of(0, 0, SITE_STATUS.excluded) },
      // point 2 is reachable only from the excluded site
      matrix: { rows: 3, cols: 3, values: Float64Array.of(1, 4, 9, 6, 2, 9, Infinity, Infinity, 3) },
      p: 1,
    };
    const s = await solvePMedian(inst, { p: 1, mode: 'exact' });
    expect(Array.from(s.selected)).toEqual([1]);
    expect(s.objective).toBe(4 + 2 * 2);
    expect(s.unreachable).toBe(1);
    expect(Array.from(s.assignment)).toEqual([1, 1, -1]);
    expect(Array.from(s.assignedDistance)).toEqual([4, 2, Infinity]);
  });

  it('rejects p below the number of fixed sites or above the allowed ones', async () => {
    const inst = {
      demand: { count: 1, lon: none, lat: none, weight: Float64Array.of(1) },
      candidates: { count: 3, lon: none, lat: none, status: Uint8Array.of(1, 2, 3) },
      matrix: { rows: 1, cols: 3, values: Float64Array.of(1, 2, 3) },
    };
    await expect(solvePMedian(inst, { p: 1 })).rejects.toThrow(/expected p >= 2/);
    await expect(solvePMedian(inst, { p: 3 })).rejects.toThrow(/only 2 candidates/);
  });

  it('with coordinates and truncated lists, reports the exact objective and stays near the optimum', async () => {
    const rand = createRandom(11);
    const n = 60;
    const m = 25;
    const demand: Demand = {
      count: n,
      lon: Float64Array.from({ length: n }, () => 120 + rand()),
      lat: Float64Array.from({ length: n }, () => 30 + rand()),
      weight: Float64Array.from({ length: n }, () => 1 + Math.floor(rand() * 3)),
    };
    const candidates: Candidates = {
      count: m,
      lon: Float64Array.from({ length: m }, () => 120 + rand()),
      lat: Float64Array.from({ length: m }, () => 30 + rand()),
      status: new Uint8Array(m),
    };
    const cost = (open: ArrayLike<number>): number => {
      let total = 0;
      for (let i = 0; i < n; i++) {
        let d = Infinity;
        for (let k = 0; k < open.length; k++) {
          const j = open[k];
          d = Math.min(d, haversineKm(demand.lon[i], demand.lat[i], candidates.lon[j], candidates.lat[j]));
        }
        total += demand.weight[i] * d;
      }
      return total;
    };
    const exact = await solvePMedian({ demand, candidates }, { p: 4, mode: 'exact' });
    const truncated = await solvePMedian({ demand, candidates }, { p: 4, neighbours: 3 });
    expect(exact.optimal).toBe(true);
    expect(exact.objective).toBeCloseTo(cost(exact.selected), 9);
    expect(truncated.objective).toBeCloseTo(cost(truncated.selected), 9);
    expect(truncated.objective).toBeGreaterThanOrEqual(exact.objective - 1e-9);
    expect(truncated.bound).toBeLessThanOrEqual(exact.objective + 1e-9);
    expect(truncated.objective).toBeLessThanOrEqual(exact.objective * 1.05);
  });

  it('reports progress and stops early when asked', async () => {
    const rand = createRandom(5);
    const n = 40;
    const inst = {
      demand: { count: n, lon: none, lat: none, weight: new Float64Array(n).fill(1) },
      candidates: { count: n, lon: none, lat: none, status: new Uint8Array(n) },
      matrix: { rows: n, cols: n, values: Float64Array.from({ length: n * n }, () => Math.floor(rand() * 100)) },
    };
    const shares: number[] = [];
    let checks = 0;
    const s = await solvePMedian(inst, {
      p: 5,
      restarts: 50,
      onProgress: (q) => shares.push(q.share),
      shouldStop: () => ++checks > 3,
    });
    expect(shares.length).toBeGreaterThan(0);
    expect(shares.length).toBeLessThan(50);
    expect(s.selected.length).toBe(5);
  });
});

describe('pMedianExact (HiGHS on the radius formulation) alone', () => {
  it('finds the brute-force optimum without a warm start', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb, async (inst) => {
        const source = createDistanceSource(inst, { complete: true });
        const roles = siteRoles(inst.candidates, inst.p);
        const servable = servableDemand(source, roles);
        const result = await pMedianExact(source, roles, servable, inst.p, { integral: true, timeLimitSec: 10 });
        expect(result.mip.status).toBe('optimal');
        const open = [...(result.open ?? [])].flatMap((v, j) => (v ? [j] : []));
        expect(open.length).toBe(inst.p);
        expect(medianCost(inst, open)).toBe(bruteForce(inst));
        expect(result.mip.objective).toBeCloseTo(bruteForce(inst), 6);
      }),
      { numRuns: 40 },
    );
  });
});

describe('SwapSearch bookkeeping', () => {
  function pointsInstance(n: number, m: number, seed: number): { demand: Demand; candidates: Candidates } {
    const rand = createRandom(seed);
    const coords = (count: number): { lon: Float64Array; lat: Float64Array } => ({
      lon: Float64Array.from({ length: count }, () => 120 + rand()),
      lat: Float64Array.from({ length: count }, () => 30 + rand()),
    });
    return {
      demand: { count: n, ...coords(n), weight: Float64Array.from({ length: n }, () => 1 + Math.floor(rand() * 3)) },
      candidates: { count: m, ...coords(m), status: new Uint8Array(m) },
    };
  }

  // p = 5 uses the scan of open sites for truncated lists, p = 45 (> 32 open) the filtered kd-tree search.
  it.each([5, 45])(
    'with truncated lists keeps exact nearest / second nearest and incremental gain / loss (p = %i)',
    (p) => {
      const inst = pointsInstance(150, 100, p);
      const source = createDistanceSource(inst, { neighbours: 3 });
      expect(source.lists.complete).toBe(false);
      const roles = siteRoles(inst.candidates, p);
      const search = new SwapSearch(source, roles, servableDemand(source, roles));
      search.reset();
      search.greedyFill(p);
      const rand = createRandom(9);
      for (let step = 0; step < 30; step++) {
        const open = [...search.open.keys()].filter((j) => search.open[j]);
        const closed = [...search.open.keys()].filter((j) => !search.open[j]);
        search.move(open[Math.floor(rand() * open.length)], closed[Math.floor(rand() * closed.length)]);
      }
      const open = [...search.open.keys()].filter((j) => search.open[j]);
      expect(open.length).toBe(p);
      for (let i = 0; i < inst.demand.count; i++) {
        const sorted = open.map((j) => source.distance(i, j)).sort((a, b) => a - b);
        expect(search.d1[i]).toBeCloseTo(sorted[0], 12);
        expect(search.d2[i]).toBeCloseTo(sorted[1], 12);
      }
      const gain = search.gain.slice();
      const loss = search.loss.slice();
      search.refresh();
      gain.forEach((g, j) => expect(g).toBeCloseTo(search.gain[j], 6));
      loss.forEach((l, j) => expect(l).toBeCloseTo(search.loss[j], 6));
    },
  );

  it('perturbation kicks: never worse than the plain restarts, a swap local optimum, fixed sites kept, deterministic', async () => {
    const inst = pointsInstance(220, 160, 7);
    inst.candidates.status[3] = SITE_STATUS.existing;
    inst.candidates.status[50] = SITE_STATUS.locked;
    inst.candidates.status[9] = SITE_STATUS.excluded;
    const p = 30;
    const plain = await solvePMedian(inst, { p, seed: 5, kicks: 0, restarts: 1, lowerBound: false });
    const kicked = await solvePMedian(inst, { p, seed: 5, kicks: 300, restarts: 1, lowerBound: false });
    const again = await solvePMedian(inst, { p, seed: 5, kicks: 300, restarts: 1, lowerBound: false });
    expect(kicked.objective).toBeLessThanOrEqual(plain.objective);
    expect(Array.from(again.selected)).toEqual(Array.from(kicked.selected));
    const open = Array.from(kicked.selected);
    expect(open.length).toBe(p);
    expect(open).toContain(3);
    expect(open).toContain(50);
    expect(open).not.toContain(9);
    const source = createDistanceSource(inst);
    const roles = siteRoles(inst.candidates, p);
    const search = new SwapSearch(source, roles, servableDemand(source, roles));
    search.reset(open);
    expect(search.objective()).toBeCloseTo(kicked.objective, 9);
    expect(search.bestSwap().profit).toBeLessThanOrEqual(1e-9 * kicked.objective);
  });

  it('bestSwap profit equals the exact objective change on complete lists', () => {
    const inst = pointsInstance(80, 30, 4);
    const source = createDistanceSource(inst);
    const roles = siteRoles(inst.candidates, 6);
    const search = new SwapSearch(source, roles, servableDemand(source, roles));
    search.reset();
    search.greedyFill(6);
    const before = search.objective();
    const move = search.bestSwap();
    search.move(move.out, move.in);
    expect(before - search.objective()).toBeCloseTo(move.profit, 6);
  });
});
