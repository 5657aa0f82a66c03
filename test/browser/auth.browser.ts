import { randomUUID } from 'node:crypto';
import type { E2eClient } from '../support/e2e-client';
import { expect, expectNoAxeViolations, screenshot, test } from './support/fixtures';

/**
 * Becoming a member and signing in and out, as a person does it in the browser: the office appoints
 * them through the API, the links come from the mails in the sink, everything else is the portal.
 */

/** An address of its own per test and project, so that each test reads only its own mails. */
function newAddress(name: string): string {
  return `${name}.${randomUUID().slice(0, 8)}@kalletal.example`;
}

function appointment(email: string, lastName: string) {
  return {
    salutation: 'Herr',
    academicTitle: 'Dr.',
    officeTitle: 'Bürgermeister',
    firstName: 'Jonas',
    lastName,
    email,
    organisation: 'Gemeinde Kalletal',
    position: 'Bürgermeister',
    sector: 'Kommune',
    federalState: 'NW',
    municipality: { name: 'Kalletal', ags: '05766040', population: 13900 },
    themes: ['Digitalisierung', 'Klimaschutz'],
    personalMessage: 'Wir freuen uns auf Ihre Erfahrung mit digital.interkommunal.',
  };
}

/** The office appoints the person; returns the link of the invitation mail. */
async function appoint(api: E2eClient, staffToken: string, email: string, lastName: string): Promise<string> {
  const invited = await api.callRetrying('POST', '/invitations', {
    token: staffToken,
    body: appointment(email, lastName),
  });
  expect(invited.status, invited.text).toBe(201);
  return (await api.linkFromMail(email, 'einladung')).url;
}

/** A Berlin calendar day some days ahead, as the events API takes it. */
function dayAhead(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
    new Date(Date.now() + days * 24 * 60 * 60 * 1000),
  );
}

