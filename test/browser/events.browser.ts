import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, expectNoAxeViolations, screenshot, test } from './support/fixtures';
import {
  type PublishedEvent,
  eventsOfRun,
  publish,
  dateTheOpenModule,
  signedInMember,
} from './support/events-of-run';

/**
 * Finding events in the browser (issue 12): the office creates a Deutschlandforum, an Innovators
 * Lounge and a Kommunalzirkel through the API; a member signs in with the link from the mail, finds
 * each through the filters of /veranstaltungen and opens it: the forum with its Leitgedanke, agenda
 * and programme to download, the lounge with its host city, the Kommunalzirkel with its modules and
 * „Termin folgt“; the .ics of the forum downloads. A visitor sees an event without signing in.
 */

/** `2091-06-01` as a person types it: „01.06.2091“. */
const typed = (day: string | undefined) => (day ? day.split('-').reverse().join('.') : '');

/** Applies the filters as a person does: open them (folded on a phone), choose, type, „Filter anwenden“. */
async function filter(
  page: Page,
  choice: { kind?: string; theme?: string; federalState?: string; from?: string; to?: string },
) {
  const form = page.getByRole('search', { name: 'Veranstaltungen filtern' });
  if (!(await form.isVisible())) await page.getByText('Veranstaltungen filtern', { exact: true }).click();
  await form.getByRole('combobox', { name: 'Art' }).selectOption({ label: choice.kind ?? 'Alle' });
  await form.getByRole('combobox', { name: 'Themenfeld' }).selectOption({ label: choice.theme ?? 'Alle' });
  await form.getByRole('combobox', { name: 'Land' }).selectOption({ label: choice.federalState ?? 'Alle' });
  await form.getByRole('textbox', { name: 'Von' }).fill(typed(choice.from));
  await form.getByRole('textbox', { name: 'Bis' }).fill(typed(choice.to));
  await form.getByRole('button', { name: 'Filter anwenden' }).click();
}

/** The card of this run's event in the list, by its title link (other runs may have used the title). */
function card(page: Page, event: PublishedEvent) {
  const link = page
    .getByRole('link', { name: event.title, exact: true })
    .and(page.locator(`[href="/veranstaltungen/${event.eventId}"]`));
  return page.getByRole('main').getByRole('listitem').filter({ has: link });
}

function cardLink(page: Page, event: PublishedEvent) {
  return card(page, event).getByRole('link', { name: event.title, exact: true });
}

