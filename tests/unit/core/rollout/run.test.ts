import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../../../src/core/distance/haversine';
import { runRollout } from '../../../../src/core/rollout/run';
import { ROLLOUT_ROLE, type RolloutParams, type RolloutResult } from '../../../../src/core/rollout/rollout-types';
import type { VillageTable } from '../../../../src/core/villages';
import { bruteVillageYear, siteCostOf, smallParams, syntheticTable, SMALL } from './rollout-fixture';

const table = syntheticTable();
const names = table.counties.map((code) => `County ${code}`);

function run(params: RolloutParams, villages: VillageTable = table): RolloutResult {
  return runRollout({ villages, countyNames: names.slice(0, villages.counties.length), params });
}

/** Every invariant a result must satisfy, checked against figures recomputed here. */
function checkInvariants(villages: VillageTable, result: RolloutResult): void {
  const { params, sites, years } = result;
  const Y = params.years;
  // Spend per year recomputed from the sites: set-up in the opening year, running from then on.
  const spend = new Float64Array(Y);
  let total = 0;
  for (let s = 0; s < sites.count; s++) {
    const { setupYuan, yearlyYuan } = siteCostOf(villages, result, s);
    expect(sites.setupYuan[s]).toBeCloseTo(setupYuan, 6);
    expect(sites.year[s]).toBeGreaterThanOrEqual(1);
    expect(sites.year[s]).toBeLessThanOrEqual(Y);
    spend[sites.year[s] - 1] += setupYuan;
    for (let t = sites.year[s]; t <= Y; t++) spend[t - 1] += yearlyYuan;
    total += setupYuan + yearlyYuan * (Y - sites.year[s] + 1);
  }
  expect(result.totalSpendYuan).toBeCloseTo(total, 3);
  let cumulative = 0;
  years.forEach((year, t) => {
    expect(year.year).toBe(t + 1);
    expect(year.yearSpendYuan).toBeCloseTo(spend[t], 3);
    cumulative += spend[t];
    expect(year.spendYuan).toBeCloseTo(cumulative, 3);
    // Carry-over only forwards: spend up to year t within t / Y of the budget; and the year's own cap.
    expect(cumulative).toBeLessThanOrEqual(((t + 1) * params.budgetYuan) / Y + 1e-3);
    const cap = params.yearCaps?.spendYuan?.[t];
    if (cap !== undefined) expect(spend[t]).toBeLessThanOrEqual(cap + 1e-3);
    if (t > 0) {
      const before = years[t - 1];
      for (const key of ['centers', 'stations', 'spendYuan', 'countiesWithCenter', 'ruralVillagesCovered'] as const) {
        expect(year[key]).toBeGreaterThanOrEqual(before[key]);
      }
    }
  });
  expect(result.totalSpendYuan).toBeLessThanOrEqual(params.budgetYuan + 1e-3);

  // Centers: at most one per county, at most params.centers; stations need an earlier-or-same center in reach.
  const centerOf = new Map<number, number>();
  let stations = 0;
  for (let s = 0; s < sites.count; s++) {
    if (sites.role[s] !== ROLLOUT_ROLE.center) continue;
    expect(centerOf.has(sites.county[s])).toBe(false);
    centerOf.set(sites.county[s], s);
    expect(villages.countyIndex[sites.village[s]]).toBe(sites.county[s]);
  }
  expect(centerOf.size).toBeLessThanOrEqual(params.centers);
  for (let s = 0; s < sites.count; s++) {
    if (sites.role[s] !== ROLLOUT_ROLE.station) continue;
    stations++;
    const c = centerOf.get(sites.county[s]);
    expect(c, `station ${s} has no center`).toBeDefined();
    expect(sites.year[c!]).toBeLessThanOrEqual(sites.year[s]);
    const d = haversineKm(sites.lon[c!], sites.lat[c!], sites.lon[s], sites.lat[s]);
    expect(d).toBeLessThanOrEqual(params.centerRadiusKm);
    expect(villages.rural[sites.village[s]]).toBe(1);
    expect(villages.countyIndex[sites.village[s]]).toBe(sites.county[s]);
  }
  expect(stations).toBeLessThanOrEqual(params.stations);

  // Coverage recounted by brute force.
  const brute = bruteVillageYear(villages, result);
  expect(Array.from(result.villageYear)).toEqual(Array.from(brute));
  let rural = 0;
  for (let i = 0; i < villages.count; i++) rural += villages.rural[i];
  expect(result.ruralVillages).toBe(rural);
  years.forEach((year) => {
    const covered = brute.filter((y) => y > 0 && y <= year.year).length;
    expect(year.ruralVillagesCovered).toBe(covered);
    expect(year.coverageShare).toBeCloseTo(covered / rural, 12);
    let open = 0;
    for (let s = 0; s < sites.count; s++)
      open += sites.role[s] === ROLLOUT_ROLE.center && sites.year[s] <= year.year ? 1 : 0;
    expect(year.countiesWithCenter).toBe(open);
  });

  // Targets.
  const last = years[years.length - 1];
  const { targets } = result;
  expect(result.counties).toBe(villages.counties.length);
  expect(targets.countyShare).toBeCloseTo(last.countiesWithCenter / villages.counties.length, 12);
  expect(targets.villageShare).toBeCloseTo(last.ruralVillagesCovered / rural, 12);
  expect(targets.countyTarget).toBeCloseTo(1 / 3, 12);
  expect(targets.villageTarget).toBeCloseTo(1 / 6, 12);
  expect(targets.met).toBe(
    targets.countyShare > 1 / 3 && targets.villageShare > 1 / 6 && result.totalSpendYuan <= params.budgetYuan,
  );

  // Breakdown rows add up to the totals.
  const sum = (
    key: 'centers' | 'stations' | 'spendYuan' | 'villagesCovered' | 'ruralVillages',
    rows = result.provinceRows,
  ) => rows.reduce((n, row) => n + row[key], 0);
  expect(sum('centers')).toBe(last.centers);
  expect(sum('stations')).toBe(last.stations);
  expect(sum('spendYuan')).toBeCloseTo(result.totalSpendYuan, 3);
  expect(sum('spendYuan', result.countyRows)).toBeCloseTo(result.totalSpendYuan, 3);
  expect(sum('villagesCovered')).toBe(last.ruralVillagesCovered);
  expect(sum('ruralVillages')).toBe(rural);
  expect(result.countyRows.length).toBe(last.centers);
}

