import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LiveSession } from '../../src/core/live/session';
import { siteTable } from '../../src/core/live/sites';
import { SITE_ROLE_NAMES } from '../../src/core/plan-types';
import { defaultCostModel } from '../../src/core/rollout/defaults';
import { SITE_STATUS, SITE_STATUS_NAMES } from '../../src/core/types';
import { readProvinceVillages } from '../../src/data/node-files';
import type { PlanFile } from '../../src/io/plan-file';
import { yearScale } from '../../src/map/layers/rollout-colours';
import { SITE_COLOURS } from '../../src/map/layers/stations';
import { launchBrowser, waitForMapIdle, watchPage, type PageWatch } from './browser';
import { countPixels, near, parseColour, readPng, type Rgb } from './pixels';
import { suggestStations } from './plan-steps';

const baseUrl = inject('baseUrl');
const STATIONS = 50;
const YEARS = 3;
/** 1.5 million yuan over 3 years: 500,000 a year, about 13 stations in year 1 at the default costs, not 50. */
const BUDGET_YUAN = 1_500_000;

describe('phasing the plan by year and budget in the planner', () => {
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  const dir = mkdtempSync(join(tmpdir(), 'ruralreach-phase-'));

  /** Clicks a download button and returns the text of the one file it saves under `name`. */
  async function download(label: RegExp, name: string, count = 1): Promise<string> {
    const files: Download[] = [];
    const listener = (d: Download) => files.push(d);
    page.on('download', listener);
    await page.getByRole('button', { name: label }).click();
    await expect.poll(() => files.length, { timeout: 120_000 }).toBe(count);
    page.off('download', listener);
    const file = files.find((d) => d.suggestedFilename() === name)!;
    const path = join(dir, name);
    await file.saveAs(path);
    return readFileSync(path, 'utf8');
  }

  /** Pixels of the map near each colour (site markers are small: a tolerance for antialiasing). */
  async function mapPixels(colours: Rgb[]): Promise<number[]> {
    await waitForMapIdle(page);
    const png = readPng(await page.locator('#map').screenshot());
    const all = { x: 0, y: 0, width: png.width, height: png.height };
    return colours.map((c) => countPixels(png, all, (r, g, b) => near(r, g, b, c, 10)));
  }

  /** The rows of the card's table: year, covered villages and cumulative spend in yuan. */
  async function tableRows(): Promise<{ year: number; covered: number; spendYuan: number }[]> {
    return page.$$eval('[data-testid=phase-years-table] tr[data-year]', (rows) =>
      rows.map((row) => ({
        year: Number(row.getAttribute('data-year')),
        covered: Number((row.querySelector('[data-testid=phase-covered]')?.textContent ?? '').replace(/\D/g, '')),
        spendYuan: Number(row.querySelector('[data-testid=phase-spend]')?.getAttribute('data-yuan')),
      })),
    );
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    watch = watchPage(page, baseUrl);
    await page.goto(`${baseUrl}?lang=en&province=33`);
    await waitForMapIdle(page);
    await suggestStations(page, STATIONS);
    await waitForMapIdle(page);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('phases 50 stations over 3 years: the figures of the Node core, year colours on the map, undone in one step', async () => {
    const proposed = SITE_COLOURS[SITE_STATUS.proposed].slice(0, 3) as unknown as Rgb;
    const years = Array.from({ length: YEARS }, (_, k) => parseColour(yearScale(YEARS)(k + 1)));
    const [proposedBefore, ...yearsBefore] = await mapPixels([proposed, ...years]);
    expect(proposedBefore).toBeGreaterThan(0);

    await page.getByTestId('phase-years').fill(String(YEARS));
    await page.getByTestId('phase-years').press('Enter');
    await page.getByTestId('phase-budget').fill(String(BUDGET_YUAN));
    await page.getByTestId('phase-budget').press('Enter');
    await expect
      .poll(() => page.getByTestId('phase-budget').locator('..').locator('..').textContent())
      .toMatch(/1\.5 million yuan/);
    await page.getByTestId('phase-run').click();
    await page.waitForSelector('[data-testid=phase-years-table]', { timeout: 60_000 });
    const rows = await tableRows();
    expect(rows.map((r) => r.year)).toEqual([0, 1, 2, 3]);
    // Cumulative covered villages never fall; year 1 spends within budget / years, the whole plan within the budget.
    rows.slice(1).forEach((r, k) => expect(r.covered).toBeGreaterThanOrEqual(rows[k].covered));
    expect(rows[1].spendYuan).toBeLessThanOrEqual(BUDGET_YUAN / YEARS);
    expect(rows[3].spendYuan).toBeLessThanOrEqual(BUDGET_YUAN);
    expect(await page.getByTestId('phase-method').textContent()).toMatch(/^Method: .*1\/3 of the budget/);

    // The same plan phased by the core in Node: same years per site, same figures by year.
    const planFile = JSON.parse(await download(/^Download plan file/, 'ruralreach-plan.json')) as PlanFile;
    const fileSites = planFile.plan.sites;
    expect(fileSites).toHaveLength(STATIONS);
    const sites = siteTable(
      Float64Array.from(fileSites, (s) => s.lon),
      Float64Array.from(fileSites, (s) => s.lat),
      Uint8Array.from(fileSites, (s) => SITE_STATUS_NAMES.indexOf(s.status)),
      Uint8Array.from(fileSites, (s) => SITE_ROLE_NAMES.indexOf(s.role)),
      fileSites.map((s) => s.id),
    );
    const session = new LiveSession();
    session.load(readProvinceVillages('33'), [], 'rural');
    session.evaluate(sites, { radiusKm: 3, centerRadiusKm: 60 });
    const node = session.phasePlan(defaultCostModel(), YEARS, BUDGET_YUAN);
    expect(fileSites.map((s) => s.phase ?? 0)).toEqual(Array.from(node.year));
    expect(rows.map((r) => r.covered)).toEqual(node.years.map((y) => y.coveredVillages));
    rows.forEach((r, k) => expect(r.spendYuan).toBeCloseTo(node.years[k].spendYuan, 3));
    const inYear1 = fileSites.filter((s) => s.phase === 1).length;
    expect(inYear1).toBeGreaterThan(0);
    expect(inYear1).toBeLessThan(STATIONS);

    // The map: sites in the year colours, none left in the proposed blue; a legend in the card.
    const [proposedAfter, ...yearsAfter] = await mapPixels([proposed, ...years]);
    expect(yearsAfter[0], `year 1 pixels ${yearsAfter} before ${yearsBefore}`).toBeGreaterThan(yearsBefore[0]);
    expect(yearsAfter.filter((n, k) => n > yearsBefore[k]).length).toBeGreaterThanOrEqual(2);
    expect(proposedAfter).toBeLessThan(proposedBefore);
    expect(await page.getByTestId('phase-legend').textContent()).toContain('Year 3');

    // GeoJSON export: each site's phase property is its year.
    const geojson = JSON.parse(await download(/^GeoJSON/, 'ruralreach-sites.geojson', 3)) as {
      features: { properties: { id: string; phase: number | null } }[];
    };
    const yearOf = new Map(fileSites.map((s) => [s.id, s.phase ?? 0]));
    for (const f of geojson.features) expect(f.properties.phase ?? 0).toBe(yearOf.get(f.properties.id));

    // Undo removes the phases in one step: blue sites again, no year colours, the figures hidden.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => page.locator('[data-testid=phase-years-table]').count()).toBe(0);
    expect(await page.getByTestId('phase-status').textContent()).toMatch(/changed since it was phased/);
    const [proposedUndone, ...yearsUndone] = await mapPixels([proposed, ...years]);
    expect(proposedUndone).toBeGreaterThan(proposedAfter);
    expect(yearsUndone[0]).toBeLessThan(yearsAfter[0]);
    expect(await page.getByTestId('phase-legend').textContent()).toBe('');
    expect(watch.consoleErrors).toEqual([]);
  }, 300_000);
});
