import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/rollout';
import type { Console } from '../../../src/cli/terminal';
import { requireDataset } from '../data/dataset';
import { hasOgrinfo, ogrinfo } from '../io/ogrinfo';

function capture(): Console & { outLines: string[]; errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return { outLines, errLines, out: (l) => outLines.push(l), err: (l) => errLines.push(l), isTty: false };
}

interface SiteFeature {
  type: string;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: number[] };
}

describe('npm run rollout on the embedded data', async () => {
  requireDataset();
  const dir = mkdtempSync(join(tmpdir(), 'ruralreach-rollout-'));
  const out = join(dir, 'rollout.geojson');
  const report = join(dir, 'rollout.json');
  const breakdown = join(dir, 'counties.csv');
  const io = capture();
  // 20 centers and 500 stations for 300 million yuan over 3 years: Zhejiang first.
  const argv = ['--province-order', '33', '--centers', '20', '--stations', '500', '--years', '3'];
  const code = await main(
    [...argv, '--budget', '300000000', '--out', out, '--report', report, '--breakdown', breakdown],
    io,
  );

  it('exits 0 and prints the targets with pass/miss', () => {
    expect(io.errLines).toEqual([]);
    expect(code).toBe(0);
    expect(io.outLines.join('\n')).toMatch(/counties with a center: 20 \/ 2978 = 0\.67% \(target > 33\.33%\) MISS/);
    expect(io.outLines.join('\n')).toMatch(/targets NOT MET/);
  });

  it('writes the report with the issue fields, cumulative per year', () => {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['params', 'years', 'targets', 'totalSpendYuan', 'seconds']),
    );
    expect(json.params).toMatchObject({ centers: 20, stations: 500, years: 3, budgetYuan: 3e8, provinceOrder: ['33'] });
    expect(json.years).toHaveLength(3);
    for (const y of json.years) {
      expect(Object.keys(y)).toEqual(
        expect.arrayContaining([
          'year',
          'centers',
          'stations',
          'spendYuan',
          'countiesWithCenter',
          'ruralVillagesCovered',
          'coverageShare',
        ]),
      );
    }
    expect(json.years[2].centers).toBe(20);
    expect(json.years[2].stations).toBeLessThanOrEqual(500);
    expect(json.totalSpendYuan).toBeLessThanOrEqual(3e8);
    expect(json.targets).toMatchObject({ countyTarget: 1 / 3, villageTarget: 1 / 6, met: false });
    expect(json.targets.countyShare).toBeCloseTo(20 / 2978, 12);
  });

  it('writes one GeoJSON Point per site, as many as the report counts, all in Zhejiang', () => {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const geojson = JSON.parse(readFileSync(out, 'utf8')) as { type: string; features: SiteFeature[] };
    expect(geojson.type).toBe('FeatureCollection');
    const last = json.years[2];
    expect(geojson.features).toHaveLength(last.centers + last.stations);
    const ids = new Set<unknown>();
    for (const f of geojson.features) {
      expect(f.geometry.type).toBe('Point');
      expect(Object.keys(f.properties).sort()).toEqual(
        ['costYuan', 'countyCode', 'id', 'provinceCode', 'role', 'setupYuan', 'year'].sort(),
      );
      expect(['center', 'station']).toContain(f.properties.role);
      expect(f.properties.year).toBeGreaterThanOrEqual(1);
      expect(f.properties.year).toBeLessThanOrEqual(3);
      expect(f.properties.provinceCode).toBe('33');
      expect(String(f.properties.countyCode).slice(0, 2)).toBe(f.properties.provinceCode);
      for (const x of f.geometry.coordinates) expect(Math.round(x * 1e6) / 1e6).toBe(x);
      ids.add(f.properties.id);
    }
    expect(ids.size).toBe(geojson.features.length);
    const centers = geojson.features.filter((f) => f.properties.role === 'center');
    expect(centers).toHaveLength(last.centers);
  });

  it('writes the breakdown CSV with a BOM, one row per county with a center', () => {
    const text = readFileSync(breakdown, 'utf8');
    expect(text.startsWith('\ufeffcode,name,provinceCode,score,centers,stations,')).toBe(true);
    const rows = text.trim().split('\r\n');
    expect(rows).toHaveLength(1 + 20);
    expect(rows[1]).toMatch(/^33\d{4},[^,]+,33,/);
  });

  it.runIf(hasOgrinfo())('is read by GDAL (ogrinfo) with the same feature count', () => {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const run = ogrinfo(out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.summary).toContain(`Feature Count: ${json.years[2].centers + json.years[2].stations}`);
    expect(run.summary).toContain('Geometry: Point');
    for (const field of ['id: String', 'role: String', 'year: Integer', 'countyCode: String', 'provinceCode: String']) {
      expect(run.summary).toContain(field);
    }
  });
});

describe('npm run rollout: bad costs.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruralreach-rollout-costs-'));
  it.each([
    ['unknown key', { centerSetupYuan: 1, stationCostYuan: 5 }, /costs\.json: unknown key "stationCostYuan"/],
    [
      'negative cost',
      { stationYearlyYuan: -1 },
      /costs\.json: stationYearlyYuan must be a number of yuan >= 0, got -1/,
    ],
    ['text cost', { centerSetupYuan: '2000000' }, /costs\.json: centerSetupYuan must be a number/],
    ['bad factor', { provinceFactor: { '54': 0 } }, /costs\.json: provinceFactor\.54 must be/],
    ['not JSON', '{ centerSetupYuan: 1 ', /costs\.json: not JSON/],
  ])('%s: one line on stderr naming the file and key, exit 2', async (_, content, message) => {
    const file = join(dir, 'costs.json');
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    const io = capture();
    const code = await main(['--costs', file, '--out', join(dir, 'x.geojson')], io);
    expect(code).toBe(2);
    expect(io.errLines).toHaveLength(1);
    expect(io.errLines[0]).toMatch(message);
    expect(io.errLines[0]).not.toMatch(/\n|at .*\.ts/);
    expect(io.outLines).toEqual([]);
    expect(existsSync(join(dir, 'x.geojson'))).toBe(false);
  });

  it('missing --out and bad years are usage errors', async () => {
    for (const argv of [
      ['--centers', '5'],
      ['--years', '7', '--out', join(dir, 'y.geojson')],
    ]) {
      const io = capture();
      expect(await main(argv, io)).toBe(2);
      expect(io.errLines).toHaveLength(1);
    }
  });
});
