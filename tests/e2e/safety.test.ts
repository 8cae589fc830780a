import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, waitForMapIdle, watchPage, type PageWatch } from './browser';

const baseUrl = inject('baseUrl');
const HOSTILE = '<img src=x onerror=alert(1)>';
const HOSTILE_2 = '"><script>alert(2)</script><b onmouseover=alert(3)>bold</b>';

interface Watch {
  __imgAdded?: number;
  __autosaveReady?: boolean;
  __autosaveWrites?: number;
}

/** Counts every <img> element added to the page from the start, wherever it is inserted. */
function countImages(): void {
  const w = window as unknown as Watch;
  w.__imgAdded = 0;
  const count = (node: Node) => {
    if (node instanceof Element) {
      if (node.tagName === 'IMG') w.__imgAdded! += 1;
      w.__imgAdded! += node.querySelectorAll('img').length;
    }
  };
  new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach(count))).observe(document, {
    childList: true,
    subtree: true,
  });
}

async function open(page: Page): Promise<void> {
  await page.goto(`${baseUrl}?lang=en&province=33`);
  await page.waitForFunction(() => (window as unknown as Watch).__autosaveReady === true, null, { timeout: 60_000 });
  await waitForMapIdle(page);
}

describe('untrusted text is shown as text', () => {
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  const dialogs: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watch = watchPage(page, baseUrl);
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.addInitScript(countImages);
    await open(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Checks the hostile name is on the page literally and nothing ran. */
  async function expectInert(): Promise<void> {
    const items = page.getByTestId('scenario-list').locator('li');
    await expect(items.count()).resolves.toBe(2);
    await expect(page.getByLabel(`Name of scenario ${HOSTILE}`).inputValue()).resolves.toBe(HOSTILE);
    await expect(page.getByLabel(`Name of scenario ${HOSTILE_2}`).inputValue()).resolves.toBe(HOSTILE_2);
    const options = await page.getByLabel('Scenario A').locator('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining([HOSTILE, HOSTILE_2]));
    expect(await page.evaluate(() => document.querySelectorAll('img, #scenarios-panel script, b').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as Watch).__imgAdded)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  }

  it('a scenario named <img src=x onerror=alert(1)> creates no element and opens no dialog', async () => {
    const before = await page.evaluate(() => (window as unknown as Watch).__autosaveWrites ?? 0);
    for (const name of [HOSTILE, HOSTILE_2]) {
      await page.getByLabel('Scenario name').fill(name);
      await page.getByRole('button', { name: 'Save scenario' }).click();
    }
    await expectInert();
    // The comparison table names both scenarios, as text.
    await page.getByLabel('Scenario A').selectOption({ label: HOSTILE });
    await page.getByLabel('Scenario B').selectOption({ label: HOSTILE_2 });
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const table = page.getByTestId('comparison');
    await table.waitFor({ timeout: 60_000 });
    const text = (await table.textContent()) ?? '';
    expect(text).toContain(HOSTILE);
    expect(text).toContain(HOSTILE_2);
    await expectInert();
    // Saved, then restored from IndexedDB after a reload: still inert.
    await page.waitForFunction((n) => ((window as unknown as Watch).__autosaveWrites ?? 0) > n, before);
    await page.reload();
    await open(page);
    await page.getByTestId('scenario-list').locator('li').first().waitFor();
    await page.waitForTimeout(500); // a late onerror would fire within this time
    await expectInert();
  });
});
