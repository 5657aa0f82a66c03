import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import type { E2eClient } from '../support/e2e-client';
import { expect, expectNoAxeViolations, screenshot, test } from './support/fixtures';

/**
 * The profile and the directory in the browser (issue 12): a member edits their profile, joins and
 * leaves a working group, switches the announcements off, finds colleagues in the directory, and
 * erases their data. The office appoints the people through the API; the invitation link comes
 * from the mail in the sink, and „Zusagen“ signs the new member in.
 */

const run = () => randomUUID().slice(0, 6);
const address = (name: string) => `${name}.${randomUUID().slice(0, 8)}@profil.example`;

interface Appointment {
  readonly firstName: string;
  readonly lastName: string;
  readonly organisation: string;
  readonly federalState: string;
  readonly municipality: { name: string; ags: string; population: number };
}

const KALLETAL: Appointment = {
  firstName: 'Jonas',
  lastName: 'Beispiel',
  organisation: 'Gemeinde Kalletal',
  federalState: 'NW',
  municipality: { name: 'Kalletal', ags: '05766040', population: 13900 },
};

/** The office appoints the person; returns their address and the link of the invitation mail. */
async function appoint(api: E2eClient, staffToken: string, person: Appointment) {
  const email = address(person.firstName.toLowerCase());
  const invited = await api.callRetrying('POST', '/invitations', {
    token: staffToken,
    body: {
      salutation: 'Herr',
      officeTitle: 'Bürgermeister',
      email,
      sector: 'Kommune',
      themes: ['Digitalisierung'],
      ...person,
    },
  });
  expect(invited.status, invited.text).toBe(201);
  return { email, invitationUrl: (await api.linkFromMail(email, 'einladung')).url };
}

/** An active member nobody signs in as (a colleague to be found in the directory). */
async function colleague(api: E2eClient, staffToken: string, person: Appointment): Promise<void> {
  const { invitationUrl } = await appoint(api, staffToken, person);
  const accepted = await api.callRetrying('POST', '/invitations/accept', {
    body: { token: invitationUrl.split('/einladung/')[1] },
  });
  expect(accepted.status, accepted.text).toBe(200);
}

/** Appointed, then „Zusagen“ in this browser: signed in on the start page. Returns the member id. */
async function signedInMember(page: Page, api: E2eClient, staffToken: string, person: Appointment) {
  const { invitationUrl } = await appoint(api, staffToken, person);
  await page.goto(invitationUrl);
  await page.getByRole('main').getByRole('button', { name: 'Zusagen' }).click();
  await expect(page).toHaveURL(/\/start$/);
  const session = (await (await page.request.get('/api/v1/auth/session')).json()) as { subject: string };
  return session.subject;
}

/** The member as the office sees it. */
async function asOffice(api: E2eClient, staffToken: string, memberId: string) {
  return api.call<{ workingGroups: string[]; announcementsOptOut: boolean; position?: string }>(
    'GET',
    `/members/${memberId}`,
    { token: staffToken },
  );
}

