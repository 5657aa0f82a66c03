import { randomUUID } from 'node:crypto';
import type { E2eClient } from '../support/e2e-client';
import { eventually } from '../support/eventually';
import { berlinMinute } from './support/berlin-time';
import { signInAsStaff } from './support/console';
import { expect, expectNoAxeViolations, screenshot, test } from './support/fixtures';
import { appointedMember, type AppointedMember } from './support/members';

/**
 * The door („Einlass“) on a phone, as issue 13 asks: the office searches and ticks the members of
 * a lounge taking place today, undoes a mistaken tick, ticks while the Wi-Fi is gone and sees the
 * tick sent once it is back, and the figures count it; a Kommunalzirkel's delegation is checked in
 * per module, each person separately. Events and registrations are arranged through the API.
 */

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const run = () => randomUUID().slice(0, 6);

interface Arranged {
  readonly eventId: string;
  readonly title: string;
  readonly status: string;
}

/**
 * Today in Berlin: registration open since an hour and closing in a few minutes (the office
 * registers right away), the event beginning just after. (Run within minutes of midnight in
 * Berlin, „today“ could become tomorrow; the test does not run then.)
 */
const soon = (minutes: number) => berlinMinute(Date.now() + minutes * MINUTE);

async function register(api: E2eClient, staffToken: string, eventId: string, body: object) {
  const registered = await api.callRetrying<{ registrationId: string; status: string }>(
    'POST',
    `/events/${eventId}/registrations`,
    { token: staffToken, body },
  );
  expect(registered.status, registered.text).toBe(201);
  expect(registered.body.status).toBe('confirmed');
  return registered.body;
}

const fullName = (member: AppointedMember) => `${member.firstName} ${member.lastName}`;

