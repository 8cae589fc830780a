import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/plan';
import type { Console } from '../../../src/cli/terminal';
import { planHelp } from '../../../src/cli/plan-options';
import { hasOgrinfo, ogrinfo } from '../io/ogrinfo';

const tmp = mkdtempSync(join(tmpdir(), 'ruralreach-excel-'));

async function runMain(args: string[]): Promise<{ code: number; err: string[] }> {
  const err: string[] = [];
  const io: Console = { out: () => undefined, err: (l) => err.push(l), isTty: false };
  return { code: await main(args, io), err };
}

const model = (out: string) => ['--model', 'mclp', '--p', '3', '--radius', '10', '--out', join(tmp, out)];
const read = (name: string) => readFileSync(join(tmp, name), 'utf8');

describe('npm run plan with Excel and GeoPackage files', () => {
  it('export, then import of the exported workbook and GeoPackage: the same plan', async () => {
    const dir = join(tmp, 'export');
    const first = await runMain([
      '--demand',
      'tests/fixtures/plan/villages.csv',
      '--weight',
      'pop',
      '--export',
      dir,
      ...model('first.geojson'),
    ]);
    expect(first.code, first.err.join('\n')).toBe(0);
    const again = await runMain(['--demand', join(dir, 'plan.xlsx'), '--sheet', 'villages', ...model('xlsx.geojson')]);
    expect(again.code, again.err.join('\n')).toBe(0);
    expect(read('xlsx.geojson')).toBe(read('first.geojson'));
    // The sites sheet as candidates: the plan can only choose them again.
    const sites = await runMain([
      '--demand',
      join(dir, 'plan.xlsx'),
      '--sheet',
      '2',
      '--candidates',
      join(dir, 'plan.xlsx'),
      ...model('sites.geojson'),
    ]);
    expect(sites.code, sites.err.join('\n')).toBe(0);
    const ids = (name: string) =>
      (JSON.parse(read(name)) as { features: { properties: { id: string } }[] }).features.map((f) => f.properties.id);
    expect(ids('sites.geojson').sort()).toEqual(ids('first.geojson').sort());
    const gpkg = await runMain(['--demand', join(dir, 'plan.gpkg'), '--layer', 'villages', ...model('gpkg.geojson')]);
    expect(gpkg.code, gpkg.err.join('\n')).toBe(0);
    expect(read('gpkg.geojson')).toBe(read('first.geojson'));
    if (!hasOgrinfo()) return;
    const info = ogrinfo(join(dir, 'plan.gpkg'));
    expect(info.status, info.stderr).toBe(0);
    expect(info.summary).toMatch(/Layer name: sites\nGeometry: Point\nFeature Count: 3\n/);
    expect(info.summary).toMatch(/Layer name: villages\nGeometry: Point\nFeature Count: 40\n/);
    expect(info.summary).toContain('Layer name: counties');
  });

  it('names a missing sheet with the sheets there are, and the options are documented', async () => {
    const run = await runMain(['--demand', 'tests/fixtures/in/villages.xlsx', '--sheet', 'x', ...model('m.geojson')]);
    expect(run.code).toBe(2);
    expect(run.err[0]).toBe('plan: tests/fixtures/in/villages.xlsx: no sheet x; the workbook has: 村庄');
    expect(planHelp()).toContain('--sheet NAME|N');
    expect(planHelp()).toContain('--layer NAME');
  });
});
