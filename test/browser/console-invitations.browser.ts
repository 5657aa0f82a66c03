import { randomInt, randomUUID } from 'node:crypto';
import type { E2eClient } from '../support/e2e-client';
import { signInAsStaff } from './support/console';
import { expect, expectNoAxeViolations, screenshot, test } from './support/fixtures';

/**
 * The office's appointments (issue 13, „Berufungen“): the office appoints a person through the
 * console's form, finding the AGS from the municipality's name, reads the mail before sending it,
 * sees the invitation in the list and the mail in the sink; it resends and revokes through the list.
 */

/** An open invitation arranged through the API, as the office would have sent it before. */
async function invitedThroughApi(
  api: E2eClient,
  staffToken: string,
  person: { firstName: string; lastName: string; email: string },
  municipality = { name: 'Kalletal', ags: '05766040', population: 13_900 },
) {
  const invited = await api.callRetrying('POST', '/invitations', {
    token: staffToken,
    body: {
      salutation: 'Herr',
      officeTitle: 'Bürgermeister',
      ...person,
      organisation: `Gemeinde ${municipality.name}`,
      sector: 'Kommune',
      federalState: 'NW',
      municipality,
      themes: ['Digitalisierung'],
    },
  });
  expect(invited.status, invited.text).toBe(201);
}

