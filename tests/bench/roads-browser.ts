/**
 * The browser half of the `roads` benchmark: the Zhejiang-sized road file imported in the app as a user does
 * (the production build served by `vite preview`, Debian's headless Chromium with software WebGL, the file given
 * to the Roads file input), read and built in the roads worker. Measures the wall time from the file to the
 * network summary, the Chromium processes' peak resident memory (sampled from /proc every 100 ms: the worker runs
 * in the page's renderer process), and the main thread's longest task while it runs (Long Animation Frames and
 * long tasks, observed from before the page loads). A helper of ./roads.ts (no `run` here: not a section).
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { CHROMIUM, productionBrowser } from './production-browser';
import type { BenchRow } from './table';

/** What the page records: the longest main-thread frame or task and how many were over 50 ms. */
interface MainThread {
  longestMs: number;
  over50: number;
  /** Longest script time of one long animation frame (the sum of its scripts' durations), ms. */
  longestScriptMs: number;
}

/** Peak summed RSS of the Chromium processes, MB (0 where /proc cannot be read). */
function chromiumRssMb(): number {
  try {
    const out = execFileSync('ps', ['-C', 'chromium,chrome,headless_shell', '-o', 'rss='], { encoding: 'utf8' });
    return out
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((kb) => Number.isFinite(kb) && kb > 0)
      .reduce((sum, kb) => sum + kb / 1024, 0);
  } catch {
    return 0;
  }
}

/**
 * Imports `pbf` in the app in Chromium and returns the benchmark rows (a skipped row without Chromium).
 * @param pbf the generated Zhejiang-sized .osm.pbf
 */
export async function browserRoadRows(pbf: string): Promise<BenchRow[]> {
  const served = await productionBrowser();
  if (served === undefined) {
    return [
      {
        instance: 'zhejiang-size roads',
        model: 'roads in the browser',
        objective: NaN,
        seconds: NaN,
        note: `skipped: no ${CHROMIUM}`,
      },
    ];
  }
  const { url, browser } = served;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // No named function inside: tsx's keep-names helper (`__name`) does not exist in the page.
    await page.addInitScript(() => {
      const w = window as unknown as { __main: MainThread; __mainReset: () => void };
      w.__main = { longestMs: 0, over50: 0, longestScriptMs: 0 };
      w.__mainReset = () => {
        w.__main = { longestMs: 0, over50: 0, longestScriptMs: 0 };
      };
      for (const type of ['long-animation-frame', 'longtask']) {
        try {
          new PerformanceObserver((list) => {
            // A long animation frame's whole duration (script, style, layout), a long task's duration.
            for (const entry of list.getEntries()) {
              w.__main.longestMs = Math.max(w.__main.longestMs, entry.duration);
              if (entry.duration > 50) w.__main.over50++;
              const scripts = (entry as PerformanceEntry & { scripts?: { duration: number }[] }).scripts ?? [];
              let script = 0;
              for (const one of scripts) script += one.duration;
              w.__main.longestScriptMs = Math.max(w.__main.longestScriptMs, script);
            }
          }).observe({ type, buffered: false });
        } catch {
          // not supported: the other observer still reports
        }
      }
    });
    await page.goto(`${url}?lang=en&province=33`);
    await page.waitForFunction(
      () => (window as unknown as { __autosaveReady?: boolean }).__autosaveReady === true,
      null,
      {
        timeout: 120_000,
      },
    );
    await page.waitForFunction(() => (window as unknown as { __mapIdle?: boolean }).__mapIdle === true, null, {
      timeout: 120_000,
    });
    const idleRss = chromiumRssMb();
    await page.evaluate(() => (window as unknown as { __mainReset: () => void }).__mainReset());
    const done = () => page.evaluate(() => Number((window as unknown as { __roadsDone?: number }).__roadsDone ?? 0));
    const before = await done();
    let peakRss = idleRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, chromiumRssMb())), 100);
    const started = performance.now();
    await page.setInputFiles('#roads-file-input', pbf);
    await page.waitForFunction((n) => ((window as unknown as { __roadsDone?: number }).__roadsDone ?? 0) > n, before, {
      timeout: 600_000,
      polling: 100,
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const line = (await page.getByTestId('roads-line').textContent()) ?? '';
    const error = (await page.getByTestId('roads-error').textContent()) ?? '';
    const main = await page.evaluate(() => (window as unknown as { __main: MainThread }).__main);
    // The observers work: a deliberate 120 ms task after the import must be seen.
    const check = await page.evaluate(async () => {
      const w = window as unknown as { __main: MainThread; __mainReset: () => void };
      w.__mainReset();
      await new Promise<void>((resolve) =>
        setTimeout(() => {
          const end = performance.now() + 120;
          while (performance.now() < end);
          resolve();
        }, 0),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      return w.__main.longestMs;
    });
    const mb = statSync(pbf).size / 2 ** 20;
    return [
      {
        instance: 'zhejiang-size roads',
        model: 'roads read+build (browser worker)',
        objective: mb,
        seconds,
        note:
          `${(mb / seconds).toFixed(1)} MB/s of ${mb.toFixed(1)} MB, file to summary in the app; ` +
          `Chromium RSS ${idleRss.toFixed(0)} MB idle, ${peakRss.toFixed(0)} MB peak; ` +
          (error.trim() !== '' ? `ERROR ${error.trim()}` : line.replace(/^Roads: /, '')),
      },
      {
        instance: 'zhejiang-size roads',
        model: 'roads main thread (browser)',
        objective: main.longestMs,
        seconds,
        note:
          `longest main-thread frame or task ${main.longestMs.toFixed(0)} ms (script in one frame at most ` +
          `${main.longestScriptMs.toFixed(0)} ms), ${main.over50} over 50 ms during ` +
          `the import (observer check: a 120 ms task after it was seen as ${check.toFixed(0)} ms)`,
      },
    ];
  } finally {
    await served.close();
  }
}
