import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Point } from 'geojson';
import { main } from '../../../src/cli/plan';
import type { Console } from '../../../src/cli/terminal';
import { EXPORT_FILES } from '../../../src/cli/plan-export';
import { planHelp } from '../../../src/cli/plan-options';
import { sitesFromGeoJson } from '../../../src/io/import-sites';
import { readPlanFile } from '../../../src/io/plan-file';
import { fromWgs84 } from '../../../src/io/crs';

const tmp = mkdtempSync(join(tmpdir(), 'ruralreach-import-'));
const out = join(tmp, 'plan.geojson');
const model = ['--model', 'mclp', '--p', '1', '--radius', '30', '--out', out];

async function runMain(args: string[]): Promise<{ code: number; err: string[] }> {
  const err: string[] = [];
  const io: Console = { out: () => undefined, err: (l) => err.push(l), isTty: false };
  return { code: await main(args, io), err };
}

function sites(): FeatureCollection<Point, { id: string }> {
  return JSON.parse(readFileSync(out, 'utf8')) as FeatureCollection<Point, { id: string }>;
}

describe('npm run plan: import formats', () => {
  it('reads a zipped Shapefile as demand and candidates', async () => {
    // v2 is within 15 km of v1 and v3 (weights 120, 80, 50): the only site that covers all 250.
    const zip = 'tests/fixtures/in/villages-shp.zip';
    const run = await runMain([
      '--demand',
      zip,
      '--weight',
      'pop',
      ...model.slice(0, 4),
      '--radius',
      '15',
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    expect(sites().features.map((f) => f.properties.id)).toEqual(['v2']);
    const named = await runMain([
      '--demand',
      zip,
      '--id',
      'name',
      ...model.slice(0, 4),
      '--radius',
      '15',
      '--out',
      out,
    ]);
    expect(named.code).toBe(0);
    expect(sites().features.map((f) => f.properties.id)).toEqual(['村二']);
  });

  it('converts --crs gcj02 positions to WGS 84', async () => {
    const [x, y] = fromWgs84(120.1, 30.2, 'gcj02');
    const file = join(tmp, 'gcj.csv');
    writeFileSync(file, `id,lon,lat\na,${x},${y}\n`);
    expect((await runMain(['--demand', file, '--crs', 'gcj02', ...model])).code).toBe(0);
    const [lon, lat] = sites().features[0].geometry.coordinates;
    expect(lon).toBeCloseTo(120.1, 5);
    expect(lat).toBeCloseTo(30.2, 5);
  });

  it('offers --swap-axes for swapped rows and applies it', async () => {
    const file = join(tmp, 'swapped.csv');
    writeFileSync(file, 'id,lon,lat\na,120.1,30.2\nb,30.25,120.2\n');
    const run = await runMain(['--demand', file, ...model]);
    expect(run.code).toBe(0);
    expect(run.err).toContain(`plan: ${file}: kept 1 of 2 rows; 1 problem`);
    expect(run.err.some((l) => l.includes('look like lat,lon') && l.endsWith('(--swap-axes)'))).toBe(true);
    const swapped = await runMain(['--demand', file, '--swap-axes', ...model]);
    expect(swapped.err.some((l) => l.includes('skipped'))).toBe(false);
  });

  it('an unusable file: one line naming it, exit 2', async () => {
    const file = join(tmp, 'header-only.csv');
    writeFileSync(file, 'id,lon,lat\n');
    const run = await runMain(['--demand', file, ...model]);
    expect(run.code).toBe(2);
    expect(run.err).toEqual([`plan: ${file}: no data rows after the header; expected one row per point`]);
  });

  it('--crs is refused with --province, and documented', async () => {
    const run = await runMain(['--province', '33', '--crs', 'gcj02', ...model]);
    expect(run.code).toBe(2);
    expect(planHelp()).toContain('--crs wgs84|gcj02|bd09');
    expect(planHelp()).toContain('--swap-axes');
    expect(planHelp()).toContain('zipped Shapefile');
  });
});

describe('npm run plan -- --export DIR', () => {
  it('writes GeoJSON, CSV and a plan file that reads back as the plan', async () => {
    const dir = join(tmp, 'export');
    const args = ['--demand', 'tests/fixtures/plan/villages.csv', '--weight', 'pop', '--export', dir];
    const run = await runMain([...args, ...model]);
    expect(run.code).toBe(0);
    expect(run.err).toContain(`plan: exported ${EXPORT_FILES.length} files to ${dir}`);
    const plan = readPlanFile(readFileSync(join(dir, 'plan.json'), 'utf8'));
    const exported = sitesFromGeoJson(readFileSync(join(dir, 'sites.geojson'), 'utf8'));
    expect(plan.plan.sites).toEqual(exported);
    expect(exported.map((s) => s.id)).toEqual(sites().features.map((f) => f.properties.id));
    expect(plan.data).toEqual({ demand: 'tests/fixtures/plan/villages.csv' });
    expect(readFileSync(join(dir, 'villages.csv'), 'utf8').startsWith('\ufeffid,lon,lat,weight,covered')).toBe(true);
  });
});
