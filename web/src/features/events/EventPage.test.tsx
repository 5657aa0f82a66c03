import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  fakeGateway,
  memberSession,
  noSession,
  renderPage,
  type FakeAnswer,
  type FakeRoute,
} from '../../test/render';
import { CIRCLE_ID, FORUM_ID, LOUNGE_ID, circleEvent, forumEvent, loungeEvent } from './eventFixtures';
import type { ClubEvent } from './eventTypes';
import { demoteHeadings } from './EventPage';

/** What the registration panel asks for a member without a registration. */
function memberGateway(event: ClubEvent, extra: Record<string, FakeRoute | FakeAnswer> = {}) {
  return fakeGateway({
    'GET /api/v1/auth/session': memberSession,
    [`GET /api/v1/events/${event.eventId}`]: { body: event },
    [`GET /api/v1/events/${event.eventId}/seats`]: {
      body: { eventId: event.eventId, capacity: event.capacity, seatsLeft: 12, waiting: 0, workshops: [] },
    },
    'GET /api/v1/me/registrations': { body: { items: [], nextCursor: null } },
    'GET /api/v1/me/interests': { body: { items: [] } },
    'GET /api/v1/members/me': { status: 404, body: { title: 'Nicht gefunden', status: 404 } },
    ...extra,
  });
}

const facts = () => within(screen.getByRole('region', { name: 'Auf einen Blick' }));

/** The text of the dd after the dt with this name. */
function fact(name: string): string | null | undefined {
  return facts().getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;
}

