import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, memberSession, noSession, renderPage, type FakeAnswer } from '../../test/render';
import type { components } from '../../api/openapi';
import { comingRegistrations, nameOf } from './MemberStartPage';

const member = {
  id: 'd3b0c442-98fc-4c1c-9f3e-0f1c2b8a1000',
  salutation: 'Frau',
  academicTitle: 'Dr.',
  firstName: 'Anna',
  lastName: 'Muster',
  email: 'anna.muster@ulm.example',
  organisation: 'Stadt Ulm',
  federalState: 'BW',
  sector: 'Kommune',
  status: 'active',
  themes: [],
  workingGroups: [],
  announcementsOptOut: false,
  joinedAt: '2026-12-06T10:00:00.000Z',
};

type Registration = components['schemas']['RegistrationResponse'];

let nextId = 0;
function registration(change: {
  status?: Registration['status'];
  waitingPlace?: number;
  event?: Partial<Registration['event']>;
}): Registration {
  nextId += 1;
  return {
    registrationId: `00000000-0000-4000-8000-${String(nextId).padStart(12, '0')}`,
    eventId: `10000000-0000-4000-8000-${String(nextId).padStart(12, '0')}`,
    status: change.status ?? 'confirmed',
    ...(change.waitingPlace ? { waitingPlace: change.waitingPlace } : {}),
    changeableUntil: '2030-04-08T23:59:00+02:00',
    registeredAt: '2026-12-01T10:00:00.000Z',
    registeredBy: { role: 'member', subject: member.id },
    registrant: { kind: 'member', memberId: member.id, name: 'Dr. Anna Muster' },
    revision: 1,
    sessions: [],
    event: {
      kind: 'innovators-lounge',
      status: 'registration-open',
      title: `Veranstaltung ${nextId}`,
      startsAt: '2030-04-15T17:00:00+02:00',
      endsAt: '2030-04-15T21:00:00+02:00',
      ...change.event,
    },
  };
}

const openEvent = {
  eventId: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
  kind: 'innovators-lounge',
  status: 'registration-open',
  title: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag',
  themes: [],
  startsAt: '2030-04-15T17:00:00+02:00',
  endsAt: '2030-04-15T21:00:00+02:00',
  venue: { name: 'Stadthaus Ulm', city: 'Ulm', federalState: 'BW' },
  federalStates: ['BW'],
  capacity: 50,
  registration: { opensAt: '2030-02-01T09:00:00+01:00', closesAt: '2030-04-08T23:59:00+02:00' },
};

function gateway(answers: { registrations?: FakeAnswer; events?: FakeAnswer; member?: FakeAnswer } = {}) {
  return fakeGateway({
    'GET /api/v1/auth/session': memberSession,
    'GET /api/v1/members/me': answers.member ?? { body: member },
    'GET /api/v1/me/registrations': answers.registrations ?? { body: { items: [], nextCursor: null } },
    'GET /api/v1/events': answers.events ?? { body: { items: [openEvent], nextCursor: null } },
  });
}

