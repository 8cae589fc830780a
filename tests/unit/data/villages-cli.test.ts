import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../../../src/data/node-files';
import { PROJECT_ROOT, requireDataset } from './dataset';

/** Runs `npm run villages -- ARGS` as a user would (through tsx), returning exit code and output. */
function villagesCli(args: string[]) {
  const result = spawnSync('npx', ['tsx', 'src/cli/villages.ts', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run villages', () => {
  let dir: string;
  let expected: number;
  beforeAll(() => {
    requireDataset();
    dir = mkdtempSync(join(tmpdir(), 'villages-cli-'));
    expected = readManifest().provinces.find((p) => p.code === '33')!.villages;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one CSV row per village of province 33, with the documented columns', () => {
    const out = join(dir, 'v33.csv');
    const run = villagesCli(['--province', '33', '--format', 'csv', '--out', out]);
    expect(run.status).toBe(0);
    const parsed = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.meta.fields).toEqual([
      'code',
      'name',
      'townshipCode',
      'countyCode',
      'rural',
      'lon',
      'lat',
      'positionSource',
    ]);
    expect(parsed.data).toHaveLength(expected);
    const first = parsed.data[0];
    expect(first.code).toMatch(/^33\d{10}$/);
    expect(first.code.startsWith(first.townshipCode)).toBe(true);
    expect(first.townshipCode.startsWith(first.countyCode)).toBe(true);
    expect(parsed.data.every((r) => r.positionSource === 'synthetic' && (r.rural === '1' || r.rural === '0'))).toBe(
      true,
    );
    const rural = parsed.data.filter((r) => r.rural === '1');
    expect(rural.every((r) => /(村委会|村民委员会)$/.test(r.name))).toBe(true);
    const lon = Number(first.lon);
    expect(lon > 118 && lon < 123).toBe(true);
  });

  it('writes the same villages as GeoJSON Point features', () => {
    const out = join(dir, 'v33.geojson');
    expect(villagesCli(['--province', '33', '--format', 'geojson', '--out', out]).status).toBe(0);
    const collection = JSON.parse(readFileSync(out, 'utf8')) as {
      type: string;
      features: { geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> }[];
    };
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(expected);
    expect(collection.features[0].geometry.type).toBe('Point');
    expect(Object.keys(collection.features[0].properties)).toEqual([
      'code',
      'name',
      'townshipCode',
      'countyCode',
      'rural',
      'positionSource',
    ]);
  });

  it('rejects a bad option with one line on stderr and exit code 2', () => {
    for (const args of [
      ['--province', '33', '--format', 'xml'],
      ['--province', '99'],
      ['--format', 'csv'],
      ['--bogus'],
    ]) {
      const run = villagesCli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr).toMatch(/^villages: /);
    }
    const help = villagesCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--province CODE|all');
  });
});
