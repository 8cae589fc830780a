import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNational, main } from '../../../src/cli/rollout';
import type { Console } from '../../../src/cli/terminal';
import { planRuns } from '../../../src/core/route/plan-runs';
import { requireDataset } from '../data/dataset';

function capture(): Console & { outLines: string[]; errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return { outLines, errLines, out: (l) => outLines.push(l), err: (l) => errLines.push(l), isTty: false };
}

interface Site {
  properties: { role: 'center' | 'station'; year: number };
  geometry: { coordinates: [number, number] };
}

describe('npm run rollout -- --transport', async () => {
  requireDataset();
  const dir = mkdtempSync(join(tmpdir(), 'ruralreach-transport-'));
  const out = join(dir, 'rollout.geojson');
  const report = join(dir, 'rollout.json');
  const argv = ['--province-order', '33', '--centers', '6', '--stations', '120', '--years', '3', '--budget', '1e8'];
  const io = capture();
  // A budget no center uses up, so that the runs do not depend on the machine's speed.
  const code = await main(
    [...argv, '--transport', '--transport-days', '250', '--transport-seconds', '600', '--out', out, '--report', report],
    io,
  );

  it('costs each year the runs of the sites open then: cost per day x days, as planRuns gives it', () => {
    expect(io.errLines).toEqual([]);
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const sites = (JSON.parse(readFileSync(out, 'utf8')) as { features: Site[] }).features;
    const { villages } = loadNational();
    const rural: number[] = [];
    for (let i = 0; i < villages.count; i++) if (villages.rural[i]) rural.push(i);
    expect(json.transport.daysPerYear).toBe(250);
    expect(json.transport.years).toHaveLength(3);
    let total = 0;
    for (const y of json.transport.years) {
      const open = sites.filter((s) => s.properties.year <= y.year);
      const runs = planRuns(
        {
          villages: {
            count: rural.length,
            lon: Float64Array.from(rural, (i) => villages.positions[2 * i]),
            lat: Float64Array.from(rural, (i) => villages.positions[2 * i + 1]),
          },
          sites: {
            count: open.length,
            lon: Float64Array.from(open, (s) => s.geometry.coordinates[0]),
            lat: Float64Array.from(open, (s) => s.geometry.coordinates[1]),
            role: Uint8Array.from(open, (s) => (s.properties.role === 'center' ? 1 : 0)),
          },
          stationReachKm: json.params.stationRadiusKm,
          centerReachKm: json.params.centerRadiusKm,
        },
        { timeBudgetSec: 600 },
      );
      expect(y.vans).toBe(runs.totals.vans);
      expect(y.costPerDayYuan).toBeCloseTo(runs.totals.costPerDayYuan, 1);
      expect(y.yearYuan).toBeCloseTo(250 * runs.totals.costPerDayYuan, 0);
      expect(y.vans).toBeGreaterThan(0);
      total += y.yearYuan;
    }
    expect(json.transport.totalYuan).toBeCloseTo(total, 0);
    expect(io.outLines.join('\n')).toMatch(/transport \(250 days a year, not in the budget\)/);
  });

  it('without --transport the report has no transport, and the days need --transport', async () => {
    const plain = join(dir, 'plain.json');
    const c = capture();
    expect(await main([...argv, '--out', join(dir, 'p.geojson'), '--report', plain], c)).toBe(0);
    const json = JSON.parse(readFileSync(plain, 'utf8'));
    expect(json.transport).toBeUndefined();
    const base = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.years).toEqual(base.years);
    const d = capture();
    expect(await main([...argv, '--transport-days', '200', '--out', join(dir, 'q.geojson')], d)).toBe(2);
    expect(d.errLines.join('\n')).toMatch(/need --transport/);
  });
});
