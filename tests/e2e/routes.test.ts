/**
 * The delivery runs card on a Zhejiang plan: 4 county centers and 160 stations (seeded through the autosave,
 * so no suggestion has to run), Plan runs, then the runs drawn on the map (the lines handed to deck.gl) and the
 * exported GeoJSON equal `planRuns` run here in Node on the same villages, sites and parameters; the per-county
 * CSV has the same totals; the runs survive a reload (autosave). Prints the time from the click to the result.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ruralVillagePoints } from '../../src/cli/province';
import { haversineKm } from '../../src/core/distance/haversine';
import { planRuns, type RunsResult } from '../../src/core/route/plan-runs';
import { runProperties } from '../../src/io/export-runs';
import { roundDegrees } from '../../src/io/export-model';
import { launchBrowser, waitForMapIdle, watchPage, type PageWatch } from './browser';
import { clickAndSave } from './plan-steps';

const baseUrl = inject('baseUrl');
/** Centers at the villages nearest to Hangzhou, Ningbo, Jinhua and Wenzhou; stations within 30 km of them. */
const CITIES: [number, number][] = [
  [120.15, 30.28],
  [121.55, 29.87],
  [119.65, 29.08],
  [120.7, 28.0],
];
const STATION_KM = 30;
const STATIONS_PER_CENTER = 40;
/** A budget no center uses up, so that the runs are the uncut, seed-determined ones on both sides. */
const BUDGET_SEC = 120;

interface Hooks {
  __autosaveReady?: boolean;
  __autosaveWrites?: number;
  __routesWallMs?: number;
  __routeLines?: { center: string; vehicle: number; path: [number, number][] }[];
}

/** The plan's sites: the 4 centers, then every k-th village within 30 km of each (ids C1.., S1..). */
function planSites() {
  const v = ruralVillagePoints(['33']);
  const nearest = (lon: number, lat: number) => {
    let best = 0;
    for (let i = 1; i < v.count; i++) {
      if (haversineKm(lon, lat, v.lon[i], v.lat[i]) < haversineKm(lon, lat, v.lon[best], v.lat[best])) best = i;
    }
    return best;
  };
  const centers = CITIES.map(([lon, lat]) => nearest(lon, lat));
  const rows: [number, number, number, number, string, number][] = centers.map((i, k) => [
    v.lon[i],
    v.lat[i],
    0,
    1,
    `C${k + 1}`,
    0,
  ]);
  const taken = new Set(centers);
  for (const c of centers) {
    const near: number[] = [];
    for (let i = 0; i < v.count; i++) {
      if (!taken.has(i) && haversineKm(v.lon[c], v.lat[c], v.lon[i], v.lat[i]) <= STATION_KM) near.push(i);
    }
    const step = Math.max(1, Math.floor(near.length / STATIONS_PER_CENTER));
    for (let k = 0; k < near.length && k / step < STATIONS_PER_CENTER; k += step) {
      taken.add(near[k]);
      rows.push([v.lon[near[k]], v.lat[near[k]], 0, 0, `S${rows.length - centers.length + 1}`, 0]);
    }
  }
  return { villages: v, rows };
}

