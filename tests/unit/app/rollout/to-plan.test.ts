import { describe, expect, it } from 'vitest';
import { undoPlan } from '../../../../src/app/planner/actions';
import { EMPTY_PLAN } from '../../../../src/app/planner/state';
import { borderOnlyCovered, openRolloutPlan, rolloutPlanOf } from '../../../../src/app/rollout/to-plan';
import { initialState, type AppState } from '../../../../src/app/store';
import { VILLAGE_STATE } from '../../../../src/core/live/coverage-api';
import type { ProvincePart } from '../../../../src/core/live/national';
import { LiveSession } from '../../../../src/core/live/session';
import { addSite, emptySites } from '../../../../src/core/live/sites';
import { haversineKm } from '../../../../src/core/distance/haversine';
import { SITE_ROLE } from '../../../../src/core/plan-types';
import { ROLLOUT_ROLE } from '../../../../src/core/rollout/rollout-types';
import { runRollout } from '../../../../src/core/rollout/run';
import { SITE_STATUS } from '../../../../src/core/types';
import { villageCode, type VillageTable } from '../../../../src/core/villages';
import { SMALL, smallParams, syntheticTable } from '../../core/rollout/rollout-fixture';

/**
 * The synthetic two-province table with province 34 moved 1.7 degrees west, next to province 33, so that some
 * stations serve villages across the border (the case the planner counts apart).
 */
function borderTable(): VillageTable {
  const table = syntheticTable({ ...SMALL, villagesPerCounty: 60 });
  const positions = table.positions.slice();
  for (let i = 0; i < table.count; i++) {
    if (table.counties[table.countyIndex[i]].startsWith('34')) positions[2 * i] -= 1.7;
  }
  return { ...table, positions };
}

/** The slice of the merged table that is province `code`, as its own province file (the app's `.bin`). */
function provinceFile(table: VillageTable, code: string): { part: ProvincePart; file: VillageTable } {
  let offset = -1;
  let count = 0;
  for (let i = 0; i < table.count; i++) {
    if (!table.counties[table.countyIndex[i]].startsWith(code)) continue;
    if (offset < 0) offset = i;
    count++;
  }
  const countyBase = table.counties.findIndex((c) => c.startsWith(code));
  const counties = table.counties.filter((c) => c.startsWith(code));
  const file: VillageTable = {
    ...table,
    provinceCode: code,
    count,
    positions: table.positions.slice(2 * offset, 2 * (offset + count)),
    rural: table.rural.slice(offset, offset + count),
    countyBoundary: table.countyBoundary.slice(offset, offset + count),
    countyIndex: Uint16Array.from(table.countyIndex.subarray(offset, offset + count), (c) => c - countyBase),
    counties,
    townshipIndex: table.townshipIndex.slice(offset, offset + count),
    codeSuffix: table.codeSuffix.slice(offset, offset + count),
  };
  return { part: { provinceCode: code, offset, count }, file };
}

