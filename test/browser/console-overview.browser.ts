import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually';
import { berlinMinute } from './support/berlin-time';
import { signInAsStaff } from './support/console';
import { expect, expectNoAxeViolations, screenshot, test } from './support/fixtures';

/**
 * The office's „Übersicht“ and „Versand“ (issue 13): the overview shows an event whose registration
 * opens within the next 7 days (a draft: it warns that it is not announced yet) and links to it; the
 * delivery log shows the invitation mail of a person appointed through the API, found by the
 * address; the failed sign-ins list an address someone tried with a wrong password. (A failed mail is not arranged here: the sink refuses only its own smtp-reject
 * addresses, which the office's appointments would accept; the resend is covered by the
 * notifications service's integration test and the page's component tests.)
 */

const DAY = 24 * 60 * 60 * 1000;

interface CreatedEvent {
  readonly eventId: string;
  readonly title: string;
}

test.describe('Office console: overview and delivery log', () => {
  test(
    'the overview shows an event whose registration opens soon; the delivery log shows the mails to a person',
    { tag: '@phone' },
    async ({ page, api, staffToken, mail }) => {
      const unique = randomUUID().slice(0, 8);

      // A draft lounge whose registration opens in two days, as the event forms would leave it.
      const title = `Innovators Lounge Übersicht ${unique}`;
      const startsAt = Date.now() + 60 * DAY;
      const created = await api.call<CreatedEvent>('POST', '/events/lounges', {
        token: staffToken,
        body: {
          title,
          description: 'Ein Abend zum Austausch über Kooperation zwischen Kommunen.',
          themes: ['Kooperation'],
          announceTo: 'matching-themes',
          capacity: 30,
          registration: {
            opensAt: berlinMinute(Date.now() + 2 * DAY),
            closesAt: berlinMinute(startsAt - 2 * DAY),
          },
          audience: 'members',
          startsAt: berlinMinute(startsAt),
          endsAt: berlinMinute(startsAt + 3 * 60 * 60 * 1000),
          topic: 'Gemeinsam stärker',
          host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
          venue: {
            name: 'Stadthaus Ulm',
            street: 'Münsterplatz 50',
            postalCode: '89073',
            city: 'Ulm',
            federalState: 'BW',
          },
        },
      });
      expect(created.status, created.text).toBe(201);
      const eventId = created.body.eventId;

      // A person appointed through the API: their invitation mail is in the log.
      const email = `greta.versand.${unique}@lindenhagen.example`;
      const invited = await api.callRetrying('POST', '/invitations', {
        token: staffToken,
        body: {
          salutation: 'Frau',
          firstName: 'Greta',
          lastName: `Versand-${unique}`,
          email,
          organisation: 'Gemeinde Lindenhagen',
          sector: 'Kommune',
          federalState: 'NW',
          municipality: { name: 'Kalletal', ags: '05766040', population: 13_900 },
          themes: ['Digitalisierung'],
        },
      });
      expect(invited.status, invited.text).toBe(201);
      await eventually(async () => expect(await mail.mailsTo(email)).toHaveLength(1), 60_000, 250);

      // A sign-in with an address that has no account: the overview lists it for the office.
      const guessed = `raten.${unique}@example.org`;
      const failed = await api.call('POST', '/auth/staff/login', {
        body: { email: guessed, password: 'falsches-passwort' },
      });
      expect(failed.status, failed.text).toBe(401);

      // Übersicht
      await signInAsStaff(page);
      const main = page.getByRole('main');
      await expect(main.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
      const registration = main.getByRole('region', { name: 'Anmeldung öffnet oder schließt bald' });
      const item = registration.getByRole('listitem').filter({ hasText: title });
      await expect(item).toBeVisible();
      await expect(item).toContainText('Anmeldung öffnet am');
      await expect(item).toContainText('Noch ein Entwurf');
      for (const heading of [
        'Berufungen, die bald ablaufen',
        'Ausgebucht, mit Warteliste',
        'Fehlgeschlagene E-Mails',
        'Fehlgeschlagene Anmeldungen',
      ]) {
        const section = main.getByRole('region', { name: heading, exact: true });
        await expect(section).toBeVisible();
        await expect(section.getByRole('status')).toHaveCount(0);
      }
      const signIns = main.getByRole('table', {
        name: 'Fehlgeschlagene Anmeldungen der letzten 7 Tage je Adresse',
      });
      const tried = signIns.getByRole('row').filter({ hasText: guessed });
      await expect(tried.getByRole('rowheader')).toContainText('kein Konto');
      await expect(tried.getByRole('cell')).toHaveText(['1', /\d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr/, 'sofort']);
      await expectNoAxeViolations(page);
      await screenshot(page, 'console-uebersicht');

      await item.getByRole('link', { name: title }).click();
      await expect(page).toHaveURL(new RegExp(`/geschaeftsstelle/veranstaltungen/${eventId}$`));

      // Versand: the mails to the person, found by the address.
      await page
        .getByRole('navigation', { name: 'Navigation der Geschäftsstelle' })
        .getByRole('link', { name: 'Versand' })
        .click();
      await expect(main.getByRole('heading', { level: 1, name: 'Versand' })).toBeVisible();
      await main.getByLabel('Empfänger (E-Mail-Adresse)').fill(email.toUpperCase());
      await main.getByLabel('Art der E-Mail').selectOption('Berufung');
      await main.getByLabel('Empfänger (E-Mail-Adresse)').press('Enter');
      await expect(page).toHaveURL(/\/geschaeftsstelle\/versand\?empfaenger=.+&art=berufung$/);
      const card = main.getByRole('listitem').filter({ hasText: email });
      await expect(card).toHaveCount(1);
      await expect(
        card.getByRole('heading', { level: 3, name: 'Ihre Berufung in den Innovators Club des DStGB' }),
      ).toBeVisible();
      await expect(card.getByText('Versandt', { exact: true })).toBeVisible();
      await expect(card).toContainText('1 Versuch');
      await expect(
        main.getByRole('status').filter({ hasText: '1 E-Mail. Die neuesten zuerst.' }),
      ).toBeVisible();
      await expectNoAxeViolations(page);
      await screenshot(page, 'console-versand');

      // Only failed mails: none to this person.
      await main.getByLabel('Stand').selectOption('Fehlgeschlagen');
      await main.getByRole('button', { name: 'Suchen' }).click();
      await expect(main.getByText('Keine E-Mail passt zu dieser Suche.')).toBeVisible();
      await expect(page).toHaveURL(/stand=fehlgeschlagen/);
    },
  );
});
