import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, memberSession, noSession, renderPage } from '../../test/render';

const LOUNGE_ID = '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10';
const CIRCLE_ID = '6c1f8b63-4d2f-4e8f-8b62-1f7f2d3c9b21';

function eventSummary(change: Record<string, unknown> = {}) {
  return {
    eventId: LOUNGE_ID,
    kind: 'innovators-lounge',
    status: 'registration-open',
    title: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag',
    themes: ['Digitalisierung'],
    startsAt: '2027-04-15T17:00:00+02:00',
    endsAt: '2027-04-15T21:00:00+02:00',
    venue: { name: 'Stadthaus Ulm', city: 'Ulm', federalState: 'BW' },
    federalStates: ['BW'],
    capacity: 50,
    registration: { opensAt: '2027-02-01T09:00:00+01:00', closesAt: '2027-04-08T23:59:00+02:00' },
    ...change,
  };
}

const events = {
  body: {
    items: [
      eventSummary(),
      eventSummary({
        eventId: CIRCLE_ID,
        kind: 'kommunalzirkel',
        status: 'announced',
        title: 'Kommunen for future – Wandel vor Ort gestalten',
        startsAt: undefined,
        endsAt: undefined,
        venue: undefined,
      }),
    ],
    nextCursor: 'weitere',
  },
};

describe('HomePage', () => {
  it('tells a visitor what the club is and shows the coming events with kind, date and place', async () => {
    const sent = fakeGateway({ 'GET /api/v1/auth/session': noSession, 'GET /api/v1/events': events });
    renderPage('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Innovators Club' })).toBeVisible();
    expect(
      screen.getByText('Die kommunale Ideenschmiede des Deutschen Städte- und Gemeindebundes'),
    ).toBeVisible();
    expect(screen.getByText(/Mitglied wird man durch Berufung/)).toBeVisible();
    for (const format of ['Deutschlandforum', 'Innovators Lounge', 'Kommunalzirkel', 'Arbeitsgruppen']) {
      expect(screen.getByText(format, { selector: 'dt' })).toBeVisible();
    }

    const list = within(screen.getByRole('region', { name: 'Die nächsten Veranstaltungen' }));
    const lounge = await list.findByRole('link', {
      name: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag',
    });
    expect(lounge).toHaveAttribute('href', `/veranstaltungen/${LOUNGE_ID}`);
    const loungeItem = within(lounge.closest('li')!);
    expect(loungeItem.getByText('Innovators Lounge')).toBeVisible();
    expect(loungeItem.getByText('Anmeldung offen')).toBeVisible();
    expect(loungeItem.getByText('Donnerstag, 15. April 2027, 17:00 bis 21:00 Uhr')).toBeVisible();
    expect(loungeItem.getByText('Stadthaus Ulm, Ulm')).toBeVisible();

    const circle = within(list.getByRole('link', { name: /Kommunen for future/ }).closest('li')!);
    expect(circle.getByText('Kommunalzirkel')).toBeVisible();
    expect(circle.getByText('Termin wird noch bekannt gegeben')).toBeVisible();
    expect(circle.getByText('Ort wird noch bekannt gegeben')).toBeVisible();

    expect(screen.getByRole('link', { name: 'Alle Veranstaltungen ansehen' })).toHaveAttribute(
      'href',
      '/veranstaltungen',
    );
    expect(sent.find((request) => request.path.startsWith('/api/v1/events'))?.path).toBe(
      '/api/v1/events?limit=3',
    );
  });

  it('invites a visitor to sign in', async () => {
    fakeGateway({ 'GET /api/v1/auth/session': noSession, 'GET /api/v1/events': events });
    renderPage('/');

    const entry = within(await screen.findByRole('region', { name: 'Für Mitglieder' }));
    expect(entry.getByRole('link', { name: 'Anmelden' })).toHaveAttribute('href', '/anmelden');
    expect(screen.queryByRole('link', { name: 'Zu Ihrer Übersicht' })).not.toBeInTheDocument();
  });

  it('leads a signed-in member to the start page instead', async () => {
    fakeGateway({ 'GET /api/v1/auth/session': memberSession, 'GET /api/v1/events': events });
    renderPage('/');

    const entry = within(await screen.findByRole('region', { name: 'Willkommen zurück' }));
    expect(entry.getByRole('link', { name: 'Zu Ihrer Übersicht' })).toHaveAttribute('href', '/start');
    expect(screen.queryByRole('region', { name: 'Für Mitglieder' })).not.toBeInTheDocument();
  });

  it('says so when no events are announced', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': noSession,
      'GET /api/v1/events': { body: { items: [], nextCursor: null } },
    });
    renderPage('/');

    expect(await screen.findByText(/Zurzeit sind keine Veranstaltungen angekündigt/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Alle Veranstaltungen ansehen' })).toBeVisible();
  });

  it('explains when the events cannot be loaded and tries again', async () => {
    let calls = 0;
    fakeGateway({
      'GET /api/v1/auth/session': noSession,
      'GET /api/v1/events': () => {
        calls += 1;
        return calls === 1
          ? { status: 503, body: { status: 503, title: 'Dienst nicht erreichbar' } }
          : events;
      },
    });
    renderPage('/');

    expect(await screen.findByRole('alert')).toHaveTextContent('Dienst nicht erreichbar');
    expect(screen.getByRole('heading', { level: 1, name: 'Innovators Club' })).toBeVisible();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Erneut versuchen' }));

    expect(await screen.findByRole('link', { name: /Innovators Lounge Ulm/ })).toBeVisible();
  });

  it('reads the events as a visitor when the session of an old cookie has ended', async () => {
    let calls = 0;
    fakeGateway({
      'GET /api/v1/auth/session': noSession,
      'GET /api/v1/events': () => {
        calls += 1;
        return calls === 1 ? { status: 401, body: { status: 401, title: 'Nicht angemeldet' } } : events;
      },
    });
    renderPage('/');

    expect(await screen.findByRole('link', { name: /Innovators Lounge Ulm/ })).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it('shows the notice it was sent with, such as after signing out', async () => {
    fakeGateway({ 'GET /api/v1/auth/session': noSession, 'GET /api/v1/events': events });
    const { router } = renderPage('/veranstaltungen-gibt-es-hier-nicht');

    await act(() => router.navigate('/', { state: { notice: 'Sie sind abgemeldet.' } }));

    const notice = await screen.findByText('Sie sind abgemeldet.');
    expect(notice.closest('[role="status"]')).toBeInTheDocument();
  });
});
