/**
 * `npm run bench -- --only map`: the map as a user meets it, on the production build (`vite build`, served by
 * `vite preview`) in Debian's headless Chromium with software WebGL, 1400x900. Prints the time to the first map
 * (MapLibre idle with the counties drawn and the default province's villages shown), the bytes the browser
 * received for it (page and workers, response bodies as sent), and the longest main-thread script of a long
 * animation frame (Long Animation Frames API, ./../e2e/planner-loaf.ts) per phase: load, suggest (1,000 stations
 * in Zhejiang), province switch (Jiangsu), zoom and pan, national view, national rollout (the default programme
 * run and drawn). Figures only, no pass/fail.
 */
import type { Page } from 'playwright-core';
import { pageNow, recordScripts, scriptsBetween, type ScriptTiming } from '../e2e/planner-loaf';
import { suggestStations } from '../e2e/plan-steps';
import { CHROMIUM, productionBrowser } from './production-browser';
import type { BenchRow } from './table';

const INSTANCE = 'map 1400x900';

interface Hooks {
  __mapIdle?: boolean;
  __villagesShown?: number;
}

/** Waits until the map is idle with villages drawn (more than `after` of them, when given). */
async function waitForMap(page: Page, after = 0): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const w = window as unknown as Hooks;
      return w.__mapIdle === true && (w.__villagesShown ?? 0) > n;
    },
    after,
    { timeout: 120_000, polling: 50 },
  );
}

function phaseRow(phase: string, scripts: readonly ScriptTiming[], seconds: number): BenchRow {
  const longest = scripts[0];
  const over50 = scripts.filter((s) => s.duration > 50).length;
  return {
    instance: INSTANCE,
    model: `map main thread: ${phase}`,
    objective: longest?.duration ?? 0,
    seconds,
    note: longest
      ? `longest script ${longest.duration.toFixed(0)} ms (${longest.invoker.slice(0, 60)}), ${over50} over 50 ms`
      : 'no script in a long animation frame',
  };
}

/** Runs one phase: `act`, then `settle` until it is done; returns its row. */
async function phase(page: Page, name: string, act: () => Promise<void>): Promise<BenchRow> {
  const from = await pageNow(page);
  await act();
  const to = await pageNow(page);
  return phaseRow(name, await scriptsBetween(page, from, to + 500, 1500), (to - from) / 1000);
}

export async function run(): Promise<BenchRow[]> {
  const served = await productionBrowser();
  if (served === undefined) {
    return [{ instance: INSTANCE, model: 'map', objective: NaN, seconds: NaN, note: `skipped: no ${CHROMIUM}` }];
  }
  const { url, browser } = served;
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let bytes = 0;
    let requests = 0;
    page.on('requestfinished', (request) => {
      requests++;
      void request.sizes().then(
        (s) => (bytes += s.responseBodySize + s.responseHeadersSize),
        () => undefined,
      );
    });
    await recordScripts(page);
    const rows: BenchRow[] = [];

    await page.goto(`${url}?lang=en&province=33`);
    await waitForMap(page);
    const firstMapMs = await pageNow(page);
    const firstBytes = bytes;
    const firstRequests = requests;
    const loadScripts = await scriptsBetween(page, 0, firstMapMs + 500, 1500);
    rows.push({
      instance: INSTANCE,
      model: 'map first map (s)',
      objective: firstMapMs / 1000,
      seconds: firstMapMs / 1000,
      note: `counties and Zhejiang's villages drawn, map idle, ${(firstMapMs / 1000).toFixed(2)} s after navigation`,
    });
    rows.push({
      instance: INSTANCE,
      model: 'map bytes to first map (MB)',
      objective: firstBytes / 1e6,
      seconds: firstMapMs / 1000,
      note: `${(firstBytes / 1e6).toFixed(2)} MB in ${firstRequests} responses (page and workers, as sent)`,
    });
    rows.push(phaseRow('load', loadScripts, firstMapMs / 1000));

    await page.waitForFunction(() =>
      /\d/.test(document.querySelector('[data-testid=villages-covered]')?.textContent ?? ''),
    );
    rows.push(await phase(page, 'suggest 1,000 stations', () => suggestStations(page, 1000)));
    rows.push(
      await phase(page, 'province switch (Jiangsu)', async () => {
        const shown = await page.evaluate(() => (window as unknown as Hooks).__villagesShown ?? 0);
        await page.locator('#province-select').selectOption('32');
        await page.waitForFunction(
          (n) => {
            const w = window as unknown as Hooks;
            return w.__mapIdle === true && (w.__villagesShown ?? 0) !== n;
          },
          shown,
          { timeout: 120_000, polling: 50 },
        );
      }),
    );
    rows.push(
      await phase(page, 'zoom and pan', async () => {
        await page.mouse.move(700, 450);
        for (const delta of [-300, -300, 300, 300]) {
          await page.mouse.wheel(0, delta);
          await page.waitForTimeout(400);
        }
        await page.mouse.down();
        await page.mouse.move(500, 350, { steps: 10 });
        await page.mouse.up();
        await page.waitForFunction(() => (window as unknown as Hooks).__mapIdle === true, null, { timeout: 120_000 });
      }),
    );
    rows.push(
      await phase(page, 'national view', async () => {
        await page.locator('#province-select').selectOption('00');
        await page.getByTestId('county-table').locator('tbody tr').nth(2000).waitFor({ timeout: 120_000 });
        await page.waitForFunction(() => (window as unknown as Hooks).__mapIdle === true, null, { timeout: 120_000 });
      }),
    );
    rows.push(
      await phase(page, 'rollout (default programme, year 5 drawn)', async () => {
        await page.locator('#mode-switch button[data-mode=rollout]').click();
        await page.getByTestId('rollout-run').click();
        await page.getByTestId('target-counties').waitFor({ timeout: 240_000 });
        await page.waitForFunction(
          () => {
            const drawn = (window as unknown as { __rolloutDrawn?: { villages: number } }).__rolloutDrawn;
            return drawn !== undefined && drawn.villages > 0 && (window as unknown as Hooks).__mapIdle === true;
          },
          null,
          { timeout: 120_000 },
        );
      }),
    );
    rows.push({
      instance: INSTANCE,
      model: 'map bytes in all (MB)',
      objective: bytes / 1e6,
      seconds: 0,
      note: `${(bytes / 1e6).toFixed(2)} MB in ${requests} responses after all phases`,
    });
    return rows;
  } finally {
    await served.close();
  }
}
