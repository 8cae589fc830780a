/**
 * The planner's later tools in a real browser, in English, on three counties of Zhejiang (small and fast): a
 * two-tier suggestion with the center reach in minutes of driving (figures checked against the engine run here
 * on the same inputs), keyboard editing of a station, and villages coloured by distance to the nearest station.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { centerReachKm, DEFAULT_SETTINGS, planParams, reachOf } from '../../src/app/planner/state';
import { LiveSession } from '../../src/core/live/session';
import { emptySites } from '../../src/core/live/sites';
import { runPlan } from '../../src/core/plan';
import { DEFAULT_DATA_DIR, readProvinceVillages } from '../../src/data/node-files';
import { launchBrowser, waitForMapIdle, watchPage, type PageWatch } from './browser';

const baseUrl = inject('baseUrl');
const AREA = ['330122', '330127', '330182'];
const SETTINGS = {
  ...DEFAULT_SETTINGS,
  model: 'two-tier' as const,
  stations: 40,
  centers: 2,
  centerReachUnit: 'min' as const,
  centerDurationMin: 45,
  area: AREA,
};

const number = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));
const text = async (page: Page, id: string) => (await page.getByTestId(id).textContent()) ?? '';

describe('the planner tools: two tier in minutes, keyboard editing, distance colours', () => {
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watch = watchPage(page, baseUrl);
    await page.goto(`${baseUrl}?lang=en&province=33`);
    await waitForMapIdle(page);
    await page.waitForFunction(() =>
      /\d/.test(document.querySelector('[data-testid=villages-covered]')?.textContent ?? ''),
    );
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('suggests county centers and stations with the center reach in minutes; figures equal the engine', async () => {
    const features = JSON.parse(readFileSync(`${DEFAULT_DATA_DIR}/counties-simplified.geojson`, 'utf8')).features;
    const session = new LiveSession();
    session.load(readProvinceVillages('33'), features, 'rural', AREA);
    const request = session.planRequest(planParams(SETTINGS), emptySites(), 'rural');
    const result = await runPlan(request);
    const expected = session.evaluate(
      session.sitesOf(result.solution.selected, result.roles, emptySites()),
      reachOf(SETTINGS),
    );

    // The plan card's fields (the rollout card has fields of the same names).
    const plan = page.locator('#plan-panel');
    await plan.getByLabel('Area (counties)').selectOption(AREA);
    await plan.getByLabel('Model').selectOption('two-tier');
    for (const [label, value] of [
      ['New stations (N)', SETTINGS.stations],
      ['County centers', SETTINGS.centers],
    ] as const) {
      await plan.getByLabel(label, { exact: true }).fill(String(value));
      await plan.getByLabel(label, { exact: true }).press('Enter');
    }
    await plan.getByLabel('Center reach unit').selectOption('min');
    await plan.getByLabel('Center reach (minutes)').fill(String(SETTINGS.centerDurationMin));
    await plan.getByLabel('Center reach (minutes)').press('Tab');
    const help = await text(page, 'travel-time-help');
    expect(help).toContain(`${SETTINGS.centerDurationMin} min is about ${centerReachKm(SETTINGS).toFixed(1)} km`);
    await page.waitForFunction(
      (n) => (document.querySelector('[data-testid=villages-covered]')?.textContent ?? '').endsWith(`of ${n}`),
      expected.demandVillages.toLocaleString('en'),
    );
    await page.getByRole('button', { name: 'Suggest', exact: true }).click();
    await page.waitForFunction(
      (n) => (document.querySelector('[data-testid=center-count]')?.textContent ?? '') === String(n),
      expected.centers,
      { timeout: 60_000 },
    );
    expect(expected.centers).toBe(2);
    expect(number(await text(page, 'station-count'))).toBe(expected.stations);
    expect(number((await text(page, 'villages-covered')).split(' of ')[0])).toBe(expected.coveredVillages);
    expect(expected.coveredVillages).toBeGreaterThan(0);
  });

  it('moves the selected station with the arrow keys, undoes it, and deletes it with Delete', async () => {
    const stations = number(await text(page, 'station-count'));
    await page.getByLabel('Select site (number)').fill('1');
    await page.getByLabel('Select site (number)').press('Enter');
    const heading = page.locator('#edit-panel h3');
    await heading.waitFor();
    const position = async () => ((await heading.textContent()) ?? '').split('·')[1].split(',').map(Number);
    const [lon, lat] = await position();
    await page.getByRole('button', { name: 'Next site' }).focus();
    for (let k = 0; k < 3; k++) await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => /·/.test(document.querySelector('#edit-panel h3')?.textContent ?? ''));
    const [lon2, lat2] = await position();
    // 3 km north and 100 m east: 3 / 111.195 degrees of latitude.
    expect(lat2 - lat).toBeCloseTo(3 / 111.195, 3);
    expect(lon2).toBeGreaterThan(lon);
    for (let k = 0; k < 4; k++) await page.keyboard.press('Control+z');
    // Undo clears the selection: select the first site again, it is back where it was.
    await page.getByLabel('Select site (number)').fill('1');
    await page.getByLabel('Select site (number)').press('Enter');
    expect(await position()).toEqual([lon, lat]);
    await page.getByRole('button', { name: 'Next site' }).focus();
    await page.keyboard.press('Delete');
    await page.waitForFunction(
      (n) =>
        Number((document.querySelector('[data-testid=station-count]')?.textContent ?? '').replace(/\D/g, '')) === n,
      stations - 1,
    );
  });

  it('colours villages by distance to the nearest station, with its legend', async () => {
    await page.getByLabel('Village colours').selectOption('distance');
    const legend = page.getByTestId('distance-legend').locator('li');
    await legend.first().waitFor();
    expect(await legend.count()).toBe(7);
    await expect(legend.last().textContent()).resolves.toMatch(/over 20 km/);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
});
