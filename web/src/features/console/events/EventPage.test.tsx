import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, renderPage, staffSession, type FakeAnswer, type FakeRoute } from '../../../test/render';
import {
  CIRCLE_ID,
  FORUM_ID,
  LOUNGE_ID,
  circleEvent,
  forumEvent,
  loungeEvent,
} from '../../events/eventFixtures';
import type { ClubEvent } from '../../events/eventTypes';
import { actionsAllowed, whoIsTold } from './LifecyclePanel';

function statsOf(event: ClubEvent, change: Record<string, unknown> = {}): FakeAnswer {
  return {
    body: {
      eventId: event.eventId,
      eventStatus: event.status,
      capacity: event.capacity,
      confirmed: 37,
      waiting: 5,
      cancelled: 2,
      confirmedPeople: 37,
      interestedMembers: 12,
      interestedMunicipalities: 3,
      attendedPeople: 0,
      workshops: [],
      ...change,
    },
  };
}

function gateway(event: ClubEvent, extra: Record<string, FakeRoute | FakeAnswer> = {}) {
  return fakeGateway({
    'GET /api/v1/auth/session': staffSession,
    [`GET /api/v1/events/${event.eventId}`]: { body: event },
    [`GET /api/v1/events/${event.eventId}/registration-stats`]: statsOf(event),
    [`GET /api/v1/events/${event.eventId}/audience`]: {
      body: { eventId: event.eventId, announcement: 214, registrationOpened: 180 },
    },
    ...extra,
  });
}

const lifecycle = () => within(screen.getByRole('region', { name: 'Stand ändern' }));
const lifecycleLoaded = async () => within(await screen.findByRole('region', { name: 'Stand ändern' }));

