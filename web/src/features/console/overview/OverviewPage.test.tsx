import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { components } from '../../../api/openapi';
import { fakeGateway, operationsSession, renderPage, staffSession } from '../../../test/render';

type Invitation = components['schemas']['InvitationResponse'];
type EventSummary = components['schemas']['EventSummaryResponse'];
type Delivery = components['schemas']['DeliveryResponse'];
type FailedSignIns = components['schemas']['FailedSignInsResponse'];

const PATH = '/geschaeftsstelle';
const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

function invitation(change: Partial<Invitation>): Invitation {
  return {
    id: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
    salutation: 'Herr',
    firstName: 'Jonas',
    lastName: 'Beispiel',
    email: 'jonas@kalletal.example',
    organisation: 'Gemeinde Kalletal',
    sector: 'Kommune',
    federalState: 'NW',
    themes: [],
    status: 'open',
    invitedBy: 'staff-1',
    sentCount: 1,
    createdAt: inDays(-25),
    expiresAt: inDays(3),
    ...change,
  };
}

function event(change: Partial<EventSummary>): EventSummary {
  return {
    eventId: '1a2b3c4d-0000-4000-8000-000000000001',
    kind: 'innovators-lounge',
    title: 'Innovators Lounge Leipzig',
    status: 'registration-open',
    capacity: 40,
    federalStates: [],
    themes: [],
    startsAt: inDays(40),
    endsAt: inDays(40),
    registration: { opensAt: inDays(-10), closesAt: inDays(30) },
    ...change,
  };
}

const expiringSoon = invitation({});
const expiringLater = invitation({
  id: '6c1f8b63-4d2f-4e8f-8b62-1a7a2d3c9b21',
  firstName: 'Petra',
  lastName: 'Lange',
  expiresAt: inDays(20),
});
const draftOpening = event({
  eventId: '1a2b3c4d-0000-4000-8000-000000000002',
  kind: 'kommunalzirkel',
  title: 'Kommunalzirkel Wärmeplanung',
  status: 'draft',
  registration: { opensAt: inDays(2), closesAt: inDays(30) },
});
const closing = event({
  eventId: '1a2b3c4d-0000-4000-8000-000000000003',
  title: 'Innovators Lounge Kiel',
  registration: { opensAt: inDays(-20), closesAt: inDays(5) },
});
const fullLater = event({
  eventId: '1a2b3c4d-0000-4000-8000-000000000004',
  title: 'Deutschlandforum 2027',
  kind: 'deutschlandforum',
});
const announcedLater = event({
  eventId: '1a2b3c4d-0000-4000-8000-000000000005',
  title: 'Innovators Lounge Mainz',
  status: 'announced',
  registration: { opensAt: inDays(10), closesAt: inDays(30) },
});
const failedMail: Delivery = {
  id: 'invitation:7c674864-fca8-4271-906f-bb55b2c58a0e',
  kind: 'invitation',
  recipient: 'smtp-reject@stadt.example',
  subject: 'Ihre Berufung in den Innovators Club des DStGB',
  status: 'failed',
  attempts: 1,
  lastError: '550 5.1.1 Mailbox unavailable',
  createdAt: inDays(-1),
};

const noFailedSignIns: FailedSignIns = { days: 7, addresses: [], addressCount: 0 };

const seatsOf = (eventId: string, seatsLeft: number, waiting: number) => ({
  body: { eventId, capacity: 40, seatsLeft, waiting, workshops: [] },
});

