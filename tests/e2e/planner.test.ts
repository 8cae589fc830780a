import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PlanResult } from '../../src/core/plan-types';
import { readProvinceVillages } from '../../src/data/node-files';
import { launchBrowser, waitForMapIdle, watchPage, type PageWatch } from './browser';
import { editSpots, engineMaxCoverage, type Spot } from './planner-engine';
import { describeScripts, pageNow, recordScripts, scriptsBetween } from './planner-loaf';

const baseUrl = inject('baseUrl');
const PROVINCE = '33';
const RADIUS_KM = 3;
const DEFAULT_N = 1000;

/** The whole numbers in a text ("14,686 of 19,429" -> [14686, 19429]). */
const integers = (text: string) => (text.match(/\d[\d,]*/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
/** "75.6%" -> 75.6 */
const percent = (text: string) => Number(text.replace(/[^\d.]/g, ''));

interface Figures {
  covered: number;
  demand: number;
  sharePct: number;
  stations: number;
}

async function figures(page: Page): Promise<Figures> {
  const text = async (id: string) => (await page.getByTestId(id).textContent()) ?? '';
  const [covered, demand] = integers(await text('villages-covered'));
  return {
    covered,
    demand,
    sharePct: percent(await text('coverage-share')),
    stations: integers(await text('station-count'))[0],
  };
}

/** Waits until the station count shows `n`. */
async function waitForStations(page: Page, n: number, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const text = document.querySelector('[data-testid=station-count]')?.textContent ?? '';
      return Number(text.replace(/[^\d]/g, '')) === want && text !== '';
    },
    n,
    { timeout },
  );
}

/** Waits until the covered count differs from `before`. */
async function waitForCoveredChange(page: Page, before: number): Promise<void> {
  await page.waitForFunction(
    (old) => {
      const text = document.querySelector('[data-testid=villages-covered]')?.textContent ?? '';
      const n = Number((text.match(/\d[\d,]*/) ?? ['-1'])[0].replace(/,/g, ''));
      return n >= 0 && n !== old;
    },
    before,
    { timeout: 30_000 },
  );
}

