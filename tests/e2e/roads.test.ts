import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateNetwork, osmiumToPbf, writeOsmXmlFile } from '../fixtures/roads/generate';
import { launchBrowser, waitForMapIdle, watchPage, type PageWatch } from './browser';
import { readPng } from './pixels';
import { clickAndSave } from './plan-steps';

const baseUrl = inject('baseUrl');
const FIXTURES = join(__dirname, '..', 'fixtures', 'import');
/** Suggest: 5 new stations among the 40 candidates, station reach 15 min by road (the app's default). */
const STATIONS = 5;
const REACH_MIN = 15;

interface Hooks {
  __autosaveReady?: boolean;
  __importsDone?: number;
  __roadsDone?: number;
  __isochroneVertices?: number;
  __roadSegments?: number;
}

interface Feature {
  geometry: { coordinates: [number, number] };
  properties: { role: string };
}

interface Report {
  selected: number[];
  coveredWeight: number;
  totalWeight: number;
  reach: { kind: string; minutes: number };
}

/** Two tiers: 1 center among the candidates, its reach 20 min by road. */
const CENTER_MIN = 20;

/** `npm run plan -- --roads FILE --reach-minutes M` in Node on the fixture villages and sites (`extra`: more). */
function cliPlan(roads: string, report: string, extra: string[] = ['--model', 'mclp']): Promise<string> {
  const args = [
    'src/cli/plan.ts',
    '--demand',
    join(FIXTURES, 'plan-villages.csv'),
    '--candidates',
    join(FIXTURES, 'plan-sites.csv'),
    ...extra,
    '--p',
    String(STATIONS),
    '--roads',
    roads,
    '--reach-minutes',
    String(REACH_MIN),
    '--out',
    `${report}.geojson`,
    '--report',
    report,
  ];
  return new Promise((resolve, reject) => {
    execFile('node_modules/.bin/tsx', args, { timeout: 120_000 }, (error, _out, stderr) =>
      error === null ? resolve(stderr) : reject(new Error(`${error.message}\n${stderr}`)),
    );
  });
}

const text = async (page: Page, id: string) => (await page.getByTestId(id).textContent()) ?? '';
const counter = (page: Page, name: keyof Hooks) =>
  page.evaluate((key) => Number((window as unknown as Record<string, unknown>)[key] ?? 0), name);

const waitForText = (page: Page, testId: string, pattern: RegExp) =>
  page.waitForFunction(
    ({ testId, source }) =>
      new RegExp(source).test(document.querySelector(`[data-testid=${testId}]`)?.textContent ?? ''),
    { testId, source: pattern.source },
    { timeout: 60_000 },
  );