test.describe('Finding events', () => {
  test(
    'a member finds each kind through the filters and opens it: forum with Leitgedanke and agenda, lounge with its host city, Kommunalzirkel with „Termin folgt“; downloads programme and .ics',
    { tag: '@phone' },
    async ({ page, api, staffToken }) => {
      const run = eventsOfRun();
      const { forum, lounge, circle } = await publish(api, staffToken, run);
      const { period } = run;
      const main = page.getByRole('main');

      try {
        await signedInMember(page, api, staffToken, '/veranstaltungen');
        await expect(main.getByRole('heading', { level: 1, name: 'Veranstaltungen' })).toBeVisible();
        await expect(main.getByRole('heading', { level: 2, name: 'Kommende Veranstaltungen' })).toBeVisible();
        await expectNoAxeViolations(page);

        // The Deutschlandforum: by kind and period.
        await filter(page, { kind: 'Deutschlandforum', ...period });
        await expect(page).toHaveURL(
          new RegExp(`/veranstaltungen\\?art=deutschlandforum&von=${period.from}&bis=${period.to}$`),
        );
        const forumCard = card(page, forum);
        await expect(forumCard.getByText('„Kommune 2035: mutig, vernetzt, nah“')).toBeVisible();
        await expect(forumCard.getByText(`Anmeldung ab 10.01.${run.year}, 09:00 Uhr möglich`)).toBeVisible();
        await expect(forumCard.getByText('Kongresshaus, Bamberg (Bayern)')).toBeVisible();
        await expect(card(page, lounge)).toHaveCount(0);
        await expectNoAxeViolations(page);

        await cardLink(page, forum).click();
        await expect(page).toHaveURL(new RegExp(`/veranstaltungen/${forum.eventId}$`));
        await expect(main.getByRole('heading', { level: 1, name: forum.title })).toBeVisible();
        await expect(
          main.getByRole('region', { name: 'Leitgedanke' }).getByText('„Kommune 2035: mutig, vernetzt, nah“'),
        ).toBeVisible();
        const agenda = main.getByRole('region', { name: 'Programm' });
        await expect(agenda.getByRole('heading', { level: 3 })).toHaveCount(2);
        await expect(
          agenda.getByRole('heading', { level: 4, name: 'Eröffnung: Die Kommune als Plattform' }),
        ).toBeVisible();
        const workshop = agenda.getByRole('listitem').filter({
          has: page.getByRole('heading', { level: 4, name: 'Werkstatt Daten' }),
        });
        await expect(workshop.getByText('Workshop · Raum: Raum 1 · 30 Plätze')).toBeVisible();
        await expect(workshop.getByText('Prof. Dr. Ada Beispiel', { exact: true })).toBeVisible();
        await expect(workshop.getByText('Gast', { exact: true })).toBeVisible();
        await expect(main.getByRole('heading', { level: 3, name: 'Worum es geht' })).toBeVisible();
        await expect(main.getByRole('region', { name: 'Auf einen Blick' })).toContainText('Mußstraße 1');
        await expect(main.getByRole('region', { name: 'Ihre Anmeldung' })).toBeVisible();
        await expectNoAxeViolations(page);
        await screenshot(page, 'veranstaltung-forum');

        // The programme and the calendar entry download with the session cookie.
        const documents = main.getByRole('region', { name: 'Unterlagen' });
        await expect(documents.getByText('(Programm · PDF-Dokument · 20 KB)')).toBeVisible();
        const programmeDownload = page.waitForEvent('download');
        await documents.getByRole('link', { name: 'Programm des Deutschlandforums' }).click();
        const programme = await programmeDownload;
        expect(
          readFileSync(await programme.path())
            .subarray(0, 5)
            .toString('latin1'),
        ).toBe('%PDF-');

        const calendarDownload = page.waitForEvent('download');
        await main
          .getByRole('region', { name: 'Kalender' })
          .getByRole('link', { name: 'In meinen Kalender' })
          .click();
        const ics = readFileSync(await (await calendarDownload).path(), 'utf8');
        expect(ics).toContain('BEGIN:VCALENDAR');
        expect(ics.replace(/\r\n[ \t]/g, '')).toContain(forum.title);
        expect(ics.replace(/\r\n[ \t]/g, '')).toContain(`/veranstaltungen/${forum.eventId}`);

        // Back: the filtered list as it was, with its filters in the form.
        await page.goBack();
        await expect(card(page, forum)).toBeVisible();
        await expect(page.getByRole('combobox', { name: 'Art' })).toHaveValue('deutschlandforum');
        await expect(page.getByRole('textbox', { name: 'Von' })).toHaveValue(typed(period.from));

        // The lounge: by kind and Land.
        await filter(page, { kind: 'Innovators Lounge', federalState: 'Baden-Württemberg', ...period });
        await expect(page).toHaveURL(/art=innovators-lounge&land=BW/);
        const loungeCard = card(page, lounge);
        await expect(loungeCard.getByText('Ulm (Baden-Württemberg)', { exact: true })).toBeVisible();
        await expect(
          loungeCard.getByText(`Anmeldung offen bis ${typed(run.day(-1))}, 12:00 Uhr`),
        ).toBeVisible();
        await cardLink(page, lounge).click();
        await expect(main.getByRole('heading', { level: 1, name: lounge.title })).toBeVisible();
        const facts = main.getByRole('region', { name: 'Auf einen Blick' });
        await expect(facts.getByText('Ulm (Baden-Württemberg)', { exact: true })).toBeVisible();
        await expect(facts.getByText('Die smarte Stadt im Alltag')).toBeVisible();
        await expectNoAxeViolations(page);
        await page.goBack();

        // The Kommunalzirkel: by kind, Themenfeld and Land.
        await filter(page, {
          kind: 'Kommunalzirkel',
          theme: 'Klimaschutz',
          federalState: 'Bayern',
          ...period,
        });
        const circleCard = card(page, circle);
        await expect(
          circleCard.getByText('Kommunen in Bayern mit höchstens 25.000 Einwohnerinnen und Einwohnern'),
        ).toBeVisible();
        await expect(circleCard.getByText('3 Module')).toBeVisible();
        await cardLink(page, circle).click();
        await expect(main.getByRole('heading', { level: 1, name: circle.title })).toBeVisible();
        const modules = main.getByRole('region', { name: 'Module' });
        await expect(modules.getByRole('heading', { level: 3 })).toHaveText([
          'Modul 1: Auftakt in Pegnitz',
          'Modul 2: Energie vor Ort',
          'Modul 3: Bilanz',
        ]);
        await expect(modules.getByText('Termin folgt (voraussichtlich Frühjahr/Sommer)')).toBeVisible();
        await expect(modules.getByText('Wo steht unsere Kommune beim Klimaschutz?')).toBeVisible();
        const participation = main.getByRole('region', { name: 'Zielgruppe und Teilnahme' });
        await expect(participation.getByText('kostenfrei')).toBeVisible();
        await expect(participation.getByText(/Bis zu 3 Personen je Kommune/)).toBeVisible();
        await expectNoAxeViolations(page);

        // All three for the picture of the list, by Themenfeld and period: other tests' Kommunalzirkel
        // with a module still undated (Klimaschutz alone) count for every period from their start on.
        await page.goto(`/veranstaltungen?thema=Digitalisierung&von=${period.from}&bis=${period.to}`);
        for (const event of [forum, lounge, circle]) await expect(card(page, event)).toBeVisible();
        await expect(page.getByRole('textbox', { name: 'Von' })).toHaveValue(typed(period.from));
        await expectNoAxeViolations(page);
        // The picture shows the list: on a wide screen below the filters, on a phone from its heading.
        const phone = test.info().project.name === 'phone';
        const top = await (
          phone
            ? main.getByRole('heading', { level: 2, name: 'Kommende Veranstaltungen' })
            : page.getByText('Veranstaltungen filtern', { exact: true })
        ).boundingBox();
        await page.evaluate(`window.scrollTo(0, ${Math.max(0, (top?.y ?? 0) - 16)})`);
        await screenshot(page, 'veranstaltungen');
      } finally {
        await dateTheOpenModule(api, staffToken, run, circle);
      }
    },
  );

  test('a visitor sees an event without signing in, and how to get its documents and calendar entry', async ({
    page,
    api,
    staffToken,
  }) => {
    const run = eventsOfRun();
    const { forum, circle } = await publish(api, staffToken, run);
    try {
      await page.goto(`/veranstaltungen?art=deutschlandforum&von=${run.period.from}&bis=${run.period.to}`);
      const main = page.getByRole('main');
      await cardLink(page, forum).click();

      await expect(main.getByRole('heading', { level: 1, name: forum.title })).toBeVisible();
      await expect(main.getByRole('region', { name: 'Programm' })).toBeVisible();
      const documents = main.getByRole('region', { name: 'Unterlagen' });
      await expect(documents.getByText(/Mitglieder nach der Anmeldung/)).toBeVisible();
      await expect(documents.getByRole('link', { name: 'Programm des Deutschlandforums' })).toHaveCount(0);
      const back = `/anmelden?weiter=${encodeURIComponent(`/veranstaltungen/${forum.eventId}`)}`;
      await expect(
        documents.getByRole('link', { name: 'Anmelden, um die Unterlagen herunterzuladen' }),
      ).toHaveAttribute('href', back);
      await expect(main.getByRole('region', { name: 'Kalender' })).toContainText(
        'Nach der Anmeldung im Portal',
      );
      await expectNoAxeViolations(page);

      await page.goto('/veranstaltungen/00000000-0000-4000-8000-000000000000');
      await expect(
        main.getByRole('heading', { level: 1, name: 'Veranstaltung nicht gefunden' }),
      ).toBeVisible();
      await expect(main.getByRole('link', { name: 'Zu allen Veranstaltungen' })).toBeVisible();
      await expectNoAxeViolations(page);
    } finally {
      await dateTheOpenModule(api, staffToken, run, circle);
    }
  });
});
