/**
 * Steps several browser tests take on the planner: ask for a suggestion of n stations and wait until the totals
 * show them, and save the files a click downloads.
 */
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The number shown in a totals figure, digits only (any language's separators). */
export async function shownNumber(page: Page, testId: string): Promise<number> {
  return Number(((await page.getByTestId(testId).textContent()) ?? '').replace(/\D/g, ''));
}

/** Sets "New stations (N)" in the plan card, presses Suggest and waits until the totals show n stations. */
export async function suggestStations(page: Page, n: number, timeout = 120_000): Promise<void> {
  const field = page.locator('#plan-panel').getByLabel('New stations (N)');
  await field.fill(String(n));
  await field.press('Enter');
  await page.getByRole('button', { name: 'Suggest', exact: true }).click();
  await page.waitForFunction(
    (want) =>
      Number((document.querySelector('[data-testid=station-count]')?.textContent ?? '').replace(/\D/g, '')) === want,
    n,
    { timeout },
  );
}

/**
 * Clicks the button named `label` and saves the `count` files it downloads into `dir`.
 * @param downloads the page's downloads so far (the test pushes each `download` event into it)
 * @returns the saved paths by file name
 */
export async function clickAndSave(
  page: Page,
  downloads: readonly Download[],
  label: RegExp,
  count: number,
  dir: string,
) {
  const start = downloads.length;
  await page.getByRole('button', { name: label }).click();
  await expect.poll(() => downloads.length - start, { timeout: 120_000 }).toBe(count);
  return saveDownloads(downloads, start, dir);
}

/**
 * Saves the downloads from index `start` on into `dir`, by their suggested names.
 * @returns the saved paths by file name
 */
async function saveDownloads(downloads: readonly Download[], start: number, dir: string) {
  const files = new Map<string, string>();
  for (const download of downloads.slice(start)) {
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    files.set(download.suggestedFilename(), path);
  }
  return files;
}
