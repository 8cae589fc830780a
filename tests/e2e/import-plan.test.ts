import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runPlan } from '../../src/core/plan';
import type { PlanResult } from '../../src/core/plan-types';
import { parseOsrmTable } from '../../src/io/osrm';
import type { PointTable } from '../../src/io/points';
import { readPointsFile } from '../../src/io/read-points';
import { launchBrowser, waitForMapIdle, watchPage, type PageWatch } from './browser';
import { clickAndSave } from './plan-steps';

const baseUrl = inject('baseUrl');
const FIXTURES = join(__dirname, '..', 'fixtures', 'import');
/** Suggest: 5 new stations, station reach 15 min by the table (written by tests/fixtures/import/make-plan.ts). */
const STATIONS = 5;
const REACH_MIN = 15;

interface Hooks {
  __autosaveReady?: boolean;
  __importsDone?: number;
}

const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

async function readPoints(name: string): Promise<PointTable> {
  return (await readPointsFile(fixture(name), { file: name, withStatus: true })).value;
}

/** The plan the engine makes in Node on the same files and matrix, with the app's parameters (seed 1). */
async function nodePlan(): Promise<{ result: PlanResult; ids: string[]; villageIds: string[] }> {
  const villages = await readPoints('plan-villages.csv');
  const sites = await readPoints('plan-sites.csv');
  const { matrix } = parseOsrmTable(fixture('plan-table.json'), { rows: villages.count, cols: sites.count });
  const result = await runPlan({
    demand: { count: villages.count, lon: villages.lon, lat: villages.lat, weight: villages.weight },
    candidates: { count: sites.count, lon: sites.lon, lat: sites.lat, status: new Uint8Array(sites.count) },
    matrix,
    params: { model: 'mclp', p: STATIONS, radius: REACH_MIN * 60, seed: 1 },
  });
  return { result, ids: Array.from(result.solution.selected, (j) => sites.ids[j]), villageIds: villages.ids };
}

const importsDone = (page: Page) => page.evaluate(() => (window as unknown as Hooks).__importsDone ?? 0);
const text = async (page: Page, id: string) => (await page.getByTestId(id).textContent()) ?? '';

