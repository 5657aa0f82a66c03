import type { Browser, BrowserContext } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import type { E2eClient } from '../support/e2e-client';
import type { SinkMessage } from '../support/mail-sink';
import { eventually } from '../support/eventually';
import { expect, expectNoAxeViolations, screenshot, test } from './support/fixtures';
import { berlinMinute } from './support/berlin-time';
import { appointedMember, signInMember } from './support/members';

/**
 * Registering in the browser, as a member does it on the event page (issue 12): a lounge with its
 * confirmation, .ics and mail; a full lounge with its waiting list, a cancellation on „Meine
 * Anmeldungen“ and the promotion seen without reloading; a Kommunalzirkel delegation; a
 * Deutschlandforum's workshop choice. The office arranges events and members through the API.
 */

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const run = () => randomUUID().slice(0, 6);
const address = (name: string) => `${name}.${randomUUID().slice(0, 8)}@registrations.example`;

/** A second browser (another person on another device), like the test's own page. */
async function secondBrowser(browser: Browser, baseURL: string | undefined): Promise<BrowserContext> {
  const viewport = test.info().project.use.viewport ?? { width: 1280, height: 800 };
  return browser.newContext({ baseURL, viewport, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
}

/** Waits for the mail to the address whose subject starts so, and returns its link to the event page. */
async function eventLinkInMail(api: E2eClient, email: string, subject: string, eventId: string) {
  return eventually(
    async () => {
      const mail = (await api.mail.mailsTo(email)).find((message: SinkMessage) =>
        message.subject.startsWith(subject),
      );
      if (!mail) throw new Error(`no mail „${subject} …“ to ${email} yet`);
      const link = new RegExp(`https?://[^\\s"<>]+/veranstaltungen/${eventId}(?=[\\s"<>]|$)`).exec(
        mail.text ?? '',
      );
      if (!link)
        throw new Error(`„${mail.subject}“ has no link to /veranstaltungen/${eventId}:\n${mail.text}`);
      expect(mail.html).toContain(`/veranstaltungen/${eventId}`);
      return link[0];
    },
    60_000,
    500,
  );
}

function loungeBody(capacity: number) {
  const day = Date.now() + 21 * DAY;
  return {
    title: `Innovators Lounge Ulm ${run()}: Die smarte Stadt`,
    summary: 'Wie Ulm Daten, Sensorik und Bürgerbeteiligung zusammenbringt.',
    description: 'Die **Lounge** in Ulm.',
    themes: ['Digitalisierung'],
    capacity,
    registration: { opensAt: berlinMinute(Date.now() - HOUR), closesAt: berlinMinute(day - DAY) },
    audience: 'members',
    announceTo: 'matching-themes',
    startsAt: berlinMinute(day),
    endsAt: berlinMinute(day + 3 * HOUR),
    topic: 'Die smarte Stadt im Alltag',
    host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
    venue: { name: 'Stadthaus Ulm', city: 'Ulm', federalState: 'BW' },
  };
}

async function openLounge(api: E2eClient, staffToken: string, capacity: number) {
  return api.publishEvent<{ eventId: string; status: string; title: string }>(
    staffToken,
    'lounges',
    loungeBody(capacity),
    'registration-open',
  );
}

test.describe('Registering on the event page', () => {
  test(
    'a member registers for a lounge → confirmation and .ics; the mail leads back; „Meine Anmeldungen“ lists it',
    { tag: '@phone' },
    async ({ page, api, staffToken }) => {
      const lounge = await openLounge(api, staffToken, 40);
      const anna = await appointedMember(api, staffToken, {
        officeTitle: 'Erste Bürgermeisterin',
        lastName: 'Beispiel',
      });
      const eventPath = `/veranstaltungen/${lounge.eventId}`;

      await signInMember(page, api, anna.email, eventPath);
      const main = page.getByRole('main');
      const panel = main.getByRole('region', { name: 'Ihre Anmeldung' });
      await expect(main.getByRole('heading', { level: 1, name: lounge.title })).toBeVisible();
      await expect(panel.getByText('Noch 40 von 40 Plätzen frei.')).toBeVisible();
      await expectNoAxeViolations(page);

      await panel.getByRole('button', { name: 'Verbindlich anmelden' }).click();

      await expect(panel.getByRole('status')).toContainText('Sie sind verbindlich angemeldet.');
      const calendar = panel.getByRole('link', { name: 'Termin in Ihren Kalender übernehmen (.ics)' });
      await expect(calendar).toHaveAttribute('href', `/api/v1/events/${lounge.eventId}/calendar.ics`);
      const ics = await page.request.get(`/api/v1/events/${lounge.eventId}/calendar.ics`);
      expect(ics.status()).toBe(200);
      expect(ics.headers()['content-type']).toContain('text/calendar');
      expect(await ics.text()).toContain('BEGIN:VEVENT');
      await expect(panel.getByRole('button', { name: 'Anmeldung stornieren' })).toBeVisible();
      await expectNoAxeViolations(page);
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, 'veranstaltung-anmeldung');

      // The confirmation mail's „Anmeldung verwalten“ leads back to the event page.
      const link = await eventLinkInMail(api, anna.email, 'Anmeldung bestätigt', lounge.eventId);
      await page.goto(link);
      await expect(panel.getByRole('status')).toContainText('Sie sind verbindlich angemeldet.');

      await page
        .getByRole('navigation', { name: 'Hauptnavigation' })
        .getByRole('link', { name: 'Meine Anmeldungen' })
        .click();
      await expect(main.getByRole('heading', { level: 1, name: 'Meine Anmeldungen' })).toBeVisible();
      const coming = main.getByRole('region', { name: 'Kommende Veranstaltungen' });
      const item = coming
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: lounge.title }) });
      await expect(item.getByText('Angemeldet', { exact: true }).first()).toBeVisible();
      await expect(item.getByRole('link', { name: /Termin in Ihren Kalender übernehmen/ })).toBeVisible();
      await expect(item.getByRole('button', { name: /^Stornieren/ })).toBeVisible();
      await expectNoAxeViolations(page);
      await screenshot(page, 'meine-anmeldungen');
    },
  );

  test('a full lounge: waiting place 1 → the first member cancels on „Meine Anmeldungen“ → the seat shows without reload, the promotion mail leads back', async ({
    page,
    browser,
    baseURL,
    api,
    staffToken,
  }) => {
    test.slow();
    const lounge = await openLounge(api, staffToken, 1);
    const [first, second] = await Promise.all([
      appointedMember(api, staffToken, { lastName: 'Erste' }),
      appointedMember(api, staffToken, { lastName: 'Zweite' }),
    ]);
    const eventPath = `/veranstaltungen/${lounge.eventId}`;

    await signInMember(page, api, first.email, eventPath);
    const panel = page.getByRole('main').getByRole('region', { name: 'Ihre Anmeldung' });
    await panel.getByRole('button', { name: 'Verbindlich anmelden' }).click();
    await expect(panel.getByRole('status')).toContainText('Sie sind verbindlich angemeldet.');

    const secondContext = await secondBrowser(browser, baseURL);
    try {
      const secondPage = await secondContext.newPage();
      await signInMember(secondPage, api, second.email, eventPath);
      const secondPanel = secondPage.getByRole('main').getByRole('region', { name: 'Ihre Anmeldung' });
      await expect(secondPanel.getByText(/^Alle Plätze sind vergeben\./)).toBeVisible();
      await secondPanel.getByRole('button', { name: 'Verbindlich anmelden' }).click();
      await expect(secondPanel.getByRole('status')).toContainText('Sie stehen auf Platz 1 der Warteliste.');
      await expect(secondPanel.getByRole('link', { name: /Kalender/ })).toHaveCount(0);
      await expectNoAxeViolations(secondPage);

      // The first member gives the seat back on „Meine Anmeldungen“, after the question.
      await page.goto('/meine-anmeldungen');
      const main = page.getByRole('main');
      const item = main
        .getByRole('region', { name: 'Kommende Veranstaltungen' })
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: lounge.title }) });
      await item.getByRole('button', { name: /^Stornieren/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Anmeldung stornieren?' });
      await expect(dialog).toContainText('Ihr Platz geht sofort an die nächste Person auf der Warteliste.');
      await expectNoAxeViolations(page);
      await dialog.getByRole('button', { name: 'Ja, Anmeldung stornieren' }).click();
      await expect(main.getByRole('status').first()).toContainText(
        'Ihr Platz geht an die nächste Person auf der Warteliste.',
      );
      await expect(item.getByText(/^Storniert/).first()).toBeVisible();
      await expectNoAxeViolations(page);

      // The waiting member's page, left open, asks again by itself and shows the seat.
      await expect(secondPanel.getByRole('status')).toContainText(
        'Ein Platz ist frei geworden: Sie sind jetzt verbindlich angemeldet.',
        { timeout: 45_000 },
      );
      await expect(
        secondPanel.getByRole('link', { name: 'Termin in Ihren Kalender übernehmen (.ics)' }),
      ).toBeVisible();

      const link = await eventLinkInMail(
        api,
        second.email,
        'Nachgerückt, Teilnahme bestätigt',
        lounge.eventId,
      );
      await secondPage.goto(link);
      await expect(secondPanel.getByRole('status')).toContainText('Sie sind verbindlich angemeldet.');
      await expectNoAxeViolations(secondPage);
    } finally {
      await secondContext.close();
    }
  });

  test('a Kommunalzirkel: the mayor registers the municipality’s delegation of three', async ({
    page,
    api,
    staffToken,
  }) => {
    const day = Date.now() + 40 * DAY;
    const circle = await api.publishEvent<{ eventId: string; status: string; title: string }>(
      staffToken,
      'circles',
      {
        title: `Kommunen for future ${run()}`,
        description: 'Wandel vor Ort gestalten.',
        themes: ['Klimaschutz'],
        capacity: 30,
        registration: { opensAt: berlinMinute(Date.now() - HOUR), closesAt: berlinMinute(day - DAY) },
        audience: 'target-group',
        targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
        modules: [
          {
            title: 'Modul 1: Auftakt in Pegnitz',
            startsAt: berlinMinute(day),
            endsAt: berlinMinute(day + 6 * HOUR),
            place: 'Rathaus Pegnitz',
            guidingQuestions: ['Wo steht unsere Kommune beim Klimaschutz?'],
          },
        ],
        delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration', 'civil-society'] },
        feeCents: 0,
      },
      'registration-open',
    );
    const mayor = await appointedMember(api, staffToken, {
      lastName: 'Pegnitz',
      federalState: 'BY',
      organisation: 'Stadt Pegnitz',
      municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
    });
    const eventPath = `/veranstaltungen/${circle.eventId}`;
    await signInMember(page, api, mayor.email, eventPath);

    const panel = page.getByRole('main').getByRole('region', { name: 'Ihre Anmeldung' });
    const delegation = panel.getByRole('group', { name: 'Delegation der Kommune Pegnitz' });
    await expect(delegation.getByText('Höchstens 3 Personen je Kommune.')).toBeVisible();
    const first = delegation.getByRole('group', { name: 'Person 1' });
    await expect(first.getByRole('textbox', { name: 'Nachname' })).toHaveValue(mayor.lastName);
    await expect(first.getByRole('combobox', { name: 'Funktion in der Delegation' })).toHaveValue('mayor');

    const people = [
      { group: 'Person 2', first: 'Bernd', last: 'Verwaltung', email: address('bernd'), role: 'Verwaltung' },
      {
        group: 'Person 3',
        first: 'Clara',
        last: 'Verein',
        email: address('clara'),
        role: 'Zivilgesellschaft',
      },
    ];
    for (const person of people) {
      await delegation.getByRole('button', { name: 'Weitere Person hinzufügen' }).click();
      const group = delegation.getByRole('group', { name: person.group });
      await expect(group.getByRole('textbox', { name: 'Vorname' })).toBeFocused();
      await group.getByRole('textbox', { name: 'Vorname' }).fill(person.first);
      await group.getByRole('textbox', { name: 'Nachname' }).fill(person.last);
      await group.getByRole('textbox', { name: 'E-Mail-Adresse' }).fill(person.email);
      await group
        .getByRole('combobox', { name: 'Funktion in der Delegation' })
        .selectOption({ label: person.role });
    }
    await expect(
      delegation.getByText('Die Delegation ist vollständig: höchstens 3 Personen je Kommune.'),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    await panel.getByRole('button', { name: 'Verbindlich anmelden' }).click();

    await expect(panel.getByRole('status')).toContainText(
      'Ihre Kommune Pegnitz ist mit ihrer Delegation angemeldet.',
    );
    const list = panel.getByRole('list').filter({ hasText: 'Bernd Verwaltung' });
    await expect(list.getByRole('listitem')).toHaveText([
      `Anna ${mayor.lastName} – Bürgermeisterin`,
      'Bernd Verwaltung – Verwaltung',
      'Clara Verein – Zivilgesellschaft',
    ]);
    await expect(panel.getByRole('button', { name: 'Delegation ändern' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a Deutschlandforum: the member chooses a workshop per parallel slot, seats shown', async ({
    page,
    api,
    staffToken,
  }) => {
    const day = Date.now() + 30 * DAY;
    const workshop = (title: string, startsIn: number, capacity: number, room: string) => ({
      kind: 'workshop',
      title,
      startsAt: berlinMinute(day + startsIn),
      endsAt: berlinMinute(day + startsIn + 90 * 60 * 1000),
      capacity,
      room,
      speakers: [{ name: 'Prof. Dr. Ada Beispiel', organisation: 'Hochschule Beispielstadt' }],
    });
    const forum = await api.publishEvent<{ eventId: string; status: string; title: string }>(
      staffToken,
      'forums',
      {
        title: `Deutschlandforum ${run()}`,
        description: 'Zwei Tage Austausch.',
        themes: ['Partizipation'],
        capacity: 50,
        registration: { opensAt: berlinMinute(Date.now() - HOUR), closesAt: berlinMinute(day - DAY) },
        audience: 'members-and-guests',
        startsAt: berlinMinute(day),
        endsAt: berlinMinute(day + 8 * HOUR),
        leitgedanke: 'Kommune 2035',
        venue: { name: 'Stadthaus Ulm', city: 'Ulm', federalState: 'BW' },
        sessions: [
          workshop('Werkstatt Daten', 2 * HOUR, 20, 'Saal Einstein'),
          workshop('Werkstatt Energie', 2 * HOUR, 1, 'Saal Curie'),
          workshop('Smarte Region', 5 * HOUR, 30, 'Saal Einstein'),
        ],
      },
      'registration-open',
    );
    const member = await appointedMember(api, staffToken, { lastName: 'Forum' });
    await signInMember(page, api, member.email, `/veranstaltungen/${forum.eventId}`);

    const panel = page.getByRole('main').getByRole('region', { name: 'Ihre Anmeldung' });
    const firstSlot = panel.getByRole('group', { name: /^Zeitfenster 1: / });
    const secondSlot = panel.getByRole('group', { name: /^Zeitfenster 2: / });
    const energy = firstSlot.getByRole('radio', { name: 'Werkstatt Energie' });
    await expect(energy).toHaveAccessibleDescription(/noch 1 von 1 Platz frei/);
    await expect(
      firstSlot.getByRole('radio', { name: 'Keinen Workshop in diesem Zeitfenster' }),
    ).toBeChecked();
    await energy.check();
    await secondSlot.getByRole('radio', { name: 'Smarte Region' }).check();
    await expectNoAxeViolations(page);

    await panel.getByRole('button', { name: 'Verbindlich anmelden' }).click();

    await expect(panel.getByRole('status')).toContainText('Sie sind verbindlich angemeldet.');
    const workshops = panel.getByRole('list').filter({ hasText: 'Werkstatt Energie' });
    await expect(workshops.getByRole('listitem')).toHaveCount(2);
    await expect(workshops.getByRole('listitem').filter({ hasText: 'Werkstatt Energie' })).toContainText(
      'Platz sicher',
    );
    await expect(workshops.getByRole('listitem').filter({ hasText: 'Smarte Region' })).toContainText(
      'Platz sicher',
    );
    await expectNoAxeViolations(page);
  });
});
