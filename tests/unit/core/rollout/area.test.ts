import { describe, expect, it } from 'vitest';
import { inArea, rolloutArea } from '../../../../src/core/rollout/area';
import { defaultRolloutParams } from '../../../../src/core/rollout/defaults';
import { runRollout } from '../../../../src/core/rollout/run';
import { syntheticTable } from './rollout-fixture';

describe('area figures of a rollout', () => {
  const villages = syntheticTable();
  const params = {
    ...defaultRolloutParams(),
    centers: 5,
    stations: 30,
    years: 3,
    budgetYuan: 60_000_000,
    costs: { ...defaultRolloutParams().costs, provinceFactor: { '34': 1.5 } },
  };
  const result = runRollout({ villages, countyNames: villages.counties.map(() => ''), params });

  it('matches the engine breakdown rows at the end of the last year, for provinces and counties', () => {
    const rows = [...result.provinceRows, ...result.countyRows];
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) {
      const area = rolloutArea(villages, result, row.code);
      const last = area.years[area.years.length - 1];
      expect(area.ruralVillages).toBe(row.ruralVillages);
      expect(last.centers).toBe(row.centers);
      expect(last.stations).toBe(row.stations);
      expect(last.ruralVillagesCovered).toBe(row.villagesCovered);
      expect(last.spendYuan).toBeCloseTo(row.spendYuan, 3);
    }
  });

  it('grows year by year and sums to the national figures', () => {
    const national = ['33', '34'].map((code) => rolloutArea(villages, result, code));
    result.years.forEach((y, k) => {
      expect(national[0].years[k].centers + national[1].years[k].centers).toBe(y.centers);
      expect(national[0].years[k].stations + national[1].years[k].stations).toBe(y.stations);
      expect(national[0].years[k].ruralVillagesCovered + national[1].years[k].ruralVillagesCovered).toBe(
        y.ruralVillagesCovered,
      );
      expect(national[0].years[k].spendYuan + national[1].years[k].spendYuan).toBeCloseTo(y.spendYuan, 3);
      if (k > 0) expect(national[0].years[k].spendYuan).toBeGreaterThanOrEqual(national[0].years[k - 1].spendYuan);
    });
    expect(national[0].bbox).not.toBeNull();
    expect(rolloutArea(villages, result, '99').bbox).toBeNull();
    expect(inArea('330101', '33')).toBe(true);
    expect(inArea('330101', '330102')).toBe(false);
  });
});