/** Chooses a fixture, sets its role and imports it; waits until the import has finished. */
async function importFile(page: Page, name: string, role?: string): Promise<void> {
  await page.setInputFiles('#data-file-input', join(FIXTURES, name));
  await page.waitForFunction(
    (file) => document.querySelector('[data-testid=data-file-name]')?.textContent === file,
    name,
  );
  await page.locator('#data-role').waitFor();
  if (role !== undefined) await page.getByLabel('Use as').selectOption(role);
  const before = await importsDone(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.waitForFunction((n) => ((window as unknown as Hooks).__importsDone ?? 0) > n, before, { timeout: 60_000 });
}

const waitForText = (page: Page, testId: string, pattern: RegExp) =>
  page.waitForFunction(
    ({ testId, source }) =>
      new RegExp(source).test(document.querySelector(`[data-testid=${testId}]`)?.textContent ?? ''),
    { testId, source: pattern.source },
    { timeout: 60_000 },
  );

describe('a plan on the user villages, candidate sites and travel-time table', () => {
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  const downloads: Download[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'ruralreach-import-plan-'));

  /** Clicks a button and saves the `count` files it downloads; returns their paths by name. */
  async function download(label: RegExp, count: number): Promise<Map<string, string>> {
    return clickAndSave(page, downloads, label, count, dir);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    watch = watchPage(page, baseUrl);
    page.on('download', (d) => downloads.push(d));
    await page.goto(`${baseUrl}?lang=en&province=33`);
    await page.waitForFunction(() => (window as unknown as Hooks).__autosaveReady === true, null, { timeout: 60_000 });
    await waitForMapIdle(page);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('imports villages and candidate sites: the sites are the candidates of Suggest, not stations', async () => {
    await importFile(page, 'plan-villages.csv');
    await waitForText(page, 'data-line', /in 3 counties/);
    await importFile(page, 'plan-sites.csv', 'candidates');
    expect(await text(page, 'import-message')).toBe(
      'Read 40 candidate sites from plan-sites.csv: Suggest places stations among them (Plan card, Candidate sites).',
    );
    expect(await page.getByTestId('data-line').locator('div').allTextContents()).toContain(
      'Candidate sites: plan-sites.csv (40)',
    );
    const candidates = page.getByTestId('candidates');
    expect(await candidates.inputValue()).toBe('imported');
    expect(await candidates.locator('option:checked').textContent()).toBe(
      'Imported candidate sites (plan-sites.csv, 40)',
    );
    expect(Number((await text(page, 'station-count')).replace(/\D/g, ''))).toBe(0);
  });

  it('a table of other sizes: one message with both sizes, and no table in use', async () => {
    await importFile(page, 'plan-table-bad.json');
    const errors = await page.getByTestId('import-error').allTextContents();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^plan-table-bad\.json does not match the plan: "durations" has 239 rows; expected 240/);
    expect(errors[0]).toContain(
      'The plan has 240 villages × 40 candidate sites; Suggest keeps the straight-line reach.',
    );
    expect(await text(page, 'data-line')).not.toContain('Travel matrix');
    expect(await page.getByTestId('table-note').isHidden()).toBe(true);
  });

  it('a matching table is not used while embedded villages are demand too, then drives the reach', async () => {
    await importFile(page, 'plan-table.json');
    expect(await text(page, 'import-message')).toBe(
      'Read the travel matrix plan-table.json: 240 rows (villages) × 40 columns (candidate sites).',
    );
    // The whole province is the area: embedded villages are demand too.
    await waitForText(page, 'table-note', /embedded villages are demand too/);
    expect(await text(page, 'data-line')).toContain('Travel matrix plan-table.json not used:');
    await page.getByRole('button', { name: 'Area: the counties of plan-villages.csv' }).click();
    await waitForText(page, 'table-note', /^Suggest uses travel data from plan-table\.json: station reach 15 min\./);
    expect(await text(page, 'table-note')).toContain(
      'The Coverage card counts villages within 3 km in a straight line.',
    );
    expect(await text(page, 'data-line')).toContain(
      'Suggest uses travel data from plan-table.json: station reach 15 min.',
    );
    expect(await page.getByLabel('Station reach by travel matrix (min)').inputValue()).toBe(String(REACH_MIN));
    await waitForText(page, 'villages-covered', /of 240$/);
  });

  it('Suggest places stations at imported candidates with their ids; the engine figure equals runPlan in Node', async () => {
    const expected = await nodePlan();
    await page.getByLabel('New stations (N)').fill(String(STATIONS));
    await page.getByLabel('New stations (N)').press('Enter');
    await page.getByRole('button', { name: 'Suggest', exact: true }).click();
    await waitForText(page, 'suggestion-reach', /plan-table\.json/);
    expect(await text(page, 'suggestion-reach')).toBe('Suggested with travel times from plan-table.json, 15 min');
    const { coveredWeight, totalWeight } = expected.result.metrics;
    expect(totalWeight).toBe(240);
    expect(coveredWeight).toBeGreaterThan(0);
    const share = ((100 * coveredWeight) / totalWeight).toFixed(1);
    expect(await text(page, 'engine-figures')).toBe(`Engine: covered weight ${coveredWeight} of 240 (${share}%)`);
    // The plan file lists the suggested stations with the ids of plan-sites.csv, and the data they were made on.
    const files = await download(/^Download plan file/, 1);
    const plan = JSON.parse(readFileSync(files.get('ruralreach-plan.json')!, 'utf8')) as {
      plan: { sites: { id: string }[] };
      data: Record<string, string>;
    };
    expect(plan.plan.sites.map((s) => s.id).sort()).toEqual([...expected.ids].sort());
    expect(plan.data).toMatchObject({
      demand: 'file:plan-villages.csv',
      candidates: 'file:plan-sites.csv',
      matrix: 'file:plan-table.json',
    });
  });

  it('the CSV export lists the imported villages with their file ids and the stations with theirs', async () => {
    const files = await download(/^CSV/, 3);
    const rows = (name: string) =>
      Papa.parse<Record<string, string>>(readFileSync(files.get(name)!, 'utf8').slice(1), {
        header: true,
        skipEmptyLines: true,
      }).data;
    const villages = rows('ruralreach-villages.csv');
    expect(villages.map((r) => r.id).sort()).toEqual([...(await nodePlan()).villageIds].sort());
    const sites = rows('ruralreach-sites.csv');
    expect(sites.every((r) => /^C\d\d$/.test(r.id))).toBe(true);
    expect(villages.filter((r) => r.nearestSiteId !== '').every((r) => /^C\d\d$/.test(r.nearestSiteId))).toBe(true);
  });

  it('a reload keeps the candidate sites, the table and its use, and the suggestion', async () => {
    await page.waitForTimeout(800); // the autosave writes after a quiet time
    await page.goto(`${baseUrl}?lang=en&province=33`);
    await page.waitForFunction(() => (window as unknown as Hooks).__autosaveReady === true, null, { timeout: 60_000 });
    await waitForText(page, 'data-line', /Candidate sites: plan-sites\.csv \(40\)/);
    await waitForText(page, 'table-note', /^Suggest uses travel data from plan-table\.json: station reach 15 min\./);
    expect(await page.getByTestId('candidates').inputValue()).toBe('imported');
    expect(await text(page, 'suggestion-reach')).toBe('Suggested with travel times from plan-table.json, 15 min');
  });

  it('made no console error and no request to another host', () => {
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
});
