import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, readProvinceVillages } from '../../../../src/data/node-files';
import { villageCode } from '../../../../src/core/villages';
import { haversineKm } from '../../../../src/core/distance/haversine';
import type { CountyFeature } from '../../../../src/core/live/counties';
import { mergeVillageTables, NATIONAL_CODE } from '../../../../src/core/live/national';
import { LiveSession } from '../../../../src/core/live/session';
import { addSite, emptySites, setSiteStatus } from '../../../../src/core/live/sites';
import { SITE_STATUS } from '../../../../src/core/types';

const features = (): CountyFeature[] =>
  JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'counties-simplified.geojson'), 'utf8')).features;

describe('the national area: province files merged into one table', () => {
  it('keeps every village, its code, county and position, with one part per province file', () => {
    const beijing = readProvinceVillages('11');
    const tianjin = readProvinceVillages('12');
    const { table, parts } = mergeVillageTables([beijing, tianjin]);
    expect(table.provinceCode).toBe(NATIONAL_CODE);
    expect(table.count).toBe(beijing.count + tianjin.count);
    expect(parts).toEqual([
      { provinceCode: '11', offset: 0, count: beijing.count },
      { provinceCode: '12', offset: beijing.count, count: tianjin.count },
    ]);
    for (const i of [0, beijing.count - 1, 17]) {
      expect(villageCode(table, i)).toBe(villageCode(beijing, i));
      expect(table.counties[table.countyIndex[i]]).toBe(beijing.counties[beijing.countyIndex[i]]);
    }
    for (const i of [0, tianjin.count - 1, 123]) {
      const j = beijing.count + i;
      expect(villageCode(table, j)).toBe(villageCode(tianjin, i));
      expect(table.counties[table.countyIndex[j]]).toBe(tianjin.counties[tianjin.countyIndex[i]]);
      expect(table.positions[2 * j + 1]).toBe(tianjin.positions[2 * i + 1]);
      expect(table.rural[j]).toBe(tianjin.rural[i]);
    }
    expect(() => mergeVillageTables([])).toThrow(/at least one/);
  });

  it('loads in a session with counties of both provinces and per-province parts', () => {
    const { table, parts } = mergeVillageTables([readProvinceVillages('11'), readProvinceVillages('12')]);
    const session = new LiveSession();
    const summary = session.load(table, features(), 'rural', [], parts);
    expect(summary.parts).toEqual(parts);
    expect(summary.counties.find((c) => c.code === '110108')?.name).toBe('海淀区');
    expect(summary.counties.some((c) => c.code.startsWith('12') && c.name !== c.code)).toBe(true);
    const metrics = session.evaluate(emptySites(), { radiusKm: 3, centerRadiusKm: 60 });
    expect(metrics.villageState.length).toBe(table.count);
  });
});

describe('distances from villages to the nearest covering station', () => {
  it('equal a brute-force minimum over the open stations, NaN for non-demand, Infinity without stations', () => {
    const table = readProvinceVillages('11');
    const session = new LiveSession();
    session.load(table, features(), 'rural');
    const reach = { radiusKm: 3, centerRadiusKm: 60 };
    session.evaluate(emptySites(), reach);
    const none = session.villageDistances();
    for (let i = 0; i < table.count; i++)
      expect(table.rural[i] ? none[i] === Infinity : Number.isNaN(none[i])).toBe(true);
    let sites = emptySites();
    for (const i of [0, 500, 1000, 2000]) sites = addSite(sites, table.positions[2 * i], table.positions[2 * i + 1]);
    sites = setSiteStatus(sites, 3, SITE_STATUS.excluded); // an excluded site serves nobody
    session.evaluate(sites, reach);
    const km = session.villageDistances();
    for (let i = 0; i < table.count; i += 37) {
      if (!table.rural[i]) continue;
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        best = Math.min(
          best,
          haversineKm(sites.lon[k], sites.lat[k], table.positions[2 * i], table.positions[2 * i + 1]),
        );
      }
      expect(km[i]).toBeCloseTo(best, 3);
    }
  });
});
