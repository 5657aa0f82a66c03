import { defineConfig } from '@playwright/test';
import { join } from 'node:path';
import { BROWSER_CACHE_DIR, BROWSER_GATEWAY_URL, BROWSER_RESULTS_FILE } from './support/browser-settings';
import { chromiumLaunchOptions } from './support/chromium';

/**
 * Browser tests: `test/browser/*.browser.ts` in Chromium against the whole platform, which
 * support/global-setup.ts starts on IC_BROWSER_PORT_BASE (14000) against the test infrastructure.
 * `npm test` runs them in two shards beside the end-to-end tests, each shard with a platform of its
 * own (README, "What runs side by side"); see the README for running them alone. Timeouts are
 * generous: two loaded cores run Kafka, the Mongo server, several platforms and browsers.
 */
export default defineConfig({
  testDir: __dirname,
  testMatch: '*.browser.ts',
  globalSetup: './support/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 180_000,
  globalTimeout: 60 * 60_000,
  expect: { timeout: 20_000 },
  outputDir: join(BROWSER_CACHE_DIR, 'test-output'),
  reporter: [['list'], ['json', { outputFile: BROWSER_RESULTS_FILE }]],
  use: {
    baseURL: BROWSER_GATEWAY_URL,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    actionTimeout: 20_000,
    navigationTimeout: 60_000,
    // A failed test keeps its trace: every action with the page's DOM before and after it, and the
    // screenshot of the failure. Without the trace's film strip, whose frames Chromium encodes all
    // the time, for every test that passes too: a quarter to a third of its CPU.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
    {
      // Only the tests tagged @phone also run on a phone-sized screen.
      name: 'phone',
      grep: /@phone/,
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    },
  ],
});
