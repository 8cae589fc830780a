/**
 * The production build in headless Chromium for the browser benchmarks: `vite build`, `vite preview` on a free
 * port and Debian's Chromium (tests/e2e/browser.ts). Without Chromium, `productionBrowser` gives undefined so the
 * section prints a skipped row.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { build, preview } from 'vite';
import { launchBrowser } from '../e2e/browser';

/** The path of the Chromium the browser tests and benchmarks drive. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A served production build and a browser; `close` stops both. */
export interface ProductionBrowser {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds the app, serves it and launches Chromium; undefined when Chromium is missing. */
export async function productionBrowser(): Promise<ProductionBrowser | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  await build({ logLevel: 'warn' });
  const server = await preview({ preview: { port: 0, strictPort: false, host: '127.0.0.1' } });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('vite preview did not report a URL');
  const browser = await launchBrowser();
  return {
    url,
    browser,
    close: async () => {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}
