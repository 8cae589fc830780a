import { defineConfig } from 'vitest/config';

// Browser tests: a real Chromium (Debian's) driven by playwright-core against `vite preview` of a real build.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
