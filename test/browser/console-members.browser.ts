import { randomInt, randomUUID } from 'node:crypto';
import type { E2eClient } from '../support/e2e-client';
import { signInAsStaff } from './support/console';
import { expect, expectNoAxeViolations, screenshot, test } from './support/fixtures';

/**
 * The office's members (issue 13, „Mitglieder“): the office finds a member by search and filter,
 * edits the profile, sees the history, creates a working group and adds the member, ends the
 * membership with a note, and erases another member's data after typing the name. The members are
 * appointed and accept through the API; the journey is about the console.
 */

/** A last name nobody else in the shared database has: letters only, as a name is typed. */
const uniqueName = (stem: string) =>
  `${stem}${Array.from({ length: 6 }, () => String.fromCharCode(97 + randomInt(26))).join('')}`;

/** An active member arranged through the API (appointed, invitation accepted); returns the member id. */
async function activeMember(
  api: E2eClient,
  staffToken: string,
  person: {
    firstName: string;
    lastName: string;
    federalState: string;
    municipality: { name: string; ags: string; population: number };
  },
): Promise<string> {
  const email = `${person.lastName.toLowerCase()}.${randomUUID().slice(0, 8)}@mitglieder.example`;
  const invited = await api.callRetrying('POST', '/invitations', {
    token: staffToken,
    body: {
      salutation: 'Frau',
      officeTitle: 'Bürgermeisterin',
      email,
      organisation: `Stadt ${person.municipality.name}`,
      sector: 'Kommune',
      themes: ['Digitalisierung'],
      ...person,
    },
  });
  expect(invited.status, invited.text).toBe(201);
  const { token } = await api.linkFromMail(email, 'einladung');
  const accepted = await api.callRetrying<{ memberId: string }>('POST', '/invitations/accept', {
    body: { token },
  });
  expect(accepted.status, accepted.text).toBe(200);
  return accepted.body.memberId;
}

