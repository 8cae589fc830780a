import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planGeoJsonTexts } from '../../../src/io/export-geojson';
import { planGeoPackage } from '../../../src/io/geopackage-export';
import { pointOfBlob } from '../../../src/io/geopackage';
import { pointFileFormat, readPointsFile } from '../../../src/io/read-points';
import { fixedPlan } from './export-fixture';
import { hasOgrinfo, ogrFields, ogrinfo } from './ogrinfo';

const fixture = (path: string) => new Uint8Array(readFileSync(path));
const tmp = mkdtempSync(join(tmpdir(), 'ruralreach-gpkg-'));

describe('GeoPackage point layers (.gpkg)', () => {
  it('reads the first point layer of a GeoPackage written by GDAL, skipping its polygon layer', async () => {
    const bytes = fixture('tests/fixtures/in/villages.gpkg');
    expect(pointFileFormat('any.bin', bytes)).toBe('geopackage');
    const read = await readPointsFile(bytes, { file: 'v.gpkg', weightField: 'pop', idField: 'name' });
    expect(read.format).toBe('geopackage');
    expect(read.layers).toEqual(['villages', 'areas']);
    expect(read.layer).toBe('villages');
    expect(read.value.ids).toEqual(['村一', '村二', '村三']);
    expect([...read.value.lon]).toEqual([120.1, 120.2, 120.3]);
    expect([...read.value.weight]).toEqual([120, 80, 50]);
  });

  it('reprojects a layer in UTM zone 51N (EPSG:32651) to WGS 84', async () => {
    const read = await readPointsFile(fixture('tests/fixtures/in/villages-utm.gpkg'), { file: 'utm.gpkg' });
    expect(read.layer).toBe('villages_utm');
    [120.1, 120.2, 120.3].forEach((lon, k) => expect(read.value.lon[k]).toBeCloseTo(lon, 6));
    [30.2, 30.3, 30.25].forEach((lat, k) => expect(read.value.lat[k]).toBeCloseTo(lat, 6));
  });

  it('says what a blob holds when it is not a point', () => {
    expect(pointOfBlob(null)).toBe('no geometry');
    expect(pointOfBlob(Uint8Array.of(1, 2, 3))).toBe('not a GeoPackage geometry blob');
    const empty = Uint8Array.of(0x47, 0x50, 0, 0x11, 0xe6, 0x10, 0, 0);
    expect(pointOfBlob(empty)).toBe('empty geometry');
  });
});

describe('GeoPackage export (planGeoPackage)', () => {
  it('ogrinfo reads three layers with the fields of the GeoJSON export, in WGS 84', async () => {
    const { tables } = await fixedPlan();
    const file = join(tmp, 'plan.gpkg');
    writeFileSync(file, await planGeoPackage(tables));
    if (!hasOgrinfo()) return;
    const geojson = planGeoJsonTexts(tables);
    const run = ogrinfo(file);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    // One summary per layer, in the order written.
    const layers = run.summary.split(/^Layer name: /m).slice(1);
    expect(layers.map((text) => text.split('\n')[0])).toEqual(['sites', 'villages', 'counties']);
    (['sites', 'villages', 'counties'] as const).forEach((layer, k) => {
      expect(layers[k]).toContain(`Feature Count: ${tables[layer].length}`);
      expect(layers[k]).toContain('ID["EPSG",4326]');
      const json = join(tmp, `${layer}.geojson`);
      writeFileSync(json, geojson[layer]);
      expect(ogrFields(layers[k])).toEqual(ogrFields(ogrinfo(json).summary));
    });
    expect(layers[0]).toContain('Geometry: Point');
    expect(layers[2]).toContain('Geometry: Multi Polygon');
    // SQLite's own check of the file.
    const sql = execFileSync('ogrinfo', ['-ro', '-q', file, '-sql', 'PRAGMA integrity_check'], { encoding: 'utf8' });
    expect(sql).toContain('integrity_check (String) = ok');
  });

  it('export then import: the villages layer reads back with the same ids, positions and weights', async () => {
    const { tables } = await fixedPlan();
    const bytes = await planGeoPackage(tables);
    const read = await readPointsFile(bytes, { file: 'plan.gpkg', layer: 'villages' });
    expect(read.value.ids).toEqual(tables.villages.map((v) => v.id));
    expect([...read.value.lon]).toEqual(tables.villages.map((v) => v.lon));
    expect([...read.value.weight]).toEqual(tables.villages.map((v) => v.weight));
    const sites = await readPointsFile(bytes, { file: 'plan.gpkg', withStatus: true });
    expect(sites.layer).toBe('sites');
    expect(sites.value.ids).toEqual(tables.sites.map((s) => s.id));
  });
});
