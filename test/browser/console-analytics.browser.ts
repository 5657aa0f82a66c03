import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually';
import { berlinMinute } from './support/berlin-time';
import { signInAsStaff } from './support/console';
import { expect, expectNoAxeViolations, screenshot, test } from './support/fixtures';

/**
 * „Auswertungen“ in the office console (issue 13): a member registers for a lounge (through the API:
 * the journey is the office's), and the office finds the registration in the figures — the events'
 * table, the registrations over time with its chart drawn as SVG, the participation by Land — with
 * the CSV for Excel; axe on the page, charts included.
 */

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

test.describe('Auswertungen', () => {
  test('the office sees a new registration in the figures and charts, with its CSV', async ({
    page,
    api,
    staffToken,
  }) => {
    const refusedByCsp: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refusedByCsp.push(message.text());
    });

    const run = randomUUID().slice(0, 6);
    const day = Date.now() + 21 * DAY;
    const lounge = await api.publishEvent<{ eventId: string; status: string; title: string }>(
      staffToken,
      'lounges',
      {
        title: `Innovators Lounge Saarlouis ${run}: Daten für alle`,
        summary: 'Offene Daten in einer Mittelstadt.',
        description: 'Die **Lounge** in Saarlouis.',
        themes: ['Digitalisierung'],
        capacity: 20,
        registration: { opensAt: berlinMinute(Date.now() - HOUR), closesAt: berlinMinute(day - DAY) },
        audience: 'members',
        announceTo: 'matching-themes',
        startsAt: berlinMinute(day),
        endsAt: berlinMinute(day + 3 * HOUR),
        topic: 'Daten für alle',
        host: { name: 'Saarlouis', ags: '10044115', federalState: 'SL' },
        venue: { name: 'Rathaus Saarlouis', city: 'Saarlouis', federalState: 'SL' },
      },
      'registration-open',
    );
    const member = await api.newMember(staffToken, {
      salutation: 'Herr',
      officeTitle: 'Oberbürgermeister',
      firstName: 'Peter',
      lastName: `Demmer-${run}`,
      email: `peter.${randomUUID().slice(0, 8)}@analytics.example`,
      organisation: 'Kreisstadt Saarlouis',
      sector: 'Kommune',
      federalState: 'SL',
      municipality: { name: 'Saarlouis', ags: '10044115', population: 34_000 },
      themes: ['Digitalisierung'],
    });
    const registered = await api.callRetrying('POST', `/events/${lounge.eventId}/registrations`, {
      token: member.token,
      body: {},
    });
    expect(registered.status, registered.text).toBe(201);
    // The analytics read the services' events a moment later.
    await eventually(
      async () => {
        const figures = await api.call<{ registered: number }>('GET', `/analytics/events/${lounge.eventId}`, {
          token: staffToken,
        });
        if (figures.status !== 200 || figures.body.registered !== 1)
          throw new Error(`analytics of the lounge: ${figures.status} ${figures.text}`);
      },
      60_000,
      500,
    );

    await signInAsStaff(page);
    await page
      .getByRole('navigation', { name: 'Navigation der Geschäftsstelle' })
      .getByRole('link', { name: 'Auswertungen' })
      .click();
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1, name: 'Auswertungen' })).toBeVisible();
    await expect(main.getByText(/^Stand: \w+, \d{1,2}\. \w+ \d{4}, \d\d:\d\d Uhr/)).toBeVisible();

    // The events' table: the lounge with its one confirmed registration, 1 of 20 seats.
    const events = main.getByRole('table', { name: 'Veranstaltungen mit ihren Zahlen' });
    const row = events.getByRole('row').filter({ has: page.getByRole('rowheader', { name: lounge.title }) });
    await expect(row.getByRole('cell')).toHaveText([
      'Innovators Lounge',
      'Anmeldung offen',
      /^\d\d\.\d\d\.\d{4}$/,
      '20',
      '1',
      '1',
      '0',
      '0',
      '0',
      /^5\s%$/,
    ]);
    const fillChart = main
      .getByRole('region', { name: 'Auslastung je Veranstaltung', exact: true })
      .getByRole('img', { name: /^Balkendiagramm: Auslastung von/ });
    await expect(fillChart.locator('svg')).toBeVisible();

    // Registrations over time: the lounge chosen from the list, its chart drawn, its table and CSV.
    const timeline = main.getByRole('region', { name: 'Anmeldungen im Zeitverlauf', exact: true });
    await timeline.getByRole('combobox', { name: 'Veranstaltung' }).selectOption(lounge.eventId);
    const timelineChart = timeline.getByRole('img', {
      name: `Diagramm: Anmeldungen zu „${lounge.title}“ je Tag seit der Öffnung als Balken, Anmeldungen gesamt als Linie; zuletzt 1. Die Zahlen stehen in der Tabelle.`,
    });
    await expect(timelineChart.locator('svg')).toBeVisible();
    // The bar of the day and the line's point are drawn as paths of the SVG.
    await expect.poll(() => timelineChart.locator('svg path').count()).toBeGreaterThan(4);
    await timeline.getByText('Tabelle anzeigen').click();
    const steps = timeline.getByRole('table', { name: `Anmeldungen zu „${lounge.title}“ im Zeitverlauf` });
    await expect(steps.getByRole('row').last().getByRole('cell')).toHaveText(['1', '1']);
    const csvLink = timeline.getByRole('link', {
      name: 'Anmeldungen im Zeitverlauf als CSV-Datei für Excel herunterladen',
    });
    const csv = await page.request.get((await csvLink.getAttribute('href')) ?? '');
    expect(csv.status()).toBe(200);
    const csvText = (await csv.body()).toString('utf8');
    expect(csvText.startsWith('\ufeff')).toBe(true);
    expect(csvText.split(/\r?\n/)[0]).toBe('\ufeff"Tag";"Von";"Bis";"Anmeldungen";"Anmeldungen gesamt"');
    expect(csvText).toMatch(/^"1";"[\d. :]+";"[\d. :]+";"1";"1"\r?$/m);

    // Participation of the lounge: one registration from the Saarland, a municipality of 34,000.
    const participation = main.getByRole('region', { name: 'Teilnahme', exact: true });
    await participation.getByRole('combobox', { name: 'Veranstaltung' }).selectOption(lounge.eventId);
    await expect(
      participation.getByText('Insgesamt 1 Anmeldung, davon 1 bestätigt, 0 teilgenommen.'),
    ).toBeVisible();
    const byLand = participation.getByRole('region', { name: 'Teilnahme nach Land', exact: true });
    await expect(byLand.getByRole('img').locator('svg')).toBeVisible();
    await byLand.getByText('Tabelle anzeigen').click();
    await expect(
      byLand
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'Saarland' }) })
        .getByRole('cell'),
    ).toHaveText(['1', '1', '0']);
    const landCsv = await page.request.get(
      (await byLand
        .getByRole('link', { name: 'Teilnahme nach Land als CSV-Datei für Excel herunterladen' })
        .getAttribute('href')) ?? '',
    );
    const landLines = (await landCsv.body()).toString('utf8').split('\r\n');
    expect(landLines[0]).toBe('\ufeff"Bundesland";"Anmeldungen";"Bestätigt";"Teilgenommen"');
    expect(landLines).toContain('"Saarland";"1";"1";"0"');
    const bySize = participation.getByRole('region', { name: 'Teilnahme nach Gemeindegröße', exact: true });
    await bySize.getByText('Tabelle anzeigen').click();
    await expect(
      bySize
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: '20.001 bis 100.000 Einwohner' }) })
        .getByRole('cell'),
    ).toHaveText(['1', '1', '0']);

    await expectNoAxeViolations(page);
    expect(refusedByCsp).toEqual([]);
    await main.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await screenshot(page, 'console-auswertungen');

    // On a phone the same page, every table opened (wide ones scroll sideways), still passes axe.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(events).toBeVisible();
    await expect(main.getByRole('heading', { name: 'Teilnahme nach Gemeindegröße' })).toBeVisible();
    await expect(main.getByRole('img', { name: /^Diagramm über/ })).toBeVisible();
    await expect(main.getByRole('img', { name: /^Balkendiagramm: aktive Mitglieder/ })).toBeVisible();
    for (const summary of await main.locator('summary').all()) await summary.click();
    await expect(main.getByRole('table', { name: 'Mitgliedschaft je Monat' })).toBeVisible();
    await expectNoAxeViolations(page);
    expect(refusedByCsp).toEqual([]);
  });
});
