import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countyNamesFromMatchTable } from '../../../src/data/county-names';
import { readManifest, readProvinceVillages, readVillageNames } from '../../../src/data/node-files';
import { DATA_DIR, requireDataset } from './dataset';

describe('county names from the match table (what the rollout worker shows)', () => {
  it('names every registry county as the village names files do, boundary or not', () => {
    requireDataset();
    const names = countyNamesFromMatchTable(readFileSync(join(DATA_DIR, 'county-match.csv'), 'utf8'));
    const manifest = readManifest();
    expect(names.size).toBe(manifest.counts.counties);
    for (const { code } of manifest.provinces) {
      const table = readProvinceVillages(code);
      const expected = readVillageNames(code).countyNames;
      expect(
        table.counties.map((c) => names.get(c)),
        code,
      ).toEqual(expected);
    }
  });

  it('refuses a table without code and name columns', () => {
    expect(() => countyNamesFromMatchTable('id,label\n1,x\n')).toThrow(/expected columns code and name/);
    expect(countyNamesFromMatchTable('\uFEFFcode,name\n330102,上城区\n').get('330102')).toBe('上城区');
  });
});
