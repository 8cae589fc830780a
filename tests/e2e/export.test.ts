import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_DATA_DIR, readProvinceVillages } from '../../src/data/node-files';
import { COUNTY_COLUMNS, SITE_COLUMNS, VILLAGE_COLUMNS } from '../../src/io/export-csv';
import { coverageScale } from '../../src/map/layers/county-coverage';
import { SITE_COLOURS } from '../../src/map/layers/stations';
import { SITE_STATUS } from '../../src/core/types';
import { rfc7946Problems } from '../unit/io/export-fixture';
import { launchBrowser, waitForMapIdle, watchPage, type PageWatch } from './browser';
import { countPixels, parseColour, readPng } from './pixels';
import { clickAndSave, suggestStations } from './plan-steps';
import { ogrFields, ogrinfo } from '../unit/io/ogrinfo';

const baseUrl = inject('baseUrl');
const STATIONS = 50;
const LAYERS = ['sites', 'villages', 'counties'] as const;
const COLUMNS = { sites: SITE_COLUMNS, villages: VILLAGE_COLUMNS, counties: COUNTY_COLUMNS };

/** Zhejiang's rural villages (the default demand) and the counties that have some and a boundary. */
function expectedCounts(): { villages: number; counties: number } {
  const table = readProvinceVillages('33');
  const withVillages = new Set<string>();
  let villages = 0;
  for (let i = 0; i < table.count; i++) {
    if (!table.rural[i]) continue;
    villages++;
    withVillages.add(table.counties[table.countyIndex[i]]);
  }
  const boundaries = JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'counties.geojson'), 'utf8')) as {
    features: { properties: { code: string } }[];
  };
  const drawn = new Set(boundaries.features.map((f) => f.properties.code));
  return { villages, counties: [...withVillages].filter((code) => drawn.has(code)).length };
}

/** `ogrinfo -ro -al -so`: its summary, and whatever GDAL wrote on stderr (which the test reports). */
function ogrSummary(file: string, extra: string[] = []): { summary: string; stderr: string } {
  const run = ogrinfo(file, extra);
  expect(run.status, run.stderr).toBe(0);
  return run;
}