describe('EventPage', () => {
  it('shows a Deutschlandforum with its Leitgedanke, its agenda by day with workshops and speakers, and its documents', async () => {
    memberGateway(forumEvent());
    renderPage(`/veranstaltungen/${FORUM_ID}`);

    expect(await screen.findByRole('heading', { level: 1, name: '24. Deutschlandforum' })).toBeVisible();
    expect(document.title).toBe('24. Deutschlandforum – Innovators Club');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(
      screen.getByText(
        'Deutschlandforum · Montag, 12. Mai 2031, 09:30 Uhr bis Dienstag, 13. Mai 2031, 16:00 Uhr',
      ),
    ).toBeVisible();
    const leitgedanke = within(screen.getByRole('region', { name: 'Leitgedanke' }));
    expect(leitgedanke.getByText('„Kommune 2035: mutig, vernetzt, nah“')).toBeVisible();

    expect(fact('Art')).toBe('Deutschlandforum (24. Deutschlandforum)');
    expect(fact('Ort')).toBe('KongresshausBambergBayern');
    expect(fact('Themenfelder')).toBe('Klimaschutz, Partizipation');
    expect(fact('Wer teilnehmen kann')).toBe(
      'Mitglieder des Innovators Club und von der Geschäftsstelle eingeladene Gäste',
    );
    expect(fact('Plätze')).toBe('200 Plätze');
    expect(fact('Anmeldezeitraum')).toBe('vom 01.02.2099, 09:00 Uhr bis 01.05.2099, 23:59 Uhr');
    expect(fact('Stand der Anmeldung')).toBe('Anmeldung ab 01.02.2099, 09:00 Uhr möglich');

    const agenda = within(screen.getByRole('region', { name: 'Programm' }));
    const days = agenda.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(days).toEqual(['Montag, 12. Mai 2031', 'Dienstag, 13. Mai 2031']);
    const workshop = within(
      agenda.getByRole('heading', { level: 4, name: 'Werkstatt Daten' }).closest('li')!,
    );
    expect(workshop.getByText('11:00 Uhr bis 12:30 Uhr')).toBeVisible();
    expect(workshop.getByText('Workshop · Raum: Raum 1 · 30 Plätze')).toBeVisible();
    expect(workshop.getByText('Wie Kommunen Daten teilen.')).toBeVisible();
    expect(workshop.getByText('Prof. Dr. Ada Beispiel')).toBeVisible();
    expect(workshop.getByText('Gast')).toBeVisible();
    expect(workshop.getByText('Über Prof. Dr. Ada Beispiel')).toBeVisible();
    const opening = within(agenda.getByRole('heading', { level: 4, name: 'Eröffnung' }).closest('li')!);
    expect(opening.getByText('Vortrag · Raum: Saal Einstein')).toBeVisible();
    expect(opening.getByRole('link', { name: 'Dr. Erika Muster' })).toHaveAttribute(
      'href',
      '/mitglieder/a0000000-0000-4000-8000-000000000009',
    );
    expect(agenda.getByText('Podium')).toBeVisible();

    // The description's own # heading sits below the page's sections.
    expect(screen.getByRole('heading', { level: 3, name: 'Worum es geht' })).toBeVisible();

    const documents = within(screen.getByRole('region', { name: 'Unterlagen' }));
    expect(documents.getByRole('link', { name: 'Programm des Forums' })).toHaveAttribute(
      'href',
      `/api/v1/events/${FORUM_ID}/documents/d-1`,
    );
    expect(documents.getByText('(Programm · PDF-Dokument · 180 KB)')).toBeVisible();

    const calendar = within(screen.getByRole('region', { name: 'Kalender' }));
    expect(calendar.getByRole('link', { name: 'In meinen Kalender' })).toHaveAttribute(
      'href',
      `/api/v1/events/${FORUM_ID}/calendar.ics`,
    );
    expect(calendar.getByText(/Kalendereintrag/)).toBeVisible();

    expect(await screen.findByRole('region', { name: 'Ihre Anmeldung' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Alle Veranstaltungen' })).toHaveAttribute(
      'href',
      '/veranstaltungen',
    );
  });

  it('shows a lounge with its host city, topic and full address', async () => {
    memberGateway(loungeEvent());
    renderPage(`/veranstaltungen/${LOUNGE_ID}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Innovators Lounge Ulm: Die smarte Stadt' }),
    ).toBeVisible();
    expect(fact('Art')).toBe('Innovators Lounge');
    expect(fact('Gastgeber')).toBe('Ulm (Baden-Württemberg)');
    expect(fact('Thema')).toBe('Die smarte Stadt im Alltag');
    const address = facts().getByText('Münsterplatz 50').closest('address')!;
    expect(address).toHaveTextContent('Stadthaus UlmMünsterplatz 5089073 UlmBaden-Württemberg');
    expect(fact('Stand der Anmeldung')).toBe('Anmeldung offen bis 08.04.2031, 23:59 Uhr');
    expect(screen.queryByRole('region', { name: 'Programm' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Module' })).toBeNull();
    expect(
      within(screen.getByRole('region', { name: 'Unterlagen' })).getByText(/noch keine Unterlagen/),
    ).toBeVisible();
  });

  it('says when an open event has no seat left that a registration goes on the waiting list', async () => {
    memberGateway(loungeEvent(), {
      [`GET /api/v1/events/${LOUNGE_ID}/seats`]: {
        body: { eventId: LOUNGE_ID, capacity: 50, seatsLeft: 0, waiting: 3, workshops: [] },
      },
    });
    renderPage(`/veranstaltungen/${LOUNGE_ID}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Innovators Lounge Ulm: Die smarte Stadt' }),
    ).toBeVisible();
    expect(await facts().findByText('Ausgebucht – Warteliste')).toBeVisible();
  });

  it('shows a Kommunalzirkel with its modules („Termin folgt“ where open), guiding questions, target group, delegation and fee', async () => {
    memberGateway(circleEvent());
    renderPage(`/veranstaltungen/${CIRCLE_ID}`);

    expect(await screen.findByRole('heading', { level: 1, name: /Kommunen for future/ })).toBeVisible();
    const modules = within(screen.getByRole('region', { name: 'Module' }));
    const items = modules.getAllByRole('listitem').filter((item) => item.classList.contains('module'));
    expect(items.map((item) => within(item).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Modul 1: Auftakt in Pegnitz',
      'Modul 2',
      'Modul 3',
      'Modul 4: Bilanz',
    ]);
    expect(within(items[0]).getByText('Donnerstag, 14. August 2031, 10:00 bis 16:00 Uhr')).toBeVisible();
    expect(within(items[0]).getByText('Ort: Rathaus Pegnitz')).toBeVisible();
    expect(within(items[0]).getByText('Wo steht unsere Kommune beim Klimaschutz?')).toBeVisible();
    expect(within(items[2]).getByText('Termin folgt (voraussichtlich Frühjahr/Sommer 2032)')).toBeVisible();
    expect(within(items[3]).getByText('Termin folgt')).toBeVisible();
    expect(within(items[3]).getByRole('heading', { level: 4, name: 'Leitfragen' })).toBeVisible();

    const participation = within(screen.getByRole('region', { name: 'Zielgruppe und Teilnahme' }));
    expect(
      participation.getByText('Kommunen in Bayern mit höchstens 25.000 Einwohnerinnen und Einwohnern'),
    ).toBeVisible();
    expect(
      participation.getByText(
        /Bis zu 3 Personen je Kommune .* Am besten gemeinsam: Bürgermeisterin oder Bürgermeister, Verwaltung und Zivilgesellschaft\./,
      ),
    ).toBeVisible();
    expect(participation.getByText('kostenfrei')).toBeVisible();
    expect(fact('Plätze')).toBe('bis zu 32 Kommunen');
    expect(fact('Termin')).toBe('Donnerstag, 14. August 2031 bis Donnerstag, 6. November 2031');
  });

  it('shows a cancelled event with its reason at the top', async () => {
    memberGateway(
      loungeEvent({
        status: 'cancelled',
        cancellation: {
          reason: 'Der Saal steht nicht zur Verfügung.',
          cancelledAt: '2031-03-01T10:00:00.000Z',
        },
      }),
    );
    renderPage(`/veranstaltungen/${LOUNGE_ID}`);

    const notice = within(await screen.findByRole('region', { name: 'Diese Veranstaltung ist abgesagt' }));
    expect(notice.getByText('Der Saal steht nicht zur Verfügung.')).toBeVisible();
    expect(notice.getByText('Abgesagt am Samstag, 1. März 2031, 11:00 Uhr.')).toBeVisible();
    expect(fact('Stand der Anmeldung')).toBe('Abgesagt');
  });

  it('says in German that an event does not exist, with the way back to the list', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      [`GET /api/v1/events/${FORUM_ID}`]: {
        status: 404,
        body: { title: 'Veranstaltung nicht gefunden', status: 404 },
      },
    });
    renderPage(`/veranstaltungen/${FORUM_ID}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Veranstaltung nicht gefunden' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Zu allen Veranstaltungen' })).toHaveAttribute(
      'href',
      '/veranstaltungen',
    );
  });

  it('treats an address that is no event id as not found', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': noSession,
      'GET /api/v1/events/kein-termin': { status: 400, body: { title: 'Ungültige Anfrage', status: 400 } },
    });
    renderPage('/veranstaltungen/kein-termin');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Veranstaltung nicht gefunden' }),
    ).toBeVisible();
  });

  it('shows a visitor the event, what documents there are and how to sign in for them and the calendar', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': noSession,
      [`GET /api/v1/events/${FORUM_ID}`]: { body: forumEvent() },
    });
    renderPage(`/veranstaltungen/${FORUM_ID}`);

    expect(await screen.findByRole('heading', { level: 1, name: '24. Deutschlandforum' })).toBeVisible();
    const documents = within(screen.getByRole('region', { name: 'Unterlagen' }));
    expect(documents.getByText(/Mitglieder nach der Anmeldung/)).toBeVisible();
    expect(documents.getByText('Programm des Forums')).toBeVisible();
    expect(documents.queryByRole('link', { name: 'Programm des Forums' })).toBeNull();
    const signIn = `/anmelden?weiter=${encodeURIComponent(`/veranstaltungen/${FORUM_ID}`)}`;
    expect(
      documents.getByRole('link', { name: 'Anmelden, um die Unterlagen herunterzuladen' }),
    ).toHaveAttribute('href', signIn);
    const calendar = within(screen.getByRole('region', { name: 'Kalender' }));
    expect(calendar.queryByRole('link', { name: 'In meinen Kalender' })).toBeNull();
    expect(calendar.getByText(/Nach der Anmeldung im Portal/)).toBeVisible();
    const registration = within(await screen.findByRole('region', { name: 'Ihre Anmeldung' }));
    expect(await registration.findByRole('link', { name: /Anmeldung/ })).toHaveAttribute('href', signIn);
    // A member who is a speaker is named, not linked, for visitors.
    expect(screen.queryByRole('link', { name: 'Dr. Erika Muster' })).toBeNull();
    expect(screen.getByText('Dr. Erika Muster')).toBeVisible();
  });

  it('asks a visitor to sign in when the gateway shows the event to members only', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': noSession,
      [`GET /api/v1/events/${LOUNGE_ID}`]: {
        status: 401,
        body: { title: 'Bitte melden Sie sich an.', status: 401 },
      },
    });
    renderPage(`/veranstaltungen/${LOUNGE_ID}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Bitte melden Sie sich an' })).toBeVisible();
    const back = `/anmelden?weiter=${encodeURIComponent(`/veranstaltungen/${LOUNGE_ID}`)}`;
    expect(
      screen.getAllByRole('link', { name: 'Anmelden' }).map((link) => link.getAttribute('href')),
    ).toContain(back);
  });

  it('shows a loading state, then an error in German with a retry when the event cannot be loaded', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      [`GET /api/v1/events/${LOUNGE_ID}`]: {
        status: 503,
        body: { title: 'Der Dienst ist gerade nicht erreichbar.', status: 503 },
      },
    });
    renderPage(`/veranstaltungen/${LOUNGE_ID}`);

    expect(screen.getByRole('status')).toHaveTextContent(/geladen/);
    expect(await screen.findByRole('alert')).toHaveTextContent('Der Dienst ist gerade nicht erreichbar.');
    expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Zu allen Veranstaltungen' })).toBeVisible();
  });
});

describe(demoteHeadings.name, () => {
  it('moves the description’s headings two levels down, at most to h6', () => {
    expect(demoteHeadings('<h1 id="a">A</h1><h2>B</h2><h5>C</h5><hr><header>x</header>')).toBe(
      '<h3 id="a">A</h3><h4>B</h4><h6>C</h6><hr><header>x</header>',
    );
  });
});
