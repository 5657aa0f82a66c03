import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeGateway, memberSession, renderPage, type FakeAnswer } from '../../test/render';
import type { Registration } from './registrationApi';

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const LOUNGE = '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10';
const FORUM = '6c1f8b63-4d2f-4e8f-8b62-1f7f2d3c9b21';
const PAST = '7d2f9c74-5e3f-4f9a-8c73-2a8f3e4dac32';
const CIRCLE = '8e3fad85-6f4f-4fab-9d84-3b9f4f5ebd43';

function registration(id: string, eventId: string, change: Partial<Registration> = {}): Registration {
  return {
    registrationId: id,
    eventId,
    revision: 1,
    event: {
      title: 'Innovators Lounge Ulm',
      kind: 'innovators-lounge',
      status: 'registration-open',
      startsAt: inDays(30),
      endsAt: inDays(30.1),
    },
    status: 'confirmed',
    registrant: { kind: 'member', memberId: 'mem_1', name: 'Anna Beispiel' },
    registeredBy: { subject: 'mem_1', role: 'member' },
    sessions: [],
    registeredAt: inDays(-2),
    changeableUntil: inDays(20),
    ...change,
  };
}

const lounge = registration('a0000000-0000-4000-8000-000000000001', LOUNGE);
const forum = registration('a0000000-0000-4000-8000-000000000002', FORUM, {
  event: {
    title: '23. Deutschlandforum',
    kind: 'deutschlandforum',
    status: 'registration-open',
    startsAt: inDays(10),
  },
  status: 'waiting',
  waitingPlace: 2,
});
const past = registration('a0000000-0000-4000-8000-000000000003', PAST, {
  event: {
    title: 'Innovators Lounge Lemgo',
    kind: 'innovators-lounge',
    status: 'held',
    startsAt: inDays(-40),
  },
  attended: true,
  changeableUntil: inDays(-45),
});

const interests: FakeAnswer = {
  body: {
    items: [
      {
        interestId: 'b0000000-0000-4000-8000-000000000001',
        eventId: CIRCLE,
        holder: { kind: 'member', memberId: 'mem_1' },
        declaredBy: { subject: 'mem_1', role: 'member' },
        declaredAt: inDays(-1),
        event: {
          title: 'Kommunen for future',
          kind: 'kommunalzirkel',
          status: 'announced',
          startsAt: inDays(60),
        },
      },
    ],
  },
};

beforeEach(() => {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});
afterEach(() => {
  for (const method of ['showModal', 'close'] as const)
    Reflect.deleteProperty(HTMLDialogElement.prototype, method);
});

