import { defineConfig } from '@playwright/test';

/** Debian's Chromium, never a downloaded browser (this network cannot fetch one). */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: './artifacts/results',
  timeout: 120_000,
  // CI machines are shared and noisy: give a page time to answer before calling it a failure.
  expect: { timeout: 15_000 },
  workers: 1,
  // One retry absorbs a stall of a shared CI machine; a test that fails twice still fails the run.
  retries: 1,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
  use: {
    headless: true,
    viewport: { width: 1400, height: 860 },
    locale: 'zh-CN',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
});