test.describe('Einlass: the door on a phone', () => {
  test(
    'the office searches, ticks a member, undoes a tick, ticks offline and sees it sent; the figures count it',
    { tag: '@phone' },
    async ({ page, context, api, staffToken }) => {
      test.slow();
      const [anna, bernd, carla] = [
        await appointedMember(api, staffToken, { firstName: 'Anna', lastName: 'Einlass' }),
        await appointedMember(api, staffToken, {
          firstName: 'Bernd',
          lastName: 'Görlitz',
          organisation: 'Stadt Görlitz',
          federalState: 'SN',
          municipality: { name: 'Görlitz', ags: '14626110', population: 56_000 },
        }),
        await appointedMember(api, staffToken, { firstName: 'Carla', lastName: 'Einlass' }),
      ];
      const lounge = await api.publishEvent<Arranged>(
        staffToken,
        'lounges',
        {
          title: `Innovators Lounge Ulm ${run()}: Die smarte Stadt`,
          summary: 'Wie Ulm Daten, Sensorik und Bürgerbeteiligung zusammenbringt.',
          description: 'Die **Lounge** in Ulm.',
          themes: ['Digitalisierung'],
          capacity: 40,
          registration: { opensAt: soon(-60), closesAt: soon(4) },
          audience: 'members',
          announceTo: 'matching-themes',
          startsAt: soon(5),
          endsAt: soon(5 + 3 * 60),
          topic: 'Die smarte Stadt im Alltag',
          host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
          venue: { name: 'Stadthaus Ulm', city: 'Ulm', federalState: 'BW' },
        },
        'registration-open',
      );
      for (const member of [anna, bernd, carla])
        await register(api, staffToken, lounge.eventId, { memberId: member.memberId });

      await signInAsStaff(page, `/geschaeftsstelle/veranstaltungen/${lounge.eventId}/einlass`);
      const main = page.getByRole('main');
      await expect(main.getByRole('heading', { level: 1, name: `Einlass: ${lounge.title}` })).toBeVisible();
      await expect(main.getByText('Der Einlass ist heute geöffnet.')).toBeVisible();
      await expect(main.getByText('0 von 3 eingetroffen')).toBeVisible();
      const search = main.getByRole('searchbox', { name: 'Name oder Kommune suchen' });
      await expect(search).toBeVisible();
      await expectNoAxeViolations(page);

      // Search by municipality (typed without the umlaut), tick.
      await search.fill('Goerlitz');
      await expect(main.getByText('1 Person gefunden für „Goerlitz“')).toBeVisible();
      await expect(main.getByText(fullName(anna))).toHaveCount(0);
      await main.getByRole('button', { name: `Eingetroffen: ${fullName(bernd)}` }).click();
      await expect(main.getByRole('status').filter({ hasText: 'ist eingetroffen' })).toHaveText(
        `${fullName(bernd)} ist eingetroffen.`,
      );
      await expect(main.getByRole('button', { name: `Zurücknehmen: ${fullName(bernd)}` })).toBeVisible();
      await expect(main.getByText('1 von 3 eingetroffen')).toBeVisible();

      // Search by name; a mistaken tick, taken back.
      await search.fill(anna.lastName);
      await main.getByRole('button', { name: `Eingetroffen: ${fullName(anna)}` }).click();
      await expect(main.getByText('2 von 3 eingetroffen')).toBeVisible();
      await main.getByRole('button', { name: `Zurücknehmen: ${fullName(anna)}` }).click();
      await expect(main.getByRole('status').filter({ hasText: 'zurückgenommen' })).toHaveText(
        `Der Einlass von ${fullName(anna)} ist zurückgenommen.`,
      );
      await expect(main.getByText('1 von 3 eingetroffen')).toBeVisible();

      // The Wi-Fi drops: the tick waits on the phone, and says so.
      await context.setOffline(true);
      await search.fill(carla.lastName);
      await main.getByRole('button', { name: `Eingetroffen: ${fullName(carla)}` }).click();
      const connection = main.getByRole('alert').filter({ hasText: 'Keine Verbindung zum Server.' });
      await expect(connection).toContainText('1 Vermerk wartet auf dem Gerät');
      await expect(main.getByText('wird übertragen', { exact: true })).toBeVisible();
      await expect(main.getByText('2 von 3 eingetroffen')).toBeVisible();
      await expect(main.getByRole('status').filter({ hasText: 'vermerkt' })).toHaveText(
        `${fullName(carla)} ist vermerkt und wird übertragen, sobald die Verbindung wieder steht.`,
      );
      expect(await page.evaluate(() => localStorage.getItem('ic.geschaeftsstelle.einlass') ?? '')).toContain(
        carla.lastName,
      );
      await expectNoAxeViolations(page);
      await screenshot(page, 'console-einlass-offline');

      // Back online: sent once, and counted by the registrations service.
      await context.setOffline(false);
      await expect(main.getByRole('status').filter({ hasText: 'Verbindung wieder da' })).toHaveText(
        'Verbindung wieder da: 1 Vermerk übertragen.',
      );
      await expect(connection).toHaveCount(0);
      await expect(main.getByText('wird übertragen', { exact: true })).toHaveCount(0);
      await eventually(async () => {
        const stats = await api.call<{ attendedPeople: number; confirmed: number }>(
          'GET',
          `/events/${lounge.eventId}/registration-stats`,
          { token: staffToken },
        );
        expect(stats.body).toMatchObject({ confirmed: 3, attendedPeople: 2 });
      }, 30_000);

      // A reload reads the list from the server: the same figure.
      await page.reload();
      await expect(main.getByText('2 von 3 eingetroffen')).toBeVisible();
      await expect(main.getByRole('button', { name: `Zurücknehmen: ${fullName(carla)}` })).toBeVisible();
      await expect(main.getByRole('button', { name: `Eingetroffen: ${fullName(anna)}` })).toBeVisible();
      // One column, no sideways scrolling: the page is no wider than the screen.
      const width = await page.locator('html').evaluate((html: { scrollWidth: number }) => html.scrollWidth);
      expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
      await expectNoAxeViolations(page);
      await screenshot(page, 'console-einlass');
    },
  );

  test(
    'a Kommunalzirkel: the delegation is checked in per module, each person separately',
    { tag: '@phone' },
    async ({ page, api, staffToken }) => {
      const later = Date.now() + 30 * DAY;
      const circle = await api.publishEvent<Arranged>(
        staffToken,
        'circles',
        {
          title: `Kommunen for future ${run()}`,
          description: 'Wandel vor Ort gestalten.',
          themes: ['Klimaschutz'],
          capacity: 30,
          registration: { opensAt: soon(-60), closesAt: soon(4) },
          audience: 'target-group',
          targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
          modules: [
            {
              title: 'Modul 1: Auftakt in Pegnitz',
              startsAt: soon(5),
              endsAt: soon(5 + 6 * 60),
              place: 'Rathaus Pegnitz',
              guidingQuestions: ['Wo steht unsere Kommune beim Klimaschutz?'],
            },
            {
              title: 'Modul 2: Werkstatt in Hersbruck',
              startsAt: berlinMinute(later),
              endsAt: berlinMinute(later + 6 * HOUR),
              place: 'Rathaus Hersbruck',
              guidingQuestions: ['Was haben wir seit dem Auftakt umgesetzt?'],
            },
          ],
          delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration', 'civil-society'] },
          feeCents: 0,
        },
        'registration-open',
      );
      const person = (salutation: string, firstName: string, lastName: string, role: string) => ({
        salutation,
        firstName,
        lastName,
        role,
        email: `${firstName.toLowerCase()}.${randomUUID().slice(0, 8)}@pegnitz.example`,
      });
      const pegnitz = await register(api, staffToken, circle.eventId, {
        municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
        delegation: [
          person('Frau', 'Petra', 'Lang', 'mayor'),
          person('Herr', 'Jonas', 'Weber', 'administration'),
          person('Frau', 'Mira', 'Öztürk', 'civil-society'),
        ],
      });

      await signInAsStaff(page, `/geschaeftsstelle/veranstaltungen/${circle.eventId}/einlass`);
      const main = page.getByRole('main');
      await expect(main.getByRole('heading', { level: 1, name: `Einlass: ${circle.title}` })).toBeVisible();
      const moduleField = main.getByRole('group', { name: 'Modul' });
      await expect(moduleField.getByRole('radio', { name: /^Modul 1: Auftakt in Pegnitz/ })).toBeChecked();
      await expect(main.getByText('0 von 3 eingetroffen')).toBeVisible();

      await main.getByRole('searchbox', { name: 'Name oder Kommune suchen' }).fill('Pegnitz');
      const card = main.getByRole('listitem').filter({
        has: page.getByRole('heading', { level: 3, name: 'Pegnitz' }),
      });
      await expect(card.getByText('Delegation, 3 Personen')).toBeVisible();
      await card.getByRole('button', { name: 'Eingetroffen: Petra Lang' }).click();
      await expect(main.getByText('1 von 3 eingetroffen')).toBeVisible();
      await card.getByRole('button', { name: 'Eingetroffen: Jonas Weber' }).click();
      await expect(main.getByText('2 von 3 eingetroffen')).toBeVisible();
      await expect(card.getByRole('button', { name: 'Zurücknehmen: Petra Lang' })).toBeVisible();
      await expect(card.getByRole('button', { name: 'Eingetroffen: Mira Öztürk' })).toBeVisible();
      await expect(main.getByRole('status').filter({ hasText: 'ist eingetroffen' })).toHaveText(
        'Jonas Weber ist eingetroffen.',
      );
      await expectNoAxeViolations(page);
      await main.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
      await screenshot(page, 'console-einlass-kommunalzirkel');

      // The second module is weeks away: its list only to read, nobody there yet.
      await moduleField.getByRole('radio', { name: /^Modul 2: Werkstatt in Hersbruck/ }).check();
      await expect(main.getByText(/^Der Einlass zu diesem Modul öffnet am /)).toBeVisible();
      await expect(main.getByText('0 von 3 eingetroffen')).toBeVisible();
      await expect(main.getByRole('button', { name: /^(Eingetroffen|Zurücknehmen):/ })).toHaveCount(0);
      await expectNoAxeViolations(page);

      // The registrations service keeps each person's modules.
      const stored = await api.call<{ delegation: { firstName: string; attendedModules?: string[] }[] }>(
        'GET',
        `/registrations/${pegnitz.registrationId}`,
        { token: staffToken },
      );
      const modules = Object.fromEntries(
        stored.body.delegation.map((member) => [member.firstName, member.attendedModules?.length ?? 0]),
      );
      expect(modules).toEqual({ Petra: 1, Jonas: 1, Mira: 0 });
    },
  );
});