describe('Console EventPage', () => {
  it('shows a forum as the office sees it: facts, Leitgedanke, agenda, figures, documents and the links onward', async () => {
    gateway(forumEvent({ status: 'announced' }));
    renderPage(`/geschaeftsstelle/veranstaltungen/${FORUM_ID}`);

    expect(await screen.findByRole('heading', { level: 1, name: '24. Deutschlandforum' })).toBeVisible();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    const links = within(screen.getByRole('navigation', { name: 'Zu dieser Veranstaltung' }));
    expect(links.getByRole('link', { name: 'Bearbeiten' })).toHaveAttribute(
      'href',
      `/geschaeftsstelle/veranstaltungen/${FORUM_ID}/bearbeiten`,
    );
    expect(links.getByRole('link', { name: 'Teilnehmende' })).toHaveAttribute(
      'href',
      `/geschaeftsstelle/veranstaltungen/${FORUM_ID}/teilnehmende`,
    );
    expect(links.getByRole('link', { name: 'Einlass' })).toHaveAttribute(
      'href',
      `/geschaeftsstelle/veranstaltungen/${FORUM_ID}/einlass`,
    );
    expect(links.getByRole('link', { name: 'Im Mitgliederportal ansehen' })).toHaveAttribute(
      'href',
      `/veranstaltungen/${FORUM_ID}`,
    );

    const facts = within(screen.getByRole('region', { name: 'Angaben' }));
    expect(facts.getByText('Angekündigt')).toBeVisible();
    expect(facts.getByText('Alle Mitglieder, die Ankündigungen erhalten möchten')).toBeVisible();
    expect(
      within(screen.getByRole('region', { name: 'Leitgedanke' })).getByText(/Kommune 2035/),
    ).toBeVisible();
    const agenda = within(screen.getByRole('region', { name: 'Programm' }));
    expect(agenda.getByRole('heading', { name: 'Werkstatt Daten' })).toBeVisible();
    // The console has no member directory of the portal to link a speaker to.
    expect(agenda.queryByRole('link', { name: 'Dr. Erika Muster' })).not.toBeInTheDocument();

    const figures = within(screen.getByRole('region', { name: 'Zahlen' }));
    expect(await figures.findByText('Angemeldet')).toBeVisible();
    expect(figures.getByText('Angemeldet').nextElementSibling).toHaveTextContent('37');
    expect(figures.getByText('Warteliste').nextElementSibling).toHaveTextContent('5');

    const documents = within(screen.getByRole('region', { name: 'Unterlagen' }));
    expect(documents.getByRole('link', { name: 'Programm des Forums' })).toHaveAttribute(
      'href',
      `/api/v1/events/${FORUM_ID}/documents/d-1`,
    );
    expect(lifecycle().getByRole('button', { name: 'Anmeldung jetzt öffnen' })).toBeVisible();
    expect(lifecycle().getByRole('button', { name: 'Absagen' })).toBeVisible();
    expect(lifecycle().queryByRole('button', { name: 'Ankündigen' })).not.toBeInTheDocument();
  });

  it("shows a Kommunalzirkel's modules, target group and delegation rule", async () => {
    gateway(circleEvent({ status: 'announced' }));
    renderPage(`/geschaeftsstelle/veranstaltungen/${CIRCLE_ID}`);

    const modules = within(await screen.findByRole('region', { name: 'Module' }));
    expect(modules.getByRole('heading', { name: 'Modul 4: Bilanz' })).toBeVisible();
    expect(modules.getAllByText(/^Termin folgt/)).toHaveLength(2);
    const participation = within(screen.getByRole('region', { name: 'Zielgruppe und Teilnahme' }));
    expect(participation.getByText(/Bis zu 3 Personen je Kommune/)).toBeVisible();
    expect(
      within(screen.getByRole('region', { name: 'Angaben' })).getByText(
        'Die Zielgruppe (siehe „Zielgruppe und Teilnahme“)',
      ),
    ).toBeVisible();
  });

  it('announces a Kommunalzirkel after saying how many members of the target group get the mail', async () => {
    const event = circleEvent({ status: 'draft' });
    const sent = gateway(event, {
      [`POST /api/v1/events/${CIRCLE_ID}/announce`]: { body: { ...event, status: 'announced' } },
    });
    const user = userEvent.setup();
    renderPage(`/geschaeftsstelle/veranstaltungen/${CIRCLE_ID}`);

    // A draft: not in the portal, nobody registered yet.
    expect(screen.queryByRole('link', { name: 'Im Mitgliederportal ansehen' })).not.toBeInTheDocument();
    expect(
      within(await screen.findByRole('region', { name: 'Zahlen' })).getByText(/^Noch keine Anmeldungen/),
    ).toBeVisible();
    await user.click((await lifecycleLoaded()).getByRole('button', { name: 'Ankündigen' }));

    const dialog = within(screen.getByRole('dialog', { name: 'Veranstaltung ankündigen?' }));
    expect(
      await dialog.findByText(
        'Alle 214 Mitglieder der Zielgruppe, die Ankündigungen erhalten möchten, erhalten eine Ankündigung per E-Mail.',
      ),
    ).toBeVisible();
    expect(dialog.getByText(/^Die Ankündigung nennt den Anmeldebeginn am \d{2}\.\d{2}\.\d{4}/)).toBeVisible();
    await user.click(dialog.getByRole('button', { name: 'Ja, jetzt ankündigen' }));

    expect(await screen.findByText(/Die Veranstaltung ist angekündigt/)).toBeVisible();
    expect(lifecycle().getByRole('button', { name: 'Anmeldung jetzt öffnen' })).toBeVisible();
    expect(lifecycle().queryByRole('button', { name: 'Ankündigen' })).not.toBeInTheDocument();
    const announce = sent.find((request) => request.method === 'POST');
    expect(announce?.path).toBe(`/api/v1/events/${CIRCLE_ID}/announce`);
    expect(announce?.headers.get('X-CSRF-Token')).toBe('csrf-of-the-test');
  });

  it('cancels with a reason, after naming the registered and waiting who get it', async () => {
    const event = loungeEvent({ status: 'registration-open' });
    const sent = gateway(event, {
      [`POST /api/v1/events/${LOUNGE_ID}/cancel`]: (request) => ({
        body: {
          ...event,
          status: 'cancelled',
          cancellation: { reason: 'Der Gastgeber ist erkrankt.', cancelledAt: '2030-12-05T10:00:00.000Z' },
        },
        status: request.method === 'POST' ? 200 : 500,
      }),
    });
    const user = userEvent.setup();
    renderPage(`/geschaeftsstelle/veranstaltungen/${LOUNGE_ID}`);

    await user.click((await lifecycleLoaded()).getByRole('button', { name: 'Absagen' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Veranstaltung absagen?' }));
    expect(
      await dialog.findByText(
        'Die 37 Angemeldeten und 5 Wartenden erhalten eine Absage mit Ihrer Begründung per E-Mail.',
      ),
    ).toBeVisible();

    await user.click(dialog.getByRole('button', { name: 'Ja, absagen' }));
    expect(dialog.getByLabelText('Begründung')).toHaveAccessibleDescription(
      /Bitte geben Sie eine Begründung ein\./,
    );
    expect(sent.filter((request) => request.method === 'POST')).toHaveLength(0);

    await user.type(dialog.getByLabelText('Begründung'), 'Der Gastgeber ist erkrankt.');
    await user.click(dialog.getByRole('button', { name: 'Ja, absagen' }));

    expect(await screen.findByText(/Die Veranstaltung ist abgesagt/)).toBeVisible();
    expect(sent.find((request) => request.method === 'POST')?.body).toEqual({
      reason: 'Der Gastgeber ist erkrankt.',
    });
    expect(screen.getByRole('region', { name: 'Abgesagt' })).toHaveTextContent(
      'Grund: Der Gastgeber ist erkrankt.',
    );
    expect(lifecycle().queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryByRole('link', { name: 'Bearbeiten' })).not.toBeInTheDocument();
  });

  it('shows a refusal of the events service in words inside the question', async () => {
    const event = loungeEvent({ status: 'announced' });
    gateway(event, {
      [`POST /api/v1/events/${LOUNGE_ID}/open-registration`]: {
        status: 409,
        body: { title: 'Konflikt', status: 409, detail: 'Die Anmeldung ist bereits geöffnet.' },
      },
    });
    const user = userEvent.setup();
    renderPage(`/geschaeftsstelle/veranstaltungen/${LOUNGE_ID}`);

    await user.click((await lifecycleLoaded()).getByRole('button', { name: 'Anmeldung jetzt öffnen' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Anmeldung vorzeitig öffnen?' }));
    expect(
      await dialog.findByText(
        '180 Mitglieder, denen die Ankündigung einen späteren Anmeldebeginn nannte, erhalten die Nachricht „Anmeldung geöffnet“.',
      ),
    ).toBeVisible();
    expect(dialog.getByText(/Wer Interesse bekundet hat \(12 Mitglieder, 3 Kommunen\)/)).toBeVisible();
    await user.click(dialog.getByRole('button', { name: 'Ja, Anmeldung öffnen' }));

    expect(await dialog.findByRole('alert')).toHaveTextContent('Die Anmeldung ist bereits geöffnet.');
  });

  it('uploads a programme PDF as multipart form and lists it', async () => {
    const event = loungeEvent({ status: 'draft' });
    const uploaded = {
      documentId: 'd-9',
      kind: 'programme',
      title: 'Programm',
      fileName: 'programm.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 12,
      sha256: 'b'.repeat(64),
      uploadedAt: '2030-12-05T10:00:00.000Z',
      href: `/api/v1/events/${LOUNGE_ID}/documents/d-9`,
    } as const;
    let stored = event;
    const sent = fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      [`GET /api/v1/events/${LOUNGE_ID}`]: () => ({ body: stored }),
      [`GET /api/v1/events/${LOUNGE_ID}/registration-stats`]: statsOf(event),
      [`POST /api/v1/events/${LOUNGE_ID}/documents`]: () => {
        stored = { ...event, documents: [uploaded] };
        return { status: 201, body: uploaded };
      },
    });
    const user = userEvent.setup();
    renderPage(`/geschaeftsstelle/veranstaltungen/${LOUNGE_ID}`);
    const documents = within(await screen.findByRole('region', { name: 'Unterlagen' }));
    expect(documents.getByText('Zu dieser Veranstaltung gibt es noch keine Unterlagen.')).toBeVisible();

    await user.upload(
      documents.getByLabelText('Datei'),
      new File(['%PDF-1.4 test'], 'programm.pdf', { type: 'application/pdf' }),
    );
    await user.click(documents.getByRole('button', { name: 'Hochladen' }));

    expect(await documents.findByText('„Programm“ wurde hochgeladen.')).toBeVisible();
    expect(await documents.findByRole('link', { name: 'Programm' })).toBeVisible();
    const upload = sent.find((request) => request.method === 'POST');
    expect(upload?.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    // (jsdom's file reaches the fake gateway without its name and content; the browser test sends a real one.)
    expect(upload?.body).toEqual(expect.stringContaining('name="file"'));
    expect(upload?.body).toEqual(expect.stringContaining('Content-Type: application/pdf'));
    expect(upload?.body).toEqual(expect.stringContaining('name="title"\r\n\r\nProgramm'));
    expect(upload?.body).toEqual(expect.stringContaining('name="kind"\r\n\r\nprogramme'));
  });

  it('refuses a programme that is not a PDF beside the field, without sending it', async () => {
    const sent = gateway(loungeEvent({ status: 'draft' }));
    const user = userEvent.setup({ applyAccept: false });
    renderPage(`/geschaeftsstelle/veranstaltungen/${LOUNGE_ID}`);
    const documents = within(await screen.findByRole('region', { name: 'Unterlagen' }));

    await user.upload(documents.getByLabelText('Datei'), new File(['x'], 'bild.png', { type: 'image/png' }));
    await user.click(documents.getByRole('button', { name: 'Hochladen' }));

    expect(documents.getByLabelText('Datei')).toHaveAccessibleDescription(/Ein Programm muss ein PDF sein\./);
    expect(sent.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('shows the gateway’s refusal of a too large file beside the field', async () => {
    gateway(loungeEvent({ status: 'draft' }), {
      [`POST /api/v1/events/${LOUNGE_ID}/documents`]: {
        status: 413,
        body: {
          title: 'Zu groß',
          status: 413,
          detail: 'Die Datei ist zu groß. Erlaubt sind höchstens 20 MB je Datei.',
        },
      },
    });
    const user = userEvent.setup();
    renderPage(`/geschaeftsstelle/veranstaltungen/${LOUNGE_ID}`);
    const documents = within(await screen.findByRole('region', { name: 'Unterlagen' }));

    await user.upload(
      documents.getByLabelText('Datei'),
      new File(['%PDF-'], 'p.pdf', { type: 'application/pdf' }),
    );
    await user.click(documents.getByRole('button', { name: 'Hochladen' }));

    expect(await documents.findByText(/Die Datei ist größer als 20 MB/)).toBeVisible();
  });

  it('removes a document after asking', async () => {
    const event = forumEvent({ status: 'announced' });
    const sent = gateway(event, {
      [`DELETE /api/v1/events/${FORUM_ID}/documents/d-1`]: { body: { ...event, documents: [] } },
    });
    const user = userEvent.setup();
    renderPage(`/geschaeftsstelle/veranstaltungen/${FORUM_ID}`);

    await user.click(await screen.findByRole('button', { name: '„Programm des Forums“ entfernen' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Dokument entfernen?' }));
    await user.click(dialog.getByRole('button', { name: 'Ja, entfernen' }));

    expect(await screen.findByText('„Programm des Forums“ wurde entfernt.')).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Programm des Forums' })).not.toBeInTheDocument();
    expect(sent.some((request) => request.method === 'DELETE')).toBe(true);
  });

  it('says when the event does not exist, with the way back', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      [`GET /api/v1/events/${LOUNGE_ID}`]: { status: 404, body: { title: 'Nicht gefunden', status: 404 } },
    });
    renderPage(`/geschaeftsstelle/veranstaltungen/${LOUNGE_ID}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Veranstaltung nicht gefunden' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Zurück zu allen Veranstaltungen' })).toHaveAttribute(
      'href',
      '/geschaeftsstelle/veranstaltungen',
    );
  });
});

describe('actionsAllowed', () => {
  const now = new Date('2031-12-01T00:00:00Z');

  it('follows the lifecycle rules of the events service', () => {
    expect(actionsAllowed(loungeEvent({ status: 'draft' }), now)).toEqual(['announce', 'cancel']);
    expect(actionsAllowed(loungeEvent({ status: 'announced' }), now)).toEqual([
      'open-registration',
      'cancel',
    ]);
    expect(actionsAllowed(loungeEvent({ status: 'held' }), now)).toEqual([]);
    expect(actionsAllowed(loungeEvent({ status: 'cancelled' }), now)).toEqual([]);
  });

  it('offers „stattgefunden“ only after the end, and never for a series with a module without a date', () => {
    const ended = loungeEvent({ status: 'registration-closed', endsAt: '2031-06-01T18:00:00+02:00' });
    expect(actionsAllowed(ended, now)).toEqual(['mark-held', 'cancel']);
    expect(actionsAllowed(ended, new Date('2031-05-01T00:00:00Z'))).toEqual(['cancel']);
    expect(actionsAllowed(circleEvent({ status: 'registration-closed' }), new Date('2040-01-01'))).toEqual([
      'cancel',
    ]);
  });
});

describe('whoIsTold', () => {
  const audience = { eventId: LOUNGE_ID, announcement: 1, registrationOpened: 0 };

  it('words an announcement to members with matching themes, and one whose registration is already open', () => {
    const event = loungeEvent({ status: 'draft', announceTo: 'matching-themes' });
    expect(whoIsTold(event, 'announce', audience, undefined, new Date('2100-01-01'))).toEqual([
      'Das 1 Mitglied mit einem passenden Themenfeld, die Ankündigungen erhalten möchten, erhält eine Ankündigung per E-Mail.',
      'Die Ankündigung sagt, dass die Anmeldung schon offen ist.',
    ]);
  });

  it('tells nobody when a draft is cancelled or registration closes', () => {
    expect(whoIsTold(loungeEvent({ status: 'draft' }), 'cancel', undefined, undefined)).toEqual([
      'Der Entwurf war für Mitglieder nie sichtbar; niemand wird benachrichtigt.',
    ]);
    const stats = {
      eventId: LOUNGE_ID,
      eventStatus: 'registration-open' as const,
      capacity: 10,
      confirmed: 1,
      waiting: 0,
      cancelled: 0,
      confirmedPeople: 1,
      interestedMembers: 0,
      interestedMunicipalities: 0,
      attendedPeople: 0,
      workshops: [],
    };
    expect(whoIsTold(loungeEvent(), 'close-registration', undefined, stats)[0]).toMatch(
      /^Niemand wird benachrichtigt\./,
    );
  });
});
