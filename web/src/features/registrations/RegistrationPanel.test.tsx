import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../app/App';
import { fakeGateway, memberSession, noSession, type FakeAnswer } from '../../test/render';
import { RegistrationPanel } from './RegistrationPanel';
import type { EventDetail, Registration } from './registrationApi';

const EVENT_ID = '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10';
const REGISTRATION_ID = '7d2e9c74-5e3f-4f9a-8c73-2a8f3e4dac32';
const WORKSHOP_DATA = '11111111-1111-4111-8111-111111111111';
const WORKSHOP_ENERGY = '22222222-2222-4222-8222-222222222222';
const WORKSHOP_REGION = '33333333-3333-4333-8333-333333333333';
const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

const staffSession: FakeAnswer = {
  body: {
    signedIn: true,
    role: 'staff',
    operations: false,
    subject: 'staff_1',
    expiresAt: inDays(1),
    csrfToken: 'csrf',
  },
};

function lounge(change: Partial<EventDetail> = {}): EventDetail {
  return {
    eventId: EVENT_ID,
    kind: 'innovators-lounge',
    status: 'registration-open',
    title: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag',
    description: '',
    descriptionHtml: '',
    themes: ['Digitalisierung'],
    federalStates: ['BW'],
    audience: 'members',
    announceTo: 'all-members',
    capacity: 50,
    startsAt: inDays(30),
    endsAt: inDays(30.2),
    registration: { opensAt: inDays(-5), closesAt: inDays(20) },
    calendarHref: `/api/v1/events/${EVENT_ID}/calendar.ics`,
    documents: [],
    revision: 3,
    createdAt: inDays(-10),
    updatedAt: inDays(-1),
    lounge: { topic: 'Die smarte Stadt', host: { name: 'Ulm', federalState: 'BW' } },
    ...change,
  };
}

function workshop(sessionId: string, title: string, startsAt: string, capacity: number) {
  return {
    sessionId,
    kind: 'workshop' as const,
    title,
    startsAt,
    endsAt: new Date(new Date(startsAt).getTime() + 90 * 60 * 1000).toISOString(),
    capacity,
    room: 'Saal Einstein',
    speakers: [{ name: 'Prof. Dr. Ada Beispiel', kind: 'external' }],
  };
}

function forum(): EventDetail {
  const day = new Date(inDays(40));
  day.setUTCHours(12, 0, 0, 0);
  const afternoon = new Date(day.getTime() + 2 * 60 * 60 * 1000).toISOString();
  return lounge({
    kind: 'deutschlandforum',
    title: '23. Deutschlandforum',
    lounge: undefined,
    forum: {
      leitgedanke: 'Kommune 2035',
      sessions: [
        workshop(WORKSHOP_DATA, 'Werkstatt Daten', day.toISOString(), 20),
        workshop(WORKSHOP_ENERGY, 'Werkstatt Energie', day.toISOString(), 20),
        workshop(WORKSHOP_REGION, 'Smarte Region', afternoon, 30),
      ],
    } as EventDetail['forum'],
  });
}

function circle(change: Partial<EventDetail> = {}): EventDetail {
  return lounge({
    kind: 'kommunalzirkel',
    title: 'Kommunen for future',
    audience: 'target-group',
    targetGroup: { federalStates: ['BY'], maxPopulation: 25_000 },
    capacity: 30,
    lounge: undefined,
    circle: {
      modules: [],
      feeCents: 0,
      delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration', 'civil-society'] },
    },
    ...change,
  });
}

function registration(change: Partial<Registration> = {}): Registration {
  return {
    registrationId: REGISTRATION_ID,
    eventId: EVENT_ID,
    revision: 1,
    event: {
      title: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag',
      kind: 'innovators-lounge',
      status: 'registration-open',
      startsAt: inDays(30),
    },
    status: 'confirmed',
    registrant: { kind: 'member', memberId: 'mem_1', name: 'Anna Beispiel' },
    registeredBy: { subject: 'mem_1', role: 'member' },
    sessions: [],
    registeredAt: inDays(-1),
    changeableUntil: inDays(20),
    ...change,
  };
}

const noRegistration: FakeAnswer = { body: { items: [], nextCursor: null } };
const own = (found: Registration): FakeAnswer => ({ body: { items: [found], nextCursor: null } });
const seats = (seatsLeft: number, waiting = 0, workshops: unknown[] = [], capacity = 50): FakeAnswer => ({
  body: { eventId: EVENT_ID, capacity, seatsLeft, waiting, workshops },
});

