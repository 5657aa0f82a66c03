import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeGateway, renderPage, staffSession, type FakeAnswer, type FakeRoute } from '../../../test/render';
import type { ChartOption } from './chartOptions';
import {
  defaultFrom,
  type AnalyticsStatus,
  type EventDetailFigures,
  type EventFigures,
  type MembershipFigures,
  type Participation,
  type ParticipationRow,
  type WorkingGroupSizes,
} from './figures';

// jsdom cannot draw ECharts: the engine is replaced; the test sees what each chart was given.
const drawn = vi.hoisted(() => [] as { element: HTMLElement; options: ChartOption[] }[]);
vi.mock('./chartEngine', () => ({
  drawChart: (element: HTMLElement) => {
    const chart = { element, options: [] as ChartOption[] };
    drawn.push(chart);
    return { update: (option: ChartOption) => chart.options.push(option), dispose: () => undefined };
  },
}));

beforeEach(() => {
  drawn.length = 0;
});

const LOUNGE_ID = '6f1c2a8e-1d0b-4c4e-9a51-0d5f1a2b3c4d';
const FORUM_ID = '0b7e4d12-5a3f-4f7e-8c2d-9e1f2a3b4c5d';
const NBSP = '\u00a0';

function eventFigures(overrides: Partial<EventFigures> = {}): EventFigures {
  return {
    eventId: LOUNGE_ID,
    title: 'Innovators Lounge Ulm: Die smarte Stadt',
    kind: 'innovators-lounge',
    status: 'registration-open',
    startsAt: '2027-04-15T17:00:00+02:00',
    endsAt: '2027-04-15T21:00:00+02:00',
    capacity: 40,
    registered: 1234,
    confirmed: 30,
    waiting: 2,
    cancelled: 3,
    waitlisted: 4,
    promoted: 2,
    attended: 0,
    attendedPeople: 0,
    noShows: null,
    fillRate: 0.75,
    waitingListConversion: 0.5,
    ...overrides,
  };
}

const forum = () =>
  eventFigures({
    eventId: FORUM_ID,
    title: '24. Deutschlandforum',
    kind: 'deutschlandforum',
    status: 'held',
    startsAt: '2026-05-12T09:30:00+02:00',
    capacity: null,
    fillRate: null,
    registered: 80,
    confirmed: 70,
    attended: 65,
  });

function timeline(overrides: Partial<EventDetailFigures> = {}): EventDetailFigures {
  return {
    ...eventFigures(),
    granularity: 'day',
    registrationOpenedAt: '2026-12-01T09:00:00+01:00',
    registeredBeforeOpening: 0,
    timeline: [
      {
        step: 0,
        from: '2026-12-01T09:00:00+01:00',
        to: '2026-12-02T09:00:00+01:00',
        registrations: 17,
        cumulative: 17,
      },
      {
        step: 1,
        from: '2026-12-02T09:00:00+01:00',
        to: '2026-12-03T09:00:00+01:00',
        registrations: 3,
        cumulative: 20,
      },
    ],
    ...overrides,
  };
}

const row = (value: string | null, label: string, registered: number, confirmed = 0, attended = 0) =>
  ({ value, label, registered, confirmed, attended }) satisfies ParticipationRow;

function participation(): Participation {
  return {
    registered: 12,
    confirmed: 10,
    attended: 9,
    byFederalState: [
      row('BW', 'Baden-Württemberg', 2000, 1500, 3),
      row('BY', 'Bayern', 3),
      row(null, 'ohne Angabe', 1),
    ],
    bySector: [row('Kommune', 'Kommune', 10, 9, 8), row(null, 'ohne Angabe', 2)],
    byTheme: [row('IT', 'IT', 4), row('Digitalisierung', 'Digitalisierung', 6)],
    bySizeClass: [
      row('up-to-5000', 'bis 5.000 Einwohner', 1),
      row('over-100000', 'über 100.000 Einwohner', 7),
    ],
  };
}

const membership = (): MembershipFigures => ({
  activeMembers: 118,
  months: [
    { month: '2026-10', invited: 9, accepted: 7, declined: 1, left: 0, members: 111 },
    { month: '2026-11', invited: 10, accepted: 8, declined: 2, left: 1, members: 118 },
  ],
});

