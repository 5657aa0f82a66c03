import { e2eSecrets } from '../support/e2e-platform';
import { expect, expectNoAxeViolations, screenshot, test } from './support/fixtures';
import { appointedMember, signInMember } from './support/members';

/**
 * The office console's door (issue 13): the office signs in with e-mail and password and out
 * again; a wrong password is explained; a member who opens a console page is refused in German.
 */

test.describe('Office console sign-in', () => {
  test('the office signs in with its password, is brought back to the page it asked for, and signs out', async ({
    page,
  }) => {
    const account = e2eSecrets.staff[0];
    if (!account) throw new Error('no staff account in this run');
    await page.goto('/geschaeftsstelle/mitglieder');
    const main = page.getByRole('main');
    await expect(
      main.getByRole('heading', { level: 1, name: 'Anmeldung der Geschäftsstelle' }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/geschaeftsstelle\/anmelden\?weiter=%2Fgeschaeftsstelle%2Fmitglieder$/);
    await expectNoAxeViolations(page);
    await screenshot(page, 'console-anmeldung');

    await main.getByLabel('E-Mail-Adresse').fill(account.email);
    await main.getByLabel('Passwort').fill(`${account.password}-falsch`);
    await main.getByRole('button', { name: 'Anmelden' }).click();
    await expect(main.getByRole('alert')).toHaveText(
      'E-Mail-Adresse oder Passwort stimmen nicht. Bitte prüfen Sie beide Angaben.',
    );
    await expectNoAxeViolations(page);

    await main.getByLabel('Passwort').fill(account.password);
    await main.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page).toHaveURL(/\/geschaeftsstelle\/mitglieder$/);
    const navigation = page.getByRole('navigation', { name: 'Navigation der Geschäftsstelle' });
    await expect(navigation.getByRole('link', { name: 'Mitglieder' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await navigation.getByRole('button', { name: 'Abmelden' }).click();
    await expect(page).toHaveURL(/\/geschaeftsstelle\/anmelden$/);
    await expect(main.getByText('Sie haben sich abgemeldet.')).toBeVisible();
    await expect(navigation).toBeHidden();
    // Signed out on the server too: the console's pages ask for the sign-in again.
    await page.goto('/geschaeftsstelle/versand');
    await expect(
      main.getByRole('heading', { level: 1, name: 'Anmeldung der Geschäftsstelle' }),
    ).toBeVisible();
  });

  test('a member who opens a console page is told in German that it is the office’s', async ({
    page,
    api,
    staffToken,
  }) => {
    const member = await appointedMember(api, staffToken, { lastName: 'Neugierig' });
    await signInMember(page, api, member.email, '/start');

    await page.goto('/geschaeftsstelle/mitglieder');

    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1, name: 'Nur für die Geschäftsstelle' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Navigation der Geschäftsstelle' })).toBeHidden();
    await expectNoAxeViolations(page);
    await main.getByRole('link', { name: 'Zum Mitgliederportal' }).click();
    await expect(page).toHaveURL(/\/start$/);
  });
});
