import type { Browser, BrowserContext } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, expectNoAxeViolations, screenshot, test } from './support/fixtures';
import { berlinMinute } from './support/berlin-time';
import { signInAsStaff } from './support/console';
import { appointedMember, signInMember } from './support/members';

/**
 * The office's participant list (issue 13): a member registers for a lounge in the portal, the office
 * finds them in the list (also by searching without umlauts), filters, downloads the CSV for Excel
 * from the page (byte order mark, semicolons, umlauts) and prints the door list and the name badges;
 * a Kommunalzirkel's delegation shows with its people. Events are arranged through the API.
 */

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const run = () => randomUUID().slice(0, 6);

/** Another person's browser (the member's), beside the office's page. */
async function secondBrowser(browser: Browser, baseURL: string | undefined): Promise<BrowserContext> {
  const viewport = test.info().project.use.viewport ?? { width: 1280, height: 800 };
  return browser.newContext({ baseURL, viewport, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
}

test.describe('Teilnehmende in the console', () => {
  test('a member registers in the portal → the office finds them, filters, downloads the CSV and prints the list and the badges', async ({
    page,
    browser,
    baseURL,
    api,
    staffToken,
  }) => {
    test.slow();
    const day = Date.now() + 21 * DAY;
    const lounge = await api.publishEvent<{ eventId: string; status: string; title: string }>(
      staffToken,
      'lounges',
      {
        title: `Innovators Lounge Görlitz ${run()}`,
        summary: 'Wie Görlitz Verwaltung und Bürgerschaft digital zusammenbringt.',
        description: 'Die **Lounge** in Görlitz.',
        themes: ['Digitalisierung'],
        capacity: 40,
        registration: { opensAt: berlinMinute(Date.now() - HOUR), closesAt: berlinMinute(day - DAY) },
        audience: 'members',
        announceTo: 'matching-themes',
        startsAt: berlinMinute(day),
        endsAt: berlinMinute(day + 3 * HOUR),
        topic: 'Die digitale Grenzstadt',
        host: { name: 'Görlitz', ags: '14626110', federalState: 'SN' },
        venue: { name: 'Rathaus Görlitz', city: 'Görlitz', federalState: 'SN' },
      },
      'registration-open',
    );
    const juergen = await appointedMember(api, staffToken, {
      salutation: 'Herr',
      firstName: 'Jürgen',
      lastName: 'Müßig',
      officeTitle: 'Oberbürgermeister',
      organisation: 'Stadt Görlitz',
      federalState: 'SN',
      municipality: { name: 'Görlitz', ags: '14626110', population: 55_000 },
    });
    const name = `Jürgen ${juergen.lastName}`;

    // The member registers on the event page in the portal, in their own browser.
    const memberContext = await secondBrowser(browser, baseURL);
    try {
      const memberPage = await memberContext.newPage();
      await signInMember(memberPage, api, juergen.email, `/veranstaltungen/${lounge.eventId}`);
      const panel = memberPage.getByRole('main').getByRole('region', { name: 'Ihre Anmeldung' });
      await panel.getByRole('button', { name: 'Verbindlich anmelden' }).click();
      await expect(panel.getByRole('status')).toContainText('Sie sind verbindlich angemeldet.');
    } finally {
      await memberContext.close();
    }

    // The office opens the event's participants, signs in on the way, and finds the member.
    const path = `/geschaeftsstelle/veranstaltungen/${lounge.eventId}/teilnehmende`;
    await signInAsStaff(page, path);
    await expect(page).toHaveURL((url) => url.pathname === path);
    const main = page.getByRole('main');
    await expect(
      main.getByRole('heading', { level: 1, name: `Teilnehmende: ${lounge.title}` }),
    ).toBeVisible();
    await expect(main.getByRole('link', { name: 'Zurück zur Veranstaltung' })).toHaveAttribute(
      'href',
      `/geschaeftsstelle/veranstaltungen/${lounge.eventId}`,
    );
    const figures = main.getByRole('region', { name: 'Zahlen' });
    await expect(figures.getByText('Noch frei').locator('xpath=following-sibling::dd')).toHaveText('39');
    const table = main.getByRole('table', { name: `Teilnehmende der Veranstaltung ${lounge.title}` });
    const row = table.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('Oberbürgermeister, Stadt Görlitz');
    await expect(row).toContainText('Sachsen');
    await expect(row).toContainText('Bestätigt');
    await expect(main.getByRole('region', { name: 'Warteliste in ihrer Reihenfolge' })).toContainText(
      'Niemand wartet auf einen Platz.',
    );
    await expectNoAxeViolations(page);
    // Taller than the others, so that the picture shows the list under the figures and filters.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: viewport?.width ?? 1280, height: 1000 });
    await screenshot(page, 'console-teilnehmende');
    if (viewport) await page.setViewportSize(viewport);

    // Filters: typed without umlauts, kept in the address in German.
    const filters = main.getByRole('search', { name: 'Liste filtern' });
    await filters.getByRole('searchbox', { name: /Name oder Kommune/ }).fill('Goerlitz');
    await filters.getByRole('combobox', { name: 'Stand' }).selectOption({ label: 'Bestätigt' });
    await filters.getByRole('button', { name: 'Filter anwenden' }).click();
    await expect(page).toHaveURL(/\?suche=Goerlitz&stand=bestaetigt$/);
    await expect(table.getByRole('row').filter({ hasText: name })).toBeVisible();
    await expect(main.getByRole('heading', { level: 2, name: 'Teilnehmende' })).toBeFocused();
    await filters.getByRole('combobox', { name: 'Land' }).selectOption({ label: 'Bayern' });
    await filters.getByRole('button', { name: 'Filter anwenden' }).click();
    await expect(main.getByText('Niemand passt zu diesen Filtern.')).toBeVisible();
    await expectNoAxeViolations(page);
    await filters.getByRole('link', { name: 'Filter zurücksetzen' }).click();
    await expect(page).toHaveURL((url) => url.pathname === path && url.search === '');

    // The CSV for Excel, downloaded from the page with the session cookie.
    const downloading = page.waitForEvent('download');
    await main.getByRole('link', { name: 'Liste als CSV-Datei für Excel herunterladen' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(
      /^teilnehmende-innovators-lounge-goerlitz-[a-z0-9]+-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0].split(';').slice(0, 5)).toEqual([
      '"Stand"',
      '"Warteplatz"',
      '"Art"',
      '"Name"',
      '"Funktion"',
    ]);
    const line = lines.find((candidate) => candidate.includes(juergen.lastName));
    expect(line?.split(';').slice(0, 6)).toEqual([
      '"Bestätigt"',
      '""',
      '"Mitglied"',
      `"${name}"`,
      '"Oberbürgermeister"',
      '"Stadt Görlitz"',
    ]);
    expect(line).toContain('"Sachsen";"Görlitz";"14626110";"55000"');

    // The door list to print, and the name badges.
    await main.getByRole('link', { name: 'Druckliste und Namensschilder' }).click();
    await expect(main.getByRole('heading', { level: 1, name: `Druckliste: ${lounge.title}` })).toBeVisible();
    const doorList = main.getByRole('table', { name: new RegExp(`^Teilnehmende – ${lounge.title}`) });
    await expect(doorList.getByRole('columnheader', { name: 'Unterschrift' })).toBeVisible();
    await expect(doorList.getByRole('row').filter({ hasText: name })).toContainText('Oberbürgermeister');
    await expect(main.getByRole('button', { name: 'Drucken' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Navigation der Geschäftsstelle' })).toBeHidden();
    await expect(main.getByRole('button', { name: 'Drucken' })).toBeHidden();
    await expect(doorList).toBeVisible();
    await screenshot(page, 'console-druckliste');
    await page.emulateMedia({ media: 'screen' });

    // click, not check(): the choice lives in the URL, and until the router has rendered it React
    // shows the controlled radio unticked, which check() can read as a click without effect.
    const badgesChoice = main.getByRole('radio', { name: 'Namensschilder (8 je A4-Seite)' });
    await badgesChoice.click();
    await expect(badgesChoice).toBeChecked();
    await expect(page).toHaveURL(/\/druck\?art=namensschilder$/);
    await expect(
      main.getByRole('heading', { level: 1, name: `Namensschilder: ${lounge.title}` }),
    ).toBeVisible();
    const sheet = main.getByRole('region', { name: 'Bogen 1 von 1' });
    await expect(sheet).toContainText(`${name}Oberbürgermeister`);
    await expect(sheet).toContainText('Görlitz');
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: 'print' });
    await expect(main.getByRole('heading', { level: 1 })).toBeHidden();
    await expect(sheet).toBeVisible();
    await screenshot(page, 'console-namensschilder');
    await page.emulateMedia({ media: 'screen' });

    await main.getByRole('link', { name: 'Zurück zur Teilnehmendenliste' }).click();
    await expect(page).toHaveURL((url) => url.pathname === path);
  });

  test('a Kommunalzirkel: the delegation shows with its people, on the list and on the badges', async ({
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
    const unique = run();
    const registered = await api.callRetrying('POST', `/events/${circle.eventId}/registrations`, {
      token: staffToken,
      body: {
        municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
        delegation: [
          { firstName: 'Uwe', lastName: 'Röder', email: `uwe.${unique}@pegnitz.example`, role: 'mayor' },
          {
            firstName: 'Bärbel',
            lastName: 'Schön',
            email: `baerbel.${unique}@pegnitz.example`,
            role: 'administration',
          },
        ],
      },
    });
    expect(registered.status, registered.text).toBe(201);

    await signInAsStaff(page, `/geschaeftsstelle/veranstaltungen/${circle.eventId}/teilnehmende`);
    const main = page.getByRole('main');
    await expect(
      main.getByRole('heading', { level: 1, name: `Teilnehmende: ${circle.title}` }),
    ).toBeVisible();
    const row = main.getByRole('table').getByRole('row').filter({ hasText: 'Kommune mit Delegation' });
    await expect(row.getByRole('rowheader')).toContainText('Pegnitz');
    await expect(row.getByRole('listitem')).toHaveText([
      'Uwe Röder (Bürgermeister*in) – noch nicht da',
      'Bärbel Schön (Verwaltung) – noch nicht da',
    ]);
    await expect(row).toContainText('0 / 2');
    await expect(main.getByRole('region', { name: 'Zahlen' })).toContainText('Plätze (Kommunen)');
    await expectNoAxeViolations(page);

    // Search finds the municipality by a delegation person's name.
    const filters = main.getByRole('search', { name: 'Liste filtern' });
    await filters.getByRole('searchbox', { name: /Name oder Kommune/ }).fill('Barbel');
    await filters.getByRole('button', { name: 'Filter anwenden' }).click();
    await expect(main.getByRole('table').getByRole('row').filter({ hasText: 'Pegnitz' })).toBeVisible();

    await page.goto(
      `/geschaeftsstelle/veranstaltungen/${circle.eventId}/teilnehmende/druck?art=namensschilder`,
    );
    const sheet = main.getByRole('region', { name: 'Bogen 1 von 1' });
    await expect(sheet).toContainText('Uwe RöderBürgermeister*inPegnitz');
    await expect(sheet).toContainText('Bärbel SchönVerwaltungPegnitz');
    await expectNoAxeViolations(page);
  });
});