const groups = (): WorkingGroupSizes => ({
  items: [
    { workingGroupId: 'digitales', name: 'Digitales', members: 41 },
    { workingGroupId: 'nachhaltigkeit', name: 'Nachhaltigkeit', members: 1200 },
  ],
});

const caughtUp = (): AnalyticsStatus => ({
  generation: 1,
  topics: [
    { topic: 'ic.registrations.v1', read: 40, total: 40 },
    { topic: 'ic.membership.v1', read: 10, total: 10 },
  ],
});

function gateway(overrides: Record<string, FakeRoute | FakeAnswer> = {}) {
  return fakeGateway({
    'GET /api/v1/auth/session': staffSession,
    'GET /api/v1/analytics/status': { body: caughtUp() },
    'GET /api/v1/analytics/events': { body: { items: [forum(), eventFigures()] } },
    [`GET /api/v1/analytics/events/${LOUNGE_ID}`]: { body: timeline() },
    'GET /api/v1/analytics/participation': { body: participation() },
    'GET /api/v1/analytics/membership': { body: membership() },
    'GET /api/v1/analytics/working-groups': { body: groups() },
    ...overrides,
  });
}

/** The section of a figure, found by its heading. */
async function figure(heading: string) {
  const title = await screen.findByRole('heading', { name: heading });
  return within(title.closest('section')!);
}

/** The rows of a table as lists of cell texts. */
function rowsOf(table: HTMLElement): string[][] {
  return [...table.querySelectorAll('tr')].map((tr) =>
    [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''),
  );
}

