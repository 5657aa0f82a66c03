import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, memberSession, noSession, renderPage, type FakeAnswer } from '../../test/render';
import {
  CANCELLED_ID,
  CIRCLE_ID,
  FORUM_ID,
  LOUNGE_ID,
  cancelledSummary,
  circleSummary,
  forumSummary,
  loungeSummary,
} from './eventFixtures';
import type { EventSummary } from './eventTypes';

const page = (items: EventSummary[], nextCursor: string | null = null): FakeAnswer => ({
  body: { items, nextCursor },
});

const seats = (seatsLeft: number) => ({
  body: { eventId: '', capacity: 50, seatsLeft, waiting: 0, workshops: [] },
});

/** The card of an event, found by its title link. */
async function card(title: string | RegExp) {
  const link = await screen.findByRole('link', { name: title });
  return within(link.closest('li')!);
}

const eventRequests = (sent: { path: string }[]) =>
  sent.filter((request) => request.path.startsWith('/api/v1/events?')).map((request) => request.path);

describe('EventsPage', () => {
  it('shows each coming event as itself, with date, place and the registration in words', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/events': page([loungeSummary(), forumSummary(), circleSummary(), cancelledSummary()]),
      [`GET /api/v1/events/${LOUNGE_ID}/seats`]: seats(12),
      [`GET /api/v1/events/${CIRCLE_ID}/seats`]: seats(0),
    });
    renderPage('/veranstaltungen');

    expect(await screen.findByRole('heading', { level: 1, name: 'Veranstaltungen' })).toBeVisible();
    expect(screen.getByRole('heading', { level: 2, name: 'Kommende Veranstaltungen' })).toBeVisible();

    const forum = await card('24. Deutschlandforum');
    expect(forum.getByRole('link', { name: '24. Deutschlandforum' })).toHaveAttribute(
      'href',
      `/veranstaltungen/${FORUM_ID}`,
    );
    expect(forum.getByText('Deutschlandforum')).toBeVisible();
    expect(forum.getByText('„Kommune 2035: mutig, vernetzt, nah“')).toBeVisible();
    expect(
      forum.getByText('Montag, 12. Mai 2031, 09:30 Uhr bis Dienstag, 13. Mai 2031, 16:00 Uhr'),
    ).toBeVisible();
    expect(forum.getByText('Kongresshaus, Bamberg (Bayern)')).toBeVisible();
    expect(forum.getByText('Anmeldung ab 01.02.2099, 09:00 Uhr möglich')).toBeVisible();
    expect(forum.getByText('Klimaschutz, Partizipation')).toBeVisible();

    const lounge = await card('Innovators Lounge Ulm: Die smarte Stadt');
    expect(lounge.getByText('Innovators Lounge')).toBeVisible();
    expect(lounge.getByText('Ulm (Baden-Württemberg)')).toBeVisible();
    expect(lounge.getByText('Die smarte Stadt im Alltag')).toBeVisible();
    expect(lounge.getByText('Dienstag, 15. April 2031, 17:00 bis 21:00 Uhr')).toBeVisible();
    expect(await lounge.findByText('Anmeldung offen bis 08.04.2031, 23:59 Uhr')).toBeVisible();

    const circle = await card(/Kommunen for future/);
    expect(circle.getByText('Kommunalzirkel')).toBeVisible();
    expect(
      circle.getByText('Kommunen in Bayern mit höchstens 25.000 Einwohnerinnen und Einwohnern'),
    ).toBeVisible();
    expect(circle.getByText('4 Module')).toBeVisible();
    expect(circle.getByText('Donnerstag, 14. August 2031 bis Donnerstag, 6. November 2031')).toBeVisible();
    expect(await circle.findByText('Ausgebucht – Warteliste')).toBeVisible();

    const cancelled = await card('Innovators Lounge Lemgo');
    expect(cancelled.getByText('Abgesagt')).toBeVisible();
    expect(cancelled.getByText('Der Saal steht nicht zur Verfügung.')).toBeVisible();

    expect(screen.getByRole('status')).toHaveTextContent('4 Veranstaltungen angezeigt');
    expect(eventRequests(sent)).toEqual(['/api/v1/events?when=upcoming&limit=12']);
    // Seats only of the events whose registration is open.
    expect(
      sent
        .filter((request) => request.path.endsWith('/seats'))
        .map((request) => request.path)
        .sort(),
    ).toEqual([`/api/v1/events/${CIRCLE_ID}/seats`, `/api/v1/events/${LOUNGE_ID}/seats`].sort());
    expect(document.body).not.toHaveTextContent(
      /registration-open|innovators-lounge|deutschlandforum|kommunalzirkel|\bBY\b|\bBW\b/,
    );
    expect(screen.queryByText(CANCELLED_ID)).toBeNull();
  });

  it('asks anonymous visitors for no seats and still says the registration is open', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': noSession,
      'GET /api/v1/events': page([loungeSummary()]),
    });
    renderPage('/veranstaltungen');

    const lounge = await card('Innovators Lounge Ulm: Die smarte Stadt');
    expect(lounge.getByText('Anmeldung offen bis 08.04.2031, 23:59 Uhr')).toBeVisible();
    expect(sent.some((request) => request.path.endsWith('/seats'))).toBe(false);
  });

  it('turns the filter form into query parameters of the address and the request, and the back button restores the list before', async () => {
    const user = userEvent.setup();
    const sent = fakeGateway({
      'GET /api/v1/auth/session': noSession,
      'GET /api/v1/events': (_request, url) =>
        url.searchParams.get('kind') === 'kommunalzirkel'
          ? page([circleSummary()])
          : page([loungeSummary(), circleSummary()]),
    });
    const { router } = renderPage('/veranstaltungen');
    await card('Innovators Lounge Ulm: Die smarte Stadt');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Art' }), 'Kommunalzirkel');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Themenfeld' }), 'Klimaschutz');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Land/ }), 'Bayern');
    await user.type(screen.getByLabelText('Von'), '1.6.2031');
    await user.type(screen.getByLabelText('Bis'), '31.12.2031');
    await user.click(screen.getByRole('button', { name: 'Filter anwenden' }));

    expect(await screen.findByText('1 Veranstaltung angezeigt')).toBeVisible();
    expect(screen.getByLabelText('Von')).toHaveValue('01.06.2031');
    expect(screen.getByText('(5 Filter gesetzt)')).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Innovators Lounge Ulm: Die smarte Stadt' })).toBeNull();
    expect(router.state.location.search).toBe(
      '?art=kommunalzirkel&thema=Klimaschutz&land=BY&von=2031-06-01&bis=2031-12-31',
    );
    expect(eventRequests(sent).at(-1)).toBe(
      '/api/v1/events?when=upcoming&kind=kommunalzirkel&theme=Klimaschutz&federalState=BY&from=2031-06-01&to=2031-12-31&limit=12',
    );

    await act(() => router.navigate(-1));

    expect(await screen.findByText('2 Veranstaltungen angezeigt')).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'Art' })).toHaveValue('');
    expect(screen.getByLabelText('Von')).toHaveValue('');
  });

  it('opens a bookmarked filtered list with its filters in the form, ignoring values it does not know', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': noSession,
      'GET /api/v1/events': page([loungeSummary()]),
    });
    renderPage('/veranstaltungen?zeit=vergangen&art=innovators-lounge&land=XX&thema=Kochen&von=2031-02-30');

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Vergangene Veranstaltungen' }),
    ).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'Art' })).toHaveValue('innovators-lounge');
    expect(screen.getByRole('combobox', { name: /^Land/ })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Themenfeld' })).toHaveValue('');
    expect(screen.getByRole('link', { name: 'Vergangene' })).toHaveAttribute('aria-current', 'page');
    await card('Innovators Lounge Ulm: Die smarte Stadt');
    expect(eventRequests(sent)).toEqual(['/api/v1/events?when=past&kind=innovators-lounge&limit=12']);
  });

  it('refuses a period that ends before it begins and a day that does not exist, beside the field, and asks nothing', async () => {
    const user = userEvent.setup();
    const sent = fakeGateway({
      'GET /api/v1/auth/session': noSession,
      'GET /api/v1/events': page([loungeSummary()]),
    });
    const { router } = renderPage('/veranstaltungen');
    await card('Innovators Lounge Ulm: Die smarte Stadt');

    await user.type(screen.getByLabelText('Von'), '01.06.2031');
    await user.type(screen.getByLabelText('Bis'), '01.05.2031');
    await user.click(screen.getByRole('button', { name: 'Filter anwenden' }));

    const to = screen.getByLabelText('Bis');
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(to).toHaveAccessibleDescription(/Das Enddatum darf nicht vor dem Anfangsdatum liegen\./);
    expect(to).toHaveFocus();

    await user.clear(screen.getByLabelText('Von'));
    await user.type(screen.getByLabelText('Von'), '31.02.2031');
    await user.clear(to);
    await user.click(screen.getByRole('button', { name: 'Filter anwenden' }));

    const from = screen.getByLabelText('Von');
    expect(from).toHaveAttribute('aria-invalid', 'true');
    expect(from).toHaveAccessibleDescription(/Bitte geben Sie ein gültiges Datum ein/);
    expect(from).toHaveFocus();
    expect(router.state.location.search).toBe('');
    expect(eventRequests(sent)).toHaveLength(1);
  });

  it('pages on with „Weitere anzeigen“, moves the focus to the first new event, and stops on the last page', async () => {
    const user = userEvent.setup();
    const sent = fakeGateway({
      'GET /api/v1/auth/session': noSession,
      'GET /api/v1/events': (_request, url) =>
        url.searchParams.get('cursor') === 'seite-2'
          ? page([circleSummary()])
          : page([loungeSummary(), forumSummary()], 'seite-2'),
    });
    renderPage('/veranstaltungen');
    await card('24. Deutschlandforum');

    await user.click(screen.getByRole('button', { name: 'Weitere anzeigen' }));

    expect(await screen.findByRole('link', { name: /Kommunen for future/ })).toHaveFocus();
    expect(screen.getAllByRole('article')).toHaveLength(3);
    expect(screen.getByText('3 Veranstaltungen angezeigt')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Weitere anzeigen' })).toBeNull();
    expect(eventRequests(sent)).toEqual([
      '/api/v1/events?when=upcoming&limit=12',
      '/api/v1/events?when=upcoming&limit=12&cursor=seite-2',
    ]);
  });

  it('switches to the past events and keeps the filters', async () => {
    const user = userEvent.setup();
    const sent = fakeGateway({
      'GET /api/v1/auth/session': noSession,
      'GET /api/v1/events': page([loungeSummary({ status: 'held' })]),
    });
    const { router } = renderPage('/veranstaltungen?land=BW');
    await card('Innovators Lounge Ulm: Die smarte Stadt');

    await user.click(screen.getByRole('link', { name: 'Vergangene' }));

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Vergangene Veranstaltungen' }),
    ).toBeVisible();
    expect(router.state.location.search).toBe('?zeit=vergangen&land=BW');
    expect(
      (await card('Innovators Lounge Ulm: Die smarte Stadt')).getByText('Hat stattgefunden'),
    ).toBeVisible();
    expect(eventRequests(sent).at(-1)).toBe('/api/v1/events?when=past&federalState=BW&limit=12');
  });

  it('says when nothing is coming and leads to the past events; with filters, how to reset them', async () => {
    fakeGateway({ 'GET /api/v1/auth/session': noSession, 'GET /api/v1/events': page([]) });
    const { unmount } = renderPage('/veranstaltungen');

    expect(
      await screen.findByText('Zurzeit sind keine kommenden Veranstaltungen angekündigt.'),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Vergangene Veranstaltungen ansehen' })).toHaveAttribute(
      'href',
      '/veranstaltungen?zeit=vergangen',
    );
    unmount();

    renderPage('/veranstaltungen?art=kommunalzirkel');
    expect(await screen.findByText('Keine Veranstaltung passt zu Ihren Filtern.')).toBeVisible();
    const resets = screen.getAllByRole('link', { name: 'Filter zurücksetzen' });
    for (const reset of resets) expect(reset).toHaveAttribute('href', '/veranstaltungen');
  });

  it('says in German when the list cannot be loaded, and loads it again on request', async () => {
    const user = userEvent.setup();
    let calls = 0;
    fakeGateway({
      'GET /api/v1/auth/session': noSession,
      'GET /api/v1/events': () =>
        ++calls === 1
          ? { status: 503, body: { title: 'Der Dienst ist gerade nicht erreichbar.', status: 503 } }
          : page([loungeSummary()]),
    });
    renderPage('/veranstaltungen');

    expect(await screen.findByRole('alert')).toHaveTextContent('Der Dienst ist gerade nicht erreichbar.');
    await user.click(screen.getByRole('button', { name: 'Erneut versuchen' }));

    await card('Innovators Lounge Ulm: Die smarte Stadt');
  });

  it('asks a visitor to sign in when the gateway shows events to members only, and comes back to this list', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': noSession,
      'GET /api/v1/events': { status: 401, body: { title: 'Bitte melden Sie sich an.', status: 401 } },
    });
    renderPage('/veranstaltungen?art=kommunalzirkel');

    expect(
      await screen.findByText('Die Veranstaltungen sehen Sie nach der Anmeldung im Portal.'),
    ).toBeVisible();
    const main = within(screen.getByRole('main'));
    expect(main.getByRole('link', { name: 'Anmelden' })).toHaveAttribute(
      'href',
      `/anmelden?weiter=${encodeURIComponent('/veranstaltungen?art=kommunalzirkel')}`,
    );
  });

  it('shows a loading state while the list is on its way', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': noSession,
      'GET /api/v1/events': () => new Promise<FakeAnswer>(() => undefined),
    });
    renderPage('/veranstaltungen');

    expect(await screen.findByRole('status')).toHaveTextContent('Wird geladen …');
  });
});
