import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, renderPage, staffSession, type FakeRoute } from '../../../test/render';
import { delegationRegistration, EVENT_ID, lounge, registration, seats, stats } from './participantFixtures';
import type { ConsoleEvent, Registration } from './api';

const PATH = `/geschaeftsstelle/veranstaltungen/${EVENT_ID}/teilnehmende`;

const member = registration();
const delegation = delegationRegistration();
const waiting = registration({
  status: 'waiting',
  waitingPlace: 1,
  confirmedAt: undefined,
  registrant: {
    kind: 'member',
    memberId: 'a0000000-0000-4000-8000-000000000003',
    name: 'Dr. Erika Wartmann',
    organisation: 'Landkreis Plön',
    sector: 'Kommune',
    federalState: 'SH',
    municipality: { name: 'Plön', ags: '01057057', population: 8800 },
  },
});

function gateway(
  participants: FakeRoute = (_request, url) => ({
    body: {
      items: url.searchParams.get('status') === 'waiting' ? [waiting] : [member, delegation, waiting],
      nextCursor: null,
    },
  }),
  event: ConsoleEvent = lounge(),
) {
  return fakeGateway({
    'GET /api/v1/auth/session': staffSession,
    [`GET /api/v1/events/${EVENT_ID}`]: { body: event },
    [`GET /api/v1/events/${EVENT_ID}/participants`]: participants,
    [`GET /api/v1/events/${EVENT_ID}/registration-stats`]: { body: stats() },
    [`GET /api/v1/events/${EVENT_ID}/seats`]: { body: seats() },
  });
}

const participantRequests = (sent: ReturnType<typeof gateway>) =>
  sent.filter((request) => request.path.includes('/participants')).map((request) => request.path);