test.describe('Office console: members and working groups', () => {
  test('the office finds a member, edits the profile, sees the history, adds them to a new working group, ends the membership and erases another member', async ({
    page,
    api,
    staffToken,
  }) => {
    test.setTimeout(180_000);
    const lastName = uniqueName('Quendt');
    const otherLastName = uniqueName('Ormeier');
    const memberId = await activeMember(api, staffToken, {
      firstName: 'Greta',
      lastName,
      federalState: 'SN',
      municipality: { name: 'Pirna', ags: '14628270', population: 39_000 },
    });
    const otherId = await activeMember(api, staffToken, {
      firstName: 'Olaf',
      lastName: otherLastName,
      federalState: 'NW',
      municipality: { name: 'Kalletal', ags: '05766040', population: 13_900 },
    });

    // Find the member by name and Land.
    await signInAsStaff(page, '/geschaeftsstelle/mitglieder');
    await expect(page.getByRole('heading', { level: 1, name: 'Mitglieder' })).toBeVisible();
    const search = page.getByRole('search', { name: 'Suchen und filtern' });
    await search.getByRole('searchbox', { name: 'Name, Organisation oder Kommune' }).fill(lastName);
    await search.getByRole('combobox', { name: 'Land' }).selectOption({ label: 'Sachsen' });
    await search.getByRole('combobox', { name: 'Mitgliedschaft' }).selectOption({ label: 'Nur aktive' });
    await search.getByRole('button', { name: 'Suchen' }).click();
    await expect(page).toHaveURL(/suche=Quendt[a-z]+&land=SN&mitgliedschaft=aktiv/);
    await expect(page.getByText('1 Mitglied gefunden.')).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(`Greta ${lastName}`) });
    await expect(row).toContainText('Pirna, Sachsen');
    await expect(row).toContainText('aktiv');
    await expectNoAxeViolations(page);
    await screenshot(page, 'console-mitglieder');

    // Edit the profile; the history shows the change.
    await row.getByRole('link', { name: `Greta ${lastName}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Greta ${lastName}` })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Verlauf' })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: 'Beitritt' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('textbox', { name: /Telefon/ }).fill('+49 3501 556-0');
    await page.getByRole('textbox', { name: /Funktion/ }).fill('Leitung Digitalisierung');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await expect(page.getByText('Die Änderungen sind gespeichert.')).toBeVisible();
    await expect(page.getByRole('row', { name: /Profil geändert.*Telefon.*Geschäftsstelle/ })).toBeVisible();
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await screenshot(page, 'console-mitglied');

    // A new working group, with the member in it.
    await page.getByRole('link', { name: 'Alle Arbeitsgruppen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Arbeitsgruppen' })).toBeVisible();
    await expectNoAxeViolations(page);
    const groupName = `Ländlicher Raum ${lastName.slice(-6)}`;
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(groupName);
    await expect(page.getByRole('textbox', { name: 'Kurzname in der Adresse' })).toHaveValue(
      `laendlicher-raum-${lastName.slice(-6)}`,
    );
    await page.getByRole('textbox', { name: /Beschreibung/ }).fill('Digitale Dienste auf dem Land.');
    await page.getByRole('button', { name: 'Arbeitsgruppe anlegen' }).click();
    await expect(page.getByText(`Die Arbeitsgruppe „${groupName}“ ist angelegt.`)).toBeVisible();
    await expect(page.getByRole('link', { name: groupName, exact: true })).toBeVisible();
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await screenshot(page, 'console-arbeitsgruppen');
    await page.getByRole('link', { name: `„${groupName}“ öffnen` }).click();
    await expect(page.getByRole('heading', { level: 1, name: groupName })).toBeVisible();
    await expect(page.getByText('Die Arbeitsgruppe hat noch keine Mitglieder.')).toBeVisible();
    const add = page.getByRole('search', { name: 'Mitglied aufnehmen' });
    await add.getByRole('searchbox', { name: 'Name, Organisation oder Kommune' }).fill(lastName);
    await add.getByRole('button', { name: 'Mitglied suchen' }).click();
    await page.getByRole('button', { name: `Aufnehmen Greta ${lastName} in die Arbeitsgruppe` }).click();
    await expect(page.getByText(`Greta ${lastName} ist jetzt in der Arbeitsgruppe.`)).toBeVisible();
    await expect(
      page.getByRole('button', { name: `Entfernen Greta ${lastName} aus der Arbeitsgruppe` }),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    // End the membership with a note.
    await page
      .getByRole('link', { name: `Greta ${lastName}` })
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 1, name: `Greta ${lastName}` })).toBeVisible();
    await expect(
      page.getByRole('button', { name: `Entfernen aus der Arbeitsgruppe „${groupName}“` }),
    ).toBeVisible();
    const endDialog = page.getByRole('dialog', { name: `Mitgliedschaft von Greta ${lastName} beenden?` });
    // A click while the page renders the member anew (after the working-group change) can miss the
    // button that opens the dialog: click again until the dialog is open.
    await expect(async () => {
      await page.getByRole('button', { name: 'Mitgliedschaft beenden …' }).click();
      await expect(endDialog).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await expect(endDialog.getByText(/Niemand wird per E-Mail benachrichtigt/)).toBeVisible();
    await endDialog.getByRole('textbox', { name: /Vermerk/ }).fill('Aus dem Amt geschieden');
    await expectNoAxeViolations(page);
    await endDialog.getByRole('button', { name: 'Ja, Mitgliedschaft beenden' }).click();
    await expect(page.getByText('Die Mitgliedschaft ist beendet.')).toBeVisible();
    await expect(
      page.getByRole('row', { name: /Mitgliedschaft beendet.*Aus dem Amt geschieden.*Geschäftsstelle/ }),
    ).toBeVisible();
    expect(
      (await api.call<{ status: string }>('GET', `/members/${memberId}`, { token: staffToken })).body.status,
    ).toBe('inactive');

    // Erase the other member's data, typing the name to confirm.
    await page.goto(`/geschaeftsstelle/mitglieder/${otherId}`);
    await expect(page.getByRole('heading', { level: 1, name: `Olaf ${otherLastName}` })).toBeVisible();
    await page.getByRole('button', { name: 'Daten löschen …' }).click();
    const eraseDialog = page.getByRole('dialog', {
      name: `Alle Daten von Olaf ${otherLastName} endgültig löschen?`,
    });
    await expect(eraseDialog.getByText('Das lässt sich nicht rückgängig machen.')).toBeVisible();
    await eraseDialog.getByRole('button', { name: 'Daten endgültig löschen' }).click();
    await expect(eraseDialog.getByText(/Der Name stimmt nicht/)).toBeVisible();
    await eraseDialog
      .getByRole('textbox', { name: /Geben Sie zur Bestätigung den Namen/ })
      .fill(`Olaf ${otherLastName}`);
    await expectNoAxeViolations(page);
    await eraseDialog.getByRole('button', { name: 'Daten endgültig löschen' }).click();
    await expect(page).toHaveURL(/\/geschaeftsstelle\/mitglieder$/);
    await expect(page.getByText(/Die Daten des Mitglieds sind gelöscht/)).toBeVisible();
    expect((await api.call('GET', `/members/${otherId}`, { token: staffToken })).status).toBe(404);
  });
});
