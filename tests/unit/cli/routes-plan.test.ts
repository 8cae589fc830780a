import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/routes';
import { planRuns } from '../../../src/core/route/plan-runs';
import { writePlanFile, type PlanFileSite } from '../../../src/io/plan-file';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l), isTty: false };
  return { io, out, err };
}

/** A county of 40 villages on a ring around a center, 6 stations among them; villages have county-coded ids. */
function county(dir: string, extraWeight = 1) {
  const lon0 = 119.6;
  const lat0 = 29.1;
  const rows = ['id,lon,lat,weight'];
  const villages: [number, number][] = [];
  for (let k = 0; k < 40; k++) {
    const a = (2 * Math.PI * k) / 40;
    const r = 0.05 + 0.1 * (k % 5);
    const lon = lon0 + r * Math.cos(a);
    const lat = lat0 + r * Math.sin(a);
    villages.push([lon, lat]);
    rows.push(`${330782100200 + k},${lon.toFixed(6)},${lat.toFixed(6)},${k === 7 ? extraWeight : 1}`);
  }
  const demand = join(dir, 'villages.csv');
  writeFileSync(demand, rows.join('\n') + '\n');
  const sites: PlanFileSite[] = [
    { id: 'C1', lon: lon0, lat: lat0, status: 'locked', role: 'center' },
    ...[2, 7, 13, 19, 26, 33].map((k): PlanFileSite => ({
      id: `S${k}`,
      lon: villages[k][0],
      lat: villages[k][1],
      status: 'proposed',
      role: 'station',
    })),
    { id: 'X1', lon: villages[4][0], lat: villages[4][1], status: 'excluded', role: 'station' },
  ];
  const plan = join(dir, 'plan.json');
  writeFileSync(
    plan,
    writePlanFile({
      provinceCode: '33',
      settings: { radiusKm: 8, centerRadiusKm: 80, centerReachUnit: 'km' },
      plan: { sites, suggestion: null },
      scenarios: [],
      data: { demand: 'file:villages.csv' },
      runs: { params: { parcelsPerVillage: 20, pickupsPerVillage: 5, vanCapacity: 150 }, result: null },
    }),
  );
  return { demand, plan, sites, villages };
}

