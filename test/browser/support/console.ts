import type { Page } from '@playwright/test';
import { e2eSecrets } from '../../support/e2e-platform';
import { expect } from './fixtures';

/**
 * The office signs in to the console through its form with this run's staff account `index`;
 * lands on `path` (default the console's „Übersicht“).
 */
export async function signInAsStaff(page: Page, path = '/geschaeftsstelle', index = 0): Promise<void> {
  const account = e2eSecrets.staff[index];
  if (!account) throw new Error(`no staff account ${index} in e2eSecrets`);
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Anmeldung der Geschäftsstelle' })).toBeVisible();
  await page.getByLabel('E-Mail-Adresse').fill(account.email);
  await page.getByLabel('Passwort').fill(account.password);
  // The password's hash takes long when several platforms share two cores: on „… hat nicht innerhalb
  // von 5 Sekunden geantwortet. Bitte versuchen Sie es erneut.“ (504) the office presses again.
  for (let attempt = 1; ; attempt++) {
    const answer = page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/v1/auth/staff/session') && response.request().method() === 'POST',
      { timeout: 60_000 },
    );
    await page.getByRole('button', { name: 'Anmelden' }).click();
    if ((await answer).status() !== 504 || attempt === 3) break;
  }
  await expect(page.getByRole('navigation', { name: 'Navigation der Geschäftsstelle' })).toBeVisible();
}
