import { join, resolve } from 'node:path';

/** Where the browser tests run, for the config and the support files (no imports: the config stays light). */

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/**
 * Ports of the platform the browser tests start: clear of `npm start` (3000–3005) and of the
 * end-to-end tests (13000–13005). IC_BROWSER_PORT_BASE moves them.
 */
export const BROWSER_PORT_BASE = Number(process.env.IC_BROWSER_PORT_BASE ?? 14000);

/** The gateway of the browser tests: the web app at `/`, the API at `/api/v1`, the links in the mails. */
export const BROWSER_GATEWAY_URL = `http://127.0.0.1:${BROWSER_PORT_BASE}`;

/**
 * Playwright's traces and screenshots of failures, the services' logs. IC_BROWSER_CACHE_DIR moves it:
 * `npm test` runs the browser tests in shards side by side, each with its own (Playwright empties its
 * output directory as it starts).
 */
export const BROWSER_CACHE_DIR = process.env.IC_BROWSER_CACHE_DIR ?? join(REPO_ROOT, '.cache', 'browser');

/** The JSON report, counted in the summary of `npm test` (IC_BROWSER_RESULTS_FILE: one per shard). */
export const BROWSER_RESULTS_FILE =
  process.env.IC_BROWSER_RESULTS_FILE ?? join(REPO_ROOT, '.cache', 'test-results', 'browser.json');

/** Where `screenshot(page, name)` writes: IC_SCREENSHOTS_DIR, else `docs/screenshots/` (the README's). */
export function screenshotsDir(): string {
  return process.env.IC_SCREENSHOTS_DIR ?? join(REPO_ROOT, 'docs', 'screenshots');
}