describe('npm run routes --plan', () => {
  it('routes every open station of a plan file once: LineStrings from the center and back, loads within the van', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'routes-plan-'));
    const { demand, plan, sites, villages } = county(dir);
    const out = join(dir, 'runs.geojson');
    const report = join(dir, 'report.json');
    const c = capture();
    const code = await main(['--plan', plan, '--demand', demand, '--out', out, '--report', report], c.io);
    expect(c.err.join('\n')).not.toMatch(/not routed/);
    expect(code).toBe(0);
    const geo = JSON.parse(readFileSync(out, 'utf8')) as {
      features: { geometry: { type: string; coordinates: number[][] }; properties: Record<string, unknown> }[];
    };
    const stations = geo.features.flatMap((f) => f.properties.stations as string[]).sort();
    expect(stations).toEqual(['S13', 'S19', 'S2', 'S26', 'S33', 'S7']);
    for (const f of geo.features) {
      expect(f.geometry.type).toBe('LineString');
      expect(f.geometry.coordinates[0]).toEqual([119.6, 29.1]);
      expect(f.geometry.coordinates.at(-1)).toEqual([119.6, 29.1]);
      expect(f.geometry.coordinates).toHaveLength((f.properties.stations as string[]).length + 2);
      expect(f.properties.center).toBe('C1');
      expect(f.properties.loadMax as number).toBeLessThanOrEqual(150);
    }
    // The plan file's saved parameters were used: 40 villages x 20 parcels, all covered within 8 km.
    const delivered = geo.features.reduce((s, f) => s + (f.properties.deliveries as number), 0);
    const r = JSON.parse(readFileSync(report, 'utf8')) as { totals: { vans: number; deliveries: number } };
    expect(r.totals.deliveries).toBeCloseTo(delivered, 6);
    expect(r.totals.vans).toBe(geo.features.length);
    // Same as planRuns in-process on the same inputs (the excluded site left out).
    const open = sites.filter((s) => s.status !== 'excluded');
    const direct = planRuns({
      villages: {
        count: villages.length,
        lon: Float64Array.from(villages, (v) => Number(v[0].toFixed(6))),
        lat: Float64Array.from(villages, (v) => Number(v[1].toFixed(6))),
      },
      sites: {
        count: open.length,
        lon: Float64Array.from(open, (s) => s.lon),
        lat: Float64Array.from(open, (s) => s.lat),
        role: Uint8Array.from(open, (s) => (s.role === 'center' ? 1 : 0)),
      },
      stationReachKm: 8,
      centerReachKm: 80,
      params: { parcelsPerVillage: 20, pickupsPerVillage: 5, vanCapacity: 150 },
    });
    expect(direct.totals.deliveries).toBeCloseTo(delivered, 6);
    expect(geo.features.map((f) => f.properties.km)).toEqual(
      direct.centers[0].routes.map((route) => Math.round(route.km * 1000) / 1000),
    );
    const csv = readFileSync(join(dir, 'runs.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(csv[0]).toBe(
      'code,name,centers,stations,unrouted,vans,kmPerDay,hours,deliveries,pickups,costPerDayYuan,costPerParcelYuan',
    );
    expect(csv[1]).toMatch(/^330782,/);
  });

  it('names a station whose load alone exceeds the van, and still routes the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'routes-plan-'));
    const { demand, plan } = county(dir, 40);
    const out = join(dir, 'runs.geojson');
    const c = capture();
    const code = await main(['--plan', plan, '--demand', demand, '--weight', 'weight', '--out', out], c.io);
    expect(code).toBe(0);
    const err = c.err.join('\n');
    expect(err).toMatch(/station S7 \(\d+\) not routed: its delivery or its pickup alone is more than the van/);
    expect(err).toMatch(/raise --van-capacity/);
    const geo = JSON.parse(readFileSync(out, 'utf8')) as { features: { properties: { stations: string[] } }[] };
    expect(geo.features.flatMap((f) => f.properties.stations).sort()).toEqual(['S13', 'S19', 'S2', 'S26', 'S33']);
  });

  it('refuses a zero van capacity and a plan without centers with a clear message (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'routes-plan-'));
    const { demand, plan } = county(dir);
    const c = capture();
    expect(await main(['--plan', plan, '--demand', demand, '--van-capacity', '0'], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/vanCapacity \(parcels\) must be a number > 0, got 0/);
    const noCenter = join(dir, 'stations.json');
    const text = readFileSync(plan, 'utf8').replace(/"role": "center"/g, '"role": "station"');
    writeFileSync(noCenter, text);
    const d = capture();
    expect(await main(['--plan', noCenter, '--demand', demand], d.io)).toBe(2);
    expect(d.err.join('\n')).toMatch(/no county center/);
    const e = capture();
    expect(await main(['--plan', plan], e.io)).toBe(2);
    expect(e.err.join('\n')).toMatch(/made on villages\.csv: give that file with --demand/);
  });

  it('plans a two-tier plan first with --demand and the options of npm run plan, then routes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'routes-plan-'));
    const { demand } = county(dir);
    const out = join(dir, 'runs.geojson');
    const planOut = join(dir, 'plan.geojson');
    const c = capture();
    const args = ['--demand', demand, '--model', 'two-tier', '--p', '5', '--radius', '6', '--centers', '1'];
    const code = await main([...args, '--center-radius', '80', '--out', out, '--plan-out', planOut], c.io);
    expect(c.err.join('\n')).toMatch(/plan: 6 sites \(1 centers\)/);
    expect(code).toBe(0);
    const plan = JSON.parse(readFileSync(planOut, 'utf8')) as { features: { properties: { id: string } }[] };
    const geo = JSON.parse(readFileSync(out, 'utf8')) as { features: { properties: { stations: string[] } }[] };
    const routed = geo.features.flatMap((f) => f.properties.stations);
    expect(routed.length).toBeGreaterThan(0);
    const planned = new Set(plan.features.map((f) => f.properties.id));
    for (const id of routed) expect(planned.has(id)).toBe(true);
  });
});
