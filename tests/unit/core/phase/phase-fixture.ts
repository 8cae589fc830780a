/** Small random plans for the phasing tests, and brute-force recounts that share no code with the phasing. */
import fc from 'fast-check';
import type { PhaseInput, ServingCenters } from '../../../../src/core/phase/phase-types';
import type { CostModel } from '../../../../src/core/rollout/rollout-types';
import { SITE_ROLE } from '../../../../src/core/plan-types';
import { SITE_STATUS, type CoverageSets } from '../../../../src/core/types';

/** Coverage sets from one list of villages per site (the inverse lists are not used by the phasing). */
export function setsOf(lists: number[][], demandCount: number): CoverageSets {
  const siteOffsets = new Uint32Array(lists.length + 1);
  lists.forEach((l, k) => (siteOffsets[k + 1] = siteOffsets[k] + l.length));
  return {
    demandCount,
    siteCount: lists.length,
    siteOffsets,
    siteDemands: Uint32Array.from(lists.flat()),
    demandOffsets: new Uint32Array(demandCount + 1),
    demandSites: new Uint32Array(0),
  };
}

/** Serving lists in CSR form. */
export function servingOf(lists: number[][], twoTier: boolean): ServingCenters {
  const offsets = new Uint32Array(lists.length + 1);
  lists.forEach((l, k) => (offsets[k + 1] = offsets[k] + l.length));
  return { offsets, centers: Uint32Array.from(lists.flat()), twoTier };
}

export const COSTS: CostModel = {
  centerSetupYuan: 200,
  centerYearlyYuan: 30,
  stationSetupYuan: 30,
  stationYearlyYuan: 6,
  provinceFactor: { '54': 1.8 },
};

/** A random plan of up to 12 sites over up to 30 villages, with centers, statuses, two provinces and caps. */
export const phaseInputs: fc.Arbitrary<PhaseInput> = fc
  .record({
    demandCount: fc.integer({ min: 0, max: 30 }),
    sites: fc.array(
      fc.record({
        center: fc.boolean(),
        status: fc.constantFrom(0, 0, 0, 1, 2, 3),
        tibet: fc.boolean(),
        reach: fc.array(fc.nat(29), { maxLength: 6 }),
        serve: fc.array(fc.nat(11), { maxLength: 3 }),
      }),
      { maxLength: 12 },
    ),
    years: fc.integer({ min: 1, max: 5 }),
    budgetYuan: fc.integer({ min: 0, max: 2000 }),
    caps: fc.option(
      fc.record({
        centers: fc.array(fc.nat(3), { maxLength: 5 }),
        stations: fc.array(fc.nat(4), { maxLength: 5 }),
        spendYuan: fc.array(fc.nat(400), { maxLength: 5 }),
      }),
      { nil: undefined },
    ),
  })
  .map(({ demandCount, sites, years, budgetYuan, caps }) => {
    const n = sites.length;
    const role = Uint8Array.from(sites, (s) => (s.center ? SITE_ROLE.center : SITE_ROLE.station));
    const status = Uint8Array.from(sites, (s) => s.status);
    const isOpenCenter = (c: number) => c < n && role[c] === SITE_ROLE.center && status[c] !== SITE_STATUS.excluded;
    const twoTier = sites.some((_, c) => isOpenCenter(c));
    const lists = sites.map((s) => (demandCount === 0 ? [] : [...new Set(s.reach.map((i) => i % demandCount))]));
    const serve = sites.map((s, k) =>
      role[k] === SITE_ROLE.station && status[k] !== SITE_STATUS.excluded
        ? [...new Set(s.serve)].filter(isOpenCenter).sort((a, b) => a - b)
        : [],
    );
    return {
      role,
      status,
      provinceCode: sites.map((s) => (s.tibet ? '54' : '33')),
      coverage: setsOf(lists, demandCount),
      weight: Float64Array.from({ length: demandCount }, (_, i) => 1 + (i % 3)),
      serving: servingOf(serve, twoTier),
      costs: COSTS,
      years,
      budgetYuan,
      caps,
    };
  });

/** Set-up and yearly cost of site k, recomputed from the cost model. */
export function siteCostOf(input: PhaseInput, k: number): { setup: number; yearly: number } {
  const f = input.provinceCode[k] === '54' ? 1.8 : 1;
  return input.role[k] === SITE_ROLE.center
    ? { setup: input.costs.centerSetupYuan * f, yearly: input.costs.centerYearlyYuan * f }
    : { setup: input.costs.stationSetupYuan * f, yearly: input.costs.stationYearlyYuan * f };
}

/** Brute force: spend of each year alone (index 0 = year 1) of a phasing. */
export function recountSpend(input: PhaseInput, year: Uint8Array): number[] {
  return Array.from({ length: input.years }, (_, t) => {
    let spend = 0;
    year.forEach((y, k) => {
      if (y === 0 || y > t + 1) return;
      const c = siteCostOf(input, k);
      spend += c.yearly + (y === t + 1 ? c.setup : 0);
    });
    return spend;
  });
}

/** Brute force: covered villages (count and weight) at the end of year t. */
export function recountCovered(input: PhaseInput, year: Uint8Array, t: number): { count: number; weight: number } {
  const openAt = (k: number) =>
    input.status[k] === SITE_STATUS.existing ||
    (input.status[k] !== SITE_STATUS.excluded && year[k] > 0 && year[k] <= t);
  const covered = new Set<number>();
  for (let k = 0; k < input.role.length; k++) {
    if (input.role[k] === SITE_ROLE.center || !openAt(k)) continue;
    const serving = Array.from(input.serving.centers.subarray(input.serving.offsets[k], input.serving.offsets[k + 1]));
    if (input.serving.twoTier && !serving.some(openAt)) continue;
    const { siteOffsets, siteDemands } = input.coverage;
    for (let q = siteOffsets[k]; q < siteOffsets[k + 1]; q++) covered.add(siteDemands[q]);
  }
  let weight = 0;
  for (const i of covered) weight += input.weight[i];
  return { count: covered.size, weight };
}