describe('Übersicht (overview)', () => {
  it('shows what needs attention within the next 7 days, each item linking to where it is handled', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      'GET /api/v1/invitations': { body: { items: [expiringLater, expiringSoon], nextCursor: null } },
      'GET /api/v1/events': {
        body: { items: [draftOpening, closing, fullLater, announcedLater], nextCursor: null },
      },
      [`GET /api/v1/events/${closing.eventId}/seats`]: seatsOf(closing.eventId, 3, 0),
      [`GET /api/v1/events/${fullLater.eventId}/seats`]: seatsOf(fullLater.eventId, 0, 3),
      'GET /api/v1/deliveries': { body: { items: [failedMail], nextCursor: null } },
      'GET /api/v1/auth/failed-sign-ins': { body: noFailedSignIns },
    });
    renderPage(PATH);

    expect(await screen.findByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();

    const invitations = screen.getByRole('region', { name: 'Berufungen, die bald ablaufen' });
    expect(await within(invitations).findByRole('link', { name: 'Jonas Beispiel' })).toHaveAttribute(
      'href',
      '/geschaeftsstelle/berufungen?stand=offen',
    );
    expect(within(invitations).getByText(/Frist endet am/)).toBeVisible();
    expect(within(invitations).queryByText('Petra Lange')).toBeNull();
    expect(within(invitations).getByText(/in den nächsten 7 Tagen endet/)).toBeVisible();

    const registration = screen.getByRole('region', { name: 'Anmeldung öffnet oder schließt bald' });
    const items = await within(registration).findAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('link').textContent)).toEqual([
      'Kommunalzirkel Wärmeplanung',
      'Innovators Lounge Kiel',
    ]);
    expect(within(items[0]).getByText(/^Anmeldung öffnet am/)).toBeVisible();
    expect(within(items[0]).getByText(/Noch ein Entwurf/)).toBeVisible();
    expect(within(items[1]).getByText(/^Anmeldung schließt am/)).toBeVisible();
    expect(within(items[1]).getByRole('link')).toHaveAttribute(
      'href',
      `/geschaeftsstelle/veranstaltungen/${closing.eventId}`,
    );

    const full = screen.getByRole('region', { name: 'Ausgebucht, mit Warteliste' });
    expect(
      await within(full).findByRole('link', { name: 'Teilnehmende von „Deutschlandforum 2027“' }),
    ).toHaveAttribute('href', `/geschaeftsstelle/veranstaltungen/${fullLater.eventId}/teilnehmende`);
    expect(within(full).getByText('Alle 40 Plätze vergeben, 3 Anmeldungen auf der Warteliste')).toBeVisible();
    expect(within(full).queryByText('Innovators Lounge Kiel')).toBeNull();

    const mails = screen.getByRole('region', { name: 'Fehlgeschlagene E-Mails' });
    expect(await within(mails).findByText('1 E-Mail fehlgeschlagen')).toBeVisible();
    expect(
      within(mails).getByRole('link', { name: 'Berufung an smtp-reject@stadt.example' }),
    ).toHaveAttribute(
      'href',
      '/geschaeftsstelle/versand?empfaenger=smtp-reject%40stadt.example&stand=fehlgeschlagen',
    );
    expect(within(mails).getByText('550 5.1.1 Mailbox unavailable')).toBeVisible();
    expect(
      within(mails).getByRole('link', { name: 'Alle fehlgeschlagenen E-Mails im Versand' }),
    ).toHaveAttribute('href', '/geschaeftsstelle/versand?stand=fehlgeschlagen');

    // Only events that take or took registrations can be full: no seats asked for drafts or announced ones.
    const seatRequests = sent
      .filter((request) => request.path.endsWith('/seats'))
      .map((request) => request.path);
    expect(seatRequests.sort()).toEqual([
      `/api/v1/events/${closing.eventId}/seats`,
      `/api/v1/events/${fullLater.eventId}/seats`,
    ]);
    expect(sent.find((request) => request.path.startsWith('/api/v1/invitations'))?.path).toBe(
      '/api/v1/invitations?status=open&limit=100',
    );
    expect(sent.find((request) => request.path.startsWith('/api/v1/deliveries'))?.path).toBe(
      '/api/v1/deliveries?status=failed&limit=5',
    );
  });

  it('says in words that there is nothing to do, section by section', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      'GET /api/v1/invitations': { body: { items: [expiringLater], nextCursor: null } },
      'GET /api/v1/events': { body: { items: [announcedLater], nextCursor: null } },
      'GET /api/v1/deliveries': { body: { items: [], nextCursor: null } },
      'GET /api/v1/auth/failed-sign-ins': { body: noFailedSignIns },
    });
    renderPage(PATH);

    expect(
      await screen.findByText('Nichts zu tun: Keine offene Berufung läuft in den nächsten 7 Tagen ab.'),
    ).toBeVisible();
    expect(
      await screen.findByText(
        'Nichts zu tun: Bei keiner Veranstaltung öffnet oder schließt die Anmeldung in den nächsten 7 Tagen.',
      ),
    ).toBeVisible();
    expect(
      await screen.findByText(
        'Nichts zu tun: Keine kommende Veranstaltung ist ausgebucht und hat eine Warteliste.',
      ),
    ).toBeVisible();
    expect(await screen.findByText('Nichts zu tun: Keine E-Mail ist fehlgeschlagen.')).toBeVisible();
    expect(
      await screen.findByText('Keine fehlgeschlagenen Anmeldungen in den letzten 7 Tagen.'),
    ).toBeVisible();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows staff with the operations role the open dead letters per stream, and others nothing of them', async () => {
    const routes = {
      'GET /api/v1/invitations': { body: { items: [], nextCursor: null } },
      'GET /api/v1/events': { body: { items: [], nextCursor: null } },
      'GET /api/v1/deliveries': { body: { items: [], nextCursor: null } },
      'GET /api/v1/auth/failed-sign-ins': { body: noFailedSignIns },
      'GET /api/v1/dead-letters/figures': {
        body: {
          open: 3,
          openByTopic: [
            { topic: 'ic.membership.v1', open: 0 },
            { topic: 'ic.events.v1', open: 1 },
            { topic: 'ic.registrations.v1', open: 2 },
            { topic: 'ic.notifications.v1', open: 0 },
          ],
        },
      },
    };
    fakeGateway({ 'GET /api/v1/auth/session': operationsSession, ...routes });
    const operator = renderPage(PATH);

    const section = (
      await screen.findByRole('heading', { level: 2, name: 'Nicht zugestellte Nachrichten' })
    ).closest('section')!;
    expect(await within(section).findByText('Anmeldungen: 2 offene Nachrichten')).toBeVisible();
    expect(within(section).getByText('Veranstaltungen: 1 offene Nachricht')).toBeVisible();
    expect(
      within(section).getByRole('link', { name: 'Zu den 3 offenen Nachrichten auf der Seite „Betrieb“' }),
    ).toHaveAttribute('href', '/geschaeftsstelle/betrieb');
    operator.unmount();

    const sent = fakeGateway({ 'GET /api/v1/auth/session': staffSession, ...routes });
    renderPage(PATH);
    await screen.findByText('Keine fehlgeschlagenen Anmeldungen in den letzten 7 Tagen.');
    expect(screen.queryByRole('heading', { name: 'Nicht zugestellte Nachrichten' })).toBeNull();
    expect(sent.some((request) => request.path.startsWith('/api/v1/dead-letters'))).toBe(false);
  });

  it('shows the failed sign-ins per address in a table: failures, the last one and from when the next attempt is possible', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      'GET /api/v1/invitations': { body: { items: [], nextCursor: null } },
      'GET /api/v1/events': { body: { items: [], nextCursor: null } },
      'GET /api/v1/deliveries': { body: { items: [], nextCursor: null } },
      'GET /api/v1/auth/failed-sign-ins': {
        body: {
          days: 7,
          addresses: [
            {
              email: 'leitung@innovators-club.example',
              officeAccount: true,
              failures: 8,
              lastFailureAt: '2026-11-21T09:14:12.000Z',
              // Still waiting when the page is open: shown as the minute from which it may try.
              nextAttemptAt: new Date(Date.now() + 45_000).toISOString(),
            },
            {
              email: 'raten@example.org',
              officeAccount: false,
              failures: 1,
              lastFailureAt: '2026-11-20T07:00:00.000Z',
              nextAttemptAt: null,
            },
          ],
          addressCount: 60,
        },
      },
    });
    renderPage(PATH);

    const section = await screen.findByRole('region', { name: 'Fehlgeschlagene Anmeldungen' });
    const table = await within(section).findByRole('table', {
      name: 'Fehlgeschlagene Anmeldungen der letzten 7 Tage je Adresse',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Adresse', 'Fehlversuche', 'Zuletzt', 'Nächster Versuch ab']);
    const [office, stranger] = within(table).getAllByRole('row').slice(1);
    expect(within(office).getByRole('rowheader')).toHaveTextContent(
      'leitung@innovators-club.example' + 'Konto der Geschäftsstelle',
    );
    expect(
      within(office)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['8', '21.11.2026, 10:14 Uhr', expect.stringMatching(/^\d\d:\d\d Uhr$/)]);
    expect(within(stranger).getByRole('rowheader')).toHaveTextContent('raten@example.org' + 'kein Konto');
    expect(
      within(stranger)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['1', '20.11.2026, 08:00 Uhr', 'sofort']);
    expect(within(section).getByText('Die 2 jüngsten von 60 Adressen.')).toBeVisible();
    expect(sent.some((request) => request.path === '/api/v1/auth/failed-sign-ins')).toBe(true);
  });

  it('says that more mails failed than it shows, and keeps the other sections when one cannot be read', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      'GET /api/v1/invitations': {
        status: 503,
        body: {
          type: 'about:blank',
          title: 'Dienst nicht erreichbar',
          status: 503,
          detail: 'Die Mitgliederverwaltung antwortet gerade nicht.',
        },
      },
      'GET /api/v1/events': { body: { items: [], nextCursor: null } },
      'GET /api/v1/deliveries': { body: { items: [failedMail], nextCursor: 'weiter' } },
      'GET /api/v1/auth/failed-sign-ins': { body: noFailedSignIns },
    });
    renderPage(PATH);

    const invitations = await screen.findByRole('region', { name: 'Berufungen, die bald ablaufen' });
    expect(
      await within(invitations).findByText('Die Mitgliederverwaltung antwortet gerade nicht.'),
    ).toBeVisible();
    expect(within(invitations).getByRole('button', { name: 'Erneut versuchen' })).toBeVisible();
    expect(await screen.findByText('Mehr als 5 E-Mails fehlgeschlagen')).toBeVisible();
  });
});
