/**
 * Main-thread script time in the page, from the Long Animation Frames API: each script that ran inside a long
 * animation frame (> 50 ms), with its start and duration. Script durations leave out the raster stalls of software
 * WebGL that plain `longtask` entries contain (see ../shared/BROWSER.md).
 */
import type { Page } from 'playwright-core';

/** One script of a long animation frame. */
export interface ScriptTiming {
  startTime: number;
  duration: number;
  invoker: string;
}

interface LoafWindow {
  __scripts: ScriptTiming[];
}

/** Starts recording before the page loads (call before `page.goto`). */
export async function recordScripts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as LoafWindow;
    w.__scripts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { scripts: ScriptTiming[] }[]) {
        for (const s of entry.scripts)
          w.__scripts.push({ startTime: s.startTime, duration: s.duration, invoker: s.invoker });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
}

/** The page's clock (performance.now()), to mark the start and end of an action. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/**
 * The scripts that started in [from, to] (page clock), longest first. Waits `settleMs` first: entries arrive
 * after their frame ends.
 */
export async function scriptsBetween(page: Page, from: number, to: number, settleMs = 1000): Promise<ScriptTiming[]> {
  await page.waitForTimeout(settleMs);
  const all = await page.evaluate(() => (window as unknown as LoafWindow).__scripts);
  return all.filter((s) => s.startTime >= from && s.startTime <= to).sort((a, b) => b.duration - a.duration);
}

/** "longest 87 ms (FrameRequestCallback), 3 scripts over 50 ms, 412 ms in all". */
export function describeScripts(scripts: readonly ScriptTiming[]): string {
  if (scripts.length === 0) return 'no script in a long animation frame';
  const total = scripts.reduce((sum, s) => sum + s.duration, 0);
  const over50 = scripts.filter((s) => s.duration > 50).length;
  return `longest ${scripts[0].duration.toFixed(0)} ms (${scripts[0].invoker}), ${over50} scripts over 50 ms, ${total.toFixed(0)} ms in all`;
}