describe('runRollout on a small synthetic table', () => {
  it('keeps every invariant with the small parameters', () => {
    const result = run(smallParams());
    expect(result.sites.count).toBeGreaterThan(3);
    expect(result.years.at(-1)!.stations).toBeGreaterThan(0);
    checkInvariants(table, result);
    expect(result.method).toMatch(/lazy greedy/);
    expect(result.countyRows[0].name).toBe(`County ${result.countyRows[0].code}`);
  });

  it('is deterministic', () => {
    const strip = (r: RolloutResult) => ({ ...r, seconds: 0, timings: undefined });
    expect(strip(run(smallParams()))).toEqual(strip(run(smallParams())));
  });

  it('opens the priority province first when affordable, whichever it is', () => {
    for (const first of ['33', '34']) {
      const result = run(smallParams({ provinceOrder: [first], budgetYuan: 1e9, centers: 8, stations: 500 }));
      checkInvariants(table, result);
      let firstSites = 0;
      for (let s = 0; s < result.sites.count; s++) {
        if (table.counties[result.sites.county[s]].startsWith(first)) {
          firstSites++;
          expect(result.sites.year[s]).toBe(1);
        }
      }
      expect(firstSites).toBeGreaterThan(0);
    }
  });

  it('with a tight year-1 budget, spends year 1 on the priority province before any other', () => {
    const result = run(smallParams({ provinceOrder: ['34'], budgetYuan: 3 * 4_000_000, centers: 8, stations: 500 }));
    checkInvariants(table, result);
    const year1 = Array.from({ length: result.sites.count }, (_, s) => s).filter((s) => result.sites.year[s] === 1);
    expect(year1.length).toBeGreaterThan(0);
    for (const s of year1) expect(table.counties[result.sites.county[s]].slice(0, 2)).toBe('34');
  });

  it('reports sites that per-year caps leave unbuilt, and misses targets honestly', () => {
    const result = run(smallParams({ yearCaps: { stations: [1, 1, 1], centers: [1, 1, 1] } }));
    checkInvariants(table, result);
    expect(result.years.map((y) => y.stations)).toEqual([1, 2, 3]);
    expect(result.years.map((y) => y.centers)).toEqual([1, 2, 3]);
    expect(result.unbuilt!.stations).toBeGreaterThan(0);
    expect(result.unbuilt!.centers).toBeGreaterThan(0);
  });

  it('says what ended the station placement: the count asked, coverage, the budget or a stop', () => {
    const few = run(smallParams({ stations: 3 }));
    expect([few.stationLimit, few.years.at(-1)!.stations]).toEqual(['stations', 3]);
    // Far more stations than villages: placement ends when no station reaches a village not yet covered, and then
    // every rural village in center reach of a chosen county is covered.
    const many = run(smallParams({ stations: 100_000, budgetYuan: 1e12 }));
    expect(many.stationLimit).toBe('coverage');
    expect(many.years.at(-1)!.stations).toBeLessThan(100_000);
    const center = new Map<number, number>();
    for (let s = 0; s < many.sites.count; s++) {
      if (many.sites.role[s] === ROLLOUT_ROLE.center) center.set(many.sites.county[s], s);
    }
    let checked = 0;
    for (let i = 0; i < table.count; i++) {
      const s = center.get(table.countyIndex[i]);
      if (!table.rural[i] || s === undefined) continue;
      const km = haversineKm(many.sites.lon[s], many.sites.lat[s], table.positions[2 * i], table.positions[2 * i + 1]);
      if (km > many.params.centerRadiusKm) continue;
      expect(many.villageYear[i], `village ${i}`).toBeGreaterThan(0);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    // A budget that cannot pay for everything never claims the count asked for was placed.
    const poor = run(smallParams({ stations: 100_000, budgetYuan: 12_000_000 }));
    expect(['coverage', 'budget']).toContain(poor.stationLimit);
    const stopped = runRollout(
      { villages: table, countyNames: names, params: smallParams() },
      { shouldStop: () => true },
    );
    expect(stopped.stationLimit).toBe('stopped');
  });

  it('honours a per-year spend cap', () => {
    const caps = [5_000_000, 9_000_000, 12_000_000];
    const result = run(smallParams({ budgetYuan: 60_000_000, yearCaps: { spendYuan: caps } }));
    checkInvariants(table, result);
    result.years.forEach((y, t) => expect(y.yearSpendYuan).toBeLessThanOrEqual(caps[t] + 1e-3));
  });

  it('ranks by each score and by user weight', () => {
    for (const countyScore of ['villages-per-yuan', 'uncovered-share', 'user-weight'] as const) {
      const result = run(smallParams({ countyScore, countyWeights: { '330104': 5, '340101': 3 } }));
      checkInvariants(table, result);
      if (countyScore === 'user-weight') {
        // The weighted county of the priority province comes first, then the priority province's other counties.
        expect(result.countyRows[0].code).toBe('330104');
        expect(result.countyRows[0].score).toBe(5);
      }
    }
  });

  it('counts stations that cover villages of a neighbouring county', () => {
    // Two counties 4 km apart: county 2's villages lie within reach of county 1's stations only.
    const near = syntheticTable({ ...SMALL, provinces: ['33'], countiesPerProvince: 2, spreadKm: 1, seed: 3 });
    for (let i = 0; i < near.count; i++) {
      if (near.countyIndex[i] === 1) near.positions[2 * i] = near.positions[2 * i] - 0.6 + 0.03;
    }
    const result = run(smallParams({ centers: 1, stations: 10, centerRadiusKm: 50, provinceOrder: [] }), near);
    checkInvariants(near, result);
    expect(result.years.at(-1)!.ruralVillagesCovered).toBeGreaterThan(result.countyRows[0].ruralVillages);
  });

  it('stops when asked and still reports a consistent plan', () => {
    const full = run(smallParams()).sites.count;
    const counts: number[] = [];
    for (const after of [0, 1, 3, 6, 10, 1000]) {
      let calls = 0;
      const result = runRollout(
        { villages: table, countyNames: names, params: smallParams() },
        { shouldStop: () => ++calls > after },
      );
      expect(result.stopped).toBe(calls > after);
      if (after === 0) expect(result.sites.count).toBe(0);
      checkInvariants(table, result);
      counts.push(result.sites.count);
    }
    expect(counts.at(-1)).toBe(full);
    expect(counts.some((n) => n > 0 && n < full)).toBe(true);
  });

  it('reports progress from 0 to 1', () => {
    const shares: number[] = [];
    run(smallParams());
    runRollout(
      { villages: table, countyNames: names, params: smallParams() },
      { onProgress: (p) => shares.push(p.share) },
    );
    expect(shares[0]).toBe(0);
    expect(shares.at(-1)).toBe(1);
    for (let k = 1; k < shares.length; k++) expect(shares[k]).toBeGreaterThanOrEqual(shares[k - 1]);
  });

  it('rejects invalid parameters with every problem named', () => {
    expect(() => run(smallParams({ years: 2, stationRadiusKm: -1 }))).toThrow(/years.*3 to 5.*stationRadiusKm/);
  });
});

describe('runRollout properties', () => {
  const paramsArb = fc.record({
    centers: fc.integer({ min: 0, max: 8 }),
    stations: fc.integer({ min: 0, max: 120 }),
    years: fc.integer({ min: 3, max: 5 }),
    budgetYuan: fc.integer({ min: 0, max: 80_000_000 }),
    stationRadiusKm: fc.double({ min: 0.5, max: 8, noNaN: true }),
    centerRadiusKm: fc.double({ min: 2, max: 40, noNaN: true }),
    provinceOrder: fc.constantFrom<string[][]>([], ['33'], ['34'], ['34', '33']),
    countyScore: fc.constantFrom('villages-per-yuan' as const, 'uncovered-share' as const, 'user-weight' as const),
  });

  it('keeps every invariant for any parameters', () => {
    fc.assert(
      fc.property(paramsArb, (overrides) => {
        checkInvariants(table, run(smallParams(overrides)));
      }),
      { numRuns: 40 },
    );
  });

  it('never covers more with a tighter budget', () => {
    fc.assert(
      fc.property(paramsArb, fc.double({ min: 0, max: 1, noNaN: true }), (overrides, cut) => {
        const loose = run(smallParams(overrides));
        const tight = run(smallParams({ ...overrides, budgetYuan: Math.floor(overrides.budgetYuan * cut) }));
        expect(tight.years.at(-1)!.ruralVillagesCovered).toBeLessThanOrEqual(loose.years.at(-1)!.ruralVillagesCovered);
      }),
      { numRuns: 40 },
    );
  });
});