const profile: FakeAnswer = {
  body: {
    id: 'mem_1',
    salutation: 'Frau',
    firstName: 'Anna',
    lastName: 'Beispiel',
    email: 'anna.beispiel@pegnitz.example',
    officeTitle: 'Erste Bürgermeisterin',
    organisation: 'Stadt Pegnitz',
    sector: 'Kommune',
    federalState: 'BY',
    municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
    status: 'active',
    themes: [],
    workingGroups: [],
    announcementsOptOut: false,
    joinedAt: inDays(-100),
  },
};

function renderPanel(event: EventDetail) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  const router = createMemoryRouter([{ path: '*', element: <RegistrationPanel event={event} /> }], {
    initialEntries: [`/veranstaltungen/${event.eventId}`],
  });
  return render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

// jsdom has no modal dialogs: open and close set the attribute as a browser does.
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
  vi.useRealTimers();
});

describe('RegistrationPanel', () => {
  it('asks a visitor to sign in and brings them back to the event', async () => {
    fakeGateway({ 'GET /api/v1/auth/session': noSession });
    renderPanel(lounge());

    expect(await screen.findByText('Bitte melden Sie sich an, um sich anzumelden.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Zur Anmeldung für Mitglieder' })).toHaveAttribute(
      'href',
      `/anmelden?weiter=${encodeURIComponent(`/veranstaltungen/${EVENT_ID}`)}`,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Ihre Anmeldung' })).toBeVisible();
  });

  it('tells the office that it registers people in its console', async () => {
    const sent = fakeGateway({ 'GET /api/v1/auth/session': staffSession });
    renderPanel(lounge());

    expect(await screen.findByText(/melden Sie in der Verwaltung der Geschäftsstelle an/)).toBeVisible();
    expect(screen.queryByRole('button')).toBeNull();
    expect(sent.map((request) => request.path)).toEqual(['/api/v1/auth/session']);
  });

  it('registers a member for an open lounge and shows the confirmation with the calendar entry', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/me/registrations': noRegistration,
      [`GET /api/v1/events/${EVENT_ID}/seats`]: seats(12),
      [`POST /api/v1/events/${EVENT_ID}/registrations`]: { status: 201, body: registration() },
    });
    renderPanel(lounge());

    expect(await screen.findByText('Noch 12 von 50 Plätzen frei.')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Verbindlich anmelden' }));

    const state = await screen.findByRole('status');
    expect(state).toHaveTextContent('Angemeldet Sie sind verbindlich angemeldet.');
    expect(state).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Termin in Ihren Kalender übernehmen (.ics)' })).toHaveAttribute(
      'href',
      `/api/v1/events/${EVENT_ID}/calendar.ics`,
    );
    expect(screen.getByRole('button', { name: 'Anmeldung stornieren' })).toBeVisible();
    const post = sent.find((request) => request.method === 'POST')!;
    expect(post.body).toEqual({});
    expect(post.headers.get('X-CSRF-Token')).toBe('csrf-of-the-test');
    expect(sent.find((request) => request.path.startsWith('/api/v1/me/registrations'))!.path).toBe(
      `/api/v1/me/registrations?eventId=${EVENT_ID}&limit=5`,
    );
  });

  it('puts a member on the waiting list of a full lounge and shows the seat once a poll finds it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let current: Registration | undefined;
    fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/me/registrations': () => (current ? own(current) : noRegistration),
      [`GET /api/v1/events/${EVENT_ID}/seats`]: seats(0, 2),
      [`POST /api/v1/events/${EVENT_ID}/registrations`]: () => {
        current = registration({ status: 'waiting', waitingPlace: 3 });
        return { status: 201, body: current };
      },
    });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime.bind(vi) });
    renderPanel(lounge());

    expect(
      await screen.findByText(
        'Alle Plätze sind vergeben. Wenn Sie sich jetzt anmelden, kommen Sie auf die Warteliste (dort warten bereits 2 Personen).',
      ),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Verbindlich anmelden' }));

    expect(await screen.findByText('Sie stehen auf Platz 3 der Warteliste.')).toBeVisible();
    expect(screen.getByText('Warteliste, Platz 3')).toBeVisible();
    expect(screen.queryByRole('link', { name: /Kalender/ })).toBeNull();

    current = registration({ status: 'confirmed', confirmedAt: new Date().toISOString() });
    await act(() => vi.advanceTimersByTimeAsync(15_000));

    expect(
      await screen.findByText('Ein Platz ist frei geworden: Sie sind jetzt verbindlich angemeldet.'),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Termin in Ihren Kalender übernehmen (.ics)' })).toBeVisible();
  });

  it('cancels after asking, and says that the seat goes to the next on the waiting list', async () => {
    let current = registration();
    const sent = fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/me/registrations': () => own(current),
      [`GET /api/v1/events/${EVENT_ID}/seats`]: seats(1),
      [`DELETE /api/v1/registrations/${REGISTRATION_ID}`]: () => {
        current = registration({ status: 'cancelled', cancellation: { cause: 'registrant' } });
        return { body: current };
      },
    });
    renderPanel(lounge());

    await userEvent.click(await screen.findByRole('button', { name: 'Anmeldung stornieren' }));
    const dialog = screen.getByRole('dialog', { name: 'Anmeldung stornieren?' });
    expect(dialog).toHaveTextContent('Ihr Platz geht sofort an die nächste Person auf der Warteliste.');
    expect(sent.some((request) => request.method === 'DELETE')).toBe(false);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Ja, Anmeldung stornieren' }));

    const notice = await screen.findByText(
      'Ihre Anmeldung ist storniert. Ihr Platz geht an die nächste Person auf der Warteliste. Sie erhalten eine Bestätigung per E-Mail.',
    );
    expect(notice.closest('[role="status"]')).toHaveFocus();
    expect(sent.filter((request) => request.method === 'DELETE')).toHaveLength(1);
    expect(await screen.findByRole('button', { name: 'Verbindlich anmelden' })).toBeVisible();
  });

  it('keeps a question before cancelling: „Abbrechen“ changes nothing', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/me/registrations': own(registration()),
    });
    renderPanel(lounge());

    await userEvent.click(await screen.findByRole('button', { name: 'Anmeldung stornieren' }));
    await userEvent.click(screen.getByRole('button', { name: 'Abbrechen' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent.some((request) => request.method === 'DELETE')).toBe(false);
  });

  it('takes interest before registration opens and promises a message when it opens', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/me/registrations': noRegistration,
      'GET /api/v1/me/interests': { body: { items: [] } },
      [`POST /api/v1/events/${EVENT_ID}/interest`]: {
        status: 201,
        body: {
          interestId: 'a1b2c3d4-0000-4000-8000-000000000000',
          eventId: EVENT_ID,
          holder: { kind: 'member', memberId: 'mem_1' },
          declaredBy: { subject: 'mem_1', role: 'member' },
          declaredAt: new Date().toISOString(),
        },
      },
    });
    renderPanel(lounge({ status: 'announced', registration: { opensAt: inDays(5), closesAt: inDays(20) } }));

    expect(await screen.findByText(/^Die Anmeldung öffnet am /)).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Interesse bekunden' }));

    expect(
      await screen.findByText(
        'Sie haben Ihr Interesse bekundet. Wir benachrichtigen Sie, sobald die Anmeldung öffnet.',
      ),
    ).toBeVisible();
    expect(sent.find((request) => request.method === 'POST')!.body).toEqual({});
    expect(screen.queryByRole('button', { name: 'Interesse bekunden' })).toBeNull();
  });

  it('shows interest declared earlier instead of the button', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/me/registrations': noRegistration,
      'GET /api/v1/me/interests': {
        body: {
          items: [
            {
              interestId: 'a1b2c3d4-0000-4000-8000-000000000000',
              eventId: EVENT_ID,
              holder: { kind: 'member', memberId: 'mem_1' },
              declaredBy: { subject: 'mem_1', role: 'member' },
              declaredAt: new Date().toISOString(),
              event: { title: 'Lounge', kind: 'innovators-lounge', status: 'announced' },
            },
          ],
        },
      },
    });
    renderPanel(lounge({ status: 'announced', registration: { opensAt: inDays(5), closesAt: inDays(20) } }));

    expect(
      await screen.findByText(
        'Sie haben Ihr Interesse bekundet. Wir benachrichtigen Sie, sobald die Anmeldung öffnet.',
      ),
    ).toBeVisible();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers the forum’s workshops per parallel slot with their seats and sends one choice per slot', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/me/registrations': noRegistration,
      [`GET /api/v1/events/${EVENT_ID}/seats`]: seats(40, 0, [
        { sessionId: WORKSHOP_DATA, capacity: 20, seatsLeft: 5, waiting: 0 },
        { sessionId: WORKSHOP_ENERGY, capacity: 20, seatsLeft: 0, waiting: 3 },
        { sessionId: WORKSHOP_REGION, capacity: 30, seatsLeft: 30, waiting: 0 },
      ]),
      [`POST /api/v1/events/${EVENT_ID}/registrations`]: {
        status: 201,
        body: registration({
          sessions: [
            {
              sessionId: WORKSHOP_ENERGY,
              title: 'Werkstatt Energie',
              startsAt: inDays(40),
              endsAt: inDays(40),
              status: 'waiting',
              waitingPlace: 4,
            },
          ],
        }),
      },
    });
    renderPanel(forum());

    const first = await screen.findByRole('group', { name: /^Zeitfenster 1: / });
    const second = screen.getByRole('group', { name: /^Zeitfenster 2: / });
    const data = within(first).getByRole('radio', { name: 'Werkstatt Daten' });
    await within(first).findByText(/noch 5 von 20 Plätzen frei/);
    expect(data).toHaveAccessibleDescription(
      'mit Prof. Dr. Ada Beispiel · Raum: Saal Einstein · noch 5 von 20 Plätzen frei',
    );
    expect(within(first).getByText(/ausgebucht – Sie kommen auf die Warteliste des Workshops/)).toBeVisible();
    expect(within(first).getByRole('radio', { name: 'Keinen Workshop in diesem Zeitfenster' })).toBeChecked();
    expect(within(second).getAllByRole('radio')).toHaveLength(2);

    await userEvent.click(data);
    await userEvent.click(within(first).getByRole('radio', { name: 'Werkstatt Energie' }));
    expect(data).not.toBeChecked();
    await userEvent.click(within(second).getByRole('radio', { name: 'Smarte Region' }));
    await userEvent.click(screen.getByRole('button', { name: 'Verbindlich anmelden' }));

    expect(await screen.findByText(/Werkstatt Energie/, { selector: 'strong' })).toBeVisible();
    expect(screen.getByText(/Warteliste, Platz 4/, { selector: 'li' })).toBeVisible();
    expect(sent.find((request) => request.method === 'POST')!.body).toEqual({
      sessionIds: [WORKSHOP_ENERGY, WORKSHOP_REGION],
    });
  });

  it('explains a refusal in words and offers a way on, never a code', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/me/registrations': noRegistration,
      [`GET /api/v1/events/${EVENT_ID}/seats`]: seats(3),
      [`POST /api/v1/events/${EVENT_ID}/registrations`]: {
        status: 422,
        body: {
          type: 'https://innovators-club.de/probleme/regel-verletzt',
          title: 'Anmeldung nicht möglich',
          status: 422,
          detail: 'Diese Veranstaltung richtet sich an Kommunen in Bayern.',
          rule: 'target-group-federal-state',
        },
      },
    });
    renderPanel(lounge());

    await userEvent.click(await screen.findByRole('button', { name: 'Verbindlich anmelden' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Diese Veranstaltung richtet sich an Kommunen in Bayern.');
    expect(alert).not.toHaveTextContent('target-group');
    expect(screen.getByRole('link', { name: 'Zu allen Veranstaltungen' })).toHaveAttribute(
      'href',
      '/veranstaltungen',
    );
  });

  it('registers a municipality’s delegation: rules shown and checked, server field errors beside the field', async () => {
    let answer: FakeAnswer = {
      status: 400,
      body: {
        type: 'https://innovators-club.de/probleme/ungueltige-eingabe',
        title: 'Ungültige Eingabe',
        status: 400,
        detail: 'Die Anfrage enthält ungültige Felder: delegation.1.role.',
        errors: [{ field: 'delegation.1.role', message: 'role erlaubt nur: mayor, administration' }],
      },
    };
    const sent = fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/me/registrations': noRegistration,
      'GET /api/v1/members/me': profile,
      [`GET /api/v1/events/${EVENT_ID}/seats`]: seats(20, 0, [], 30),
      [`POST /api/v1/events/${EVENT_ID}/registrations`]: () => answer,
    });
    const user = userEvent.setup();
    renderPanel(circle());

    const delegation = await screen.findByRole('group', { name: 'Delegation der Kommune Pegnitz' });
    expect(within(delegation).getByText('Höchstens 3 Personen je Kommune.')).toBeVisible();
    expect(
      within(delegation).getByText(
        'Empfohlen ist je eine Person in diesen Funktionen: Bürgermeisterin oder Bürgermeister, Verwaltung, Zivilgesellschaft.',
      ),
    ).toBeVisible();
    expect(await screen.findByText('Noch 20 von 30 Plätzen für Kommunen frei.')).toBeVisible();

    // The member comes first, with their own name and address, as mayor (their office says so).
    const first = within(delegation).getByRole('group', { name: 'Person 1' });
    expect(within(first).getByRole('textbox', { name: 'Vorname' })).toHaveValue('Anna');
    expect(within(first).getByRole('combobox', { name: 'Funktion in der Delegation' })).toHaveValue('mayor');

    await user.click(within(delegation).getByRole('button', { name: 'Weitere Person hinzufügen' }));
    const second = within(delegation).getByRole('group', { name: 'Person 2' });
    expect(within(second).getByRole('combobox', { name: 'Anrede' })).toBeVisible();
    expect(within(second).getByRole('textbox', { name: 'Vorname' })).toHaveFocus();
    await user.click(within(delegation).getByRole('button', { name: 'Weitere Person hinzufügen' }));
    expect(within(delegation).queryByRole('button', { name: 'Weitere Person hinzufügen' })).toBeNull();
    expect(
      within(delegation).getByText('Die Delegation ist vollständig: höchstens 3 Personen je Kommune.'),
    ).toBeVisible();
    await user.click(within(delegation).getByRole('button', { name: 'Person 3 entfernen' }));
    expect(within(delegation).queryByRole('group', { name: 'Person 3' })).toBeNull();
    expect(within(delegation).getByRole('button', { name: 'Weitere Person hinzufügen' })).toHaveFocus();

    // Checked before sending: nothing goes out while a field is missing.
    await user.type(within(second).getByRole('textbox', { name: 'Vorname' }), 'Bernd');
    await user.type(
      within(second).getByRole('textbox', { name: 'E-Mail-Adresse' }),
      'anna.beispiel@pegnitz.example',
    );
    await user.click(screen.getByRole('button', { name: 'Verbindlich anmelden' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Bitte korrigieren Sie die 3 markierten Angaben.',
    );
    expect(within(second).getByRole('textbox', { name: 'Nachname' })).toHaveAccessibleDescription(
      'Bitte geben Sie den Nachnamen an (höchstens 80 Zeichen).',
    );
    expect(within(second).getByRole('textbox', { name: 'E-Mail-Adresse' })).toHaveAccessibleDescription(
      /Diese E-Mail-Adresse steht schon bei Person 1/,
    );
    expect(within(second).getByRole('combobox', { name: 'Funktion in der Delegation' })).toBeInvalid();
    expect(sent.some((request) => request.method === 'POST')).toBe(false);
    expect(within(delegation).getByText(/Noch nicht vertreten: Verwaltung, Zivilgesellschaft/)).toBeVisible();

    await user.type(within(second).getByRole('textbox', { name: 'Nachname' }), 'Muster');
    const email = within(second).getByRole('textbox', { name: 'E-Mail-Adresse' });
    await user.clear(email);
    await user.type(email, 'bernd.muster@pegnitz.example');
    await user.selectOptions(
      within(second).getByRole('combobox', { name: 'Funktion in der Delegation' }),
      'Verwaltung',
    );
    await user.click(screen.getByRole('button', { name: 'Verbindlich anmelden' }));

    // The server names the field: its sentence appears beside it, in the form's German.
    expect(
      await within(second).findByText('Bitte wählen Sie die Funktion der Person in der Delegation.'),
    ).toBeVisible();
    expect(
      within(second).getByRole('combobox', { name: 'Funktion in der Delegation' }),
    ).toHaveAccessibleDescription('Bitte wählen Sie die Funktion der Person in der Delegation.');
    expect(screen.getByRole('alert')).not.toHaveTextContent('delegation.1.role');
    expect(sent.find((request) => request.method === 'POST')!.body).toEqual({
      delegation: [
        {
          salutation: 'Frau',
          firstName: 'Anna',
          lastName: 'Beispiel',
          email: 'anna.beispiel@pegnitz.example',
          role: 'mayor',
        },
        {
          salutation: 'keine',
          firstName: 'Bernd',
          lastName: 'Muster',
          email: 'bernd.muster@pegnitz.example',
          role: 'administration',
        },
      ],
    });

    answer = {
      status: 201,
      body: registration({
        registrant: {
          kind: 'municipality',
          memberId: 'mem_1',
          name: 'Pegnitz',
          municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
        },
        delegation: [
          {
            personId: 'c0ffee00-0000-4000-8000-000000000001',
            salutation: 'Frau',
            firstName: 'Anna',
            lastName: 'Beispiel',
            email: 'anna.beispiel@pegnitz.example',
            role: 'mayor',
          },
          {
            personId: 'c0ffee00-0000-4000-8000-000000000002',
            salutation: 'keine',
            firstName: 'Bernd',
            lastName: 'Muster',
            email: 'bernd.muster@pegnitz.example',
            role: 'administration',
          },
        ],
      }),
    };
    await user.click(screen.getByRole('button', { name: 'Verbindlich anmelden' }));

    expect(
      await screen.findByText('Ihre Kommune Pegnitz ist mit ihrer Delegation angemeldet.'),
    ).toBeVisible();
    expect(screen.getByText('Bernd Muster – Verwaltung')).toBeVisible();
    expect(screen.getByText(/– Bürgermeisterin$/)).toBeVisible();
  });

  it('changes a delegation later, keeping who stays', async () => {
    const circleRegistration = registration({
      registrant: {
        kind: 'municipality',
        memberId: 'mem_1',
        name: 'Pegnitz',
        municipality: { name: 'Pegnitz', ags: '09472175', population: 13_700 },
      },
      delegation: [
        {
          personId: 'c0ffee00-0000-4000-8000-000000000001',
          salutation: 'Frau',
          firstName: 'Anna',
          lastName: 'Beispiel',
          email: 'anna.beispiel@pegnitz.example',
          role: 'mayor',
        },
      ],
    });
    const sent = fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/me/registrations': own(circleRegistration),
      [`PUT /api/v1/registrations/${REGISTRATION_ID}/delegation`]: {
        body: { ...circleRegistration, revision: 2 },
      },
    });
    const user = userEvent.setup();
    renderPanel(circle());

    await user.click(await screen.findByRole('button', { name: 'Delegation ändern' }));
    await user.click(screen.getByRole('button', { name: 'Weitere Person hinzufügen' }));
    const second = screen.getByRole('group', { name: 'Person 2' });
    await user.type(within(second).getByRole('textbox', { name: 'Vorname' }), 'Clara');
    await user.type(within(second).getByRole('textbox', { name: 'Nachname' }), 'Verein');
    await user.type(within(second).getByRole('textbox', { name: 'E-Mail-Adresse' }), 'clara@verein.example');
    await user.selectOptions(
      within(second).getByRole('combobox', { name: 'Funktion in der Delegation' }),
      'Zivilgesellschaft',
    );
    await user.click(screen.getByRole('button', { name: 'Delegation speichern' }));

    expect(
      await screen.findByText(
        'Die Delegation ist geändert. Die Personen erhalten eine Nachricht per E-Mail.',
      ),
    ).toBeVisible();
    expect(sent.find((request) => request.method === 'PUT')!.body).toEqual({
      people: [
        {
          personId: 'c0ffee00-0000-4000-8000-000000000001',
          salutation: 'Frau',
          firstName: 'Anna',
          lastName: 'Beispiel',
          email: 'anna.beispiel@pegnitz.example',
          role: 'mayor',
        },
        {
          salutation: 'keine',
          firstName: 'Clara',
          lastName: 'Verein',
          email: 'clara@verein.example',
          role: 'civil-society',
        },
      ],
    });
  });

  it('explains a Kommunalzirkel to a member without a municipality instead of a form', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/me/registrations': noRegistration,
      'GET /api/v1/members/me': {
        body: { ...(profile.body as object), sector: 'Wirtschaft', municipality: undefined },
      },
    });
    renderPanel(circle());

    expect(await screen.findByText(/Ihrem Profil ist keine Kommune zugeordnet/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Zu Ihrem Profil' })).toHaveAttribute('href', '/profil');
    expect(screen.queryByRole('button', { name: 'Verbindlich anmelden' })).toBeNull();
  });

  it('says when registration is closed, and that only the office can cancel now', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/me/registrations': own(
        registration({ event: { ...registration().event, status: 'registration-closed' } }),
      ),
    });
    renderPanel(lounge({ status: 'registration-closed' }));

    expect(
      await screen.findByText(/Stornieren oder ändern kann jetzt nur noch die Geschäftsstelle/),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Anmeldung stornieren' })).toBeNull();
  });
});
