import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  fakeGateway,
  renderPage,
  staffSession,
  type FakeRoute,
  type SentRequest,
} from '../../../test/render';
import { ATTENDANCE_QUEUE_KEY, readQueue } from './attendanceQueue';
import type { CheckInEvent, Registration } from './checkInApi';

const EVENT_ID = '6f1c2a8e-1d0b-4c4e-9a51-0d5f1a2b3c4d';
const MODULE_TODAY = '11111111-1111-4111-8111-111111111111';
const MODULE_LATER = '22222222-2222-4222-8222-222222222222';
const PATH = `/geschaeftsstelle/veranstaltungen/${EVENT_ID}/einlass`;
const ATTENDANCE = (registrationId: string) => `POST /api/v1/registrations/${registrationId}/attendance`;

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const DAY = 24 * 60;

function lounge(overrides: Partial<CheckInEvent> = {}): CheckInEvent {
  return {
    eventId: EVENT_ID,
    revision: 4,
    kind: 'innovators-lounge',
    status: 'registration-closed',
    title: 'Innovators Lounge Ulm',
    summary: 'Die smarte Stadt',
    description: 'Die Lounge.',
    descriptionHtml: '<p>Die Lounge.</p>',
    themes: [],
    capacity: 40,
    audience: 'members',
    announceTo: 'all-members',
    federalStates: ['BW'],
    // Today in Berlin (the test runs a minute either side of now).
    startsAt: minutesFromNow(-1),
    endsAt: minutesFromNow(1),
    registration: { opensAt: minutesFromNow(-30 * DAY), closesAt: minutesFromNow(-DAY) },
    documents: [],
    calendarHref: `/api/v1/events/${EVENT_ID}/calendar.ics`,
    createdAt: minutesFromNow(-60 * DAY),
    ...overrides,
  } as CheckInEvent;
}

function circle(): CheckInEvent {
  return lounge({
    kind: 'kommunalzirkel',
    title: 'Kommunalzirkel Klimaschutz',
    circle: {
      modules: [
        {
          moduleId: MODULE_LATER,
          title: 'Modul 1: Auftakt',
          startsAt: minutesFromNow(30 * DAY),
          endsAt: minutesFromNow(30 * DAY + 60),
          guidingQuestions: [],
        },
        {
          moduleId: MODULE_TODAY,
          title: 'Modul 2: Werkstatt',
          startsAt: minutesFromNow(-1),
          endsAt: minutesFromNow(1),
          guidingQuestions: [],
        },
      ],
      delegation: { maxPeople: 3, suggestedRoles: ['mayor'] },
      feeCents: 0,
    },
  });
}

function member(id: string, name: string, municipality: string, attended = false): Registration {
  return {
    registrationId: id,
    eventId: EVENT_ID,
    revision: 2,
    status: 'confirmed',
    registrant: {
      kind: 'member',
      name,
      organisation: `Stadt ${municipality}`,
      municipality: { name: municipality, ags: '09472175', population: 13_700 },
    },
    registeredBy: { subject: 'mem', role: 'member' },
    sessions: [],
    ...(attended ? { attended: true } : {}),
    registeredAt: minutesFromNow(-10 * DAY),
    changeableUntil: minutesFromNow(-DAY),
    event: {
      eventId: EVENT_ID,
      title: 'Innovators Lounge Ulm',
      kind: 'innovators-lounge',
      status: 'registration-closed',
    },
  } as Registration;
}

const anna = member('aaaaaaaa-0000-4000-8000-000000000001', 'Dr. Anna Müller', 'Pegnitz');
const bernd = member('aaaaaaaa-0000-4000-8000-000000000002', 'Bernd Schäfer', 'Görlitz');
const carla = member('aaaaaaaa-0000-4000-8000-000000000003', 'Carla Vogt', 'Ulm', true);

