import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNTY_COLUMNS, planCsvTexts, SITE_COLUMNS, VILLAGE_COLUMNS } from '../../../src/io/export-csv';
import { planGeoJsonTexts } from '../../../src/io/export-geojson';
import { fixedPlan } from './export-fixture';

/** Real GDAL (gdal-bin): `ogrinfo -ro -al -so` must read every export with the expected count and fields. */
function hasOgrinfo(): boolean {
  try {
    execFileSync('ogrinfo', ['--version']);
    return true;
  } catch {
    return false;
  }
}

/** ogrinfo's summary; GDAL must not warn or complain on stderr. */
function ogrinfo(file: string, extra: string[] = []): string {
  const run = spawnSync('ogrinfo', ['-ro', '-al', '-so', ...extra, file], { encoding: 'utf8' });
  expect(run.stderr.trim(), `ogrinfo stderr for ${file}`).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

/** Field names as ogrinfo lists them (`name: Type (w.p)` lines after the geometry). */
function fields(summary: string): string[] {
  return [...summary.matchAll(/^(\w+): (String|Integer|Integer64|Real|Date|Integer\(Boolean\)|StringList)/gm)].map(
    (m) => m[1],
  );
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
    const summary = ogrinfo(file);
    expect(summary).toContain(`Feature Count: ${count}`);
    expect(summary).not.toMatch(/Warning|ERROR/);
    expect(fields(summary)).toEqual(columns.filter((c) => c !== 'lon' && c !== 'lat'));
  });

  it.each(layers)('%s.csv', (layer, columns, count) => {
    const file = join(dir, `${layer}.csv`);
    writeFileSync(file, csv[layer]);
    const points = layer === 'counties' ? [] : ['-oo', 'X_POSSIBLE_NAMES=lon', '-oo', 'Y_POSSIBLE_NAMES=lat'];
    const summary = ogrinfo(file, points);
    expect(summary).toContain(`Feature Count: ${count}`);
    expect(fields(summary)).toEqual([...columns]);
    if (layer !== 'counties') expect(summary).toContain('Geometry: Point');
  });
});