describe('Teilnehmende (console)', () => {
  it('names the event, links back to it, shows the figures, the list with a delegation’s people and the waiting list in order', async () => {
    gateway();
    renderPage(PATH);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Teilnehmende: Innovators Lounge Kiel' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Zurück zur Veranstaltung' })).toHaveAttribute(
      'href',
      `/geschaeftsstelle/veranstaltungen/${EVENT_ID}`,
    );

    const figures = await screen.findByRole('region', { name: 'Zahlen' });
    expect(within(figures).getByText('Noch frei').nextSibling).toHaveTextContent('38');
    expect(within(figures).getByText('Interesse bekundet').nextSibling).toHaveTextContent(
      '4 Mitglieder, 1 Kommune',
    );

    const table = await screen.findByRole('table', {
      name: 'Teilnehmende der Veranstaltung Innovators Lounge Kiel',
    });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(within(rows[1]).getByRole('rowheader')).toHaveTextContent('Jürgen Müßig');
    expect(rows[1]).toHaveTextContent('Oberbürgermeister, Stadt Görlitz');
    expect(rows[1]).toHaveTextContent('Sachsen');
    expect(rows[1]).toHaveTextContent('Bestätigt');
    expect(rows[2]).toHaveTextContent('Kommune mit Delegation');
    expect(within(rows[2]).getByRole('list')).toHaveTextContent(
      'Anna Zeller (Bürgermeisterin) – anwesendBernd Albers (Verwaltung) – noch nicht da',
    );
    expect(rows[2]).toHaveTextContent('1 / 2');
    expect(rows[3]).toHaveTextContent('Warteliste, Platz 1');

    const waitingList = screen.getByRole('region', { name: 'Warteliste in ihrer Reihenfolge' });
    expect(await within(waitingList).findByRole('listitem')).toHaveTextContent(
      'Platz 1: Dr. Erika Wartmann (Plön)',
    );
  });

  it('keeps the filters in the address in German, asks the gateway with them and hands them to the CSV', async () => {
    const sent = gateway();
    const { router } = renderPage(PATH);
    const user = userEvent.setup();

    const csv = await screen.findByRole('link', { name: 'Liste als CSV-Datei für Excel herunterladen' });
    expect(csv).toHaveAttribute('href', `/api/v1/events/${EVENT_ID}/participants.csv`);
    expect(csv).toHaveAttribute('download');

    await user.type(screen.getByRole('searchbox', { name: /Name oder Kommune/ }), 'Görlitz');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Stand' }), 'Bestätigt');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Einlass' }), 'Noch nicht vermerkt');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Land' }), 'Sachsen');
    await user.click(screen.getByRole('button', { name: 'Filter anwenden' }));

    await waitFor(() =>
      expect(router.state.location.search).toBe(
        '?suche=G%C3%B6rlitz&stand=bestaetigt&einlass=nicht-vermerkt&land=SN',
      ),
    );
    await waitFor(() =>
      expect(participantRequests(sent)).toContain(
        `/api/v1/events/${EVENT_ID}/participants?q=G%C3%B6rlitz&status=confirmed&attended=false&federalState=SN&limit=50`,
      ),
    );
    expect(
      screen.getByRole('link', {
        name: 'Liste mit den gewählten Filtern als CSV-Datei für Excel herunterladen',
      }),
    ).toHaveAttribute(
      'href',
      `/api/v1/events/${EVENT_ID}/participants.csv?q=G%C3%B6rlitz&status=confirmed&attended=false&federalState=SN`,
    );
    expect(await screen.findByRole('heading', { level: 2, name: 'Teilnehmende' })).toHaveFocus();

    await user.click(screen.getByRole('link', { name: 'Filter zurücksetzen' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('pages with „Weitere anzeigen“ and says when nobody matches the filters', async () => {
    const sent = gateway((_request, url) => {
      if (url.searchParams.get('status') === 'waiting') return { body: { items: [], nextCursor: null } };
      if (url.searchParams.get('q')) return { body: { items: [], nextCursor: null } };
      return url.searchParams.get('cursor')
        ? { body: { items: [delegation], nextCursor: null } }
        : { body: { items: [member], nextCursor: 'c2' } };
    });
    renderPage(PATH);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Weitere anzeigen' }));
    expect(await screen.findByText('Anna Zeller (Bürgermeisterin) – anwesend')).toBeVisible();
    expect(participantRequests(sent)).toContain(`/api/v1/events/${EVENT_ID}/participants?limit=50&cursor=c2`);
    expect(screen.getByText('Niemand wartet auf einen Platz.')).toBeVisible();

    await user.type(screen.getByRole('searchbox', { name: /Name oder Kommune/ }), 'Niemand');
    await user.click(screen.getByRole('button', { name: 'Filter anwenden' }));
    expect(await screen.findByText('Niemand passt zu diesen Filtern.')).toBeVisible();
  });

  it('shows the workshops of a Deutschlandforum with their seats and who is in them', async () => {
    const workshopId = 'c0000000-0000-4000-8000-000000000001';
    const inWorkshop: Registration = registration({
      sessions: [
        {
          sessionId: workshopId,
          title: 'Werkstatt Daten',
          startsAt: '2027-05-12T11:00:00+02:00',
          endsAt: '2027-05-12T12:30:00+02:00',
          status: 'confirmed',
        },
      ],
    });
    const sent = fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      [`GET /api/v1/events/${EVENT_ID}`]: {
        body: lounge({ kind: 'deutschlandforum', title: '24. Deutschlandforum' }),
      },
      [`GET /api/v1/events/${EVENT_ID}/participants`]: (_request, url) => ({
        body: { items: url.searchParams.get('status') === 'waiting' ? [] : [inWorkshop], nextCursor: null },
      }),
      [`GET /api/v1/events/${EVENT_ID}/registration-stats`]: {
        body: stats({
          workshops: [
            {
              sessionId: workshopId,
              title: 'Werkstatt Daten',
              startsAt: '2027-05-12T11:00:00+02:00',
              capacity: 30,
              confirmed: 1,
              waiting: 0,
            },
          ],
        }),
      },
      [`GET /api/v1/events/${EVENT_ID}/seats`]: {
        body: seats({ workshops: [{ sessionId: workshopId, capacity: 30, seatsLeft: 29, waiting: 0 }] }),
      },
    });
    renderPage(PATH);
    const user = userEvent.setup();

    const workshops = await screen.findByRole('region', { name: 'Workshops' });
    expect(
      await within(workshops).findByRole('heading', { level: 3, name: 'Werkstatt Daten' }),
    ).toBeVisible();
    expect(workshops).toHaveTextContent('1 von 30 Plätzen vergeben, 29 frei');
    await user.click(within(workshops).getByText('Teilnehmende von „Werkstatt Daten“ anzeigen'));
    expect(
      await within(workshops).findByRole('list', { name: 'Teilnehmende des Workshops' }),
    ).toHaveTextContent('Jürgen Müßig – Platz sicher');
    expect(participantRequests(sent)).toContain(
      `/api/v1/events/${EVENT_ID}/participants?sessionId=${workshopId}&limit=50`,
    );
    const table = screen.getByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Workshops' })).toBeVisible();
    expect(table).toHaveTextContent('Werkstatt Daten (Platz sicher)');
  });

  it('says when nobody has registered yet, and explains a draft without asking for its list', async () => {
    gateway(() => ({ body: { items: [], nextCursor: null } }));
    const { unmount } = renderPage(PATH);
    expect(
      await screen.findByText('Zu dieser Veranstaltung hat sich noch niemand angemeldet.'),
    ).toBeVisible();
    unmount();

    const sent = gateway(undefined, lounge({ status: 'draft' }));
    renderPage(PATH);
    expect(await screen.findByText(/Diese Veranstaltung ist noch ein Entwurf/)).toBeVisible();
    expect(participantRequests(sent)).toEqual([]);
  });

  it('says in words when the event does not exist, with the way to the list', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      [`GET /api/v1/events/${EVENT_ID}`]: {
        status: 404,
        body: {
          type: 'about:blank',
          title: 'Nicht gefunden',
          status: 404,
          detail: 'Veranstaltung nicht gefunden.',
        },
      },
    });
    renderPage(PATH);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Veranstaltung nicht gefunden' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Zu allen Veranstaltungen' })).toHaveAttribute(
      'href',
      '/geschaeftsstelle/veranstaltungen',
    );
  });
});