describe('road reach in the app: a generated network over three Zhejiang counties', () => {
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  const downloads: Download[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'ruralreach-roads-e2e-'));
  const pbf = join(dir, 'counties.osm.pbf');

  async function importFile(name: string, role?: string): Promise<void> {
    await page.setInputFiles('#data-file-input', join(FIXTURES, name));
    await page.waitForFunction(
      (file) => document.querySelector('[data-testid=data-file-name]')?.textContent === file,
      name,
    );
    await page.locator('#data-role').waitFor();
    if (role !== undefined) await page.getByLabel('Use as').selectOption(role);
    const before = await counter(page, '__importsDone');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForFunction((n) => ((window as unknown as Hooks).__importsDone ?? 0) > n, before, {
      timeout: 60_000,
    });
  }

  beforeAll(async () => {
    // A 2 km grid (75 x 75 junctions) from 118.48 E 29.30 N: under every village and site of the fixtures.
    const network = generateNetwork({ seed: 7, side: 75, shapeNodes: 1, spacingDeg: 0.02, origin: [118.48, 29.3] });
    await writeOsmXmlFile(network, join(dir, 'counties.osm'));
    osmiumToPbf(join(dir, 'counties.osm'), pbf);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    watch = watchPage(page, baseUrl);
    page.on('download', (d) => downloads.push(d));
    await page.goto(`${baseUrl}?lang=en&province=33`);
    await page.waitForFunction(() => (window as unknown as Hooks).__autosaveReady === true, null, { timeout: 60_000 });
    await waitForMapIdle(page);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('imports the road file in the worker and shows the network summary; the plan card offers road reach', async () => {
    await importFile('plan-villages.csv');
    await waitForText(page, 'data-line', /in 3 counties/);
    await importFile('plan-sites.csv', 'candidates');
    await page.getByRole('button', { name: 'Area: the counties of plan-villages.csv' }).click();
    const before = await counter(page, '__roadsDone');
    await page.setInputFiles('#roads-file-input', pbf);
    await page.waitForFunction((n) => ((window as unknown as Hooks).__roadsDone ?? 0) > n, before, {
      timeout: 60_000,
    });
    expect(await page.getByTestId('roads-error').isHidden()).toBe(true);
    expect(await text(page, 'roads-line')).toMatch(
      /^Roads: counties\.osm\.pbf \([\d.]+ MB\): [\d,]+ drivable ways, [\d,]+ nodes, [\d,]+ edges, [\d,]+ strongly connected components \(largest [\d.]+% of nodes\)$/,
    );
    expect(await page.getByLabel('Station reach by road (min)').inputValue()).toBe(String(REACH_MIN));
    await waitForText(
      page,
      'roads-note',
      /^Suggest uses the roads of counties\.osm\.pbf: station reach 15 min by road/,
    );
    // The network is drawn faintly on the map, with its legend line; "Show the roads" off takes it away.
    await page.waitForFunction(() => ((window as unknown as Hooks).__roadSegments ?? 0) > 0, null, { timeout: 30_000 });
    expect(await counter(page, '__roadSegments')).toBeGreaterThan(10_000);
    expect(await text(page, 'roads-legend')).toContain('Roads of counties.osm.pbf: main roads');
    await page.waitForTimeout(500); // deck.gl draws on the next frame
    const shown = readPng(await page.screenshot({ path: join(dir, 'roads-shown.png') }));
    await page.getByLabel('Show the roads on the map').uncheck();
    await page.waitForFunction(() => (window as unknown as Hooks).__roadSegments === 0);
    await page.waitForTimeout(500);
    const hidden = readPng(await page.screenshot());
    let changed = 0;
    for (let k = 0; k < shown.data.length; k += 4) {
      const d = Math.abs(shown.data[k] - hidden.data[k]) + Math.abs(shown.data[k + 1] - hidden.data[k + 1]);
      if (d > 20) changed++;
    }
    expect(changed).toBeGreaterThan(2000);
    expect(await page.getByTestId('roads-legend').count()).toBe(0);
    await page.getByLabel('Show the roads on the map').check();
    await page.waitForFunction(() => ((window as unknown as Hooks).__roadSegments ?? 0) > 0);
  });

  it('Suggest on road reach makes the plan of npm run plan -- --roads on the same files', async () => {
    const report = join(dir, 'cli-report.json');
    const stderr = await cliPlan(pbf, report);
    expect(stderr).toContain('reach: by road, 15 min');
    const cli = JSON.parse(readFileSync(report, 'utf8')) as Report;
    expect(cli.coveredWeight).toBeGreaterThan(0);
    expect(cli.coveredWeight).toBeLessThan(cli.totalWeight);
    const siteIds = readFileSync(join(FIXTURES, 'plan-sites.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    const field = page.locator('#plan-panel').getByLabel('New stations (N)');
    await field.fill(String(STATIONS));
    await field.press('Enter');
    await page.getByRole('button', { name: 'Suggest', exact: true }).click();
    await waitForText(page, 'suggestion-reach', /counties\.osm\.pbf/);
    expect(await text(page, 'suggestion-reach')).toBe('Suggested with road travel times from counties.osm.pbf, 15 min');
    const share = ((100 * cli.coveredWeight) / cli.totalWeight).toFixed(1);
    expect(await text(page, 'engine-figures')).toBe(
      `Engine: covered weight ${cli.coveredWeight} of ${cli.totalWeight} (${share}%)`,
    );
    // The plan file: the same stations (ids of plan-sites.csv), and the road file and profile it was made on.
    const files = await clickAndSave(page, downloads, /^Download plan file/, 1, dir);
    const plan = JSON.parse(readFileSync(files.get('ruralreach-plan.json')!, 'utf8')) as {
      plan: { sites: { id: string }[] };
      roads?: { name: string; size: number; sha256: string; profile: string };
    };
    expect(plan.plan.sites.map((s) => s.id).sort()).toEqual(cli.selected.map((j) => siteIds[j]).sort());
    const bytes = readFileSync(pbf);
    expect(plan.roads).toEqual({
      name: 'counties.osm.pbf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      profile: 'default car profile',
    });
  });

  it('the selected station shows its isochrone by road on the map', async () => {
    await page.getByRole('button', { name: 'Zoom to 临安区' }).click();
    await waitForMapIdle(page);
    const before = readPng(await page.screenshot());
    const site = page.getByTestId('site-number');
    await site.fill('1');
    await site.press('Enter');
    await waitForText(page, 'roads-isochrone', /^Isochrone: C\d\d, 15 min by road$/);
    expect(await counter(page, '__roadSegments')).toBeGreaterThan(10_000); // the network stays drawn under it
    const vertices = await page.evaluate(() => (window as unknown as Hooks).__isochroneVertices ?? 0);
    expect(vertices).toBeGreaterThan(3);
    await page.waitForTimeout(500); // deck.gl draws on the next frame
    const after = readPng(await page.screenshot({ path: join(dir, 'isochrone.png') }));
    // The translucent blue fill turns many map pixels bluer (the site's own outline is a few dozen pixels).
    const box = (await page.locator('#map').boundingBox())!;
    let bluer = 0;
    for (let y = Math.ceil(box.y); y < box.y + box.height; y++) {
      for (let x = Math.ceil(box.x); x < box.x + box.width; x++) {
        const k = (y * after.width + x) * 4;
        const gain = after.data[k + 2] - before.data[k + 2] - (after.data[k] - before.data[k]);
        if (gain > 12) bluer++;
      }
    }
    expect(bluer).toBeGreaterThan(2000);
  });

  it('two tiers on road reach: the center reach in minutes by road, as npm run plan -- --center-minutes', async () => {
    const report = join(dir, 'cli-two-tier.json');
    const extra = ['--model', 'two-tier', '--centers', '1', '--center-minutes', String(CENTER_MIN)];
    expect(await cliPlan(pbf, report, extra)).toContain(`reach: by road, 15 min, centers ${CENTER_MIN} min`);
    const cli = JSON.parse(readFileSync(report, 'utf8')) as Report;
    const roles = (JSON.parse(readFileSync(`${report}.geojson`, 'utf8')) as { features: Feature[] }).features.map(
      (f) => `${f.geometry.coordinates[0]},${f.geometry.coordinates[1]}:${f.properties.role}`,
    );
    await page.getByLabel('Model').selectOption('two-tier');
    await page.locator('#plan-panel').getByLabel('County centers', { exact: true }).fill('1');
    await page.getByLabel('Center reach unit').selectOption('min');
    const minutes = page.getByLabel('Center reach (minutes)');
    await minutes.fill(String(CENTER_MIN));
    await minutes.press('Enter');
    await waitForText(page, 'roads-note', /center reach 20 min by road \(center to station\)$/);
    await page.getByRole('button', { name: 'Suggest', exact: true }).click();
    const reach = `Suggested with road travel times from counties.osm.pbf, 15 min; center reach ${CENTER_MIN} min by road (center to station)`;
    await waitForText(page, 'suggestion-reach', /center reach/);
    expect(await text(page, 'suggestion-reach')).toBe(reach);
    const share = ((100 * cli.coveredWeight) / cli.totalWeight).toFixed(1);
    expect(await text(page, 'engine-figures')).toBe(
      `Engine: covered weight ${cli.coveredWeight} of ${cli.totalWeight} (${share}%)`,
    );
    const files = await clickAndSave(page, downloads, /^Download plan file/, 1, dir);
    const plan = JSON.parse(readFileSync(files.get('ruralreach-plan.json')!, 'utf8')) as {
      plan: { sites: { lon: number; lat: number; role: string }[] };
    };
    // Same places and roles (a center on a station's candidate gets an id of its own in the app).
    const sites = plan.plan.sites.map((s) => `${s.lon},${s.lat}:${s.role}`);
    expect(sites.sort()).toEqual(roles.sort());
    expect(roles.filter((r) => r.endsWith(':center'))).toHaveLength(1);
  });

  it('a reload builds the kept road file again; "Back to no roads" drops it', async () => {
    await page.waitForTimeout(800); // the autosave writes after a quiet time
    await page.goto(`${baseUrl}?lang=en&province=33`);
    await page.waitForFunction(() => (window as unknown as Hooks).__roadsDone === 1, null, { timeout: 60_000 });
    expect(await text(page, 'roads-line')).toMatch(/^Roads: counties\.osm\.pbf \(/);
    expect(await text(page, 'suggestion-reach')).toBe(
      `Suggested with road travel times from counties.osm.pbf, 15 min; center reach ${CENTER_MIN} min by road (center to station)`,
    );
    await page.getByRole('button', { name: 'Back to no roads' }).click();
    expect(await page.getByTestId('roads-line').isHidden()).toBe(true);
    expect(await page.getByTestId('roads-note').isHidden()).toBe(true);
  });

  it('made no console error and no request to another host', () => {
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
});
