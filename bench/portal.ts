/**
 * `npm run bench:portal`: the member portal as a browser meets it, against a running platform
 * (`npm start` in another terminal, or PORTAL_URL): the JavaScript the first page loads (as sent,
 * and its gzip size), the time from navigation to the first page and to the event list in a cold
 * browser (median of PORTAL_RUNS, default 5). Writes bench/results/portal-<date>.json and .md.
 */
import { chromium, type Browser } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../scripts/lib/platform-runner';
import { CHROMIUM_LAUNCH_ARGS, chromiumExecutable } from '../test/browser/support/chromium';
import { FigureTable, writeReport } from './report';

const PORTAL_URL = (process.env.PORTAL_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
const RUNS = Number(process.env.PORTAL_RUNS ?? 5);
const WEB_DIST = join(REPO_ROOT, 'web', 'dist');

interface ResourceTiming {
  readonly name: string;
  readonly encodedBodySize: number;
}

interface PageLoad {
  readonly milliseconds: number;
  /** The JavaScript files the page loaded: path, bytes on the wire (as the gateway compressed them). */
  readonly scripts: readonly { readonly path: string; readonly transferred: number }[];
}

/** Opens a path in a fresh browser context (empty cache) and times it until `ready` (a CSS selector) shows. */
async function load(browser: Browser, path: string, ready: string): Promise<PageLoad> {
  const context = await browser.newContext({ locale: 'de-DE' });
  try {
    const page = await context.newPage();
    await page.goto(`${PORTAL_URL}${path}`, { waitUntil: 'commit' });
    await page.locator(ready).first().waitFor({ timeout: 30_000 });
    const milliseconds = await page.evaluate(() => performance.now());
    // Runs in the browser: resource timings (typed here by hand, the bench compiles without DOM types).
    const scripts = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as unknown as ResourceTiming[])
        .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
        .map((entry) => ({ path: new URL(entry.name).pathname, transferred: entry.encodedBodySize })),
    );
    return { milliseconds, scripts };
  } finally {
    await context.close();
  }
}

function gzipSizeOf(path: string): number {
  return gzipSync(readFileSync(join(WEB_DIST, path))).length;
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_LAUNCH_ARGS });
  const table = new FigureTable();
  try {
    for (let run = 1; run <= RUNS; run++) {
      const home = await load(browser, '/', 'main h1');
      const events = await load(
        browser,
        '/veranstaltungen',
        'main a[href^="/veranstaltungen/"], main .state-empty',
      );
      const javascript = home.scripts.reduce((sum, script) => sum + gzipSizeOf(script.path), 0);
      const transferred = home.scripts.reduce((sum, script) => sum + script.transferred, 0);
      table.add('home-ms', 'time to the first page (/), cold browser', 'ms', home.milliseconds);
      table.add(
        'events-ms',
        'time to the event list (/veranstaltungen), cold browser',
        'ms',
        events.milliseconds,
      );
      table.add('home-js-gzip', 'JavaScript the first page loads, gzip', 'kB', javascript / 1000);
      table.add(
        'home-js-wire',
        'JavaScript the first page loads, as sent (brotli)',
        'kB',
        transferred / 1000,
      );
      table.add('home-js-files', 'JavaScript files the first page loads', 'files', home.scripts.length);
      console.log(
        `run ${run}: / ${home.milliseconds.toFixed(0)} ms, /veranstaltungen ${events.milliseconds.toFixed(0)} ms, ` +
          `first page JS ${(javascript / 1000).toFixed(1)} kB gzip in ${home.scripts.length} files`,
      );
    }
  } finally {
    await browser.close();
  }
  const { stem, markdown } = writeReport(
    join(REPO_ROOT, 'bench', 'results'),
    {
      date: new Date().toISOString(),
      node: process.versions.node,
      runs: RUNS,
      infrastructure: `running platform at ${PORTAL_URL}`,
      settings: { PORTAL_RUNS: RUNS },
      figures: table.summaries(),
      checks: [],
      profiles: [],
    },
    'portal-',
  );
  console.log(`\n${markdown}\nWritten: bench/results/${stem}.md`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
