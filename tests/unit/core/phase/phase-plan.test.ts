import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phasePlan } from '../../../../src/core/phase/phase-plan';
import type { PhaseInput } from '../../../../src/core/phase/phase-types';
import { defaultCostModel } from '../../../../src/core/rollout/defaults';
import { SITE_ROLE } from '../../../../src/core/plan-types';
import { SITE_STATUS } from '../../../../src/core/types';
import { COSTS, phaseInputs, recountCovered, recountSpend, servingOf, setsOf } from './phase-fixture';

const S = SITE_ROLE.station;
const C = SITE_ROLE.center;
const P = SITE_STATUS.proposed;
const E = SITE_STATUS.existing;

function input(partial: Partial<PhaseInput> & Pick<PhaseInput, 'role' | 'coverage'>): PhaseInput {
  const n = partial.role.length;
  return {
    status: new Uint8Array(n),
    provinceCode: Array.from({ length: n }, () => '33'),
    weight: new Float64Array(partial.coverage.demandCount).fill(1),
    serving: servingOf(
      Array.from({ length: n }, () => []),
      false,
    ),
    costs: COSTS,
    years: 3,
    budgetYuan: 300,
    ...partial,
  };
}

describe('phasePlan', () => {
  it('opens the stations that add most villages first, one year at a time as the money allows', () => {
    // Station costs 30 + 6/year; 3 years, 50 a year. Greedy gains: site 2 (4 villages), site 0 (2 new), site 1 (1).
    const coverage = setsOf(
      [
        [0, 1, 2],
        [2, 6],
        [2, 3, 4, 5],
      ],
      7,
    );
    const result = phasePlan(input({ role: Uint8Array.of(S, S, S), coverage, budgetYuan: 150 }));
    // Year 1: site 2 (36 <= 50); site 0 too would make it 72 > 50. Year 2: site 0 (cumulative 36 + 42 = 78 <= 100);
    // site 1 too would make it 114 > 100. Year 3: site 1 (36 + 42 + 48 = 126 <= 150).
    expect(Array.from(result.year)).toEqual([2, 3, 1]);
    expect(result.years.map((y) => y.coveredVillages)).toEqual([0, 4, 6, 7]);
    expect(result.years.map((y) => y.yearSpendYuan)).toEqual([0, 36, 42, 48]);
    expect(result.years.map((y) => y.spendYuan)).toEqual([0, 36, 78, 126]);
    expect(result.unaffordable.length).toBe(0);
  });

  it('leaves existing sites at year 0 at no cost, and lists what no year can afford', () => {
    const coverage = setsOf([[0], [1], [2]], 3);
    const result = phasePlan(
      input({ role: Uint8Array.of(S, S, S), status: Uint8Array.of(E, P, P), coverage, years: 1, budgetYuan: 40 }),
    );
    expect(Array.from(result.year)).toEqual([0, 1, 0]);
    expect(Array.from(result.unaffordable)).toEqual([2]);
    expect(result.years[0]).toMatchObject({ coveredVillages: 1, stations: 1, spendYuan: 0 });
    expect(result.years[1]).toMatchObject({ coveredVillages: 2, stations: 2, spendYuan: 36 });
  });

  it('opens a two-tier station with the cheapest center that serves it, never before one', () => {
    // Sites 0, 1 centers (1 in Tibet: dearer); station 2 served by both, station 3 by center 1 only.
    const coverage = setsOf([[], [], [0, 1], [2]], 3);
    const serving = servingOf([[], [], [0, 1], [1]], true);
    const provinceCode = ['33', '54', '33', '33'];
    const result = phasePlan(
      input({ role: Uint8Array.of(C, C, S, S), coverage, serving, provinceCode, years: 2, budgetYuan: 1200 }),
    );
    expect(result.year[0]).toBe(1);
    expect(result.year[2]).toBe(1);
    expect(result.year[1]).toBeGreaterThan(0);
    expect(result.year[3]).toBeGreaterThanOrEqual(result.year[1]);
  });

  it('takes the default cost model in yuan', () => {
    const coverage = setsOf([[0], [1]], 2);
    const result = phasePlan(
      input({ role: Uint8Array.of(S, S), coverage, costs: defaultCostModel(), years: 2, budgetYuan: 100_000 }),
    );
    // 30,000 + 2 x 6,000 = 42,000 fits year 1's 50,000; the second needs 36,000 more in year 2 (cumulative
    // 36,000 + 42,000 + ... = 84,000 <= 100,000).
    expect(Array.from(result.year)).toEqual([1, 2]);
  });

  it('refuses invalid years and budgets with a message', () => {
    const coverage = setsOf([[0]], 1);
    expect(() => phasePlan(input({ role: Uint8Array.of(S), coverage, years: 6 }))).toThrow(/years must be/);
    expect(() => phasePlan(input({ role: Uint8Array.of(S), coverage, budgetYuan: -1 }))).toThrow(/budgetYuan/);
  });

  it('keeps every year within its money and caps, with carry-over only forward (brute-force recount)', () => {
    fc.assert(
      fc.property(phaseInputs, (inp) => {
        const result = phasePlan(inp);
        const spend = recountSpend(inp, result.year);
        let cumulative = 0;
        spend.forEach((s, t) => {
          cumulative += s;
          expect(s).toBeCloseTo(result.years[t + 1].yearSpendYuan, 6);
          expect(cumulative).toBeLessThanOrEqual(((t + 1) * inp.budgetYuan) / inp.years + 1e-6);
          const cap = inp.caps?.spendYuan?.[t];
          if (cap !== undefined) expect(s).toBeLessThanOrEqual(cap + 1e-6);
          const opened = (role: number) =>
            Array.from(result.year).filter((y, k) => y === t + 1 && inp.role[k] === role).length;
          const centers = inp.caps?.centers?.[t];
          const stations = inp.caps?.stations?.[t];
          if (centers !== undefined) expect(opened(C)).toBeLessThanOrEqual(centers);
          if (stations !== undefined) expect(opened(S)).toBeLessThanOrEqual(stations);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('opens no station before a center that serves it, and phases only proposed and locked sites', () => {
    fc.assert(
      fc.property(phaseInputs, (inp) => {
        const result = phasePlan(inp);
        for (let k = 0; k < inp.role.length; k++) {
          const y = result.year[k];
          const phased = inp.status[k] === SITE_STATUS.proposed || inp.status[k] === SITE_STATUS.locked;
          if (!phased) expect(y).toBe(0);
          expect(y).toBeLessThanOrEqual(inp.years);
          expect(result.unaffordable.includes(k)).toBe(phased && y === 0);
          const serving = inp.serving.centers.subarray(inp.serving.offsets[k], inp.serving.offsets[k + 1]);
          if (y === 0 || serving.length === 0) continue;
          const openBy = (c: number) => inp.status[c] === E || (result.year[c] > 0 && result.year[c] <= y);
          expect(Array.from(serving).some(openBy)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reports the covered villages of each year as a recount, never falling, and is deterministic', () => {
    fc.assert(
      fc.property(phaseInputs, (inp) => {
        const result = phasePlan(inp);
        result.years.forEach((y, t) => {
          const recount = recountCovered(inp, result.year, t);
          expect(y.coveredVillages).toBe(recount.count);
          expect(y.coveredWeight).toBeCloseTo(recount.weight, 9);
          if (t > 0) expect(y.coveredVillages).toBeGreaterThanOrEqual(result.years[t - 1].coveredVillages);
        });
        expect(Array.from(phasePlan(inp).year)).toEqual(Array.from(result.year));
      }),
      { numRuns: 400 },
    );
  });

  it('never phases a site later with a bigger budget, when every site costs the same (one tier, one province)', () => {
    // With uneven costs first-fit can let a dearer site open earlier and take the money of a cheaper later one
    // (the anomaly of list scheduling), so the property is stated for equal costs, the common planner case.
    const uniform = phaseInputs.map((inp) => ({
      ...inp,
      role: inp.role.map(() => S),
      provinceCode: inp.provinceCode.map(() => '33'),
      serving: { ...inp.serving, twoTier: false },
    }));
    const yearOrNever = (y: number) => (y === 0 ? Infinity : y);
    fc.assert(
      fc.property(uniform, fc.integer({ min: 0, max: 2000 }), (inp, extraYuan) => {
        const small = phasePlan(inp);
        const big = phasePlan({ ...inp, budgetYuan: inp.budgetYuan + extraYuan });
        small.year.forEach((y, k) => {
          if (inp.status[k] === E) return;
          expect(yearOrNever(big.year[k])).toBeLessThanOrEqual(yearOrNever(y));
        });
        small.years.forEach((y, t) => expect(big.years[t].coveredVillages).toBeGreaterThanOrEqual(y.coveredVillages));
      }),
      { numRuns: 600 },
    );
  });
});