describe('MemberStartPage', () => {
  it('greets the member by name and links on to profile, members and events', async () => {
    gateway();
    renderPage('/start');

    expect(await screen.findByRole('heading', { level: 1, name: 'Ihre Übersicht' })).toBeVisible();
    expect(await screen.findByText('Guten Tag, Frau Dr. Muster!')).toBeVisible();
    const links = within(screen.getByRole('navigation', { name: 'Weiter zu' }));
    expect(links.getByRole('link', { name: 'Ihr Profil' })).toHaveAttribute('href', '/profil');
    expect(links.getByRole('link', { name: 'Mitglieder' })).toHaveAttribute('href', '/mitglieder');
    expect(links.getByRole('link', { name: 'Veranstaltungen' })).toHaveAttribute('href', '/veranstaltungen');
  });

  it('lists the coming registrations, soonest first, with their state and a link to each event', async () => {
    const later = registration({
      event: {
        title: 'Deutschlandforum 2030',
        kind: 'deutschlandforum',
        startsAt: '2030-09-01T09:00:00+02:00',
        endsAt: '2030-09-02T16:00:00+02:00',
      },
    });
    const waiting = registration({ status: 'waiting', waitingPlace: 2, event: { title: 'Lounge in Ulm' } });
    const cancelled = registration({ status: 'cancelled', event: { title: 'Storniert' } });
    const past = registration({
      event: {
        title: 'Vorbei',
        status: 'held',
        startsAt: '2020-01-01T10:00:00+01:00',
        endsAt: '2020-01-01T12:00:00+01:00',
      },
    });
    const cancelledEvent = registration({
      event: {
        title: 'Abgesagte Lounge',
        status: 'cancelled',
        startsAt: '2030-05-01T10:00:00+02:00',
        endsAt: '2030-05-01T12:00:00+02:00',
      },
    });
    gateway({
      registrations: { body: { items: [later, waiting, cancelled, past, cancelledEvent], nextCursor: null } },
    });
    renderPage('/start');

    const section = within(await screen.findByRole('region', { name: 'Ihre nächsten Anmeldungen' }));
    const titles = (await section.findAllByRole('heading', { level: 3 })).map(
      (heading) => heading.textContent,
    );
    expect(titles).toEqual(['Lounge in Ulm', 'Abgesagte Lounge', 'Deutschlandforum 2030']);

    const lounge = section.getByRole('link', { name: 'Lounge in Ulm' });
    expect(lounge).toHaveAttribute('href', `/veranstaltungen/${waiting.eventId}`);
    expect(within(lounge.closest('li')!).getByText('Auf der Warteliste, Platz 2')).toBeVisible();
    expect(
      within(section.getByRole('link', { name: 'Deutschlandforum 2030' }).closest('li')!).getByText(
        'Angemeldet',
      ),
    ).toBeVisible();
    expect(
      within(section.getByRole('link', { name: 'Abgesagte Lounge' }).closest('li')!).getByText(
        'Veranstaltung abgesagt',
      ),
    ).toBeVisible();
    expect(section.getByRole('link', { name: 'Alle Ihre Anmeldungen' })).toHaveAttribute(
      'href',
      '/meine-anmeldungen',
    );
  });

  it('shows the events open for registration now, with the deadline', async () => {
    const sent = gateway();
    renderPage('/start');

    const section = within(await screen.findByRole('region', { name: 'Jetzt zur Anmeldung offen' }));
    expect(
      await section.findByRole('link', { name: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag' }),
    ).toHaveAttribute('href', `/veranstaltungen/${openEvent.eventId}`);
    expect(section.getByText('Anmeldung bis Montag, 8. April 2030, 23:59 Uhr')).toBeVisible();
    expect(sent.find((request) => request.path.startsWith('/api/v1/events'))?.path).toBe(
      '/api/v1/events?status=registration-open&limit=5',
    );
  });

  it('says so when there is nothing to show, with ways on', async () => {
    gateway({ events: { body: { items: [], nextCursor: null } } });
    renderPage('/start');

    expect(
      await screen.findByText('Sie sind zurzeit zu keiner kommenden Veranstaltung angemeldet.'),
    ).toBeVisible();
    expect(await screen.findByText('Gerade ist für keine Veranstaltung die Anmeldung offen.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Alle Veranstaltungen ansehen' })).toHaveAttribute(
      'href',
      '/veranstaltungen',
    );
  });

  it('explains each part that cannot be loaded, and tries it again', async () => {
    let calls = 0;
    fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/members/me': () => {
        calls += 1;
        return calls === 1
          ? { status: 503, body: { status: 503, detail: 'Ihr Profil ist gerade nicht erreichbar.' } }
          : { body: member };
      },
      'GET /api/v1/me/registrations': {
        status: 503,
        body: { status: 503, detail: 'Die Anmeldungen sind gerade nicht erreichbar.' },
      },
      'GET /api/v1/events': { body: { items: [], nextCursor: null } },
    });
    renderPage('/start');

    expect(await screen.findByText('Die Anmeldungen sind gerade nicht erreichbar.')).toBeVisible();
    const profileProblem = await screen.findByText('Ihr Profil ist gerade nicht erreichbar.');
    await userEvent.setup().click(
      within(profileProblem.closest('[role="alert"]') as HTMLElement).getByRole('button', {
        name: 'Erneut versuchen',
      }),
    );

    expect(await screen.findByText('Guten Tag, Frau Dr. Muster!')).toBeVisible();
  });

  it('shows the welcome it was sent with after accepting the invitation', async () => {
    gateway();
    const { router } = renderPage('/seite-gibt-es-nicht');

    await act(() =>
      router.navigate('/start', { state: { notice: 'Herzlich willkommen im Innovators Club!' } }),
    );

    expect(
      (await screen.findByText('Herzlich willkommen im Innovators Club!')).closest('[role="status"]'),
    ).toBeInTheDocument();
  });

  it('signing out here lands on the front page with the notice, not on „Anmelden“', async () => {
    let signedIn = true;
    fakeGateway({
      'GET /api/v1/auth/session': () => (signedIn ? memberSession : noSession),
      'DELETE /api/v1/auth/session': () => {
        signedIn = false;
        return { status: 204 };
      },
      'GET /api/v1/members/me': { body: member },
      'GET /api/v1/me/registrations': { body: { items: [], nextCursor: null } },
      'GET /api/v1/events': { body: { items: [openEvent], nextCursor: null } },
    });
    const { router } = renderPage('/start');
    const navigation = screen.getByRole('navigation', { name: 'Hauptnavigation' });
    const seen: string[] = [];
    router.subscribe((state) => seen.push(`${state.location.pathname}${state.location.search}`));

    await userEvent.setup().click(await within(navigation).findByRole('button', { name: 'Abmelden' }));

    expect(await screen.findByText('Sie sind abgemeldet.')).toBeVisible();
    expect(await within(navigation).findByRole('link', { name: 'Anmelden' })).toBeVisible();
    expect(seen).toEqual(['/']);
  });

  it('sends a visitor who is not signed in to „Anmelden“, and back here afterwards', async () => {
    fakeGateway({ 'GET /api/v1/auth/session': noSession });
    const { router } = renderPage('/start');

    await waitFor(() => expect(router.state.location.pathname).toBe('/anmelden'));
    expect(router.state.location.search).toBe('?weiter=%2Fstart');
  });
});

describe(nameOf.name, () => {
  it.each([
    [
      { salutation: 'Frau', academicTitle: 'Prof. Dr.', firstName: 'Anna', lastName: 'Muster' },
      'Frau Prof. Dr. Muster',
    ],
    [{ salutation: 'Herr', firstName: 'Jonas', lastName: 'Beispiel' }, 'Herr Beispiel'],
    [{ salutation: 'keine', firstName: 'Kim', lastName: 'Beispiel' }, 'Kim Beispiel'],
  ] as const)('addresses %o as %s', (person, name) => {
    expect(nameOf(person)).toBe(name);
  });
});

describe(comingRegistrations.name, () => {
  it('keeps a series without a date yet, after the dated ones', () => {
    const undated = registration({ event: { title: 'Reihe', startsAt: undefined, endsAt: undefined } });
    const dated = registration({ event: { title: 'Lounge' } });

    const coming = comingRegistrations([undated, dated], new Date('2030-01-01T00:00:00Z'));

    expect(coming.map((item) => item.event.title)).toEqual(['Lounge', 'Reihe']);
  });
});
