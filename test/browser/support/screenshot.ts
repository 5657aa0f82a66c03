import { test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { screenshotsDir } from './browser-settings';

/**
 * Saves what the page shows now, the viewport (1280×800 in the desktop project, 390×844 in the phone
 * project, which runs the tests tagged `@phone`), as `docs/screenshots/<name>.png`, in the phone
 * project `<name>-phone.png`. `npm test` sends them to `.cache/browser/screenshots/` instead
 * (IC_SCREENSHOTS_DIR), so that a test run does not change committed files. Returns the file's path.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
    throw new Error(`screenshot name "${name}": lower-case letters, digits and hyphens only`);
  const dir = screenshotsDir();
  mkdirSync(dir, { recursive: true });
  const suffix = test.info().project.name === 'phone' ? '-phone' : '';
  const path = join(dir, `${name}${suffix}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  return path;
}
