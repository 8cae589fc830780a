/**
 * The read-only government view: a link for Zhejiang (area=33) with a small programme recomputes the rollout in
 * the worker and shows the engine's figures for the province; nothing on the page edits (no planner cards, no
 * inputs but the year slider, a map click adds nothing), and the print layout hides the controls and keeps the map,
 * the legend and the totals.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { encodeRolloutParams } from '../../src/app/rollout/link';
import { defaultRolloutParams } from '../../src/core/rollout/defaults';
import type { RolloutCountyRow, RolloutParams } from '../../src/core/rollout/rollout-types';
import { launchBrowser, waitForMapIdle, watchPage, type PageWatch } from './browser';
import { nodeRollout } from './rollout-node';
import { countPixels, readPng } from './pixels';

const baseUrl = inject('baseUrl');
const PARAMS: RolloutParams = { ...defaultRolloutParams(), centers: 200, stations: 20_000, years: 3 };

interface Hooks {
  __rolloutDrawn?: { year: number; centers: number; stations: number; villages: number; frame: number };
}

describe('the government view', () => {
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  let row: RolloutCountyRow;

  beforeAll(async () => {
    row = nodeRollout(PARAMS).provinceRows.find((r) => r.code === '33')!;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watch = watchPage(page, baseUrl);
    await page.goto(`${baseUrl}?lang=en&view=government&area=33&rollout=${encodeRolloutParams(PARAMS)}`);
    await page.getByTestId('gov-totals').waitFor({ timeout: 240_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the engine figures of the province, read-only', async () => {
    await expect(page.getByTestId('gov-title').textContent()).resolves.toContain('浙江省');
    const value = async (id: string) => Number(await page.getByTestId(id).getAttribute('data-value'));
    expect(row.centers).toBeGreaterThan(0);
    expect(await value('gov-centers')).toBe(row.centers);
    expect(await value('gov-stations')).toBe(row.stations);
    expect(await value('gov-covered')).toBe(row.villagesCovered);
    expect(await value('gov-spend')).toBe(row.spendYuan);
    await expect(page.getByTestId('gov-covered').textContent()).resolves.toContain(
      row.ruralVillages.toLocaleString('en'),
    );
    await expect(page.getByTestId('gov-years').locator('tr[data-year]').count()).resolves.toBe(PARAMS.years);
    // No editing controls: no planner or rollout cards, no province choice, no input but the year slider.
    for (const id of ['#plan-panel', '#rollout-inputs', '#province-select', '#mode-switch', '#edit-panel']) {
      await expect(page.locator(id).count()).resolves.toBe(0);
    }
    await expect(page.locator('select, textarea').count()).resolves.toBe(0);
    const inputs = page.locator('input');
    await expect(inputs.count()).resolves.toBe(1);
    await expect(inputs.first().getAttribute('data-testid')).resolves.toBe('year-slider');
    await expect(page.getByTestId('year-play').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('gov-print').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('gov-problems').count()).resolves.toBe(0);

    // A click on the map adds nothing.
    await page.waitForFunction(() => ((window as unknown as Hooks).__rolloutDrawn?.villages ?? 0) > 0, null, {
      timeout: 120_000,
    });
    await waitForMapIdle(page);
    const before = await page.evaluate(() => (window as unknown as Hooks).__rolloutDrawn!);
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(300);
    const after = await page.evaluate(() => (window as unknown as Hooks).__rolloutDrawn!);
    expect([after.centers, after.stations, after.frame]).toEqual([before.centers, before.stations, before.frame]);

    // Print: controls hidden, map, legend and totals shown.
    await page.emulateMedia({ media: 'print' });
    for (const hidden of [
      '.topbar',
      '[data-testid=gov-print]',
      '[data-testid=year-slider]',
      '[data-testid=year-play]',
    ]) {
      expect(await page.locator(hidden).isVisible(), hidden).toBe(false);
    }
    for (const shown of [
      '#map',
      '[data-testid=gov-totals]',
      '[data-testid=rollout-legend]',
      '[data-testid=gov-title]',
    ]) {
      expect(await page.locator(shown).isVisible(), shown).toBe(true);
    }
    const mapBox = (await page.locator('#map').boundingBox())!;
    expect(mapBox.height).toBeGreaterThan(300);
    await page.emulateMedia({ media: 'screen' });
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  }, 300_000);

  it('prints one A4 page with the map drawn (real PDF, rasterised by poppler)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rr-print-'));
    const pdf = join(dir, 'view.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)|Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/);
    execFileSync('pdftoppm', ['-r', '40', '-png', '-singlefile', pdf, join(dir, 'page')]);
    const png = readPng(readFileSync(join(dir, 'page.png')));
    // The map fills the top of the page (below the 12 mm margin): its pixels are coloured, not the paper's white,
    // which is what a WebGL canvas that printed blank would leave.
    const mapArea = { x: png.width * 0.1, y: png.height * 0.06, width: png.width * 0.8, height: png.height * 0.3 };
    const coloured = countPixels(png, mapArea, (r, g, b) => Math.max(r, g, b) - Math.min(r, g, b) > 30);
    expect(coloured / (mapArea.width * mapArea.height)).toBeGreaterThan(0.25);
    console.log(
      `[government e2e] print: 1 A4 page, ${((100 * coloured) / (mapArea.width * mapArea.height)).toFixed(0)} % of the map area coloured`,
    );
  }, 120_000);

  it('shows a county without a center: its name, zero centers and the notice, no link problem', async () => {
    const county = '540102'; // 城关区, Lhasa: no center among the first 200 with Zhejiang first
    const rows = nodeRollout(PARAMS).countyRows;
    expect(rows.some((r) => r.code === county)).toBe(false);
    const view = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    const viewWatch = watchPage(view, baseUrl);
    await view.goto(`${baseUrl}?lang=en&view=government&area=${county}&rollout=${encodeRolloutParams(PARAMS)}`);
    await view.getByTestId('gov-totals').waitFor({ timeout: 120_000 });
    await expect(view.getByTestId('gov-title').textContent()).resolves.toContain('城关区 (西藏自治区)');
    await expect(view.getByTestId('gov-centers').getAttribute('data-value')).resolves.toBe('0');
    await expect(view.getByTestId('gov-no-center').isVisible()).resolves.toBe(true);
    await expect(view.getByTestId('gov-problems').count()).resolves.toBe(0);
    // The timeline speaks of the county, not of the country.
    await expect(view.getByTestId('year-caption').textContent()).resolves.toMatch(/: 0 centers, 0 stations/);
    await view.close();
    expect(viewWatch.consoleErrors).toEqual([]);
  }, 120_000);

  it('falls back to the defaults with a message for a bad link, without an error', async () => {
    const bad = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    const badWatch = watchPage(bad, baseUrl);
    await bad.goto(`${baseUrl}?lang=en&view=government&area=33&rollout=%%%not-params`);
    await bad.getByTestId('gov-problems').waitFor({ timeout: 60_000 });
    await expect(bad.getByTestId('gov-problems').textContent()).resolves.toMatch(/showing the defaults/);
    await bad.close();
    expect(badWatch.consoleErrors).toEqual([]);
  }, 120_000);
});
