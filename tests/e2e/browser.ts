import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Debian's Chromium, headless, with software WebGL (SwiftShader); see ../shared/BROWSER.md.
 * `npx playwright install` cannot work here, so the executable is always given.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
    ],
  });
}

/** What a page did that a test of the default configuration must not see. */
export interface PageWatch {
  consoleErrors: string[];
  foreignRequests: string[];
}

/** Records console errors, page errors and every request to a host other than the app's own. */
export function watchPage(page: Page, appUrl: string): PageWatch {
  const appHost = new URL(appUrl).host;
  const watch: PageWatch = { consoleErrors: [], foreignRequests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') watch.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => watch.consoleErrors.push(e.message));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol.startsWith('http') && url.host !== appHost) watch.foreignRequests.push(r.url());
  });
  return watch;
}

/** Waits until MapLibre reports `idle` (set by the app from map.on('idle')). */
export async function waitForMapIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __mapIdle?: boolean }).__mapIdle === true, null, {
    timeout,
  });
}