describe('exports from the app: GeoJSON, CSV and PNG read back by GDAL and pngjs', () => {
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  const dir = mkdtempSync(join(tmpdir(), 'ruralreach-export-'));
  const downloads: Download[] = [];

  /** Clicks an export button and saves the `count` files it downloads; returns their paths by name. */
  async function exportFiles(label: RegExp, count: number): Promise<Map<string, string>> {
    const files = await clickAndSave(page, downloads, label, count, dir);
    await page.waitForFunction(
      () => /Downloaded|failed/.test(document.querySelector('[data-testid=export-status]')?.textContent ?? ''),
      null,
      { timeout: 120_000 },
    );
    expect(await page.getByTestId('export-status').textContent()).toMatch(/^Downloaded/);
    return files;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    watch = watchPage(page, baseUrl);
    page.on('download', (d) => downloads.push(d));
    await page.goto(`${baseUrl}?lang=en&province=33`);
    await waitForMapIdle(page);
    await suggestStations(page, STATIONS);
    await page.waitForFunction(() =>
      /\d/.test(document.querySelector('[data-testid=villages-covered]')?.textContent ?? ''),
    );
    await waitForMapIdle(page);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** The covered and demand village counts the totals card shows ("1,234 of 5,678"). */
  async function totals(): Promise<{ covered: number; demand: number }> {
    const text = (await page.getByTestId('villages-covered').textContent()) ?? '';
    const [covered, demand] = text.split(' of ').map((part) => Number(part.replace(/\D/g, '')));
    return { covered, demand };
  }

  it('GeoJSON: three RFC 7946 layers that ogrinfo reads with the expected counts and fields', async () => {
    const files = await exportFiles(/^GeoJSON/, 3);
    const expected = expectedCounts();
    const shown = await totals();
    expect(shown.demand).toBe(expected.villages);
    const counts = { sites: STATIONS, villages: expected.villages, counties: expected.counties };
    for (const layer of LAYERS) {
      const path = files.get(`ruralreach-${layer}.geojson`)!;
      const value = JSON.parse(readFileSync(path, 'utf8'));
      expect(rfc7946Problems(value), layer).toEqual([]);
      expect(value.features).toHaveLength(counts[layer]);
      const { summary, stderr } = ogrSummary(path);
      expect(stderr, `GDAL on ${layer}.geojson`).toBe('');
      expect(summary).toContain(`Feature Count: ${counts[layer]}`);
      expect(ogrFields(summary)).toEqual(COLUMNS[layer].filter((c) => c !== 'lon' && c !== 'lat'));
      // Polygons and MultiPolygons mixed: GDAL calls the layer's geometry type "Unknown (any)".
      if (layer === 'counties') {
        expect(summary).toMatch(/Geometry: (Polygon|Multi Polygon|Unknown \(any\))/);
        const types = new Set(value.features.map((f: { geometry: { type: string } }) => f.geometry.type));
        expect([...types].every((type) => type === 'Polygon' || type === 'MultiPolygon')).toBe(true);
      } else expect(summary).toContain('Geometry: Point');
    }
    const villages = JSON.parse(readFileSync(files.get('ruralreach-villages.geojson')!, 'utf8'));
    const covered = villages.features.filter((f: { properties: { covered: boolean } }) => f.properties.covered);
    expect(covered.length).toBe(shown.covered);
    expect(villages.features[0].properties.id).toMatch(/^33\d{10}$/);
    const sites = JSON.parse(readFileSync(files.get('ruralreach-sites.geojson')!, 'utf8'));
    const ids = sites.features.map((f: { properties: { id: string } }) => f.properties.id);
    expect(new Set(ids).size).toBe(STATIONS);
    expect(ids.every((id: string) => /^S\d+$/.test(id))).toBe(true);
    expect(watch.consoleErrors).toEqual([]);
  }, 180_000);

  it('CSV: three tables with a BOM that ogrinfo reads; covered villages equal the totals', async () => {
    const files = await exportFiles(/^CSV/, 3);
    const expected = expectedCounts();
    const counts = { sites: STATIONS, villages: expected.villages, counties: expected.counties };
    for (const layer of LAYERS) {
      const path = files.get(`ruralreach-${layer}.csv`)!;
      const bytes = readFileSync(path);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const points = layer === 'counties' ? [] : ['-oo', 'X_POSSIBLE_NAMES=lon', '-oo', 'Y_POSSIBLE_NAMES=lat'];
      const { summary, stderr } = ogrSummary(path, points);
      expect(stderr, `GDAL on ${layer}.csv`).toBe('');
      expect(summary).toContain(`Feature Count: ${counts[layer]}`);
      expect(ogrFields(summary)).toEqual([...COLUMNS[layer]]);
    }
    const rows = Papa.parse<Record<string, string>>(
      readFileSync(files.get('ruralreach-villages.csv')!, 'utf8').slice(1),
      {
        header: true,
        skipEmptyLines: true,
      },
    ).data;
    expect(rows.filter((r) => r.covered === 'true').length).toBe((await totals()).covered);
    const counties = Papa.parse<Record<string, string>>(
      readFileSync(files.get('ruralreach-counties.csv')!, 'utf8').slice(1),
      {
        header: true,
        skipEmptyLines: true,
      },
    ).data;
    expect(counties.find((c) => c.code === '330106')?.name).toBe('西湖区');
    expect(watch.consoleErrors).toEqual([]);
  }, 180_000);

  it('PNG: the map view at its size, with the overlay, the legend and the attribution drawn', async () => {
    const files = await exportFiles(/^Map picture/, 1);
    const png = readPng(readFileSync(files.get('ruralreach-map.png')!));
    const size = await page.evaluate(() => {
      const map = document.getElementById('map')!;
      return {
        width: Math.round(map.clientWidth * devicePixelRatio),
        height: Math.round(map.clientHeight * devicePixelRatio),
      };
    });
    expect([png.width, png.height]).toEqual([size.width, size.height]);
    const all = { x: 0, y: 0, width: png.width, height: png.height };
    // The legend: swatches of the county coverage scale (the county colouring after a suggestion), exact colours,
    // in a panel in the top-right corner.
    const legendArea = { x: png.width / 2, y: 0, width: png.width / 2, height: png.height / 2 };
    const swatches = coverageScale()
      .range()
      .map((css) => {
        const [r0, g0, b0] = parseColour(css);
        return countPixels(png, legendArea, (r, g, b) => r === r0 && g === g0 && b === b0);
      });
    expect(swatches.filter((n) => n >= 100).length, `swatch pixels ${swatches}`).toBeGreaterThanOrEqual(8);
    const white = countPixels(png, legendArea, (r, g, b) => r > 245 && g > 245 && b > 245);
    expect(white).toBeGreaterThan(5000);
    // The overlay: proposed stations (deck.gl canvas) somewhere on the map.
    const [sr, sg, sb] = SITE_COLOURS[SITE_STATUS.proposed];
    const stationPixels = countPixels(
      png,
      all,
      (r, g, b) => Math.abs(r - sr) + Math.abs(g - sg) + Math.abs(b - sb) < 30,
    );
    expect(stationPixels).toBeGreaterThan(50);
    // Not blank: many colours over the map.
    const colours = new Set<number>();
    for (let k = 0; k < png.data.length; k += 4 * 7)
      colours.add((png.data[k] << 16) | (png.data[k + 1] << 8) | png.data[k + 2]);
    expect(colours.size).toBeGreaterThan(200);
    // The attribution strip along the bottom edge: light background with dark text.
    const strip = { x: 0, y: png.height - 30, width: png.width / 2, height: 30 };
    expect(countPixels(png, strip, (r, g, b) => r < 90 && g < 90 && b < 90)).toBeGreaterThan(200);
    expect(watch.consoleErrors).toEqual([]);
  }, 120_000);

  it('an export leaves the plan as it was', async () => {
    expect(Number(((await page.getByTestId('station-count').textContent()) ?? '').replace(/\D/g, ''))).toBe(STATIONS);
    expect(await page.getByRole('button', { name: /^GeoJSON/ }).isEnabled()).toBe(true);
    expect(watch.consoleErrors).toEqual([]);
  });
});
