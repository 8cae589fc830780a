import { describe, expect, it } from 'vitest';
import { LiveSession } from '../../../../src/core/live/session';
import { siteTable } from '../../../../src/core/live/sites';
import { siteProvinces } from '../../../../src/core/phase/live-phase';
import { SITE_ROLE } from '../../../../src/core/plan-types';
import { defaultCostModel } from '../../../../src/core/rollout/defaults';
import { SITE_STATUS } from '../../../../src/core/types';
import type { VillageTable } from '../../../../src/core/villages';

/** Six rural villages on the parallel 30° N, 0.05° of longitude (4.8 km) apart: a 3 km station reaches one. */
function lineTable(): VillageTable {
  const count = 6;
  const positions = new Float32Array(2 * count);
  for (let i = 0; i < count; i++) positions.set([120 + 0.05 * i, 30], 2 * i);
  return {
    provinceCode: '33',
    count,
    positions,
    rural: new Uint8Array(count).fill(1),
    countyBoundary: new Uint8Array(count).fill(1),
    countyIndex: Uint16Array.from({ length: count }, (_, i) => (i < 3 ? 0 : 1)),
    counties: ['330101', '330102'],
    townshipIndex: new Uint16Array(count),
    townships: ['330101001'],
    codeSuffix: Uint16Array.from({ length: count }, (_, i) => i + 1),
  };
}

const S = SITE_ROLE.station;
const C = SITE_ROLE.center;
const P = SITE_STATUS.proposed;
const E = SITE_STATUS.existing;

/** Sites at villages `at` (index into the line), with roles and statuses. */
function sitesAt(at: number[], role: number[], status: number[]) {
  return siteTable(
    Float64Array.from(at, (i) => 120 + 0.05 * i),
    Float64Array.from(at, () => 30),
    Uint8Array.from(status),
    Uint8Array.from(role),
  );
}

describe('LiveSession.phasePlan (the coverage worker method)', () => {
  it('phases the current stations by year within the budget, aligned with the sites', () => {
    const session = new LiveSession();
    session.load(lineTable(), [], 'rural');
    const sites = sitesAt([0, 1, 2, 3], [S, S, S, S], [P, P, P, E]);
    const all = session.evaluate(sites, { radiusKm: 3, centerRadiusKm: 60 });
    // Default costs: a station 30,000 + 6,000 a year; 150,000 over 3 years = 50,000 a year, carried over:
    // year 1 one station (36,000), year 2 one more (cumulative 78,000 <= 100,000), year 3 the last (126,000).
    const result = session.phasePlan(defaultCostModel(), 3, 150_000);
    expect(Array.from(result.year)).toEqual([1, 2, 3, 0]);
    expect(result.years.map((y) => y.coveredVillages)).toEqual([1, 2, 3, 4]);
    expect(result.years.map((y) => y.spendYuan)).toEqual([0, 36_000, 78_000, 126_000]);
    expect(result.years[3].coveredVillages).toBe(all.coveredVillages);
    expect(result.demandVillages).toBe(6);
    expect(result.years[3].share).toBeCloseTo(4 / 6, 12);
    // 48,000 in all (16,000 a year): one station, in year 3 only (36,000 <= 48,000); the rest is unaffordable.
    const tight = session.phasePlan(defaultCostModel(), 3, 48_000);
    expect(Array.from(tight.year)).toEqual([3, 0, 0, 0]);
    expect(Array.from(tight.unaffordable)).toEqual([1, 2]);
  });

  it('counts a two-tier station only once a center that serves it is open, as the live figures do', () => {
    const session = new LiveSession();
    session.load(lineTable(), [], 'rural');
    // A center at village 5 serves stations within 12 km: the existing one at village 3 (9.6 km), not 0 or 1.
    const sites = sitesAt([0, 1, 3, 5], [S, S, S, C], [P, P, E, P]);
    const all = session.evaluate(sites, { radiusKm: 3, centerRadiusKm: 12 });
    expect(all.coveredVillages).toBe(1);
    const result = session.phasePlan(defaultCostModel(), 3, 9_000_000);
    expect(result.years[0].coveredVillages).toBe(0);
    expect(result.year[3]).toBe(1);
    expect(result.years[1].coveredVillages).toBe(1);
    expect(result.years[3].coveredVillages).toBe(all.coveredVillages);
  });

  it('takes each site province from the nearest demand village', () => {
    const state = {
      lon: Float64Array.of(100, 120),
      lat: Float64Array.of(30, 30),
      countyCode: ['540102', '330102'],
      sites: sitesAt([0], [S], [P]),
    };
    expect(siteProvinces(state)).toEqual(['33']);
    expect(siteProvinces({ ...state, lon: new Float64Array(0), lat: new Float64Array(0), countyCode: [] })).toEqual([
      '',
    ]);
  });
});
