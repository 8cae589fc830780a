import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Point } from 'geojson';
import { main } from '../../../src/cli/plan';
import type { Console } from '../../../src/cli/terminal';
import type { PlanReport, PlanSiteProperties } from '../../../src/io/plan-output';
import { requireDataset } from '../data/dataset';

const fixtures = 'tests/fixtures/plan';
const tmp = mkdtempSync(join(tmpdir(), 'ruralreach-plan-'));

/** Runs the CLI as a child process, the way a user does. */
function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node_modules/.bin/tsx', ['src/cli/plan.ts', ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs `main` in this process with captured output. */
async function runMain(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Console = { out: (l) => out.push(l), err: (l) => err.push(l), isTty: false };
  const code = await main(args, io);
  return { code, out, err };
}

/** Checks an RFC 7946 FeatureCollection of Points with the documented properties. */
function checkPlanGeoJson(value: unknown): FeatureCollection<Point, PlanSiteProperties> {
  const fc = value as FeatureCollection<Point, PlanSiteProperties>;
  expect(fc.type).toBe('FeatureCollection');
  expect(Array.isArray(fc.features)).toBe(true);
  for (const feature of fc.features) {
    expect(feature.type).toBe('Feature');
    expect(feature.geometry.type).toBe('Point');
    const [lon, lat] = feature.geometry.coordinates;
    expect(feature.geometry.coordinates).toHaveLength(2);
    expect(Math.abs(lon)).toBeLessThanOrEqual(180);
    expect(Math.abs(lat)).toBeLessThanOrEqual(90);
    expect(Object.keys(feature.properties).sort()).toEqual(
      ['coveredWeight', 'id', 'index', 'marginalWeight', 'role', 'status'].sort(),
    );
    expect(['center', 'station']).toContain(feature.properties.role);
    expect(['existing', 'locked', 'proposed']).toContain(feature.properties.status);
  }
  return fc;
}

describe('npm run plan (child process)', () => {
  it('writes plan.geojson and report.json, exit 0', async () => {
    const out = join(tmp, 'mclp.geojson');
    const report = join(tmp, 'mclp.json');
    const args = ['--demand', `${fixtures}/villages.csv`, '--weight', 'pop', '--candidates', `${fixtures}/sites.csv`];
    const run = await runCli([
      ...args,
      '--model',
      'mclp',
      '--p',
      '3',
      '--radius',
      '8',
      '--out',
      out,
      '--report',
      report,
    ]);
    expect(run.stderr).toMatch(/^plan: mclp: 3 sites, objective 7123, coverage 60\.4% /m);
    expect(run.code).toBe(0);
    const fc = checkPlanGeoJson(JSON.parse(readFileSync(out, 'utf8')));
    const r = JSON.parse(readFileSync(report, 'utf8')) as PlanReport;
    expect(Object.keys(r)).toEqual(
      expect.arrayContaining(['model', 'params', 'objective', 'coveredWeight', 'totalWeight', 'coverage', 'selected']),
    );
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['seconds', 'optimal', 'bound', 'gap', 'solver']));
    expect(r.model).toBe('mclp');
    expect(r.params).toEqual({ model: 'mclp', p: 3, radius: 8, seed: 1 });
    expect(r.objective).toBe(7123);
    expect(r.coveredWeight).toBe(7123);
    expect(r.selected).toEqual(fc.features.map((f) => f.properties.index));
    expect(fc.features.map((f) => f.properties.id)).toEqual(
      r.selected.map((j) => `S${String(j + 1).padStart(2, '0')}`),
    );
  });

  it('bad option: one line on stderr, exit 2, no stack trace', async () => {
    const run = await runCli(['--demand', 'x.csv', '--model', 'maxcov', '--out', 'o.geojson']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('plan: --model must be one of mclp, lscp, pmedian, pcenter, two-tier, got "maxcov"\n');
  });

  it('unusable file: one line naming the file, exit 2', async () => {
    const args = ['--model', 'pmedian', '--p', '2', '--out', join(tmp, 'x.geojson')];
    const run = await runCli(['--demand', `${fixtures}/missing-lon.csv`, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `plan: ${fixtures}/missing-lon.csv: missing longitude column: expected columns lon,lat or longitude,latitude or x,y or 经度,纬度 (header: id,lat,pop)\n`,
    );
  });

  it('--help documents the options on stdout, exit 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--matrix-field durations|distances');
  });
});