describe('delivery runs of a Zhejiang plan in the planner', () => {
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  const downloads: Download[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'ruralreach-routes-'));
  const { villages, rows } = planSites();

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    watch = watchPage(page, baseUrl);
    page.on('download', (d) => downloads.push(d));
    const saved = JSON.stringify({
      version: 1,
      provinceCode: '33',
      settings: {},
      plan: { sites: rows, suggestion: null },
      scenarios: [],
    });
    await page.addInitScript((text) => {
      if (sessionStorage.getItem('seeded') === null) {
        localStorage.setItem('ruralreach.planner', text);
        sessionStorage.setItem('seeded', '1');
      }
    }, saved);
    await page.goto(`${baseUrl}?lang=en&province=33`);
    await page.waitForFunction(() => (window as unknown as Hooks).__autosaveReady === true, null, { timeout: 60_000 });
    await waitForMapIdle(page);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('plans the runs in the worker: map lines and export equal planRuns in Node; kept by the autosave', async () => {
    await page.getByTestId('routes-budgetSec').fill(String(BUDGET_SEC));
    await page.getByTestId('routes-budgetSec').press('Enter');
    const run = page.getByTestId('routes-run');
    await expect.poll(() => run.isEnabled(), { timeout: 60_000 }).toBe(true);
    const writes = await page.evaluate(() => (window as unknown as Hooks).__autosaveWrites ?? 0);
    await run.click();
    await page.waitForSelector('[data-testid=routes-table]', { timeout: 300_000 });
    const wallMs = await page.evaluate(() => (window as unknown as Hooks).__routesWallMs ?? NaN);

    // The same runs planned here: the rural villages of Zhejiang (the app's default demand, weight 1), the open
    // sites in plan order, the default reaches (3 km, 60 km) and run parameters, seed 1.
    const started = performance.now();
    const node: RunsResult = planRuns(
      {
        villages,
        sites: {
          count: rows.length,
          lon: Float64Array.from(rows, (r) => r[0]),
          lat: Float64Array.from(rows, (r) => r[1]),
          role: Uint8Array.from(rows, (r) => r[3]),
          name: rows.map((r) => r[4]),
        },
        stationReachKm: 3,
        centerReachKm: 60,
      },
      { seed: 1, timeBudgetSec: BUDGET_SEC },
    );
    const nodeMs = performance.now() - started;
    console.log(
      `routes e2e: ${rows.length} sites (4 centers), ${node.totals.vans} vans, click to result ${Math.round(wallMs)} ms` +
        ` in the app, planRuns ${Math.round(nodeMs)} ms in Node`,
    );
    // Uncut: every center stopped by its idle iterations, well inside its share of the budget.
    expect(node.stopped).toBe(false);
    for (const c of node.centers) expect(c.seconds).toBeLessThan(c.budgetSec);
    expect(node.totals.vans).toBeGreaterThan(4);
    const ids = rows.map((r) => r[4]);
    const at = (j: number): [number, number] => [rows[j][0], rows[j][1]];
    const nodeLines = node.centers.flatMap((c) =>
      c.routes.map((r) => ({
        center: ids[r.center],
        vehicle: r.vehicle,
        path: [at(r.center), ...r.stations.map(at), at(r.center)],
      })),
    );

    // The map: the lines handed to deck.gl.
    await waitForMapIdle(page);
    const lines = await page.evaluate(() => (window as unknown as Hooks).__routeLines ?? []);
    expect(lines).toEqual(nodeLines);

    // The table: the totals row shows the same vans.
    const totalVans = await page
      .locator('[data-testid=routes-table] tr[data-county=total] [data-col=vans]')
      .textContent();
    expect(Number((totalVans ?? '').replace(/\D/g, ''))).toBe(node.totals.vans);

    // The export: one LineString per van with the CLI's properties, and the per-county CSV.
    const files = await clickAndSave(page, downloads, /^Export runs/, 2, dir);
    const geojson = JSON.parse(readFileSync(files.get('ruralreach-runs.geojson')!, 'utf8')) as {
      features: { geometry: { type: string; coordinates: number[][] }; properties: unknown }[];
    };
    const routes = node.centers.flatMap((c) => c.routes);
    expect(geojson.features.map((f) => f.properties)).toEqual(routes.map((r) => runProperties(r, ids)));
    expect(geojson.features.map((f) => f.geometry.coordinates)).toEqual(
      nodeLines.map((l) => l.path.map(([x, y]) => [roundDegrees(x), roundDegrees(y)])),
    );
    expect(geojson.features.every((f) => f.geometry.type === 'LineString')).toBe(true);
    const csv = Papa.parse<Record<string, string>>(
      readFileSync(files.get('ruralreach-runs-counties.csv')!, 'utf8').replace(/^\ufeff/, ''),
      { header: true, skipEmptyLines: true },
    );
    expect(csv.meta.fields).toEqual([
      'code',
      'name',
      'centers',
      'stations',
      'unrouted',
      'vans',
      'kmPerDay',
      'hours',
      'deliveries',
      'pickups',
      'costPerDayYuan',
      'costPerParcelYuan',
    ]);
    expect(csv.data.reduce((n, r) => n + Number(r.vans), 0)).toBe(node.totals.vans);
    expect(csv.data.reduce((n, r) => n + Number(r.centers), 0)).toBe(4);
    expect(csv.data.every((r) => /^33\d{4}$/.test(r.code))).toBe(true);

    // The autosave keeps the runs: after a reload the same lines are drawn without planning again.
    await page.waitForFunction((n) => ((window as unknown as Hooks).__autosaveWrites ?? 0) > n, writes, {
      timeout: 30_000,
    });
    await page.reload();
    await page.waitForFunction(() => (window as unknown as Hooks).__autosaveReady === true, null, { timeout: 60_000 });
    await page.waitForSelector('[data-testid=routes-table]', { timeout: 60_000 });
    await waitForMapIdle(page);
    expect(await page.evaluate(() => (window as unknown as Hooks).__routeLines ?? [])).toEqual(nodeLines);
    expect(await page.getByTestId('routes-budgetSec').inputValue()).toBe(String(BUDGET_SEC));

    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  }, 600_000);
});