test.describe('My profile', () => {
  test(
    'a member edits the profile, joins and leaves a working group and switches the announcements off',
    { tag: '@phone' },
    async ({ page, api, staffToken }) => {
      const memberId = await signedInMember(page, api, staffToken, {
        ...KALLETAL,
        lastName: `Beispiel-${run()}`,
      });
      await page
        .getByRole('navigation', { name: 'Hauptnavigation' })
        .getByRole('link', { name: 'Profil' })
        .click();
      const main = page.getByRole('main');
      await expect(main.getByRole('heading', { level: 1, name: 'Mein Profil' })).toBeVisible();
      await expect(page).toHaveTitle(/^Mein Profil – /);
      const stored = main.getByRole('region', { name: 'Was wir über Sie speichern' });
      await expect(stored.getByText('Gemeinde Kalletal', { exact: true })).toBeVisible();
      await expectNoAxeViolations(page);
      await screenshot(page, 'profil');

      // A refused value is explained beside its field.
      const form = main.getByRole('region', { name: 'Ihre Angaben' });
      const phone = form.getByRole('textbox', { name: /Telefon/ });
      await phone.fill('bitte anrufen');
      await form.getByRole('button', { name: 'Angaben speichern' }).click();
      await expect(form.getByRole('alert')).toHaveText('Bitte korrigieren Sie die markierte Angabe.');
      await expect(phone).toHaveAttribute('aria-invalid', 'true');
      await expect(phone).toHaveAccessibleDescription(/nur mit Ziffern, Leerzeichen und \+ \( \) \/ -/);
      await expectNoAxeViolations(page);

      // A change is saved and still there after a reload.
      const position = `Digitalbeauftragter ${run()}`;
      await phone.fill('+49 5264 644-0');
      await form.getByRole('textbox', { name: /Funktion/ }).fill(position);
      await form.getByRole('checkbox', { name: 'Bildung' }).check();
      await form.getByRole('button', { name: 'Angaben speichern' }).click();
      await expect(form.getByText('Ihre Angaben sind gespeichert.')).toBeVisible();
      await page.reload();
      await expect(form.getByRole('textbox', { name: /Funktion/ })).toHaveValue(position);
      await expect(form.getByRole('checkbox', { name: 'Bildung' })).toBeChecked();
      await expect(stored.getByText('+49 5264 644-0')).toBeVisible();
      expect((await asOffice(api, staffToken, memberId)).body.position).toBe(position);

      // Joining and leaving a working group.
      const groups = main.getByRole('region', { name: 'Arbeitsgruppen' });
      await groups.getByRole('button', { name: 'Beitreten (Arbeitsgruppe Nachhaltigkeit)' }).click();
      await expect(
        groups.getByText('Sie sind jetzt Mitglied der Arbeitsgruppe „Nachhaltigkeit“.'),
      ).toBeVisible();
      await expect(
        groups.getByRole('button', { name: 'Verlassen (Arbeitsgruppe Nachhaltigkeit)' }),
      ).toBeVisible();
      expect((await asOffice(api, staffToken, memberId)).body.workingGroups).toContain('nachhaltigkeit');
      await groups.getByRole('button', { name: 'Verlassen (Arbeitsgruppe Nachhaltigkeit)' }).click();
      await expect(groups.getByText('Sie haben die Arbeitsgruppe „Nachhaltigkeit“ verlassen.')).toBeVisible();
      await expect(
        groups.getByRole('button', { name: 'Beitreten (Arbeitsgruppe Nachhaltigkeit)' }),
      ).toBeVisible();
      expect((await asOffice(api, staffToken, memberId)).body.workingGroups).not.toContain('nachhaltigkeit');

      // No more announcements.
      const announcements = main.getByRole('region', { name: 'E-Mails zu neuen Veranstaltungen' });
      await announcements.getByRole('button', { name: 'Ankündigungen abbestellen' }).click();
      await expect(
        announcements.getByText('Sie erhalten keine Ankündigungen neuer Veranstaltungen mehr.'),
      ).toBeVisible();
      await page.reload();
      await expect(
        announcements.getByText('Sie erhalten derzeit keine E-Mails zu neuen Veranstaltungen.'),
      ).toBeVisible();
      await expect(
        announcements.getByRole('button', { name: 'Ankündigungen wieder erhalten' }),
      ).toBeVisible();
      expect((await asOffice(api, staffToken, memberId)).body.announcementsOptOut).toBe(true);
      await expectNoAxeViolations(page);
    },
  );

  test('leaving the club ends the membership after the dialog and signs the member out', async ({
    page,
    api,
    staffToken,
  }) => {
    const memberId = await signedInMember(page, api, staffToken, {
      ...KALLETAL,
      lastName: `Abschied-${run()}`,
    });
    await page.goto('/profil#mitgliedschaft-beenden');
    const main = page.getByRole('main');
    await main.getByRole('button', { name: 'Mitgliedschaft beenden …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mitgliedschaft wirklich beenden?' });
    await expect(
      dialog.getByText(/Ihre Mitgliedschaft endet sofort, und Sie werden abgemeldet/),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await dialog.getByRole('textbox', { name: /einen Grund nennen/ }).fill('Ich habe ein neues Amt.');
    await dialog.getByRole('button', { name: 'Ja, Mitgliedschaft beenden' }).click();

    await expect(page).toHaveURL(/\/$/);
    await expect(main.getByText(/Ihre Mitgliedschaft im Innovators Club ist beendet/)).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Anmelden' }),
    ).toBeVisible();
    const ended = await api.call<{ status: string; leaveReason?: string }>('GET', `/members/${memberId}`, {
      token: staffToken,
    });
    expect(ended.body).toMatchObject({ status: 'inactive', leaveReason: 'left' });
  });

  test('erasing one’s data signs the member out and leaves a notice on the home page', async ({
    page,
    api,
    staffToken,
  }) => {
    const memberId = await signedInMember(page, api, staffToken, {
      ...KALLETAL,
      lastName: `Löschmann-${run()}`,
    });
    await page.goto('/profil');
    const main = page.getByRole('main');
    await main.getByRole('button', { name: 'Meine Daten löschen …' }).click();

    const dialog = page.getByRole('dialog', { name: 'Ihre Daten endgültig löschen?' });
    await expect(dialog.getByText('Das lässt sich nicht rückgängig machen.')).toBeVisible();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Daten endgültig löschen' }).click();
    const confirmation = dialog.getByRole('checkbox', { name: /alle meine Daten endgültig löscht/ });
    await expect(confirmation).toBeFocused();
    await expect(confirmation).toHaveAttribute('aria-invalid', 'true');
    await confirmation.check();
    await dialog.getByRole('button', { name: 'Daten endgültig löschen' }).click();

    await expect(page).toHaveURL(/\/$/);
    await expect(main.getByText(/Ihre Daten sind gelöscht, und Sie sind abgemeldet\./)).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Anmelden' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    expect((await asOffice(api, staffToken, memberId)).status).toBe(404);

    await page.goto('/profil');
    await expect(page).toHaveURL(/\/anmelden\?weiter=%2Fprofil$/);
  });
});

