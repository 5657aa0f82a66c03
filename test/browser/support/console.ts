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
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('navigation', { name: 'Navigation der Geschäftsstelle' })).toBeVisible();
}
