import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readPlanFile } from '../../src/io/plan-file';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, waitForMapIdle, watchPage, type PageWatch } from './browser';
import { suggestStations } from './plan-steps';

const baseUrl = inject('baseUrl');
const PROVINCE = '33';
const SMALL_N = 20;

interface Hooks {
  __autosaveWrites?: number;
  __autosaveReady?: boolean;
  __killWorkers?: () => void;
  __project?: (lon: number, lat: number) => { x: number; y: number };
}

/** Station count and coverage share as shown, once the coverage worker has answered. */
async function shown(page: Page): Promise<{ stations: number; share: string; covered: string }> {
  await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=station-count]')?.textContent ?? ''));
  const text = async (id: string) => (await page.getByTestId(id).textContent()) ?? '';
  return {
    stations: Number((await text('station-count')).replace(/[^\d]/g, '')),
    share: await text('coverage-share'),
    covered: await text('villages-covered'),
  };
}

/** Opens the planner and waits until the saved state is restored and the map has settled. */
async function open(page: Page): Promise<void> {
  await page.goto(`${baseUrl}?lang=en&province=${PROVINCE}`);
  await page.waitForFunction(() => (window as unknown as Hooks).__autosaveReady === true, null, { timeout: 60_000 });
  await waitForMapIdle(page);
}

/** Waits until the autosave has written more than `count` records. */
async function waitForWrite(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => ((window as unknown as Hooks).__autosaveWrites ?? 0) > n, count, {
    timeout: 30_000,
  });
}

const writes = (page: Page) => page.evaluate(() => (window as unknown as Hooks).__autosaveWrites ?? 0);

describe('persistence: autosave to IndexedDB, restored on reload', () => {
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watch = watchPage(page, baseUrl);
    await open(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a suggestion, its settings and the map view survive a reload', async () => {
    expect((await shown(page)).stations).toBe(0);
    await suggestStations(page, SMALL_N);
    const before = await shown(page);
    expect(before.stations).toBe(SMALL_N);
    expect(Number(before.share.replace(/[^\d.]/g, ''))).toBeGreaterThan(0);
    // Zoom in and wait for the view to be saved too.
    const n = await writes(page);
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -600);
    await waitForMapIdle(page);
    await waitForWrite(page, n);
    const spot = () => page.evaluate(() => (window as unknown as Hooks).__project!(120.5, 29.5));
    const where = await spot();

    await page.reload();
    await open(page);
    await page.waitForFunction(
      (want) => document.querySelector('[data-testid=coverage-share]')?.textContent === want,
      before.share,
      { timeout: 60_000 },
    );
    const after = await shown(page);
    expect(after).toEqual(before);
    await expect(page.getByLabel('New stations (N)').inputValue()).resolves.toBe(String(SMALL_N));
    const again = await spot();
    expect(Math.abs(again.x - where.x)).toBeLessThan(2);
    expect(Math.abs(again.y - where.y)).toBeLessThan(2);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('killing the workers mid-edit loses nothing: the edit is saved and back after a reload', async () => {
    const before = await shown(page);
    await page.getByRole('button', { name: 'Add station', exact: true }).click();
    await page.evaluate(() => (window as unknown as Hooks).__killWorkers!());
    const n = await writes(page);
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.45);
    await waitForWrite(page, n);

    await page.reload();
    await open(page);
    await page.waitForFunction(
      (want) =>
        Number((document.querySelector('[data-testid=station-count]')?.textContent ?? '').replace(/\D/g, '')) === want,
      before.stations + 1,
      { timeout: 60_000 },
    );
    expect((await shown(page)).stations).toBe(before.stations + 1);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('downloads the plan file: readPlanFile reads the shown stations and settings back', async () => {
    const { stations } = await shown(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download plan file (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ruralreach-plan.json');
    const file = readPlanFile(readFileSync((await download.path())!, 'utf8'));
    expect(file.provinceCode).toBe(PROVINCE);
    expect(file.plan.sites).toHaveLength(stations);
    expect(file.settings.stations).toBe(SMALL_N);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('migrates the old localStorage autosave into IndexedDB once, then removes it', async () => {
    const legacy = JSON.stringify({
      version: 1,
      provinceCode: PROVINCE,
      settings: { radiusKm: 4 },
      plan: {
        sites: [
          [120.2, 30.1, 0, 0],
          [120.6, 29.8, 0, 0],
        ],
        suggestion: null,
      },
      scenarios: [],
    });
    // A fresh profile: no IndexedDB record yet, only the old key.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const fresh = await context.newPage();
    await fresh.addInitScript((text) => {
      if (sessionStorage.getItem('seeded') === null) {
        localStorage.setItem('ruralreach.planner', text);
        sessionStorage.setItem('seeded', '1');
      }
    }, legacy);
    await open(fresh);
    await fresh.waitForFunction(
      () => (document.querySelector('[data-testid=station-count]')?.textContent ?? '').replace(/\D/g, '') === '2',
      null,
      { timeout: 60_000 },
    );
    await expect(fresh.locator('#plan-panel').getByLabel('Station reach (km)').inputValue()).resolves.toBe('4');
    await fresh.waitForFunction(() => localStorage.getItem('ruralreach.planner') === null);
    await fresh.reload();
    await open(fresh);
    await fresh.waitForFunction(
      () => (document.querySelector('[data-testid=station-count]')?.textContent ?? '').replace(/\D/g, '') === '2',
      null,
      { timeout: 60_000 },
    );
    await context.close();
  });
});
