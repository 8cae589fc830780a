/**
 * The rollout mode in a real browser: switch to Rollout, run the default national programme in the rollout worker,
 * and check that the targets card shows the engine's own figures (`runRollout` run here in Node on the same
 * merged villages); then move the timeline to year 1 and check the map shows fewer sites than at the last year.
 * Then open Zhejiang in the planner: its rollout sites with the CLI's ids and years as phases, and the planner's
 * live covered count equal to the province row less the villages that only stations across the border reach.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { rolloutGeoJson } from '../../src/cli/rollout-output';
import { haversineKm } from '../../src/core/distance/haversine';
import { mergeVillageTables } from '../../src/core/live/national';
import { defaultRolloutParams } from '../../src/core/rollout/defaults';
import type { RolloutResult } from '../../src/core/rollout/rollout-types';
import { readManifest, readProvinceVillages } from '../../src/data/node-files';
import type { PlanFile } from '../../src/io/plan-file';
import { rgbaOf, yearScale } from '../../src/map/layers/rollout-colours';
import { launchBrowser, waitForMapIdle, watchPage, type PageWatch } from './browser';
import { countPixels, near, readPng } from './pixels';
import { nodeRollout } from './rollout-node';

const baseUrl = inject('baseUrl');

interface Hooks {
  __rolloutDrawn?: { year: number; centers: number; stations: number; villages: number; frame: number };
  __rolloutWallMs?: number;
  __rolloutSeconds?: number;
}

/** Waits until the rollout layers of `year` are drawn with the villages, then two more frames for deck.gl. */
async function drawnYear(page: Page, year: number): Promise<void> {
  await page.waitForFunction(
    (y) => {
      const drawn = (window as unknown as Hooks).__rolloutDrawn;
      return drawn !== undefined && drawn.year === y && drawn.villages > 0;
    },
    year,
    { timeout: 120_000 },
  );
  await waitForMapIdle(page);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

describe('the national rollout in the app', () => {
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  let engine: RolloutResult;

  beforeAll(async () => {
    engine = nodeRollout(defaultRolloutParams());
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watch = watchPage(page, baseUrl);
    await page.goto(`${baseUrl}?lang=en`);
    await waitForMapIdle(page, 120_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('runs the default programme in the worker and shows the engine figures, the charts and the timeline', async () => {
    await page.locator('#mode-switch button[data-mode=rollout]').click();
    await expect(page.locator('#plan-panel').isVisible()).resolves.toBe(false);
    const run = page.getByTestId('rollout-run');
    await expect(run.isEnabled()).resolves.toBe(true);

    // An invalid value: its message next to the field, Run disabled; then back.
    const years = page.locator('input[data-field=years]');
    await years.fill('7');
    await years.press('Enter');
    await expect(
      page.locator('.rollout-field', { has: years }).locator('.field-message').textContent(),
    ).resolves.toMatch(/years must be/);
    await expect(run.isEnabled()).resolves.toBe(false);
    await years.fill('5');
    await years.press('Enter');
    await expect(run.isEnabled()).resolves.toBe(true);

    await run.click();
    await page.getByTestId('target-counties').waitFor({ timeout: 240_000 });
    const value = async (id: string) => Number(await page.getByTestId(id).getAttribute('data-value'));
    const last = engine.years[engine.years.length - 1];
    expect(await value('target-counties')).toBe(last.countiesWithCenter);
    expect(await value('target-villages')).toBe(last.ruralVillagesCovered);
    expect(await value('target-spend')).toBe(engine.totalSpendYuan);
    await expect(page.getByTestId('targets-met').getAttribute('data-pass')).resolves.toBe(String(engine.targets.met));
    // The method in the page's language, with this run's numbers.
    await expect(page.getByTestId('rollout-method').textContent()).resolves.toMatch(
      /by rural villages their best stations reach per yuan .*until 1,000 centers.*lazy greedy max coverage \(Minoux 1978\) of rural villages within 3 km/,
    );
    // Charts: one point per year, and the target line.
    for (const chart of ['chart-coverage', 'chart-spend']) {
      await expect(page.getByTestId(chart).locator('circle').count()).resolves.toBe(engine.years.length);
      await expect(page.getByTestId(chart).locator('[data-role=target]').count()).resolves.toBe(1);
    }
    // Breakdown: one row per province; a province opens its counties.
    const breakdown = page.getByTestId('rollout-breakdown').locator('tbody tr');
    await expect(breakdown.count()).resolves.toBe(engine.provinceRows.length);
    const zhejiang = engine.countyRows.filter((r) => r.provinceCode === '33');
    const zhejiangName = engine.provinceRows.find((r) => r.code === '33')!.name || '浙江省';
    await page.getByRole('button', { name: `Counties of ${zhejiangName}`, exact: true }).click();
    await expect(breakdown.count()).resolves.toBe(zhejiang.length);
    await page.getByRole('button', { name: 'All provinces' }).click();

    // The share link carries the parameters.
    await page.getByTestId('share-button').click();
    const link = new URL((await page.getByTestId('share-link').getAttribute('href'))!);
    expect(link.searchParams.get('view')).toBe('government');
    expect(link.searchParams.get('area')).toBe('33');

    // Timeline: the last year, then year 1 shows fewer site pixels.
    const lastYear = engine.params.years;
    await drawnYear(page, lastYear);
    const box = (await page.locator('#map').boundingBox())!;
    const scale = yearScale(lastYear);
    const colours = scale.domain().map((y) => rgbaOf(scale(y)).slice(0, 3) as [number, number, number]);
    const sitePixels = async () =>
      countPixels(readPng(await page.screenshot()), box, (r, g, b) => colours.some((c) => near(r, g, b, c, 24)));
    const atLast = await sitePixels();
    await page.locator('#rollout-side').evaluate((side) => side.scrollTo(0, 0));
    await page.screenshot({ path: 'artifacts/rollout.png' });
    if (process.env.UPDATE_SCREENSHOT || !existsSync('docs/rollout.png')) {
      writeFileSync('docs/rollout.png', await page.screenshot());
    }
    await page.getByTestId('year-slider').fill('1');
    await drawnYear(page, 1);
    const drawn = await page.evaluate(() => (window as unknown as Hooks).__rolloutDrawn!);
    expect(drawn.centers).toBe(engine.years[0].centers);
    expect(drawn.stations).toBe(engine.years[0].stations);
    const atFirst = await sitePixels();
    expect(atFirst).toBeLessThan(atLast);
    await expect(page.getByTestId('year-caption').textContent()).resolves.toContain('End of year 1');

    const timing = await page.evaluate(() => {
      const h = window as unknown as Hooks;
      return { seconds: h.__rolloutSeconds ?? NaN, wallMs: h.__rolloutWallMs ?? NaN };
    });
    console.log(
      `[rollout e2e] worker compute ${timing.seconds.toFixed(2)} s, click to results ${(timing.wallMs / 1000).toFixed(2)} s; ` +
        `Node ${engine.seconds.toFixed(2)} s; site/village pixels year ${lastYear} ${atLast}, year 1 ${atFirst}; ` +
        `${last.countiesWithCenter} counties with a center, ${(last.coverageShare * 100).toFixed(2)} % of rural villages, ` +
        `spend by year ${engine.years.map((y) => (y.yearSpendYuan / 1e8).toFixed(2)).join(' / ')} (100 million yuan)`,
    );
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  }, 600_000);

  it('opens Zhejiang in the planner: its sites phased by year, the covered count of the row less the border', async () => {
    const { table, parts } = mergeVillageTables(readManifest().provinces.map((p) => readProvinceVillages(p.code)));
    const part = parts.find((p) => p.provinceCode === '33')!;
    const row = engine.provinceRows.find((r) => r.code === '33')!;
    // The CLI's sites of Zhejiang (npm run rollout's GeoJSON), and its stations for the brute-force count below.
    const cliSites = rolloutGeoJson(engine, table).features.filter((f) => f.properties.provinceCode === '33');
    const stations = cliSites.filter((f) => f.properties.role === 'station').map((f) => f.geometry.coordinates);
    expect(stations.length).toBe(row.stations);
    // Zhejiang villages covered in the rollout that no Zhejiang station reaches: only a neighbour's station does.
    let borderOnly = 0;
    for (let i = part.offset; i < part.offset + part.count; i++) {
      if (engine.villageYear[i] === 0) continue;
      const [lon, lat] = [table.positions[2 * i], table.positions[2 * i + 1]];
      const reached = stations.some(
        ([x, y]) => Math.abs(y - lat) < 0.05 && haversineKm(x, y, lon, lat) <= engine.params.stationRadiusKm,
      );
      if (!reached) borderOnly++;
    }

    const zhejiangName = row.name || '浙江省';
    await page.getByRole('button', { name: `Counties of ${zhejiangName}`, exact: true }).click();
    await page.getByTestId('rollout-open-planner').click();
    await expect.poll(() => page.evaluate(() => document.body.dataset.mode)).toBe('planner');
    await expect(page.locator('#province-select').inputValue()).resolves.toBe('33');
    const digits = async (id: string) => Number(((await page.getByTestId(id).textContent()) ?? '').replace(/\D/g, ''));
    await expect.poll(() => digits('station-count'), { timeout: 60_000 }).toBe(row.stations);
    await expect.poll(() => digits('center-count')).toBe(row.centers);
    const covered = async () => {
      const text = (await page.getByTestId('villages-covered').textContent()) ?? '';
      return Number(text.split(' of ')[0].replace(/\D/g, ''));
    };
    await expect.poll(covered, { timeout: 60_000 }).toBe(row.villagesCovered - borderOnly);
    const maxYear = Math.max(...cliSites.map((f) => f.properties.year));
    await expect.poll(() => page.getByTestId('phase-legend').textContent()).toContain(`Year ${maxYear}`);
    await waitForMapIdle(page);
    await page.screenshot({ path: 'artifacts/rollout-planner.png' });

    // The plan file: the CLI's ids, the rollout year as each site's phase, the two-tier settings of the rollout.
    const dir = mkdtempSync(join(tmpdir(), 'ruralreach-rollout-'));
    const files: Download[] = [];
    const listener = (d: Download) => files.push(d);
    page.on('download', listener);
    await page.getByRole('button', { name: /^Download plan file/ }).click();
    await expect.poll(() => files.length, { timeout: 60_000 }).toBe(1);
    page.off('download', listener);
    await files[0].saveAs(join(dir, 'plan.json'));
    const planFile = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as PlanFile;
    const yearOf = new Map(cliSites.map((f) => [f.properties.id, f.properties.year]));
    expect(planFile.provinceCode).toBe('33');
    expect(planFile.plan.sites).toHaveLength(yearOf.size);
    for (const site of planFile.plan.sites) expect(site.phase).toBe(yearOf.get(site.id));
    expect(planFile.settings).toMatchObject({ model: 'two-tier', radiusKm: 3, centerRadiusKm: 60 });
    console.log(
      `[rollout e2e] Zhejiang in the planner: ${row.stations} stations, ${row.centers} centers; covered ` +
        `${row.villagesCovered - borderOnly} = row ${row.villagesCovered} - ${borderOnly} reached only across the border`,
    );

    // One undoable step: undo leaves the empty plan of Zhejiang.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => digits('station-count')).toBe(0);
    expect(watch.consoleErrors).toEqual([]);
  }, 300_000);
});