describe('MyRegistrationsPage', () => {
  it('lists the coming registrations first, by date, the interests and the past ones below, each in words', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/me/registrations': { body: { items: [past, lounge, forum], nextCursor: null } },
      'GET /api/v1/me/interests': interests,
    });
    renderPage('/meine-anmeldungen');

    expect(await screen.findByRole('heading', { level: 1, name: 'Meine Anmeldungen' })).toBeVisible();
    const coming = within(await screen.findByRole('region', { name: 'Kommende Veranstaltungen' }));
    const titles = coming.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(titles).toEqual(['23. Deutschlandforum', 'Innovators Lounge Ulm']);
    expect(coming.getByRole('link', { name: 'Innovators Lounge Ulm' })).toHaveAttribute(
      'href',
      `/veranstaltungen/${LOUNGE}`,
    );

    const loungeItem = within(coming.getByRole('link', { name: 'Innovators Lounge Ulm' }).closest('li')!);
    expect(loungeItem.getAllByText('Angemeldet').length).toBeGreaterThan(0);
    expect(
      loungeItem.getByRole('link', {
        name: 'Termin in Ihren Kalender übernehmen (.ics): Innovators Lounge Ulm',
      }),
    ).toHaveAttribute('href', `/api/v1/events/${LOUNGE}/calendar.ics`);
    expect(
      loungeItem.getByRole('button', { name: 'Stornieren: Anmeldung zu „Innovators Lounge Ulm“' }),
    ).toBeVisible();

    const forumItem = within(coming.getByRole('link', { name: '23. Deutschlandforum' }).closest('li')!);
    expect(forumItem.getAllByText('Warteliste, Platz 2').length).toBeGreaterThan(0);
    expect(forumItem.queryByRole('link', { name: /Kalender/ })).toBeNull();

    const vorgemerkt = within(screen.getByRole('region', { name: 'Vorgemerkt: Ihr Interesse' }));
    expect(vorgemerkt.getByRole('link', { name: 'Kommunen for future' })).toHaveAttribute(
      'href',
      `/veranstaltungen/${CIRCLE}`,
    );
    expect(vorgemerkt.getByText('Wir benachrichtigen Sie, sobald die Anmeldung öffnet.')).toBeVisible();

    const pastSection = within(screen.getByRole('region', { name: 'Vergangene Veranstaltungen' }));
    expect(pastSection.getAllByText('Teilgenommen').length).toBeGreaterThan(0);
    expect(pastSection.queryByRole('button')).toBeNull();
    expect(pastSection.queryByRole('link', { name: /Kalender/ })).toBeNull();
  });

  it('cancels after asking and says what happened', async () => {
    let current = lounge;
    const sent = fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/me/registrations': () => ({ body: { items: [current], nextCursor: null } }),
      'GET /api/v1/me/interests': { body: { items: [] } },
      [`DELETE /api/v1/registrations/${lounge.registrationId}`]: () => {
        current = { ...lounge, status: 'cancelled', cancellation: { cause: 'registrant' } };
        return { body: current };
      },
    });
    renderPage('/meine-anmeldungen');

    await userEvent.click(await screen.findByRole('button', { name: /^Stornieren/ }));
    const dialog = screen.getByRole('dialog', { name: 'Anmeldung stornieren?' });
    expect(dialog).toHaveTextContent('Ihre Anmeldung zu „Innovators Lounge Ulm“ wird storniert.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ja, Anmeldung stornieren' }));

    const notice = await screen.findByText(
      'Ihre Anmeldung zu „Innovators Lounge Ulm“ ist storniert. Ihr Platz geht an die nächste Person auf der Warteliste. Sie erhalten eine Bestätigung per E-Mail.',
    );
    expect(notice.closest('[role="status"]')).toHaveFocus();
    expect(await screen.findByText('Sie haben die Anmeldung storniert.')).toBeVisible();
    expect(screen.getByText('Storniert')).toBeVisible();
    expect(screen.queryByRole('button', { name: /^Stornieren/ })).toBeNull();
    expect(sent.filter((request) => request.method === 'DELETE')).toHaveLength(1);
  });

  it('shows the way to the events when there is nothing yet', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/me/registrations': { body: { items: [], nextCursor: null } },
      'GET /api/v1/me/interests': { body: { items: [] } },
    });
    renderPage('/meine-anmeldungen');

    expect(await screen.findByText('Sie haben sich noch zu keiner Veranstaltung angemeldet.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Veranstaltungen ansehen' })).toHaveAttribute(
      'href',
      '/veranstaltungen',
    );
  });

  it('loads further pages with the cursor the API gave', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/me/registrations': (_, url) =>
        url.searchParams.get('cursor') === 'seite-2'
          ? { body: { items: [forum], nextCursor: null } }
          : { body: { items: [lounge], nextCursor: 'seite-2' } },
      'GET /api/v1/me/interests': { body: { items: [] } },
    });
    renderPage('/meine-anmeldungen');

    await userEvent.click(await screen.findByRole('button', { name: 'Weitere Anmeldungen anzeigen' }));

    expect(await screen.findByRole('link', { name: '23. Deutschlandforum' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Weitere Anmeldungen anzeigen' })).toBeNull();
    expect(
      sent.filter((request) => request.path.startsWith('/api/v1/me/registrations')).map((r) => r.path),
    ).toEqual(['/api/v1/me/registrations?limit=20', '/api/v1/me/registrations?limit=20&cursor=seite-2']);
  });

  it('says in words when the list cannot be loaded, with a retry', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/me/registrations': {
        status: 503,
        body: {
          title: 'Dienst nicht erreichbar',
          status: 503,
          detail: 'Die Anmeldungen sind gerade nicht erreichbar.',
        },
      },
      'GET /api/v1/me/interests': { body: { items: [] } },
    });
    renderPage('/meine-anmeldungen');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Die Anmeldungen sind gerade nicht erreichbar.',
    );
    expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeVisible();
  });
});
