import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readProvinceVillages } from '../../src/data/node-files';
import { launchBrowser, waitForMapIdle, watchPage, type PageWatch } from './browser';

const baseUrl = inject('baseUrl');
const FIXTURES = join(__dirname, '..', 'fixtures', 'import');
const PAYLOAD = '<img src=x onerror=alert(1)>';
/** Counties of the villages in villages-gcj02.csv (written by tests/fixtures/import/make.ts). */
const COUNTIES = JSON.parse(readFileSync(join(FIXTURES, 'villages-gcj02.counties.json'), 'utf8')) as string[];

interface Hooks {
  __autosaveReady?: boolean;
  __importsDone?: number;
  __villageDots?: number;
  __longestTaskMs?: number;
  __xss?: number;
}

/** Embedded Zhejiang villages, and those outside the fixture's counties (the dots left once it is imported). */
function embeddedDots(): { all: number; elsewhere: number } {
  const table = readProvinceVillages('33');
  let elsewhere = 0;
  for (let i = 0; i < table.count; i++) if (!COUNTIES.includes(table.counties[table.countyIndex[i]])) elsewhere++;
  return { all: table.count, elsewhere };
}

const integers = (text: string) => (text.match(/[\d,]+/g) ?? []).map((s) => Number(s.replace(/,/g, '')));

async function open(page: Page): Promise<void> {
  await page.goto(`${baseUrl}?lang=en&province=33`);
  await page.waitForFunction(() => (window as unknown as Hooks).__autosaveReady === true, null, { timeout: 60_000 });
  await waitForMapIdle(page);
}

const importsDone = (page: Page) => page.evaluate(() => (window as unknown as Hooks).__importsDone ?? 0);

/** Chooses a fixture with the file input and waits for the form. */
async function choose(page: Page, name: string): Promise<void> {
  await page.setInputFiles('#data-file-input', join(FIXTURES, name));
  await page.waitForFunction(
    (file) => document.querySelector('[data-testid=data-file-name]')?.textContent === file,
    name,
  );
  await page.locator('#data-role').waitFor();
}

/** Presses Import (or another button) and waits until the import has finished. */
async function runImport(page: Page, button = 'Import'): Promise<void> {
  const before = await importsDone(page);
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForFunction((n) => ((window as unknown as Hooks).__importsDone ?? 0) > n, before, { timeout: 60_000 });
}

const text = async (page: Page, id: string) => (await page.getByTestId(id).textContent()) ?? '';

async function waitForStations(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (want) =>
      Number((document.querySelector('[data-testid=station-count]')?.textContent ?? '').replace(/\D/g, '')) === want,
    n,
    { timeout: 60_000 },
  );
}