test.describe('The directory', () => {
  test(
    'finds a member by name and by Land, and opens their page',
    { tag: '@phone' },
    async ({ page, api, staffToken }) => {
      const tag = run();
      const anna: Appointment = {
        firstName: 'Anna',
        lastName: `Bergmann-${tag}`,
        organisation: `Landkreis Bayreuth ${tag}`,
        federalState: 'BY',
        municipality: { name: 'Landkreis Bayreuth', ags: '09472000', population: 104300 },
      };
      const ben: Appointment = {
        firstName: 'Ben',
        lastName: `Küstner-${tag}`,
        organisation: `Stadt Husum ${tag}`,
        federalState: 'SH',
        municipality: { name: 'Husum', ags: '01054056', population: 23000 },
      };
      await colleague(api, staffToken, anna);
      await colleague(api, staffToken, ben);
      await signedInMember(page, api, staffToken, { ...KALLETAL, lastName: `Sucher-${run()}` });

      await page
        .getByRole('navigation', { name: 'Hauptnavigation' })
        .getByRole('link', { name: 'Mitglieder' })
        .click();
      const main = page.getByRole('main');
      await expect(main.getByRole('heading', { level: 1, name: 'Mitglieder' })).toBeVisible();
      await expect(
        main.getByRole('region', { name: 'Ergebnisse' }).getByRole('listitem').first(),
      ).toBeVisible();
      await expectNoAxeViolations(page);

      // By name.
      const search = main.getByRole('search', { name: 'Suchen und filtern' });
      await search
        .getByRole('searchbox', { name: 'Name, Organisation oder Kommune' })
        .fill(`Bergmann-${tag}`);
      await search.getByRole('button', { name: 'Suchen' }).click();
      const results = main.getByRole('region', { name: 'Ergebnisse' });
      await expect(results.getByRole('link', { name: `Anna Bergmann-${tag}` })).toBeVisible();
      await expect(results.getByRole('listitem')).toHaveCount(1);
      await expect(page).toHaveURL(new RegExp(`/mitglieder\\?suche=Bergmann-${tag}$`));

      // Both by their organisations' common part; the Land filter leaves the one in Schleswig-Holstein.
      await search.getByRole('searchbox', { name: 'Name, Organisation oder Kommune' }).fill(tag);
      await search.getByRole('button', { name: 'Suchen' }).click();
      await expect(results.getByRole('listitem')).toHaveCount(2);
      await expectNoAxeViolations(page);
      // „Suchen“ brings the results into view (on a phone they are below the form).
      await expect(results.getByRole('heading', { level: 2, name: 'Ergebnisse' })).toBeFocused();
      await expect(results.getByRole('heading', { level: 2, name: 'Ergebnisse' })).toBeInViewport();
      if (test.info().project.name !== 'phone') {
        // On a wide screen the form and the cards fit together in the picture.
        const form = await main.getByRole('heading', { level: 2, name: 'Suchen und filtern' }).boundingBox();
        await page.evaluate(`window.scrollBy(0, ${(form?.y ?? 0) - 16})`);
      }
      await screenshot(page, 'mitglieder');
      await search.getByRole('combobox', { name: 'Land' }).selectOption({ label: 'Schleswig-Holstein' });
      await search.getByRole('button', { name: 'Suchen' }).click();
      await expect(page).toHaveURL(new RegExp(`/mitglieder\\?suche=${tag}&land=SH$`));
      await expect(results.getByRole('listitem')).toHaveCount(1);
      const benCard = results.getByRole('listitem').filter({ hasText: `Küstner-${tag}` });
      await expect(benCard.getByText('Schleswig-Holstein')).toBeVisible();
      await expect(benCard.getByText('Husum', { exact: true })).toBeVisible();
      await expectNoAxeViolations(page);

      // The member page, and back to the same search.
      await benCard.getByRole('link', { name: `Ben Küstner-${tag}` }).click();
      await expect(main.getByRole('heading', { level: 1, name: `Ben Küstner-${tag}` })).toBeVisible();
      await expect(main.getByText(`Stadt Husum ${tag}`).first()).toBeVisible();
      await expect(
        main.getByText(/E-Mail-Adressen und Telefonnummern der Mitglieder zeigt das Verzeichnis nicht/),
      ).toBeVisible();
      await expect(main.getByText(/@profil\.example/)).toHaveCount(0);
      await expectNoAxeViolations(page);
      await main.getByRole('link', { name: 'Zurück zum Mitgliederverzeichnis' }).click();
      await expect(page).toHaveURL(new RegExp(`/mitglieder\\?suche=${tag}&land=SH$`));
      await expect(results.getByRole('link', { name: `Ben Küstner-${tag}` })).toBeVisible();

      // Nobody: the empty state and its way back.
      await page.goto(`/mitglieder?suche=niemand-${tag}`);
      await expect(
        main.getByText('Keine Mitglieder gefunden. Ändern Sie die Suche oder setzen Sie die Filter zurück.'),
      ).toBeVisible();
      await expectNoAxeViolations(page);
    },
  );
});
