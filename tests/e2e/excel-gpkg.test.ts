import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/universal';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readPointsFile } from '../../src/io/read-points';
import { manyBadRowsCsv, zipBomb } from '../fixtures/hostile';
import { hasOgrinfo, ogrinfo } from '../unit/io/ogrinfo';
import { launchBrowser, waitForMapIdle, watchPage, type PageWatch } from './browser';
import { clickAndSave } from './plan-steps';

const baseUrl = inject('baseUrl');
const dir = mkdtempSync(join(tmpdir(), 'ruralreach-excel-e2e-'));

interface Hooks {
  __autosaveReady?: boolean;
  __importsDone?: number;
}

/** A workbook whose villages are on its second sheet: three good rows, one bad cell, one point in Europe. */
async function writeWorkbook(): Promise<string> {
  const blob = await writeXlsxFile([
    { sheet: '说明', data: [['村庄在第二个工作表']] },
    {
      sheet: '村庄',
      data: [
        ['id', '经度', '纬度', 'weight'],
        ['a', 120.15, 30.28, 3],
        ['b', 120.2, 'x', 1],
        ['c', 120.25, 30.3, 2],
        ['d', 120.3, 30.35, 1],
        ['e', 2.35, 48.86, 1],
      ],
    },
  ]).toBlob();
  const path = join(dir, 'villages.xlsx');
  writeFileSync(path, new Uint8Array(await blob.arrayBuffer()));
  return path;
}

async function choose(page: Page, path: string): Promise<void> {
  const name = path.split('/').pop()!;
  await page.setInputFiles('#data-file-input', path);
  await page.waitForFunction(
    (file) => document.querySelector('[data-testid=data-file-name]')?.textContent === file,
    name,
  );
}

describe('Excel, GeoPackage and hostile files in the app', () => {
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  const downloads: Download[] = [];

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

  it('exports the plan as one .xlsx workbook and one GeoPackage that read back', async () => {
    for (const [label, name] of [
      [/^Excel workbook/, 'ruralreach-plan.xlsx'],
      [/^GeoPackage/, 'ruralreach-plan.gpkg'],
    ] as const) {
      const files = await clickAndSave(page, downloads, label, 1, dir);
      await page.waitForFunction(
        () => /Downloaded|failed/.test(document.querySelector('[data-testid=export-status]')?.textContent ?? ''),
        null,
        { timeout: 120_000 },
      );
      expect(await page.getByTestId('export-status').textContent()).toBe(`Downloaded: ${name}`);
      expect([...files.keys()]).toEqual([name]);
    }
    const xlsx = new Uint8Array(readFileSync(join(dir, 'ruralreach-plan.xlsx')));
    const villages = await readPointsFile(xlsx, { file: 'plan.xlsx', sheet: 'villages' });
    expect(villages.sheets).toEqual(['sites', 'villages', 'counties']);
    expect(villages.value.count).toBeGreaterThan(1000);
    expect(villages.value.ids[0]).toMatch(/^33\d{10}$/);
    const gpkg = new Uint8Array(readFileSync(join(dir, 'ruralreach-plan.gpkg')));
    const layer = await readPointsFile(gpkg, { file: 'plan.gpkg', layer: 'villages' });
    expect(layer.value.ids).toEqual(villages.value.ids);
    if (hasOgrinfo()) {
      const run = ogrinfo(join(dir, 'ruralreach-plan.gpkg'));
      expect(run.status, run.stderr).toBe(0);
      expect(run.summary).toContain(`Layer name: villages\nGeometry: Point\nFeature Count: ${villages.value.count}\n`);
      expect(run.summary).toContain('Layer name: counties\nGeometry: Multi Polygon');
    }
    expect(watch.consoleErrors).toEqual([]);
  }, 180_000);

  it('imports the second sheet of a workbook: located problem, warning shown, the rest kept', async () => {
    await choose(page, await writeWorkbook());
    await page.locator('#data-sheet').waitFor();
    expect(await page.locator('#data-sheet option').allTextContents()).toEqual(['说明', '村庄']);
    await page.selectOption('#data-sheet', '村庄');
    expect(await page.locator('#data-weight option').allTextContents()).toContain('weight');
    const before = await page.evaluate(() => (window as unknown as Hooks).__importsDone ?? 0);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForFunction((n) => ((window as unknown as Hooks).__importsDone ?? 0) > n, before, {
      timeout: 60_000,
    });
    expect(await page.getByTestId('import-summary').textContent()).toMatch(/4 of 5/);
    expect(await page.locator('ul.problems li').allTextContents()).toEqual([
      'villages.xlsx sheet 2, row 3, field "纬度": expected a number in degrees, got "x"',
    ]);
    const warnings = await page.getByTestId('import-warnings').textContent();
    expect(warnings).toContain('1 of 4 points lie outside China');
    expect(watch.consoleErrors).toEqual([]);
  }, 120_000);

  it('refuses a zip bomb named .xlsx at the first look, with the zip guard message', async () => {
    const path = join(dir, 'bomb.xlsx');
    writeFileSync(path, zipBomb(1024, 'xl/worksheets/sheet1.xml'));
    await choose(page, path);
    await page.getByTestId('import-error').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-error').textContent()).toContain(
      'zip entry "xl/worksheets/sheet1.xml" would inflate to 1024.0 MB, over the 512 MB limit',
    );
  }, 60_000);

  it('imports a CSV of 200,000 bad rows: the good rows kept, the count given, the first problems listed', async () => {
    const path = join(dir, 'bad200k.csv');
    writeFileSync(path, manyBadRowsCsv());
    await choose(page, path);
    await page.locator('#data-role').waitFor();
    const before = await page.evaluate(() => (window as unknown as Hooks).__importsDone ?? 0);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForFunction((n) => ((window as unknown as Hooks).__importsDone ?? 0) > n, before, {
      timeout: 60_000,
    });
    expect(await page.getByTestId('import-summary').textContent()).toMatch(/3 of 200,003.*200,000/);
    const listed = await page.locator('ul.problems li').allTextContents();
    expect(listed).toHaveLength(5);
    expect(listed[0]).toBe('bad200k.csv row 2, field "lat": expected a number in degrees, got "north"');
    await page.getByTestId('download-problems').waitFor();
    expect(watch.consoleErrors).toEqual([]);
  }, 120_000);
});