describe('plan main (in process)', () => {
  const out = join(tmp, 'p.geojson');
  const base = ['--model', 'pmedian', '--p', '2', '--out', out];

  it('lists bad rows (at most 20, then a count), uses the good ones, exit 0', async () => {
    const run = await runMain(['--demand', `${fixtures}/many-bad-rows.csv`, '--weight', 'pop', ...base]);
    expect(run.code).toBe(0);
    const skipped = run.err.filter((line) => line.startsWith('plan: skipped '));
    expect(skipped).toHaveLength(20);
    expect(skipped[0]).toBe(
      `plan: skipped ${fixtures}/many-bad-rows.csv row 4, field "lat": missing coordinate (empty or null); expected a number in degrees`,
    );
    expect(run.err).toContain('plan: ... and 5 more problems (25 in all)');
    const fc = checkPlanGeoJson(JSON.parse(readFileSync(out, 'utf8')));
    expect(fc.features.map((f) => f.properties.id).every((id) => id.startsWith('G'))).toBe(true);
  });

  it('reports each kind of bad input in one line with exit 2', async () => {
    const cases: [string[], string][] = [
      [
        ['--demand', `${fixtures}/bad-json.geojson`, ...base],
        `plan: ${fixtures}/bad-json.geojson: not valid JSON at line 5, column 2`,
      ],
      [['--demand', `${fixtures}/nope.csv`, ...base], `plan: ${fixtures}/nope.csv: cannot read: no such file`],
      [
        [
          '--demand',
          `${fixtures}/villages.csv`,
          '--candidates',
          `${fixtures}/sites.csv`,
          '--matrix',
          `${fixtures}/table-rows.json`,
          ...base,
        ],
        `plan: ${fixtures}/table-rows.json: "durations" has 38 rows; expected 40 (one per demand point)`,
      ],
      [
        [
          '--demand',
          `${fixtures}/villages.csv`,
          '--candidates',
          `${fixtures}/sites.csv`,
          '--matrix',
          `${fixtures}/table-code.json`,
          ...base,
        ],
        `plan: ${fixtures}/table-code.json: OSRM response code is "InvalidQuery"`,
      ],
      [
        ['--demand', `${fixtures}/polygon-only.geojson`, ...base],
        `plan: ${fixtures}/polygon-only.geojson: no usable Point features`,
      ],
      [
        ['--demand', `${fixtures}/villages.csv`, '--weight', 'people', ...base],
        'plan: tests/fixtures/plan/villages.csv: missing weight column "people"',
      ],
      [
        ['--demand', `${fixtures}/villages.csv`, '--model', 'pmedian', '--p', '41', '--out', out],
        'plan: p = 41 new sites, but only 40 candidates are proposed',
      ],
      [
        ['--demand', `${fixtures}/villages.csv`, '--model', 'mclp', '--p', '2', '--out', out],
        'plan: --model mclp needs --radius',
      ],
    ];
    for (const [args, start] of cases) {
      const run = await runMain(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.err, args.join(' ')).toHaveLength(1);
      expect(run.err[0].startsWith(start), `${run.err[0]} should start with ${start}`).toBe(true);
    }
  });

  it('lists skipped swapped and non-numeric rows and site-list notes', async () => {
    const run = await runMain([
      '--demand',
      `${fixtures}/swapped.csv`,
      '--candidates',
      `${fixtures}/sites.csv`,
      '--existing',
      `${fixtures}/existing.csv`,
      ...base,
    ]);
    expect(run.code).toBe(0);
    expect(run.err[0]).toBe(
      `plan: skipped ${fixtures}/swapped.csv row 3, field "lat": latitude out of range [-90, 90]; lon/lat look swapped (lon=30.61, lat=119.72)`,
    );
    expect(run.err).toContain(
      `plan: ${fixtures}/existing.csv: 3 sites marked existing, 2 matched to candidates, 1 added`,
    );
    const fc = checkPlanGeoJson(JSON.parse(readFileSync(out, 'utf8')));
    expect(fc.features.filter((f) => f.properties.status === 'existing').map((f) => f.properties.id)).toEqual([
      'S01',
      'S02',
      'NEW',
    ]);
    expect(fc.features).toHaveLength(5);
  });

  it('lscp: the objective is the number of new sites, coverage meets the target', async () => {
    const report = join(tmp, 'lscp.json');
    const args = ['--demand', `${fixtures}/villages.csv`, '--weight', 'pop', '--candidates', `${fixtures}/sites.csv`];
    const run = await runMain([
      ...args,
      '--model',
      'lscp',
      '--radius',
      '6',
      '--target',
      '0.9',
      '--out',
      out,
      '--report',
      report,
    ]);
    expect(run.code, run.err.join('\n')).toBe(0);
    const r = JSON.parse(readFileSync(report, 'utf8')) as PlanReport;
    expect(r.objective).toBe(r.selected.length);
    expect(r.params).toEqual({ model: 'lscp', radius: 6, targetShare: 0.9, seed: 1 });
    expect(r.coverage).toBeGreaterThan(0.5);
  });

  it('two-tier: centers and stations with their roles in plan.geojson', async () => {
    const args = ['--demand', `${fixtures}/villages.csv`, '--weight', 'pop', '--candidates', `${fixtures}/sites.csv`];
    const model = ['--model', 'two-tier', '--p', '3', '--radius', '6', '--centers', '1', '--center-radius', '15'];
    const run = await runMain([...args, ...model, '--out', out]);
    expect(run.code, run.err.join('\n')).toBe(0);
    const fc = checkPlanGeoJson(JSON.parse(readFileSync(out, 'utf8')));
    const roles = fc.features.map((f) => f.properties.role);
    expect(roles.filter((r) => r === 'center')).toHaveLength(1);
    expect(roles.filter((r) => r === 'station')).toHaveLength(3);
    const center = fc.features.find((f) => f.properties.role === 'center');
    expect(center?.properties.coveredWeight).toBe(0);
  });

  it('plans on the OSRM matrix in its own unit', async () => {
    const report = join(tmp, 'matrix.json');
    const args = [
      '--demand',
      `${fixtures}/villages.geojson`,
      '--weight',
      'pop',
      '--candidates',
      `${fixtures}/sites.csv`,
    ];
    const run = await runMain([
      ...args,
      '--matrix',
      `${fixtures}/table.json`,
      '--model',
      'mclp',
      '--p',
      '2',
      '--radius',
      '900',
      '--out',
      out,
      '--report',
      report,
    ]);
    expect(run.code).toBe(0);
    const r = JSON.parse(readFileSync(report, 'utf8')) as PlanReport;
    expect(r.params.radius).toBe(900);
    expect(r.selected).toHaveLength(2);
    expect(r.coverage).toBeGreaterThan(0);
  });

  it('plans on the embedded rural villages of a province (Beijing)', async () => {
    requireDataset();
    const report = join(tmp, 'beijing.json');
    const run = await runMain([
      '--province',
      '11',
      '--model',
      'mclp',
      '--p',
      '30',
      '--radius',
      '3',
      '--out',
      out,
      '--report',
      report,
    ]);
    expect(run.code, run.err.join('\n')).toBe(0);
    const r = JSON.parse(readFileSync(report, 'utf8')) as PlanReport;
    const manifest = JSON.parse(readFileSync('public/data/manifest.json', 'utf8')) as {
      provinces: { code: string; ruralVillages: number }[];
    };
    const rural = manifest.provinces.find((p) => p.code === '11')?.ruralVillages;
    expect(r.demandCount).toBe(rural);
    expect(r.totalWeight).toBe(rural);
    expect(r.selected).toHaveLength(30);
    const fc = checkPlanGeoJson(JSON.parse(readFileSync(out, 'utf8')));
    for (const feature of fc.features) expect(feature.properties.id).toMatch(/^11\d{10}$/);
  });

  it('rejects a province code that is not in the data', async () => {
    requireDataset();
    const run = await runMain(['--province', '99', '--model', 'pmedian', '--p', '2', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(/^plan: --province 99 is not in the embedded data \(codes: 11, 12, .*, or all\)$/);
  });

  it('writes the expected plan.geojson for the fixture (REGEN=1 rewrites tests/fixtures/plan/out)', async () => {
    const expected = `${fixtures}/out/pmedian.geojson`;
    const args = ['--demand', `${fixtures}/villages.csv`, '--weight', 'pop', '--candidates', `${fixtures}/sites.csv`];
    const run = await runMain([...args, '--model', 'pmedian', '--p', '3', '--radius', '6', '--out', out]);
    expect(run.code).toBe(0);
    const actual = readFileSync(out, 'utf8');
    if (process.env.REGEN) {
      mkdirSync(`${fixtures}/out`, { recursive: true });
      writeFileSync(expected, actual);
    }
    checkPlanGeoJson(JSON.parse(actual));
    expect(JSON.parse(actual)).toEqual(JSON.parse(readFileSync(expected, 'utf8')));
  });
});
