import type { Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { E2eClient } from '../support/e2e-client';
import { expect, expectNoAxeViolations, screenshot, test } from './support/fixtures';
import { appointedMember, signInMember } from './support/members';
import { berlinMinute } from './support/berlin-time';

/**
 * Finding events in the browser (issue 12): the office creates a Deutschlandforum, an Innovators
 * Lounge and a Kommunalzirkel through the API; a member signs in with the link from the mail, finds
 * each through the filters of /veranstaltungen and opens it: the forum with its Leitgedanke, agenda
 * and programme to download, the lounge with its host city, the Kommunalzirkel with its modules and
 * „Termin folgt“; the .ics of the forum downloads. A visitor sees an event without signing in.
 */

const HOUR = 60 * 60 * 1000;

interface PublishedEvent {
  readonly eventId: string;
  readonly status: string;
  readonly title: string;
}

/**
 * The three events of one run within ten days of their own far ahead (after the years the
 * end-to-end tests use; the API takes years up to 2100), so that the period filter finds this
 * run's events and hardly any others: the lounge on the first day, the forum on the third and
 * fourth, the Kommunalzirkel's dated modules on the sixth and ninth.
 */
function eventsOfRun() {
  const year = 2091 + Math.floor(Math.random() * 10);
  const first = Date.UTC(year, 1, 1) + Math.floor(Math.random() * 290) * 24 * HOUR;
  const day = (offset: number) => new Date(first + offset * 24 * HOUR).toISOString().slice(0, 10);
  const common = { description: 'Ein Tag **Austausch** auf Augenhöhe.', themes: ['Klimaschutz'] };
  return {
    year,
    day,
    period: { from: day(0), to: day(9) },
    forum: {
      ...common,
      title: `Deutschlandforum ${year}`,
      description:
        '# Worum es geht\n\nZwei Tage **Austausch** zwischen Kommunen, Wirtschaft und Wissenschaft.',
      themes: ['Digitalisierung', 'Partizipation'],
      capacity: 200,
      registration: { opensAt: `${year}-01-10T09:00`, closesAt: `${day(-1)}T23:59` },
      audience: 'members-and-guests',
      startsAt: `${day(2)}T09:30`,
      endsAt: `${day(3)}T16:00`,
      leitgedanke: 'Kommune 2035: mutig, vernetzt, nah',
      edition: 40,
      venue: {
        name: 'Kongresshaus',
        street: 'Mußstraße 1',
        postalCode: '96047',
        city: 'Bamberg',
        federalState: 'BY',
      },
      sessions: [
        {
          kind: 'talk',
          title: 'Eröffnung: Die Kommune als Plattform',
          startsAt: `${day(2)}T09:30`,
          endsAt: `${day(2)}T10:30`,
          room: 'Saal Einstein',
          speakers: [{ name: 'Dr. Maria Beispiel', organisation: 'Deutscher Städte- und Gemeindebund' }],
        },
        ...['Werkstatt Daten', 'Werkstatt Energie'].map((title, index) => ({
          kind: 'workshop',
          title,
          startsAt: `${day(2)}T11:00`,
          endsAt: `${day(2)}T12:30`,
          room: `Raum ${index + 1}`,
          capacity: 30,
          speakers: [
            {
              name: 'Prof. Dr. Ada Beispiel',
              organisation: 'Hochschule Beispielstadt',
              bio: 'Forscht zu offenen Daten.',
            },
          ],
        })),
        {
          kind: 'panel',
          title: 'Abschlusspodium',
          startsAt: `${day(3)}T14:00`,
          endsAt: `${day(3)}T16:00`,
          room: 'Saal Einstein',
          speakers: [],
        },
      ],
    },
    lounge: {
      ...common,
      title: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag',
      summary: 'Wie Ulm Daten, Sensorik und Bürgerbeteiligung zusammenbringt.',
      themes: ['Digitalisierung', 'Stadtentwicklung'],
      capacity: 40,
      registration: { opensAt: berlinMinute(Date.now() - HOUR), closesAt: `${day(-1)}T12:00` },
      audience: 'members',
      announceTo: 'matching-themes',
      startsAt: `${day(0)}T18:00`,
      endsAt: `${day(0)}T21:00`,
      topic: 'Die smarte Stadt im Alltag',
      host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
      venue: {
        name: 'Stadthaus Ulm',
        street: 'Münsterplatz 50',
        postalCode: '89073',
        city: 'Ulm',
        federalState: 'BW',
      },
    },
    circle: {
      ...common,
      title: 'Kommunen for future – Wandel vor Ort gestalten',
      capacity: 32,
      registration: { opensAt: `${year}-01-10T09:00`, closesAt: `${day(-1)}T23:59` },
      themes: ['Klimaschutz', 'Digitalisierung'],
      audience: 'target-group',
      targetGroup: { federalStates: ['BY'], maxPopulation: 25000 },
      modules: [
        {
          title: 'Modul 1: Auftakt in Pegnitz',
          startsAt: `${day(5)}T10:00`,
          endsAt: `${day(5)}T16:00`,
          place: 'Rathaus Pegnitz',
          guidingQuestions: ['Wo steht unsere Kommune beim Klimaschutz?'],
        },
        {
          title: 'Modul 2: Energie vor Ort',
          startsAt: `${day(8)}T10:00`,
          endsAt: `${day(8)}T16:00`,
          guidingQuestions: [],
        },
        { title: 'Modul 3: Bilanz', dateNote: 'Frühjahr/Sommer', guidingQuestions: ['Was nehmen wir mit?'] },
      ],
      delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration', 'civil-society'] },
      feeCents: 0,
    },
  };
}

type Run = ReturnType<typeof eventsOfRun>;

interface RunEvents {
  readonly forum: PublishedEvent;
  readonly lounge: PublishedEvent;
  readonly circle: PublishedEvent;
}

/** A PDF as the events service recognises one: the header, then any content. */
function pdfOf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n', 'latin1');
  return Buffer.concat([head, randomBytes(size - head.length - tail.length), tail]);
}