describe('AnalyticsPage', () => {
  it('shows the fill rate of every event as a chart with its table and CSV, German words and numbers', async () => {
    gateway();
    renderPage('/geschaeftsstelle/auswertungen');

    expect(await screen.findByRole('heading', { level: 1, name: 'Auswertungen' })).toBeVisible();
    const fill = await figure('Auslastung je Veranstaltung');
    const chart = fill.getByRole('img');
    expect(chart).toHaveAccessibleName(
      'Balkendiagramm: Auslastung von einer Veranstaltung in Prozent der Plätze. Die Zahlen stehen in der Tabelle darunter.',
    );
    const table = fill.getByRole('table', { name: 'Veranstaltungen mit ihren Zahlen' });
    expect(rowsOf(table)).toEqual([
      [
        'Veranstaltung',
        'Art',
        'Zustand',
        'Beginn',
        'Plätze',
        'Anmeldungen',
        'Bestätigt',
        'Warteliste',
        'Storniert',
        'Teilgenommen',
        'Auslastung',
      ],
      [
        '24. Deutschlandforum',
        'Deutschlandforum',
        'Stattgefunden',
        '12.05.2026',
        'ohne Begrenzung',
        '80',
        '70',
        '2',
        '3',
        '65',
        '',
      ],
      [
        'Innovators Lounge Ulm: Die smarte Stadt',
        'Innovators Lounge',
        'Anmeldung offen',
        '15.04.2027',
        '40',
        '1.234',
        '30',
        '2',
        '3',
        '0',
        `75${NBSP}%`,
      ],
    ]);
    expect(fill.getByRole('link', { name: 'Innovators Lounge Ulm: Die smarte Stadt' })).toHaveAttribute(
      'href',
      `/geschaeftsstelle/veranstaltungen/${LOUNGE_ID}`,
    );
    expect(
      fill.getByText('Veranstaltungen ohne Platzbegrenzung erscheinen nur in der Tabelle.'),
    ).toBeVisible();
    const csv = fill.getByRole('link', { name: 'Veranstaltungen als CSV-Datei für Excel herunterladen' });
    expect(csv).toHaveAttribute('href', `/api/v1/analytics/events.csv?from=${defaultFrom()}`);
    expect(csv).toHaveAttribute('download');

    // The chart draws the events with seats only, in German percent.
    const option = drawn.find((one) => one.element === chart)?.options.at(-1);
    expect(option?.yAxis).toMatchObject({ data: ['Innovators Lounge Ulm: Die smarte Stadt'] });
    expect(option?.series).toMatchObject([{ name: 'Auslastung', data: [0.75] }]);
  });

  it('says how current the figures are, and while the analytics catch up reloads them once they have', async () => {
    let statusCalls = 0;
    let eventCalls = 0;
    gateway({
      'GET /api/v1/analytics/status': () => {
        statusCalls += 1;
        return {
          body:
            statusCalls === 1
              ? { generation: 1, topics: [{ topic: 'ic.registrations.v1', read: 38, total: 40 }] }
              : caughtUp(),
        };
      },
      'GET /api/v1/analytics/events': () => {
        eventCalls += 1;
        return {
          body: { items: [eventCalls === 1 ? eventFigures() : eventFigures({ registered: 1236 })] },
        };
      },
    });
    renderPage('/geschaeftsstelle/auswertungen');

    const stand = await screen.findByText(/^Stand: /);
    expect(stand.textContent).toMatch(/^Stand: \w+, \d{1,2}\. \w+ \d{4}, \d\d:\d\d Uhr$/);
    expect(
      await screen.findByText(
        /2 Vorgänge sind noch nicht eingerechnet; die Zahlen werden in wenigen Sekunden aktualisiert\./,
      ),
    ).toBeVisible();
    expect(
      await screen.findByText(/Alles bisher Geschehene ist eingerechnet\./, undefined, { timeout: 6000 }),
    ).toBeVisible();
    const table = (await figure('Auslastung je Veranstaltung')).getByRole('table');
    await waitFor(() => expect(within(table).getByRole('cell', { name: '1.236' })).toBeVisible());
  }, 10_000);

  it('draws the registrations over time of the open event, per day or per hour, with table and CSV', async () => {
    const sent = gateway({
      [`GET /api/v1/analytics/events/${LOUNGE_ID}`]: (_request, url) => ({
        body:
          url.searchParams.get('granularity') === 'hour'
            ? timeline({
                granularity: 'hour',
                registeredBeforeOpening: 2,
                timeline: [
                  {
                    step: 0,
                    from: '2026-12-01T09:00:00+01:00',
                    to: '2026-12-01T10:00:00+01:00',
                    registrations: 5,
                    cumulative: 7,
                  },
                ],
              })
            : timeline(),
      }),
    });
    renderPage('/geschaeftsstelle/auswertungen');

    const section = await figure('Anmeldungen im Zeitverlauf');
    expect(await section.findByRole('combobox', { name: 'Veranstaltung' })).toHaveValue(LOUNGE_ID);
    const chart = await section.findByRole('img');
    expect(chart).toHaveAccessibleName(
      'Diagramm: Anmeldungen zu „Innovators Lounge Ulm: Die smarte Stadt“ je Tag seit der Öffnung als Balken, Anmeldungen gesamt als Linie; zuletzt 20. Die Zahlen stehen in der Tabelle.',
    );
    expect(section.getByText('Tabelle anzeigen')).toBeVisible();
    const table = section.getByRole('table', {
      name: 'Anmeldungen zu „Innovators Lounge Ulm: Die smarte Stadt“ im Zeitverlauf',
      hidden: true,
    });
    expect(rowsOf(table).slice(1)).toEqual([
      ['01.12.2026, 09:00 Uhr bis 02.12.2026, 09:00 Uhr', '17', '17'],
      ['02.12.2026, 09:00 Uhr bis 03.12.2026, 09:00 Uhr', '3', '20'],
    ]);
    expect(section.getByText('Anmeldung geöffnet: Dienstag, 1. Dezember 2026, 09:00 Uhr')).toBeVisible();
    expect(
      section.getByRole('link', { name: 'Anmeldungen im Zeitverlauf als CSV-Datei für Excel herunterladen' }),
    ).toHaveAttribute('href', `/api/v1/analytics/events/${LOUNGE_ID}/timeline.csv?granularity=day`);
    const option = drawn.find((one) => one.element === chart)?.options.at(-1);
    expect(option?.xAxis).toMatchObject({ data: ['01.12.', '02.12.'] });
    expect(option?.series).toMatchObject([
      { type: 'bar', name: 'Anmeldungen', data: [17, 3] },
      { type: 'line', name: 'Anmeldungen gesamt', data: [17, 20] },
    ]);

    await userEvent.selectOptions(section.getByRole('combobox', { name: 'Zeitschritt' }), 'je Stunde');

    expect(
      await section.findByText(/Vor der Öffnung hat die Geschäftsstelle 2 Anmeldungen eingetragen/),
    ).toBeVisible();
    expect(rowsOf(table).slice(1)).toEqual([['01.12.2026, 09:00 bis 10:00 Uhr', '5', '7']]);
    expect(
      section.getByRole('link', { name: 'Anmeldungen im Zeitverlauf als CSV-Datei für Excel herunterladen' }),
    ).toHaveAttribute('href', `/api/v1/analytics/events/${LOUNGE_ID}/timeline.csv?granularity=hour`);
    expect(sent.map((request) => request.path)).toContain(
      `/api/v1/analytics/events/${LOUNGE_ID}?granularity=hour`,
    );
  });

  it('shows participation by Land, sector, theme and size class in German, each with its table and CSV', async () => {
    const sent = gateway();
    renderPage('/geschaeftsstelle/auswertungen');

    const section = await figure('Teilnahme');
    expect(
      await section.findByText('Insgesamt 12 Anmeldungen, davon 10 bestätigt, 9 teilgenommen.'),
    ).toBeVisible();

    const land = await figure('Teilnahme nach Land');
    expect(land.getByRole('img')).toHaveAccessibleName(
      'Balkendiagramm: Anmeldungen, bestätigte Anmeldungen und Teilnahmen je Land; insgesamt 12 Anmeldungen. Die Zahlen stehen in der Tabelle.',
    );
    expect(rowsOf(land.getByRole('table', { name: 'Teilnahme nach Land', hidden: true }))).toEqual([
      ['Land', 'Anmeldungen', 'Bestätigt', 'Teilgenommen'],
      ['Baden-Württemberg', '2.000', '1.500', '3'],
      ['Bayern', '3', '0', '0'],
      ['ohne Angabe', '1', '0', '0'],
    ]);
    const themes = await figure('Teilnahme nach Themenfeld');
    expect(themes.getByText('Wer mehrere Themenfelder angegeben hat, zählt in jedem.')).toBeVisible();
    expect(rowsOf(themes.getByRole('table', { hidden: true })).map((cells) => cells[0])).toEqual([
      'Themenfeld',
      'IT',
      'Digitalisierung',
    ]);
    const sizes = await figure('Teilnahme nach Gemeindegröße');
    expect(rowsOf(sizes.getByRole('table', { hidden: true })).map((cells) => cells[0])).toEqual([
      'Gemeindegröße',
      'bis 5.000 Einwohner',
      'über 100.000 Einwohner',
    ]);
    const sectors = await figure('Teilnahme nach Sektor');
    const option = drawn.find((one) => one.element === sectors.getByRole('img'))?.options.at(-1);
    expect(option?.yAxis).toMatchObject({ data: ['Kommune', 'ohne Angabe'] });
    expect(option?.series).toMatchObject([
      { name: 'Anmeldungen', data: [10, 2] },
      { name: 'Bestätigt', data: [9, 0] },
      { name: 'Teilgenommen', data: [8, 0] },
    ]);
    expect(option?.legend).toMatchObject({ show: true });
    expect(
      sectors.getByRole('link', { name: 'Teilnahme nach Sektor als CSV-Datei für Excel herunterladen' }),
    ).toHaveAttribute('href', `/api/v1/analytics/participation.csv?from=${defaultFrom()}&dimension=sector`);
    expect(
      section.getByRole('link', {
        name: 'Alle vier Aufschlüsselungen in einer CSV-Datei für Excel herunterladen',
      }),
    ).toHaveAttribute('href', `/api/v1/analytics/participation.csv?from=${defaultFrom()}`);

    await userEvent.selectOptions(
      section.getAllByRole('combobox', { name: 'Veranstaltung' })[0],
      '24. Deutschlandforum (12.05.2026)',
    );
    await waitFor(() =>
      expect(sent.map((request) => request.path)).toContain(
        `/api/v1/analytics/participation?eventId=${FORUM_ID}`,
      ),
    );
    expect(
      land.getByRole('link', { name: 'Teilnahme nach Land als CSV-Datei für Excel herunterladen' }),
    ).toHaveAttribute(
      'href',
      `/api/v1/analytics/participation.csv?eventId=${FORUM_ID}&dimension=federal-state`,
    );
  });

  it('shows the membership per month and the working groups with their tables and CSV files', async () => {
    gateway();
    renderPage('/geschaeftsstelle/auswertungen');

    const members = await figure('Mitgliedschaft je Monat');
    expect(await members.findByRole('img')).toHaveAccessibleName(
      'Diagramm über 2 Monate: Berufungen, Zusagen, Absagen und Austritte je Monat als Balken, die Mitglieder am Monatsende als Linie, zuletzt 118. Die Zahlen stehen in der Tabelle.',
    );
    expect(rowsOf(members.getByRole('table', { name: 'Mitgliedschaft je Monat', hidden: true }))).toEqual([
      ['Monat', 'Berufen', 'Zugesagt', 'Abgesagt', 'Ausgeschieden', 'Mitglieder am Monatsende'],
      ['Oktober 2026', '9', '7', '1', '0', '111'],
      ['November 2026', '10', '8', '2', '1', '118'],
    ]);
    expect(members.getByText('Aktive Mitglieder heute: 118')).toBeVisible();
    expect(
      members.getByRole('link', { name: 'Mitgliedschaft je Monat als CSV-Datei für Excel herunterladen' }),
    ).toHaveAttribute('href', '/api/v1/analytics/membership.csv');

    const groupsSection = await figure('Arbeitsgruppen');
    expect(groupsSection.getByRole('img')).toHaveAccessibleName(
      'Balkendiagramm: aktive Mitglieder von 2 Arbeitsgruppen. Die Zahlen stehen in der Tabelle.',
    );
    expect(rowsOf(groupsSection.getByRole('table', { hidden: true }))).toEqual([
      ['Arbeitsgruppe', 'Aktive Mitglieder'],
      ['Digitales', '41'],
      ['Nachhaltigkeit', '1.200'],
    ]);
    expect(
      groupsSection.getByRole('link', { name: 'Arbeitsgruppen als CSV-Datei für Excel herunterladen' }),
    ).toHaveAttribute('href', '/api/v1/analytics/working-groups.csv');
    expect(groupsSection.getByRole('link', { name: 'Arbeitsgruppen verwalten' })).toHaveAttribute(
      'href',
      '/geschaeftsstelle/arbeitsgruppen',
    );
  });

  it('chooses the events by kind and period, kept in the address, and refuses a period that ends before it starts', async () => {
    const sent = gateway();
    const { router } = renderPage('/geschaeftsstelle/auswertungen');
    await screen.findByRole('table', { name: 'Veranstaltungen mit ihren Zahlen' });
    // At first the events of the last 90 days and those to come.
    expect(screen.getByLabelText('Beginn ab')).toHaveValue(defaultFrom());
    expect(sent.map((request) => request.path)).toContain(`/api/v1/analytics/events?from=${defaultFrom()}`);
    expect(screen.queryByRole('button', { name: 'Auswahl zurücksetzen' })).toBeNull();

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Art' }), 'Innovators Lounge');
    await userEvent.clear(screen.getByLabelText('Beginn ab'));
    await userEvent.type(screen.getByLabelText('Beginn ab'), '2027-01-01');
    await userEvent.type(screen.getByLabelText('Beginn bis'), '2026-12-31');
    await userEvent.click(screen.getByRole('button', { name: 'Anzeigen' }));

    expect(screen.getByLabelText('Beginn bis')).toHaveAccessibleDescription(
      'Das Ende des Zeitraums liegt vor seinem Beginn.',
    );
    expect(screen.getByLabelText('Beginn bis')).toBeInvalid();

    await userEvent.clear(screen.getByLabelText('Beginn bis'));
    await userEvent.type(screen.getByLabelText('Beginn bis'), '2027-12-31{Enter}');

    await waitFor(() =>
      expect(router.state.location.search).toBe('?art=innovators-lounge&von=2027-01-01&bis=2027-12-31'),
    );
    await waitFor(() =>
      expect(sent.map((request) => request.path)).toContain(
        '/api/v1/analytics/events?kind=innovators-lounge&from=2027-01-01&to=2027-12-31',
      ),
    );
    expect(
      screen.getByRole('link', { name: 'Veranstaltungen als CSV-Datei für Excel herunterladen' }),
    ).toHaveAttribute(
      'href',
      '/api/v1/analytics/events.csv?kind=innovators-lounge&from=2027-01-01&to=2027-12-31',
    );
    expect(sent.map((request) => request.path)).toContain(
      '/api/v1/analytics/participation?kind=innovators-lounge&from=2027-01-01&to=2027-12-31',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Auswahl zurücksetzen' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(screen.getByLabelText('Beginn ab')).toHaveValue(defaultFrom());

    // „Beginn ab“ emptied: every event from the first on.
    await userEvent.clear(screen.getByLabelText('Beginn ab'));
    await userEvent.click(screen.getByRole('button', { name: 'Anzeigen' }));
    await waitFor(() => expect(router.state.location.search).toBe('?von='));
    await waitFor(() => expect(sent.map((request) => request.path)).toContain('/api/v1/analytics/events'));
  });

  it('draws at most 30 events and says that the table lists them all', async () => {
    const many = Array.from({ length: 32 }, (_, index) =>
      eventFigures({
        eventId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
        title: `Lounge ${index + 1}`,
      }),
    );
    gateway({ 'GET /api/v1/analytics/events': { body: { items: many } } });
    renderPage('/geschaeftsstelle/auswertungen');

    const fill = await figure('Auslastung je Veranstaltung');
    expect(
      fill.getByText(
        'Das Diagramm zeigt die ersten 30 von 32 Veranstaltungen mit Platzbegrenzung; die Tabelle zeigt alle. Grenzen Sie die Auswahl oben ein, um andere im Diagramm zu sehen.',
      ),
    ).toBeVisible();
    expect(fill.getAllByRole('row')).toHaveLength(33);
    const option = drawn.find((one) => one.element === fill.getByRole('img'))?.options.at(-1);
    expect((option?.yAxis as { data: string[] }).data).toHaveLength(30);
  });

  it('says so where there is nothing to show yet', async () => {
    gateway({
      'GET /api/v1/analytics/events': { body: { items: [] } },
      'GET /api/v1/analytics/membership': { body: { activeMembers: 0, months: [] } },
      'GET /api/v1/analytics/working-groups': { body: { items: [] } },
    });
    renderPage('/geschaeftsstelle/auswertungen');

    expect(await screen.findByText('Für diese Auswahl gibt es keine Veranstaltungen.')).toBeVisible();
    expect(screen.getByText('Es gibt noch keine Veranstaltung mit Zahlen.')).toBeVisible();
    expect(await screen.findByText('Es gibt noch keine Berufungen.')).toBeVisible();
    expect(await screen.findByText('Es gibt noch keine Arbeitsgruppen.')).toBeVisible();
    expect(screen.queryByRole('link', { name: /Arbeitsgruppen als CSV-Datei/ })).toBeNull();
  });

  it('explains a failed load in German and tries again', async () => {
    let calls = 0;
    gateway({
      'GET /api/v1/analytics/events': () => {
        calls += 1;
        return calls === 1
          ? { status: 503, body: { title: 'Der Analysedienst ist gerade nicht erreichbar.' } }
          : { body: { items: [eventFigures()] } };
      },
    });
    renderPage('/geschaeftsstelle/auswertungen');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Der Analysedienst ist gerade nicht erreichbar.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Erneut versuchen' }));
    expect(await screen.findByRole('table', { name: 'Veranstaltungen mit ihren Zahlen' })).toBeVisible();
  });
});