const hersbruck: Registration = {
  ...member('bbbbbbbb-0000-4000-8000-000000000001', 'Hersbruck', 'Hersbruck'),
  registrant: {
    kind: 'municipality',
    name: 'Hersbruck',
    municipality: { name: 'Hersbruck', ags: '09574132', population: 12_800 },
  },
  delegation: [
    {
      personId: 'cccccccc-0000-4000-8000-000000000001',
      salutation: 'Frau',
      firstName: 'Petra',
      lastName: 'Lang',
      role: 'mayor',
      email: 'petra@hersbruck.example',
      attended: true,
      attendedModules: [MODULE_LATER],
    },
    {
      personId: 'cccccccc-0000-4000-8000-000000000002',
      salutation: 'Herr',
      firstName: 'Jonas',
      lastName: 'Weber',
      role: 'administration',
      email: 'jonas@hersbruck.example',
    },
  ],
};

/** The attendance endpoint as the registrations service answers: the registration with the mark. */
function attendanceOf(registration: Registration): FakeRoute {
  return () => {
    // The fake gateway has read the body already: the request just sent is the last one.
    const body = sentSoFar.at(-1)!.body as {
      attended: boolean;
      personId?: string;
      moduleId?: string;
    };
    if (!body.personId) return { body: { ...registration, attended: body.attended } };
    return {
      body: {
        ...registration,
        delegation: registration.delegation!.map((person) =>
          person.personId === body.personId
            ? {
                ...person,
                attendedModules: body.attended
                  ? [...(person.attendedModules ?? []), body.moduleId!]
                  : (person.attendedModules ?? []).filter((id) => id !== body.moduleId),
              }
            : person,
        ),
      },
    };
  };
}

let sentSoFar: SentRequest[] = [];

function gateway(event: CheckInEvent, registrations: Registration[], routes: Record<string, FakeRoute> = {}) {
  sentSoFar = fakeGateway({
    'GET /api/v1/auth/session': staffSession,
    [`GET /api/v1/events/${EVENT_ID}`]: { body: event },
    [`GET /api/v1/events/${EVENT_ID}/participants`]: { body: { items: registrations, nextCursor: null } },
    ...Object.fromEntries(
      registrations.map((registration) => [
        ATTENDANCE(registration.registrationId),
        attendanceOf(registration),
      ]),
    ),
    ...routes,
  });
  return sentSoFar;
}

const attendanceRequests = (sent: SentRequest[]) =>
  sent.filter((request) => request.method === 'POST' && request.path.endsWith('/attendance'));

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