/** The office creates and announces the three events (the lounge with its registration open) and uploads the forum's programme. */
async function publish(api: E2eClient, staffToken: string, run: Run): Promise<RunEvents> {
  const [forum, lounge, circle] = await Promise.all([
    api.publishEvent<PublishedEvent>(staffToken, 'forums', run.forum, 'announced'),
    api.publishEvent<PublishedEvent>(staffToken, 'lounges', run.lounge, 'registration-open'),
    api.publishEvent<PublishedEvent>(staffToken, 'circles', run.circle, 'announced'),
  ]);
  const programme = new FormData();
  programme.append('title', 'Programm des Deutschlandforums');
  programme.append('kind', 'programme');
  programme.append('file', new Blob([pdfOf(20_000)], { type: 'application/pdf' }), 'programm.pdf');
  const uploaded = await api.call('POST', `/events/${forum.eventId}/documents`, {
    token: staffToken,
    body: programme,
  });
  expect(uploaded.status, uploaded.text).toBe(201);
  return { forum, lounge, circle };
}

/**
 * Dates the circle's open module once the test is done, so that later runs' period filters do not
 * list it (a series with an undated module counts for every period from its start on).
 */
async function dateTheOpenModule(api: E2eClient, staffToken: string, run: Run, circle: PublishedEvent) {
  const current = await api.call<{ circle: { modules: { moduleId: string; dateNote?: string }[] } }>(
    'GET',
    `/events/${circle.eventId}`,
    { token: staffToken },
  );
  const modules = current.body.circle.modules.map(({ dateNote, ...module }) =>
    dateNote ? { ...module, startsAt: `${run.day(9)}T10:00`, endsAt: `${run.day(9)}T16:00` } : module,
  );
  await api.call('PATCH', `/events/circles/${circle.eventId}`, { token: staffToken, body: { modules } });
}

/** Appointed by the office, accepted, and signed in on this page with the link from the sign-in mail. */
async function signedInMember(page: Page, api: E2eClient, staffToken: string, returnTo: string) {
  const erika = await appointedMember(api, staffToken, {
    firstName: 'Erika',
    organisation: 'Markt Pegnitz',
    federalState: 'BY',
    municipality: { name: 'Pegnitz', ags: '09472175', population: 13500 },
    themes: ['Klimaschutz'],
  });
  await signInMember(page, api, erika.email, returnTo);
}

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
