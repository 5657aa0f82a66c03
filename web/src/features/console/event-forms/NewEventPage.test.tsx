import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeGateway, renderPage, staffSession } from '../../../test/render';

const CREATED = '3f0c9a52-7d1e-4b8a-9c2f-1a2b3c4d5e6f';

/** What the events service answers for a created event (only what the form's page reads). */
const created = (title: string) => ({ status: 201, body: { eventId: CREATED, title, revision: 1 } });

function group(name: string, inside: HTMLElement = document.body) {
  return within(inside).getByRole('group', { name });
}

/** Native date and time inputs take their value in ISO form, as the browser hands it over. */
function setValue(input: HTMLElement, value: string) {
  fireEvent.change(input, { target: { value } });
}

beforeEach(() => {
  // „Mit der Ankündigung“ opens registration at the moment of saving: a fixed moment in winter time.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2027-01-10T08:15:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('NewEventPage: a new Innovators Lounge', () => {
  it('is filled in with the defaults stated, saved with Berlin times, and leads to the event page with a notice', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      'POST /api/v1/events/lounges': created('Innovators Lounge Ulm'),
    });
    const user = userEvent.setup();
    const { router } = renderPage('/geschaeftsstelle/veranstaltungen/neu/innovators-lounge');

    expect(await screen.findByRole('heading', { level: 1, name: 'Neue Innovators Lounge' })).toBeVisible();
    await user.type(screen.getByLabelText('Titel'), 'Innovators Lounge Ulm');
    await user.type(screen.getByLabelText('Thema des Abends'), 'Die smarte Stadt');
    await user.type(screen.getByLabelText('Beschreibung'), 'Ein Abend in Ulm.');
    await user.click(within(group('Themenfelder')).getByLabelText('Digitalisierung'));

    const when = group('Datum und Uhrzeit');
    expect(
      within(when).getByText('Eine Lounge ist ein Abend: vorbelegt von 18:00 bis 21:00 Uhr.'),
    ).toBeVisible();
    expect(within(when).getByLabelText('Beginn')).toHaveValue('18:00');
    expect(within(when).getByLabelText('Ende')).toHaveValue('21:00');
    setValue(within(when).getByLabelText('Datum'), '2027-04-15');

    const host = group('Gastgebende Kommune');
    await user.type(within(host).getByLabelText('Name der Kommune'), 'Ulm');
    await user.selectOptions(within(host).getByLabelText('Land'), 'Baden-Württemberg');
    await user.type(within(host).getByLabelText(/Amtlicher Gemeindeschlüssel/), '08421000');
    const venue = group('Veranstaltungsort');
    await user.type(within(venue).getByLabelText('Name'), 'Stadthaus Ulm');
    await user.type(within(venue).getByLabelText('Ort'), 'Ulm');
    // The venue's Land follows the host's.
    expect(within(venue).getByLabelText('Land')).toHaveValue('BW');

    // Registration closes three days before, at 23:59, until the office sets it.
    const closes = group('Anmeldeschluss');
    expect(within(closes).getByLabelText('Datum')).toHaveValue('2027-04-12');
    expect(within(closes).getByLabelText('Uhrzeit')).toHaveValue('23:59');
    expect(screen.getByLabelText('mit der Ankündigung')).toBeChecked();
    await user.click(screen.getByLabelText('nur Mitglieder mit einem der gewählten Themenfelder'));

    await user.click(screen.getByRole('button', { name: 'Lounge anlegen' }));

    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/geschaeftsstelle/veranstaltungen/${CREATED}`),
    );
    expect(router.state.location.state).toEqual({
      notice:
        '„Innovators Lounge Ulm“ ist als Entwurf angelegt. Prüfen Sie die Angaben und kündigen Sie die Veranstaltung an, wenn sie stimmt.',
    });
    expect(sent.find((request) => request.method === 'POST')?.body).toEqual({
      title: 'Innovators Lounge Ulm',
      description: 'Ein Abend in Ulm.',
      themes: ['Digitalisierung'],
      capacity: 40,
      registration: { opensAt: '2027-01-10T09:15:00+01:00', closesAt: '2027-04-12T23:59:00+02:00' },
      audience: 'members',
      announceTo: 'matching-themes',
      startsAt: '2027-04-15T18:00:00+02:00',
      endsAt: '2027-04-15T21:00:00+02:00',
      topic: 'Die smarte Stadt',
      host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
      venue: { name: 'Stadthaus Ulm', city: 'Ulm', federalState: 'BW' },
    });
  });

  it('checks the form before sending: a summary above with links to the fields, each error beside its field', async () => {
    const sent = fakeGateway({ 'GET /api/v1/auth/session': staffSession });
    const user = userEvent.setup();
    renderPage('/geschaeftsstelle/veranstaltungen/neu/innovators-lounge');

    await user.type(await screen.findByLabelText('Titel'), 'Ab');
    await user.click(screen.getByRole('button', { name: 'Lounge anlegen' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    expect(within(summary).getByText(/^Bitte korrigieren Sie die \d+ markierten Angaben\.$/)).toBeVisible();
    const titleLink = within(summary).getByRole('link', { name: /^Titel: Bitte geben Sie einen Titel/ });
    expect(
      within(summary).getByRole('link', { name: 'Beginn: Bitte geben Sie das Datum an.' }),
    ).toBeVisible();
    expect(screen.getByLabelText('Titel')).toHaveAccessibleDescription(
      /Bitte geben Sie einen Titel mit 3 bis 200 Zeichen an/,
    );
    expect(within(group('Datum und Uhrzeit')).getByLabelText('Datum')).toHaveAttribute(
      'aria-invalid',
      'true',
    );

    await user.click(titleLink);
    expect(screen.getByLabelText('Titel')).toHaveFocus();
    expect(sent.filter((request) => request.method === 'POST')).toEqual([]);
  });
});

describe('NewEventPage: a new Deutschlandforum', () => {
  it('adds agenda items and speakers as groups, moving the focus sensibly, and shows the service’s refusal beside the item', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      'GET /api/v1/members': {
        body: {
          items: [
            {
              id: '7d9f3c1e-1111-4222-8333-444455556666',
              firstName: 'Anna',
              lastName: 'Müller',
              organisation: 'Landeshauptstadt Kiel',
            },
          ],
          nextCursor: null,
        },
      },
      'POST /api/v1/events/forums': {
        status: 422,
        body: {
          type: 'about:blank',
          title: 'Regel nicht erfüllt',
          status: 422,
          detail: 'Die Angaben verletzen Regeln für diese Veranstaltung: sessions.0.startsAt.',
          errors: [
            {
              field: 'sessions.0.startsAt',
              message: '„Werkstatt Daten“ beginnt vor dem Forum (12.05.2027, 09:30 Uhr).',
            },
          ],
        },
      },
    });
    const user = userEvent.setup();
    renderPage('/geschaeftsstelle/veranstaltungen/neu/deutschlandforum');

    expect(await screen.findByRole('heading', { level: 1, name: 'Neues Deutschlandforum' })).toBeVisible();
    await user.type(screen.getByLabelText('Titel'), 'Deutschlandforum 2027');
    await user.type(screen.getByLabelText('Leitgedanke'), 'Kommune 2035');
    await user.type(screen.getByLabelText('Beschreibung'), 'Zwei Tage.');
    await user.click(within(group('Themenfelder')).getByLabelText('Partizipation'));
    setValue(within(group('Beginn')).getByLabelText('Datum'), '2027-05-12');
    // Two days: the end follows on the next day.
    expect(within(group('Ende')).getByLabelText('Datum')).toHaveValue('2027-05-13');
    const venue = group('Veranstaltungsort');
    await user.type(within(venue).getByLabelText('Name'), 'Kongresshaus');
    await user.type(within(venue).getByLabelText('Ort'), 'Bamberg');
    await user.selectOptions(within(venue).getByLabelText('Land'), 'Bayern');

    await user.click(screen.getByRole('button', { name: 'Workshop hinzufügen' }));
    const item = group('Programmpunkt 1');
    expect(within(item).getByLabelText('Art')).toHaveFocus();
    expect(within(item).getByLabelText('Art')).toHaveValue('workshop');
    await user.type(within(item).getByLabelText('Titel'), 'Werkstatt Daten');
    const itemWhen = within(item).getByRole('group', { name: 'Tag und Uhrzeit' });
    expect(within(itemWhen).getByLabelText('Datum')).toHaveValue('2027-05-12');
    setValue(within(itemWhen).getByLabelText('Beginn'), '08:00');
    setValue(within(itemWhen).getByLabelText('Ende'), '09:00');
    expect(within(item).getByLabelText('Plätze im Workshop')).toHaveValue('30');

    // A member as speaker, found by name; Enter searches and does not send the form.
    await user.type(within(item).getByLabelText('Mitglied als mitwirkende Person suchen'), 'Müller{Enter}');
    await user.click(
      await within(item).findByRole('button', { name: 'Anna Müller, Landeshauptstadt Kiel hinzufügen' }),
    );
    expect(within(item).getByLabelText('Mitglied als mitwirkende Person suchen')).toHaveFocus();
    expect(within(item).getByText('Anna Müller')).toBeVisible();
    // And an external speaker.
    await user.click(within(item).getByRole('button', { name: 'Externe Person hinzufügen' }));
    const external = within(item).getByRole('group', {
      name: 'Mitwirkende Person 2 – Externe Referentin oder externer Referent',
    });
    expect(within(external).getByLabelText(/^Name/)).toHaveFocus();
    await user.type(within(external).getByLabelText(/^Name/), 'Prof. Dr. Ada Beispiel');
    await user.type(within(external).getByLabelText('Organisation'), 'Hochschule Bamberg');

    // A second item, removed again: the focus goes back to „Programmpunkt hinzufügen“.
    await user.click(screen.getByRole('button', { name: 'Programmpunkt hinzufügen' }));
    await user.click(screen.getByRole('button', { name: 'Programmpunkt 2 entfernen' }));
    expect(screen.queryByRole('group', { name: /^Programmpunkt 2/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Programmpunkt hinzufügen' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Deutschlandforum anlegen' }));

    const refusedItem = group('Programmpunkt 1: Werkstatt Daten');
    expect(
      await within(refusedItem).findByText(
        '„Werkstatt Daten“ beginnt vor dem Forum (12.05.2027, 09:30 Uhr).',
      ),
    ).toBeVisible();
    expect(
      within(screen.getByRole('alert')).getByRole('link', {
        name: 'Programmpunkt 1: Beginn: „Werkstatt Daten“ beginnt vor dem Forum (12.05.2027, 09:30 Uhr).',
      }),
    ).toBeVisible();
    const body = sent.find((request) => request.method === 'POST')?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      startsAt: '2027-05-12T09:30:00+02:00',
      endsAt: '2027-05-13T16:00:00+02:00',
      leitgedanke: 'Kommune 2035',
      sessions: [
        {
          kind: 'workshop',
          title: 'Werkstatt Daten',
          startsAt: '2027-05-12T08:00:00+02:00',
          endsAt: '2027-05-12T09:00:00+02:00',
          capacity: 30,
          speakers: [
            { memberId: '7d9f3c1e-1111-4222-8333-444455556666' },
            { name: 'Prof. Dr. Ada Beispiel', organisation: 'Hochschule Bamberg' },
          ],
        },
      ],
    });
    expect(sent.find((request) => request.path.startsWith('/api/v1/members'))?.path).toBe(
      '/api/v1/members?q=M%C3%BCller&limit=8',
    );
  });
});

describe('NewEventPage: a new Kommunalzirkel', () => {
  it('has modules, one of them „Termin folgt“, a target group and delegation rules', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      'POST /api/v1/events/circles': created('Kommunen for future'),
    });
    const user = userEvent.setup();
    const { router } = renderPage('/geschaeftsstelle/veranstaltungen/neu/kommunalzirkel');

    expect(await screen.findByRole('heading', { level: 1, name: 'Neuer Kommunalzirkel' })).toBeVisible();
    await user.type(
      within(screen.getByRole('region', { name: 'Worum es geht' })).getByLabelText('Titel'),
      'Kommunen for future',
    );
    await user.type(screen.getByLabelText('Beschreibung'), 'Vier Module.');
    await user.click(within(group('Themenfelder')).getByLabelText('Klimaschutz'));

    const first = group('Modul 1');
    await user.type(within(first).getByLabelText('Titel'), 'Auftakt in Pegnitz');
    setValue(within(first).getByLabelText('Datum'), '2027-08-14');
    await user.click(screen.getByRole('button', { name: 'Modul hinzufügen' }));
    const second = group('Modul 2');
    expect(within(second).getByLabelText('Titel')).toHaveFocus();
    await user.type(within(second).getByLabelText('Titel'), 'Bilanz');
    await user.click(within(second).getByLabelText('Termin folgt'));
    expect(within(second).queryByLabelText('Datum')).toBeNull();
    await user.type(within(second).getByLabelText(/Voraussichtlich/), 'Frühjahr 2028');

    await user.click(within(group('Länder der Zielgruppe')).getByLabelText('Bayern'));
    await user.type(screen.getByLabelText(/Höchstens so viele Einwohnerinnen/), '25000');
    expect(screen.getByLabelText('Personen je Kommune')).toHaveValue('3');
    expect(within(group('Anmeldeschluss')).getByLabelText('Datum')).toHaveValue('2027-08-11');

    await user.click(screen.getByRole('button', { name: 'Kommunalzirkel anlegen' }));

    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/geschaeftsstelle/veranstaltungen/${CREATED}`),
    );
    expect(sent.find((request) => request.method === 'POST')?.body).toMatchObject({
      audience: 'target-group',
      targetGroup: { federalStates: ['BY'], maxPopulation: 25000 },
      modules: [
        {
          title: 'Modul 1: Auftakt in Pegnitz',
          startsAt: '2027-08-14T10:00:00+02:00',
          endsAt: '2027-08-14T16:00:00+02:00',
          guidingQuestions: [],
        },
        { title: 'Modul 2: Bilanz', dateNote: 'Frühjahr 2028', guidingQuestions: [] },
      ],
      delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration', 'civil-society'] },
      feeCents: 0,
    });
  });
});

describe('NewEventPage: an unknown kind', () => {
  it('says so and offers the three kinds', async () => {
    fakeGateway({ 'GET /api/v1/auth/session': staffSession });
    renderPage('/geschaeftsstelle/veranstaltungen/neu/sommerfest');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Diese Art von Veranstaltung gibt es nicht' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Neue Innovators Lounge' })).toHaveAttribute(
      'href',
      '/geschaeftsstelle/veranstaltungen/neu/innovators-lounge',
    );
    expect(screen.getByRole('link', { name: 'Zu allen Veranstaltungen' })).toBeVisible();
  });
});