describe('CheckInPage', () => {
  it('finds people by name or municipality and ticks one as arrived, told politely', async () => {
    const sent = gateway(lounge(), [anna, bernd, carla]);
    const user = userEvent.setup();
    renderPage(PATH);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Einlass: Innovators Lounge Ulm' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('1 von 3 eingetroffen')).toBeInTheDocument();
    expect(screen.getByText('Der Einlass ist heute geöffnet.')).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Name oder Kommune suchen' }), 'goerlitz');
    expect(screen.getByText('1 Person gefunden für „goerlitz“')).toBeInTheDocument();
    expect(screen.queryByText('Dr. Anna Müller')).not.toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox', { name: 'Name oder Kommune suchen' }));
    await user.type(screen.getByRole('searchbox', { name: 'Name oder Kommune suchen' }), 'Mueller');
    expect(screen.queryByText('Bernd Schäfer')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Eingetroffen: Dr. Anna Müller' }));

    expect(await screen.findByRole('button', { name: 'Zurücknehmen: Dr. Anna Müller' })).toHaveFocus();
    expect(await screen.findByText('2 von 3 eingetroffen')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Dr. Anna Müller ist eingetroffen.'),
    );
    const [request] = attendanceRequests(sent);
    expect(request.path).toBe(`/api/v1/registrations/${anna.registrationId}/attendance`);
    expect(request.body).toEqual({ attended: true });
    expect(request.headers.get('Idempotency-Key')).toMatch(/^einlass-[0-9a-f]{32}$/);
    expect(readQueue()).toEqual([]);
  });

  it('undoes a mistaken tick', async () => {
    const sent = gateway(lounge(), [anna, bernd, carla]);
    const user = userEvent.setup();
    renderPage(PATH);

    await user.click(await screen.findByRole('button', { name: 'Zurücknehmen: Carla Vogt' }));

    expect(await screen.findByRole('button', { name: 'Eingetroffen: Carla Vogt' })).toBeInTheDocument();
    expect(await screen.findByText('0 von 3 eingetroffen')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Der Einlass von Carla Vogt ist zurückgenommen.'),
    );
    expect(attendanceRequests(sent).map((request) => request.body)).toEqual([{ attended: false }]);
  });

  it('keeps ticks made without a connection on the phone and sends them once it is back, each once', async () => {
    let connected = false;
    const answer = attendanceOf(bernd);
    const sent = gateway(lounge(), [anna, bernd, carla], {
      [ATTENDANCE(bernd.registrationId)]: (request, url) => {
        if (!connected) throw new TypeError('Failed to fetch');
        return answer(request, url);
      },
    });
    const user = userEvent.setup();
    renderPage(PATH);

    await user.click(await screen.findByRole('button', { name: 'Eingetroffen: Bernd Schäfer' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Keine Verbindung zum Server.');
    expect(alert).toHaveTextContent('1 Vermerk wartet auf dem Gerät');
    expect(screen.getByText('wird übertragen')).toBeInTheDocument();
    expect(screen.getByText('2 von 3 eingetroffen')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Bernd Schäfer ist vermerkt und wird übertragen, sobald die Verbindung wieder steht.',
    );
    expect(JSON.parse(localStorage.getItem(ATTENDANCE_QUEUE_KEY)!)).toEqual([
      expect.objectContaining({
        registrationId: bernd.registrationId,
        attended: true,
        name: 'Bernd Schäfer',
      }),
    ]);

    // A tick while the connection is known to be gone waits without a request.
    await user.click(screen.getByRole('button', { name: 'Eingetroffen: Dr. Anna Müller' }));
    expect(await screen.findByText(/2 Vermerke warten auf dem Gerät/)).toBeInTheDocument();

    connected = true;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });

    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Verbindung wieder da: 2 Vermerke übertragen.'),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText('wird übertragen')).not.toBeInTheDocument();
    expect(screen.getByText('3 von 3 eingetroffen')).toBeInTheDocument();
    expect(readQueue()).toEqual([]);
    const berndRequests = attendanceRequests(sent).filter((request) =>
      request.path.includes(bernd.registrationId),
    );
    // The failed try and its retry carry the same key: the gateway acts on it once.
    expect(berndRequests).toHaveLength(2);
    expect(new Set(berndRequests.map((request) => request.headers.get('Idempotency-Key'))).size).toBe(1);
  });

  it('sends only the last wish for a person ticked and undone while offline', async () => {
    let connected = false;
    const answer = attendanceOf(anna);
    const sent = gateway(lounge(), [anna, bernd, carla], {
      [ATTENDANCE(anna.registrationId)]: (request, url) => {
        if (!connected) throw new TypeError('Failed to fetch');
        return answer(request, url);
      },
    });
    const user = userEvent.setup();
    renderPage(PATH);

    await user.click(await screen.findByRole('button', { name: 'Eingetroffen: Dr. Anna Müller' }));
    await user.click(await screen.findByRole('button', { name: 'Zurücknehmen: Dr. Anna Müller' }));
    expect(await screen.findByText(/1 Vermerk wartet auf dem Gerät/)).toBeInTheDocument();
    expect(readQueue()).toEqual([
      expect.objectContaining({ registrationId: anna.registrationId, attended: false }),
    ]);

    connected = true;
    await user.click(screen.getByRole('button', { name: 'Jetzt erneut senden' }));

    await waitFor(() => expect(readQueue()).toEqual([]));
    expect(attendanceRequests(sent).map((request) => request.body)).toEqual([
      { attended: true },
      { attended: false },
    ]);
    expect(await screen.findByText('1 von 3 eingetroffen')).toBeInTheDocument();
  });

  it('sends ticks left on the phone from before (a reload) when the page opens', async () => {
    localStorage.setItem(
      ATTENDANCE_QUEUE_KEY,
      JSON.stringify([
        {
          eventId: EVENT_ID,
          registrationId: bernd.registrationId,
          attended: true,
          name: 'Bernd Schäfer',
          idempotencyKey: 'einlass-from-before',
        },
      ]),
    );
    const sent = gateway(lounge(), [anna, bernd, carla]);
    renderPage(PATH);

    await waitFor(() => expect(readQueue()).toEqual([]));
    const [request] = attendanceRequests(sent);
    expect(request.headers.get('Idempotency-Key')).toBe('einlass-from-before');
    expect(await screen.findByText('2 von 3 eingetroffen')).toBeInTheDocument();
  });

  it('says in words when the server refuses a tick, and drops it', async () => {
    gateway(lounge(), [anna, bernd, carla], {
      [ATTENDANCE(anna.registrationId)]: () => ({
        status: 422,
        body: {
          title: 'Regel verletzt',
          detail:
            'Der Einlass ist nur am Tag der Veranstaltung möglich (am 15. April 2027); heute wird keine Anwesenheit vermerkt.',
          rule: 'attendance-not-today',
        },
      }),
    });
    const user = userEvent.setup();
    renderPage(PATH);

    await user.click(await screen.findByRole('button', { name: 'Eingetroffen: Dr. Anna Müller' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Für Dr. Anna Müller wurde nichts vermerkt: Der Einlass ist nur am Tag der Veranstaltung möglich',
    );
    await waitFor(() => expect(readQueue()).toEqual([]));
    expect(await screen.findByRole('button', { name: 'Eingetroffen: Dr. Anna Müller' })).toBeInTheDocument();
  });

  it('checks a Kommunalzirkel’s delegation in per module, each person separately', async () => {
    const sent = gateway(circle(), [hersbruck]);
    const user = userEvent.setup();
    renderPage(PATH);

    const moduleField = await screen.findByRole('group', { name: 'Modul' });
    expect(within(moduleField).getByRole('radio', { name: /^Modul 2: Werkstatt/ })).toBeChecked();
    expect(await screen.findByText('0 von 2 eingetroffen')).toBeInTheDocument();
    const card = screen.getByRole('heading', { level: 3, name: 'Hersbruck' }).closest('li')!;
    expect(within(card).getByText('Delegation, 2 Personen')).toBeInTheDocument();
    expect(within(card).getByText('Bürgermeisterin')).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Eingetroffen: Jonas Weber' }));

    expect(await screen.findByText('1 von 2 eingetroffen')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Eingetroffen: Petra Lang' })).toBeInTheDocument();
    expect(attendanceRequests(sent).map((request) => request.body)).toEqual([
      { attended: true, personId: 'cccccccc-0000-4000-8000-000000000002', moduleId: MODULE_TODAY },
    ]);

    // The first module is weeks away: its list is read only, Petra shows as arrived there.
    await user.click(within(moduleField).getByRole('radio', { name: /^Modul 1: Auftakt/ }));
    expect(await screen.findByText(/Der Einlass zu diesem Modul öffnet am/)).toBeInTheDocument();
    expect(screen.getByText('1 von 2 eingetroffen')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Eingetroffen:|Zurücknehmen:/ })).not.toBeInTheDocument();
  });

  it('shows the list read-only on another day and says when check-in opens', async () => {
    gateway(lounge({ startsAt: minutesFromNow(3 * DAY), endsAt: minutesFromNow(3 * DAY + 120) }), [
      anna,
      carla,
    ]);
    renderPage(PATH);

    expect(
      await screen.findByText(/^Der Einlass öffnet am .+\. Bis dahin sehen Sie die Liste nur an/),
    ).toBeInTheDocument();
    expect(await screen.findByText('Dr. Anna Müller')).toBeInTheDocument();
    expect(screen.getByText('1 von 2 eingetroffen')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Eingetroffen:|Zurücknehmen:/ })).not.toBeInTheDocument();
  });

  it('says so when nobody is registered, with the way on', async () => {
    gateway(lounge(), []);
    renderPage(PATH);

    expect(
      await screen.findByText('Für diese Veranstaltung ist niemand bestätigt angemeldet.'),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Zur Teilnehmendenliste' })[0]).toHaveAttribute(
      'href',
      `/geschaeftsstelle/veranstaltungen/${EVENT_ID}/teilnehmende`,
    );
  });

  it('says so when the event does not exist', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      [`GET /api/v1/events/${EVENT_ID}`]: { status: 404, body: { title: 'Nicht gefunden' } },
    });
    renderPage(PATH);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Veranstaltung nicht gefunden' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Zu den Veranstaltungen' })).toBeInTheDocument();
  });
});