test.describe('Office console: appointments (Berufungen)', () => {
  test('the office appoints a person through the form, with the AGS from a known municipality, reads the mail first and it arrives', async ({
    page,
    api,
    staffToken,
    mail,
  }) => {
    const unique = randomUUID().slice(0, 6);
    // A municipality the club knows from an earlier appointment (its own key, so that the help finds just it).
    const municipality = {
      name: `Lindenhagen-${unique}`,
      ags: `05${String(randomInt(0, 1_000_000)).padStart(6, '0')}`,
      population: 8_412,
    };
    await invitedThroughApi(
      api,
      staffToken,
      { firstName: 'Karl', lastName: `Vorgänger-${unique}`, email: `karl.${unique}@lindenhagen.example` },
      municipality,
    );
    const lastName = `Neumann-${unique}`;
    const email = `greta.neumann.${unique}@lindenhagen.example`;
    const personalMessage = `Wir freuen uns auf Ihre Erfahrung mit dem Bürgerhaushalt (${unique}).`;

    await signInAsStaff(page, '/geschaeftsstelle/berufungen/neu');
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1, name: 'Person berufen' })).toBeVisible();
    await expectNoAxeViolations(page);

    await main.getByLabel('Anrede').selectOption('Frau');
    await main.getByLabel(/Akademischer Titel/).selectOption('Dr.');
    await main.getByLabel(/Amtsbezeichnung/).fill('Bürgermeisterin');
    await main.getByLabel('Vorname').fill('Greta');
    await main.getByLabel('Nachname').fill(lastName);
    await main.getByLabel('E-Mail-Adresse').fill(email);
    await main.getByLabel('Organisation', { exact: true }).fill(`Gemeinde ${municipality.name}`);
    await main.getByLabel('Sektor').selectOption('Kommune');
    // The AGS help: part of the name is enough to find the municipality the club knows.
    await main.getByLabel('Name der Kommune').fill(`Lindenhagen-${unique}`.slice(0, 14));
    const take = main.getByRole('button', {
      name: `${municipality.name} (AGS ${municipality.ags}) übernehmen`,
    });
    await expect(take).toBeVisible();
    await take.scrollIntoViewIfNeeded();
    await expectNoAxeViolations(page);
    await screenshot(page, 'console-berufung-neu');
    await take.click();
    await expect(main.getByLabel('Name der Kommune')).toHaveValue(municipality.name);
    await expect(main.getByLabel('Amtlicher Gemeindeschlüssel (AGS)')).toHaveValue(municipality.ags);
    await expect(main.getByLabel('Einwohnerzahl')).toHaveValue(String(municipality.population));
    await expect(main.getByLabel('Land')).toHaveValue('NW');
    await expect(main.getByText('Dieser Schlüssel gehört zu Nordrhein-Westfalen.')).toBeVisible();
    await main.getByRole('checkbox', { name: 'Partizipation' }).check();
    await main.getByLabel(/Persönliche Worte/).fill(personalMessage);
    await main.getByRole('button', { name: 'Weiter zur Vorschau' }).click();

    await expect(main.getByRole('heading', { level: 2, name: 'Vorschau der E-Mail' })).toBeFocused();
    const preview = main.locator('.invitation-mail-text');
    await expect(preview).toContainText(`Sehr geehrte Frau Bürgermeisterin Dr. ${lastName},`);
    await expect(preview).toContainText(`> ${personalMessage}`);
    await expect(main.getByText(`Dr. Greta ${lastName} <${email}>`)).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, 'console-berufung-vorschau');

    await main.getByRole('button', { name: 'Einladung senden' }).click();
    await expect(main.getByRole('heading', { level: 2, name: 'Einladung verschickt' })).toBeFocused();
    await expect(
      main.getByText(`Die Einladung an Dr. Greta ${lastName} ist an ${email} verschickt.`, { exact: false }),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    const invitation = await mail.linkFromMail(email, 'einladung');
    expect(invitation.message.subject).toBe('Ihre Berufung in den Innovators Club des DStGB');
    expect(invitation.message.text).toContain(`Sehr geehrte Frau Bürgermeisterin Dr. ${lastName},`);
    expect(invitation.message.text).toContain(`> ${personalMessage}`);

    await main
      .getByRole('status')
      .filter({ hasText: 'Einladung verschickt' })
      .getByRole('link', { name: 'Zur Liste der Berufungen' })
      .click();
    await expect(main.getByRole('heading', { level: 1, name: 'Berufungen' })).toBeVisible();
    await main.getByRole('searchbox', { name: 'Einladungen durchsuchen' }).fill(lastName);
    await main.getByRole('searchbox', { name: 'Einladungen durchsuchen' }).press('Enter');
    await main
      .getByRole('navigation', { name: 'Nach Stand zeigen' })
      .getByRole('link', { name: 'Offen' })
      .click();
    await expect(
      main.getByRole('heading', { level: 2, name: `Einladungen: Offen mit „${lastName}“` }),
    ).toBeVisible();
    await expect(main.getByText('1 Einladung angezeigt.')).toBeVisible();
    const card = main.getByRole('listitem').filter({
      has: page.getByRole('heading', { level: 3, name: `Dr. Greta ${lastName}` }),
    });
    await expect(card).toContainText('Offen');
    await expect(card).toContainText(email);
    await expect(card).toContainText(`Lindenhagen-${unique}`);
    await expectNoAxeViolations(page);

    // The whole list, newest first: the new invitation at the top.
    await main.getByRole('link', { name: 'Alle', exact: true }).click();
    await main.getByRole('searchbox', { name: 'Einladungen durchsuchen' }).fill('');
    await main.getByRole('searchbox', { name: 'Einladungen durchsuchen' }).press('Enter');
    await expect(main.getByRole('heading', { level: 2, name: 'Einladungen', exact: true })).toBeVisible();
    await expect(main.getByRole('heading', { level: 3 }).first()).toHaveText(`Dr. Greta ${lastName}`);
    await expectNoAxeViolations(page);
    await screenshot(page, 'console-berufungen');
  });

  test('the office resends an invitation (a new link) and revokes it through the list', async ({
    page,
    api,
    staffToken,
    mail,
  }) => {
    const unique = randomUUID().slice(0, 6);
    const lastName = `Wiederholt-${unique}`;
    const email = `paul.${unique}@kalletal.example`;
    await invitedThroughApi(api, staffToken, { firstName: 'Paul', lastName, email });
    const first = await mail.linkFromMail(email, 'einladung');

    await signInAsStaff(page, '/geschaeftsstelle/berufungen?stand=offen');
    const main = page.getByRole('main');
    const card = main.getByRole('listitem').filter({
      has: page.getByRole('heading', { level: 3, name: `Paul ${lastName}` }),
    });
    await expect(card.locator('dd').last()).toHaveText('einmal');

    await card.getByRole('button', { name: 'Erneut senden' }).click();
    const resendDialog = page.getByRole('dialog', { name: 'Einladung erneut senden?' });
    await expect(resendDialog).toContainText(`erhält die Einladung noch einmal an ${email}`);
    await expectNoAxeViolations(page);
    await resendDialog.getByRole('button', { name: 'Ja, erneut senden' }).click();
    await expect(main.getByRole('status').filter({ hasText: 'erneut verschickt' })).toContainText(
      `Die Einladung an Paul ${lastName} ist erneut verschickt.`,
    );
    await expect(card.locator('dd').last()).toHaveText('2-mal');
    const second = await mail.linkFromMail(email, 'einladung', first.token);
    expect(second.token).not.toBe(first.token);

    await card.getByRole('button', { name: 'Zurückziehen' }).click();
    const revokeDialog = page.getByRole('dialog', { name: 'Einladung zurückziehen?' });
    await expect(revokeDialog).toContainText('kann die Berufung nicht mehr annehmen');
    await expectNoAxeViolations(page);
    await revokeDialog.getByRole('button', { name: 'Ja, zurückziehen' }).click();
    await expect(main.getByRole('status').filter({ hasText: 'zurückgezogen' })).toContainText(
      `Die Einladung an Paul ${lastName} ist zurückgezogen.`,
    );
    // Gone from the open ones, listed among the revoked ones; the link of the mail no longer holds.
    await expect(card).toHaveCount(0);
    await main
      .getByRole('navigation', { name: 'Nach Stand zeigen' })
      .getByRole('link', { name: 'Zurückgezogen' })
      .click();
    const revoked = main.getByRole('listitem').filter({
      has: page.getByRole('heading', { level: 3, name: `Paul ${lastName}` }),
    });
    await expect(revoked).toContainText('Zurückgezogen');
    await expect(revoked.getByRole('button')).toHaveCount(0);
    await expectNoAxeViolations(page);
    const answer = await api.call('GET', `/invitations/by-token/${second.token}`);
    expect(answer.body).toMatchObject({ status: 'revoked' });
  });
});