test.describe('Becoming a member and signing in', () => {
  test(
    'appointed → invitation from the mail → „Zusagen“ → signed in on the start page → „Abmelden“',
    { tag: '@phone' },
    async ({ page, api, staffToken }) => {
      const email = newAddress('jonas');
      const lastName = `Beispiel-${randomUUID().slice(0, 6)}`;
      const invitationUrl = await appoint(api, staffToken, email, lastName);

      await page.goto(invitationUrl);
      const main = page.getByRole('main');
      await expect(
        main.getByRole('heading', { level: 1, name: 'Ihre Berufung in den Innovators Club' }),
      ).toBeVisible();
      // As the invitation mail greets: the office (Bürgermeister) is a form of address.
      await expect(main.getByText(`Sehr geehrter Herr Bürgermeister Dr. ${lastName},`)).toBeVisible();
      await expect(
        main.getByText('Wir freuen uns auf Ihre Erfahrung mit digital.interkommunal.'),
      ).toBeVisible();
      await expectNoAxeViolations(page);
      await screenshot(page, 'einladung');

      await main.getByRole('button', { name: 'Zusagen' }).click();

      await expect(page).toHaveURL(/\/start$/);
      await expect(main.getByRole('heading', { level: 1, name: 'Ihre Übersicht' })).toBeVisible();
      await expect(main.getByText(`Guten Tag, Herr Dr. ${lastName}!`)).toBeVisible();
      await expect(main.getByText(/Herzlich willkommen im Innovators Club!/)).toBeVisible();
      await expect(main.getByRole('region', { name: 'Ihre nächsten Anmeldungen' })).toContainText(
        'Sie sind zurzeit zu keiner kommenden Veranstaltung angemeldet.',
      );
      await expect(main.getByRole('link', { name: 'Ihr Profil' })).toBeVisible();
      await expectNoAxeViolations(page);
      await screenshot(page, 'start');

      // Signed in for good: a new page load still knows the member.
      await page.reload();
      await expect(main.getByText(`Guten Tag, Herr Dr. ${lastName}!`)).toBeVisible();

      const navigation = page.getByRole('navigation', { name: 'Hauptnavigation' });
      await navigation.getByRole('button', { name: 'Abmelden' }).click();

      await expect(page).toHaveURL(/\/$/);
      await expect(main.getByText('Sie sind abgemeldet.')).toBeVisible();
      await expect(navigation.getByRole('link', { name: 'Anmelden' })).toBeVisible();
      await expect(
        main.getByRole('region', { name: 'Für Mitglieder' }).getByRole('link', { name: 'Anmelden' }),
      ).toBeVisible();

      await page.goto('/profil');
      await expect(page).toHaveURL(/\/anmelden\?weiter=%2Fprofil$/);
      await expect(main.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
      await expect(main.getByRole('textbox', { name: /Ihre E-Mail-Adresse/ })).toBeVisible();
    },
  );

  test('a link from /anmelden?weiter=… signs in with „Jetzt anmelden“ and leads to that page', async ({
    page,
    api,
    staffToken,
  }) => {
    const email = newAddress('anna');
    const invitationUrl = await appoint(api, staffToken, email, `Muster-${randomUUID().slice(0, 6)}`);
    const accepted = await api.callRetrying('POST', '/invitations/accept', {
      body: { token: invitationUrl.split('/einladung/')[1] },
    });
    expect(accepted.status, accepted.text).toBe(200);

    await page.goto('/anmelden?weiter=/meine-anmeldungen');
    const main = page.getByRole('main');
    await main.getByRole('textbox', { name: /Ihre E-Mail-Adresse/ }).fill(email);
    await main.getByRole('button', { name: 'Anmeldelink anfordern' }).click();
    await expect(main.getByRole('heading', { name: 'Bitte sehen Sie in Ihr Postfach' })).toBeVisible();
    await expect(main.getByText(/der Link gilt 15 Minuten/i)).toBeVisible();
    await expectNoAxeViolations(page);

    const link = await api.linkFromMail(email, 'anmelden');
    expect(new URL(link.url).searchParams.get('weiter')).toBe('/meine-anmeldungen');
    await page.goto(link.url);
    await expect(
      main.getByRole('heading', { level: 1, name: 'Anmelden beim Innovators Club' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    await main.getByRole('button', { name: 'Jetzt anmelden' }).click();

    await expect(page).toHaveURL(/\/meine-anmeldungen$/);
    await expect(
      page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Abmelden' }),
    ).toBeVisible();

    // The link was used: opening it again explains that and leads to a new one.
    await page.goto(link.url);
    await main.getByRole('button', { name: 'Jetzt anmelden' }).click();
    await expect(main.getByRole('heading', { level: 1, name: 'Anmeldung nicht möglich' })).toBeVisible();
    await expect(main.getByRole('link', { name: 'Neuen Anmeldelink anfordern' })).toHaveAttribute(
      'href',
      '/anmelden?weiter=%2Fmeine-anmeldungen',
    );
    await expectNoAxeViolations(page);
  });
});

test.describe('The front page and „Anmelden“ for visitors', () => {
  test(
    'show the club, its coming events and the way in, without a sign-in',
    { tag: '@phone' },
    async ({ page, api, staffToken }) => {
      const day = dayAhead(20);
      const lounge = await api.publishEvent<{ eventId: string; status: string }>(
        staffToken,
        'lounges',
        {
          title: `Innovators Lounge Ulm ${randomUUID().slice(0, 6)}`,
          summary: 'Wie Ulm Daten, Sensorik und Bürgerbeteiligung zusammenbringt.',
          description: 'Die **Lounge** in Ulm.',
          themes: ['Energie'],
          capacity: 40,
          registration: { opensAt: `${dayAhead(1)}T09:00`, closesAt: `${dayAhead(19)}T12:00` },
          audience: 'members',
          announceTo: 'matching-themes',
          startsAt: `${day}T18:00`,
          endsAt: `${day}T21:00`,
          topic: 'Die smarte Stadt im Alltag',
          host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
          venue: { name: 'Stadthaus Ulm', city: 'Ulm', federalState: 'BW' },
        },
        'announced',
      );
      // Anyone may read an announced event through the API as well.
      expect((await api.call('GET', `/events/${lounge.eventId}`)).status).toBe(200);

      await page.goto('/');
      const main = page.getByRole('main');
      await expect(main.getByRole('heading', { level: 1, name: 'Innovators Club' })).toBeVisible();
      const events = main.getByRole('region', { name: 'Die nächsten Veranstaltungen' });
      await expect(events.getByRole('listitem').first()).toBeVisible();
      await expect(events.getByRole('listitem').first().getByRole('link')).toHaveAttribute(
        'href',
        /^\/veranstaltungen\/[0-9a-f-]{36}$/,
      );
      await expect(events.getByRole('alert')).toHaveCount(0);
      await expect(main.getByRole('link', { name: 'Alle Veranstaltungen ansehen' })).toBeVisible();
      await expectNoAxeViolations(page);
      await screenshot(page, 'home');

      await main
        .getByRole('region', { name: 'Für Mitglieder' })
        .getByRole('link', { name: 'Anmelden' })
        .click();
      await expect(page).toHaveURL(/\/anmelden$/);
      await expect(main.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
      await expectNoAxeViolations(page);
      await screenshot(page, 'anmelden');

      // An address that is not one: said beside the field, nothing sent.
      await main.getByRole('textbox', { name: /Ihre E-Mail-Adresse/ }).fill('jonas.beispiel');
      await main.getByRole('button', { name: 'Anmeldelink anfordern' }).click();
      await expect(main.getByRole('textbox', { name: /Ihre E-Mail-Adresse/ })).toHaveAccessibleDescription(
        /Bitte geben Sie eine vollständige E-Mail-Adresse ein/,
      );
      await expectNoAxeViolations(page);
    },
  );
});