describe('import of the user data in the app', () => {
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  const dialogs: string[] = [];
  const dots = embeddedDots();

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watch = watchPage(page, baseUrl);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // The main thread's longest task (Long Tasks API), measured from the first script on.
    await page.addInitScript(() => {
      const hooks = window as unknown as Hooks;
      hooks.__longestTaskMs = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          hooks.__longestTaskMs = Math.max(hooks.__longestTaskMs ?? 0, entry.duration);
        }
      }).observe({ type: 'longtask', buffered: true });
    });
    await open(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('imports GCJ-02 villages with bad rows: summary, problems download, data line, totals and dots', async () => {
    expect(await text(page, 'data-line')).toBe('Villages: embedded registry (synthetic positions)');
    await page.waitForFunction((n) => (window as unknown as Hooks).__villageDots === n, dots.all, { timeout: 60_000 });
    await choose(page, 'villages-gcj02.csv');
    expect(await page.locator('#data-panel').textContent()).toContain('Delimiter: , (comma)');
    await page.getByLabel('Coordinates').selectOption('gcj02');
    await page.getByLabel('Weight field').selectOption('pop');
    await runImport(page);
    expect(await text(page, 'import-summary')).toBe('kept 300 of 303 rows; 3 problems');
    expect(await page.locator('.problems li').allTextContents()).toHaveLength(3);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-problems').click(),
    ]);
    expect(download.suggestedFilename()).toBe('villages-gcj02-problems.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['file', 'location', 'field', 'message', 'code']);
    expect(rows.length - 1).toBe(3);
    for (const row of rows.slice(1)) expect(row[4]).toMatch(/^[a-z][A-Za-z]+$/);

    await page.waitForFunction(() =>
      /in 3 counties/.test(document.querySelector('[data-testid=data-line]')?.textContent ?? ''),
    );
    expect(await text(page, 'data-line')).toBe(
      'Villages: villages-gcj02.csv (300, GCJ-02 → WGS 84) in 3 counties + embedded elsewhere',
    );
    // The map draws the worker's villages: the embedded ones elsewhere and the 300 imported ones.
    await page.waitForFunction((n) => (window as unknown as Hooks).__villageDots === n, dots.elsewhere + 300);
    // Within the three counties, the demand is exactly the imported villages.
    await page.getByLabel('Area (counties)').selectOption(COUNTIES);
    await page.waitForFunction(() =>
      /of 300$/.test(document.querySelector('[data-testid=villages-covered]')?.textContent ?? ''),
    );
    expect(integers(await text(page, 'villages-covered'))[1]).toBe(300);
  });

  it('offers to swap lon/lat for a swapped file, then imports every row as existing sites', async () => {
    await choose(page, 'swapped.csv');
    await page.getByLabel('Use as').selectOption('existing');
    await runImport(page);
    expect(await text(page, 'import-error')).toContain('swapped.csv');
    await runImport(page, 'Swap lon/lat and import again');
    expect(await text(page, 'import-summary')).toBe('kept 20 of 20 rows; 0 problems');
    await waitForStations(page, 20);
  });

  it('a broken file gives one message naming it and leaves the plan and the data as they were', async () => {
    const line = await text(page, 'data-line');
    await choose(page, 'broken.csv');
    await runImport(page);
    const errors = await page.getByTestId('import-error').allTextContents();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Cannot import broken\.csv: missing longitude column/);
    await waitForStations(page, 20);
    expect(await text(page, 'data-line')).toBe(line);
  });

  it('a reload keeps the imported villages and the plan', async () => {
    await page.waitForTimeout(800); // the autosave writes after a quiet time
    await open(page);
    await page.waitForFunction(
      () => /in 3 counties/.test(document.querySelector('[data-testid=data-line]')?.textContent ?? ''),
      null,
      {
        timeout: 60_000,
      },
    );
    expect(await text(page, 'data-line')).toContain('villages-gcj02.csv (300, GCJ-02 → WGS 84)');
    await waitForStations(page, 20);
    await page.waitForFunction(() =>
      /of 300$/.test(document.querySelector('[data-testid=villages-covered]')?.textContent ?? ''),
    );
    await page.waitForFunction((n) => (window as unknown as Hooks).__villageDots === n, dots.elsewhere + 300);
  });

  it('a plan file restores that plan as one undoable step', async () => {
    await page.setInputFiles('#data-file-input', join(FIXTURES, '..', 'plan-v1.json'));
    await page.locator('#data-role').waitFor();
    expect(await page.getByLabel('Use as').inputValue()).toBe('plan');
    await runImport(page);
    expect(await text(page, 'import-message')).toBe('Restored the plan plan-v1.json: 3 sites (undoable).');
    // Two stations and one center.
    await waitForStations(page, 2);
    expect(integers(await text(page, 'center-count'))[0]).toBe(1);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await waitForStations(page, 20);
  });

  it('a dropped GeoJSON whose names and ids are HTML shows them as text and runs nothing', async () => {
    const imagesBefore = await page.locator('img').count();
    const geojson = readFileSync(join(FIXTURES, 'xss.geojson'), 'utf8');
    const name = `${PAYLOAD}.geojson`;
    await page.evaluate(
      ({ name, geojson }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([geojson], name, { type: 'application/geo+json' }));
        const map = document.getElementById('map')!;
        for (const type of ['dragenter', 'dragover', 'drop']) {
          map.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
        }
      },
      { name, geojson },
    );
    await page.waitForFunction(
      (file) => document.querySelector('[data-testid=data-file-name]')?.textContent === file,
      name,
    );
    await page.locator('#data-role').waitFor();
    expect(await page.getByLabel('Id field').locator('option').allTextContents()).toEqual([
      '(automatic)',
      'id',
      'name',
    ]);
    await runImport(page);
    expect(await text(page, 'import-summary')).toBe('kept 4 of 5 rows; 1 problem');
    expect(await page.locator('.problems li').first().textContent()).toContain(`duplicate id "${PAYLOAD}"`);
    await page.waitForFunction(() =>
      /\(4, WGS 84\)/.test(document.querySelector('[data-testid=data-line]')?.textContent ?? ''),
    );
    expect(await text(page, 'data-line')).toContain(`Villages: ${name} (4, WGS 84)`);
    expect(await page.locator('#data-panel img').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(imagesBefore);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as Hooks).__xss)).toBeUndefined();
  });

  it('back to embedded data restores the embedded villages', async () => {
    await page.getByRole('button', { name: 'Back to embedded data' }).click();
    await page.waitForFunction(() =>
      /embedded registry/.test(document.querySelector('[data-testid=data-line]')?.textContent ?? ''),
    );
    await page.waitForFunction((n) => (window as unknown as Hooks).__villageDots === n, dots.all, { timeout: 60_000 });
    await waitForStations(page, 20);
  });

  it('imports a 500,000-row CSV in the worker while the page stays responsive', async () => {
    const lines = ['id,lon,lat,weight'];
    for (let i = 0; i < 500_000; i++) {
      lines.push(
        `${i},${(118.5 + ((i * 7919) % 30_000) / 10_000).toFixed(5)},${(28 + ((i * 104_729) % 25_000) / 10_000).toFixed(5)},1`,
      );
    }
    const buffer = Buffer.from(`${lines.join('\n')}\n`);
    await page.setInputFiles('#data-file-input', { name: 'big.csv', mimeType: 'text/csv', buffer });
    await page.waitForFunction(() => document.querySelector('[data-testid=data-file-name]')?.textContent === 'big.csv');
    await page.locator('#data-role').waitFor();
    // From the Import button on (handing the test's 24 MB to the page is the test's own work, not the app's).
    await page.evaluate(() => ((window as unknown as Hooks).__longestTaskMs = 0));
    const dotsBefore = await page.evaluate(() => (window as unknown as Hooks).__villageDots);
    const started = Date.now();
    await runImport(page);
    expect(await text(page, 'import-summary')).toBe('kept 500,000 of 500,000 rows; 0 problems');
    // The CSV was parsed as a stream: progress came with the rows parsed so far, growing.
    const reports = await page.evaluate(
      () => (window as unknown as { __importRowReports?: number[] }).__importRowReports ?? [],
    );
    expect(reports.length).toBeGreaterThan(1);
    expect(reports[0]).toBeGreaterThan(0);
    expect(reports.every((n, k) => k === 0 || n > reports[k - 1])).toBe(true);
    await page.waitForFunction(
      () =>
        /big\.csv \(500,000, WGS 84\) in \d+ counties/.test(
          document.querySelector('[data-testid=data-line]')?.textContent ?? '',
        ),
      null,
      {
        timeout: 120_000,
      },
    );
    await page.waitForFunction((n) => (window as unknown as Hooks).__villageDots !== n, dotsBefore);
    await waitForMapIdle(page);
    const longest = await page.evaluate(() => (window as unknown as Hooks).__longestTaskMs ?? 0);
    console.log(
      `500,000-row CSV: imported and placed in ${Date.now() - started} ms; main thread's longest task ${longest > 0 ? `${Math.round(longest)} ms` : 'under 50 ms (no long task)'}`,
    );
    await page.getByRole('button', { name: 'Back to embedded data' }).click();
  });

  it('made no console error and no request to another host', () => {
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
});