describe('a rollout province as a planner plan', () => {
  const villages = borderTable();
  const params = smallParams({ centers: 8, stations: 120, budgetYuan: 200_000_000, centerRadiusKm: 40 });
  const result = runRollout({ villages, countyNames: villages.counties.map(() => ''), params });

  it('holds the province sites with their roles, positions, years and CLI ids', () => {
    for (const code of ['33', '34']) {
      const { part, file } = provinceFile(villages, code);
      const plan = rolloutPlanOf(result, part, file);
      const row = result.provinceRows.find((r) => r.code === code)!;
      const { sites } = plan;
      expect(plan.provinceCode).toBe(code);
      expect(plan.settings.centers).toBe(row.centers);
      expect(plan.settings.stations).toBe(row.stations);
      expect(row.stations).toBeGreaterThan(0);
      expect(sites.count).toBe(row.centers + row.stations);
      expect(new Set(sites.id).size).toBe(sites.count);
      // The same sites as the result's, in its order: match each one back by its village.
      const fromResult = [...Array(result.sites.count).keys()].filter((s) =>
        villages.counties[result.sites.county[s]].startsWith(code),
      );
      expect(fromResult.length).toBe(sites.count);
      fromResult.forEach((s, k) => {
        const center = result.sites.role[s] === ROLLOUT_ROLE.center;
        const i = result.sites.village[s] - part.offset;
        expect([sites.lon[k], sites.lat[k]]).toEqual([result.sites.lon[s], result.sites.lat[s]]);
        expect(sites.phase[k]).toBe(result.sites.year[s]);
        expect(sites.phase[k]).toBeGreaterThanOrEqual(1);
        expect(sites.status[k]).toBe(SITE_STATUS.proposed);
        expect(sites.role[k]).toBe(center ? SITE_ROLE.center : SITE_ROLE.station);
        expect(sites.id[k]).toBe(
          center ? `center-${villages.counties[result.sites.county[s]]}` : `station-${villageCode(file, i)}`,
        );
      });
    }
  });

  it('gives the planner the rollout reach, and stable ids without the province file', () => {
    const { part } = provinceFile(villages, '33');
    const plan = rolloutPlanOf(result, part);
    expect(plan.settings).toMatchObject({
      model: 'two-tier',
      radiusKm: params.stationRadiusKm,
      centerRadiusKm: params.centerRadiusKm,
      centerReachUnit: 'km',
      demand: 'rural',
    });
    expect(new Set(plan.sites.id).size).toBe(plan.sites.count);
    expect(plan.sites.id.every((id) => /^(center|station)-33-v\d+$/.test(id))).toBe(true);
    expect(rolloutPlanOf(result, part).sites.id).toEqual(plan.sites.id);
    const other = provinceFile(villages, '34').file;
    expect(() => rolloutPlanOf(result, part, other)).toThrow(/province 33/);
  });

  it('counts in the planner the row coverage less the villages only stations across the border reach', () => {
    let borderSeen = 0;
    for (const code of ['33', '34']) {
      const { part, file } = provinceFile(villages, code);
      const plan = rolloutPlanOf(result, part, file);
      const row = result.provinceRows.find((r) => r.code === code)!;
      const session = new LiveSession();
      session.load(file, [], 'rural');
      const metrics = session.evaluate(plan.sites, { radiusKm: params.stationRadiusKm, centerRadiusKm: 40 });
      expect(metrics.coveringStations).toBe(row.stations);
      const covered = Uint8Array.from(metrics.villageState, (s) => (s === VILLAGE_STATE.covered ? 1 : 0));
      // Brute force: covered in the rollout, yet no station of this province within reach.
      let brute = 0;
      for (let i = 0; i < file.count; i++) {
        if (result.villageYear[part.offset + i] === 0) continue;
        const [lon, lat] = [file.positions[2 * i], file.positions[2 * i + 1]];
        let near = false;
        for (let k = 0; k < plan.sites.count && !near; k++) {
          if (plan.sites.role[k] !== SITE_ROLE.station) continue;
          near = haversineKm(plan.sites.lon[k], plan.sites.lat[k], lon, lat) <= params.stationRadiusKm;
        }
        if (!near) brute++;
      }
      expect(borderOnlyCovered(result, part, covered)).toBe(brute);
      expect(metrics.coveredVillages).toBe(row.villagesCovered - brute);
      borderSeen += brute;
    }
    expect(borderSeen).toBeGreaterThan(0);
  });

  it('opens as one undoable step: a new province starts fresh, the same province keeps the plan before', () => {
    const { part, file } = provinceFile(villages, '34');
    const plan = rolloutPlanOf(result, part, file);
    const rolloutMode: AppState = {
      ...initialState('33'),
      plan: { sites: addSite(emptySites(), 120, 30), suggestion: null },
    };
    rolloutMode.rollout = { ...rolloutMode.rollout, mode: 'rollout' };
    const opened = { ...rolloutMode, ...openRolloutPlan(rolloutMode, plan) };
    expect(opened.provinceCode).toBe('34');
    expect(opened.rollout.mode).toBe('planner');
    expect(opened.plan.sites).toBe(plan.sites);
    expect(opened.settings).toMatchObject({ ...plan.settings });
    expect(opened.settings.area).toEqual([]);
    expect(opened.history.past).toEqual([EMPTY_PLAN]);
    expect({ ...opened, ...undoPlan(opened) }.plan).toBe(EMPTY_PLAN);

    const sameProvince = { ...rolloutMode, provinceCode: '34' };
    const again = { ...sameProvince, ...openRolloutPlan(sameProvince, plan) };
    expect(again.history.past).toEqual([sameProvince.plan]);
    expect({ ...again, ...undoPlan(again) }.plan).toBe(sameProvince.plan);
  });
});
