import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNTY_COLUMNS, planCsvTexts, SITE_COLUMNS, VILLAGE_COLUMNS } from '../../../src/io/export-csv';
import { planGeoJsonTexts } from '../../../src/io/export-geojson';
import { fixedPlan } from './export-fixture';
import { hasOgrinfo, ogrFields, ogrinfo } from './ogrinfo';

/** ogrinfo's summary; GDAL must not warn or complain on stderr. */
function summaryOf(file: string, extra: string[] = []): string {
  const run = ogrinfo(file, extra);
  expect(run.stderr, `ogrinfo stderr for ${file}`).toBe('');
  expect(run.status).toBe(0);
  return run.summary;
}

describe.runIf(hasOgrinfo())('GDAL reads every export (ogrinfo)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruralreach-gdal-'));
  const { tables } = await fixedPlan();
  const geojson = planGeoJsonTexts(tables);
  const csv = planCsvTexts(tables);
  const layers = [
    ['sites', SITE_COLUMNS, tables.sites.length],
    ['villages', VILLAGE_COLUMNS, tables.villages.length],
    ['counties', COUNTY_COLUMNS, tables.counties.length],
  ] as const;

  it.each(layers)('%s.geojson', (layer, columns, count) => {
    const file = join(dir, `${layer}.geojson`);
    writeFileSync(file, geojson[layer]);
    const summary = summaryOf(file);
    expect(summary).toContain(`Feature Count: ${count}`);
    expect(summary).not.toMatch(/Warning|ERROR/);
    expect(ogrFields(summary)).toEqual(columns.filter((c) => c !== 'lon' && c !== 'lat'));
  });

  it.each(layers)('%s.csv', (layer, columns, count) => {
    const file = join(dir, `${layer}.csv`);
    writeFileSync(file, csv[layer]);
    const points = layer === 'counties' ? [] : ['-oo', 'X_POSSIBLE_NAMES=lon', '-oo', 'Y_POSSIBLE_NAMES=lat'];
    const summary = summaryOf(file, points);
    expect(summary).toContain(`Feature Count: ${count}`);
    expect(ogrFields(summary)).toEqual([...columns]);
    if (layer !== 'counties') expect(summary).toContain('Geometry: Point');
  });
});