describe('the planner: suggest, edit, undo, compare, in English', () => {
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  let engine: PlanResult;
  let engineSmall: PlanResult;
  let spots: { gainful: Spot; barren: Spot };
  const report: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watch = watchPage(page, baseUrl);
    await recordScripts(page);
    await page.goto(`${baseUrl}?lang=en&province=${PROVINCE}`);
    await waitForMapIdle(page);
    await page.waitForFunction(() => ((window as unknown as { __villagesShown?: number }).__villagesShown ?? 0) > 0);
    await waitForStations(page, 0, 60_000);
    await page.waitForFunction(() =>
      /\d/.test(document.querySelector('[data-testid=villages-covered]')?.textContent ?? ''),
    );
    await waitForMapIdle(page);
    engine = await engineMaxCoverage(PROVINCE, DEFAULT_N, RADIUS_KM);
    spots = editSpots(PROVINCE, engine, RADIUS_KM);
    mkdirSync('artifacts', { recursive: true });
  });

  afterAll(async () => {
    for (const line of report) console.log(`[planner e2e] ${line}`);
    await browser?.close();
  });

  it('starts with the defaults: Zhejiang, 3 km, rural villages, no station', async () => {
    await expect(page.locator('#plan-panel').getByLabel('Station reach (km)').inputValue()).resolves.toBe(
      String(RADIUS_KM),
    );
    await expect(page.getByLabel('New stations (N)').inputValue()).resolves.toBe(String(DEFAULT_N));
    await expect(page.getByLabel('Demand villages').inputValue()).resolves.toBe('rural');
    await expect(page.locator('#province-select').inputValue()).resolves.toBe(PROVINCE);
    const start = await figures(page);
    expect(start).toMatchObject({ covered: 0, stations: 0, sharePct: 0, demand: engine.metrics.totalWeight });
  });

  it('Suggest runs the engine in the worker: progress ends, figures equal the engine, no long main-thread script', async () => {
    const from = await pageNow(page);
    await page.getByRole('button', { name: 'Suggest', exact: true }).click();
    await waitForStations(page, engine.solution.selected.length);
    const to = await pageNow(page);
    await expect(page.getByTestId('progress').getAttribute('data-state')).resolves.toBe('done');
    await expect(page.getByTestId('progress').evaluate((p) => (p as HTMLProgressElement).value)).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Cancel', exact: true }).isDisabled()).resolves.toBe(true);

    const shown = await figures(page);
    expect(shown.stations).toBe(engine.solution.selected.length);
    expect(shown.covered).toBe(engine.metrics.coveredWeight);
    expect(shown.demand).toBe(engine.metrics.totalWeight);
    expect(shown.sharePct).toBe(Number((engine.metrics.coverage * 100).toFixed(1)));
    expect(shown.stations).toBeGreaterThan(0);
    expect(shown.sharePct).toBeGreaterThan(0);
    const quality = (await page.getByTestId('quality').textContent()) ?? '';
    expect(quality).toMatch(/optimal/);
    if (!engine.solution.optimal) {
      const gapPct = Number(/within ([\d.]+) %/.exec(quality)?.[1]);
      expect(gapPct).toBeGreaterThanOrEqual(engine.solution.gap * 100 - 0.5);
      expect(gapPct).toBeLessThan(5);
    }

    const scripts = await scriptsBetween(page, from, to + 500);
    report.push(`Suggest (${shown.stations} stations, ${(to - from).toFixed(0)} ms): ${describeScripts(scripts)}`);
    expect(scripts[0]?.duration ?? 0).toBeLessThan(200);

    await waitForMapIdle(page);
    await page.screenshot({ path: 'artifacts/planner.png' });
    if (process.env.UPDATE_SCREENSHOT) writeFileSync('docs/planner.png', await page.screenshot());
  });

  it('draws the county coverage choropleth and the curve after a suggestion', async () => {
    await expect(page.getByLabel('Colour counties by').inputValue()).resolves.toBe('coverage');
    const rows = page.getByTestId('county-table').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(50);
    const covered = (await rows.locator('td:nth-child(3)').allTextContents()).map((t) => integers(t)[0]);
    expect(covered.reduce((a, b) => a + b, 0)).toBe(engine.metrics.coveredWeight);
    const curve = page.getByTestId('coverage-curve');
    await expect(curve.isVisible()).resolves.toBe(true);
    // A click halfway along the stations axis sets N to about half the suggestion's stations.
    const box = (await curve.boundingBox())!;
    const plotLeft = (40 / 300) * box.width;
    const plotWidth = ((300 - 40 - 8) / 300) * box.width;
    await curve.click({ position: { x: plotLeft + plotWidth / 2, y: box.height / 2 } });
    const n = Number(await page.getByLabel('New stations (N)').inputValue());
    expect(Math.abs(n - DEFAULT_N / 2)).toBeLessThanOrEqual(DEFAULT_N / 50);
    await page.getByLabel('New stations (N)').fill(String(DEFAULT_N));
    await page.getByLabel('New stations (N)').press('Enter');
    await expect(page.getByLabel('New stations (N)').inputValue()).resolves.toBe(String(DEFAULT_N));
  });

  it('Undo returns to the previous counts and Redo restores them (buttons and keys)', async () => {
    const suggested = await figures(page);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await waitForStations(page, 0);
    expect(await figures(page)).toMatchObject({ stations: 0, covered: 0, sharePct: 0 });
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await waitForStations(page, suggested.stations);
    expect(await figures(page)).toEqual(suggested);

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await waitForStations(page, 0);
    await page.keyboard.press('Control+Shift+z');
    await waitForStations(page, suggested.stations);
    await page.keyboard.press('Control+z');
    await waitForStations(page, 0);
    await page.keyboard.press('Control+y');
    await waitForStations(page, suggested.stations);
    expect(await figures(page)).toEqual(suggested);
  });

  it('adds a station by clicking and drags it: the covered count follows, then undo steps back', async () => {
    const before = await figures(page);
    const countyName = countyNameOf(spots.gainful.countyCode);
    await page.getByRole('button', { name: `Zoom to ${countyName}` }).click();
    await page.waitForTimeout(300);
    await waitForMapIdle(page);
    const project = (s: Spot) =>
      page.evaluate(
        ([lon, lat]) =>
          (window as unknown as { __project: (x: number, y: number) => { x: number; y: number } }).__project(lon, lat),
        [s.lon, s.lat],
      );
    const a = await project(spots.gainful);
    const b = await project(spots.barren);
    const box = (await page.locator('#map').boundingBox())!;
    for (const p of [a, b]) {
      expect(p.x).toBeGreaterThan(box.x + 40);
      expect(p.x).toBeLessThan(box.x + box.width - 10);
      expect(p.y).toBeGreaterThan(box.y + 10);
      expect(p.y).toBeLessThan(box.y + box.height - 10);
    }

    await page.getByRole('button', { name: 'Add station', exact: true }).click();
    await expect(
      page.getByRole('button', { name: 'Add station', exact: true }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await page.mouse.click(a.x, a.y);
    await waitForStations(page, before.stations + 1);
    await waitForCoveredChange(page, before.covered);
    const added = await figures(page);
    expect(added.covered).toBeGreaterThan(before.covered);
    expect(added.covered - before.covered).toBeLessThanOrEqual(spots.gainful.gain + 3);
    await page.getByRole('button', { name: 'Add station', exact: true }).click(); // back to select mode

    const latenciesBefore = await dragLatencies(page);
    const from = await pageNow(page);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    const steps = 20;
    for (let k = 1; k <= steps; k++) {
      await page.mouse.move(a.x + ((b.x - a.x) * k) / steps, a.y + ((b.y - a.y) * k) / steps);
      await page.waitForTimeout(30);
    }
    const during = await figures(page);
    await page.mouse.up();
    const to = await pageNow(page);
    await waitForCoveredChange(page, added.covered);
    const dropped = await figures(page);
    expect(dropped.stations).toBe(before.stations + 1);
    expect(dropped.covered).toBe(before.covered); // nothing uncovered near the drop point
    expect(during.covered).toBeLessThan(added.covered); // the numbers moved while dragging

    const latencies = (await dragLatencies(page)).slice(latenciesBefore.length).sort((x, y) => x - y);
    expect(latencies.length).toBeGreaterThan(0);
    const scripts = await scriptsBetween(page, from, to + 500);
    report.push(
      `drag: ${latencies.length} live updates, drag-to-metrics median ${latencies[latencies.length >> 1].toFixed(1)} ms, ` +
        `max ${latencies[latencies.length - 1].toFixed(1)} ms; main thread: ${describeScripts(scripts)}`,
    );
    expect(scripts[0]?.duration ?? 0).toBeLessThan(200);

    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await waitForCoveredChange(page, dropped.covered);
    expect((await figures(page)).covered).toBe(added.covered);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await waitForStations(page, before.stations);
    expect(await figures(page)).toEqual(before);
  });

  it('saves two scenarios and compares them: figures of both equal the engine, villages lost are shown', async () => {
    const big = await figures(page);
    await page.getByLabel('Scenario name').fill(`N = ${DEFAULT_N}`);
    await page.getByRole('button', { name: 'Save scenario' }).click();

    const smallN = 400;
    engineSmall = await engineMaxCoverage(PROVINCE, smallN, RADIUS_KM);
    await page.getByLabel('New stations (N)').fill(String(smallN));
    await page.getByLabel('New stations (N)').press('Enter');
    await page.getByRole('button', { name: 'Suggest', exact: true }).click();
    await waitForStations(page, engineSmall.solution.selected.length);
    const small = await figures(page);
    expect(small.covered).toBe(engineSmall.metrics.coveredWeight);
    await page.getByLabel('Scenario name').fill(`N = ${smallN}`);
    await page.getByRole('button', { name: 'Save scenario' }).click();

    // Duplicate, rename and delete.
    const list = page.getByTestId('scenario-list').locator('li');
    await expect(list.count()).resolves.toBe(2);
    await list.nth(1).getByRole('button', { name: 'Duplicate' }).click();
    await expect(list.count()).resolves.toBe(3);
    const copyName = page.getByLabel(`Name of scenario N = ${smallN} (copy)`);
    await copyName.fill('Spare');
    await copyName.press('Enter');
    await expect(page.getByLabel('Name of scenario Spare').inputValue()).resolves.toBe('Spare');
    await list.nth(2).getByRole('button', { name: 'Delete' }).click();
    await expect(list.count()).resolves.toBe(2);

    await page.getByLabel('Scenario A').selectOption({ label: `N = ${DEFAULT_N}` });
    await page.getByLabel('Scenario B').selectOption({ label: `N = ${smallN}` });
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const table = page.getByTestId('comparison');
    await table.waitFor();
    const row = async (label: string) =>
      await table.locator('tr', { hasText: label }).first().locator('td').allTextContents();
    const coveredRow = await row('Villages covered');
    expect(integers(coveredRow[0])[0]).toBe(big.covered);
    expect(integers(coveredRow[1])[0]).toBe(engineSmall.metrics.coveredWeight);
    expect(coveredRow[2]).toMatch(/^−/);
    const lost = integers((await row('Villages lost'))[2])[0];
    const gained = integers((await row('Villages gained'))[2])[0];
    expect(lost - gained).toBe(big.covered - small.covered);
    expect(lost).toBeGreaterThan(0);
    await waitForMapIdle(page);
    await page.screenshot({ path: 'artifacts/planner-compare.png' });
    if (process.env.UPDATE_SCREENSHOT) writeFileSync('docs/planner-compare.png', await page.screenshot());
    await page.getByRole('button', { name: 'Close comparison' }).click();
    await expect(table.count()).resolves.toBe(0);
  });

  it('Cancel ends a long run within seconds, with its best plan so far or the plan before it', async () => {
    const before = await figures(page);
    await page.getByLabel('Model').selectOption('pmedian'); // least average distance: about 15 s on Zhejiang
    await page.getByRole('button', { name: 'Suggest', exact: true }).click();
    await expect(page.getByTestId('progress').getAttribute('data-state')).resolves.toBe('running');
    await page.waitForTimeout(1500);
    const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
    await expect(cancel.isEnabled()).resolves.toBe(true);
    const started = Date.now();
    await cancel.click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=progress]')?.getAttribute('data-state') === 'done',
      null,
      { timeout: 10_000 },
    );
    const seconds = (Date.now() - started) / 1000;
    report.push(`Cancel of a p-median run: ended ${seconds.toFixed(1)} s after the click`);
    expect(seconds).toBeLessThan(8);
    const quality = (await page.getByTestId('quality').textContent()) ?? '';
    if (/Cancelled/.test(quality)) expect((await figures(page)).stations).toBeGreaterThan(0);
    else {
      expect(quality).toMatch(/Stopped before the planner had a plan/);
      expect(await figures(page)).toEqual(before);
    }
    await page.getByLabel('Model').selectOption('mclp');
  });

  it('switches language: Chinese labels, the same figures in Chinese number format, and back', async () => {
    const english = await figures(page);
    await page.locator('#lang-button').click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await expect(page.getByRole('button', { name: '推荐方案' }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: '撤销' }).count()).resolves.toBe(1);
    expect(await figures(page)).toEqual(english);
    await page.locator('#lang-button').click();
    await expect(page.getByRole('button', { name: 'Suggest', exact: true }).count()).resolves.toBe(1);
  });

  it('plans for an area of counties: the totals count only their villages', async () => {
    const whole = await figures(page);
    const table = readProvinceVillages(PROVINCE);
    const area = table.counties.slice(0, 3);
    let inArea = 0;
    for (let i = 0; i < table.count; i++)
      if (table.rural[i] && area.includes(table.counties[table.countyIndex[i]])) inArea++;
    await page.getByLabel('Area (counties)').selectOption(area);
    await page.waitForFunction(
      (n) =>
        new RegExp(`of ${n.toLocaleString('en')}$`).test(
          document.querySelector('[data-testid=villages-covered]')?.textContent ?? '',
        ),
      inArea,
      { timeout: 30_000 },
    );
    expect((await figures(page)).demand).toBe(inArea);
    await page.getByRole('button', { name: 'Whole province' }).click();
    await page.waitForFunction(
      (n) =>
        new RegExp(`of ${n.toLocaleString('en')}$`).test(
          document.querySelector('[data-testid=villages-covered]')?.textContent ?? '',
        ),
      whole.demand,
      { timeout: 30_000 },
    );
    expect(await figures(page)).toEqual(whole);
  });

  it('made no request to any other host and logged no console error', () => {
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});

function dragLatencies(page: Page): Promise<number[]> {
  return page.evaluate(() => [...((window as unknown as { __dragLatencies?: number[] }).__dragLatencies ?? [])]);
}

let countyNames: Map<string, string> | undefined;
function countyNameOf(code: string): string {
  countyNames ??= new Map(
    (
      JSON.parse(readFileSync('public/data/counties-simplified.geojson', 'utf8')) as {
        features: { properties: { code: string; name: string } }[];
      }
    ).features.map((f) => [f.properties.code, f.properties.name]),
  );
  return countyNames.get(code) ?? code;
}
