import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, renderPage, staffSession } from '../../../test/render';

const ID = '5b1d0c3e-2f4a-4b6c-8d9e-0a1b2c3d4e5f';
const PATH = `/geschaeftsstelle/veranstaltungen/${ID}/bearbeiten`;

function circle(status: string) {
  return {
    eventId: ID,
    kind: 'kommunalzirkel',
    status,
    revision: 4,
    title: 'Kommunen for future',
    summary: 'Für Bayern.',
    description: 'Vier Module.',
    descriptionHtml: '<p>Vier Module.</p>',
    themes: ['Klimaschutz'],
    capacity: 32,
    audience: 'target-group',
    announceTo: 'all-members',
    targetGroup: { federalStates: ['BY'], maxPopulation: 25000 },
    registration: { opensAt: '2027-01-10T09:00:00+01:00', closesAt: '2027-08-11T23:59:00+02:00' },
    startsAt: '2027-08-14T10:00:00+02:00',
    endsAt: '2027-08-14T16:00:00+02:00',
    circle: {
      modules: [
        {
          moduleId: 'a1a1a1a1-1111-4111-8111-111111111111',
          title: 'Modul 1: Auftakt in Pegnitz',
          startsAt: '2027-08-14T08:00:00Z',
          endsAt: '2027-08-14T14:00:00Z',
          place: 'Rathaus Pegnitz',
          guidingQuestions: ['Wo stehen wir?'],
        },
        {
          moduleId: 'b2b2b2b2-2222-4222-8222-222222222222',
          title: 'Modul 2: Bilanz',
          dateNote: 'Frühjahr 2028',
          guidingQuestions: [],
        },
      ],
      delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration'] },
      feeCents: 0,
      feeNote: 'inklusive Verpflegung',
    },
    federalStates: ['BY'],
    documents: [],
    calendarHref: `/api/v1/events/${ID}/calendar.ics`,
    createdAt: '2027-01-01T10:00:00Z',
    updatedAt: '2027-01-02T10:00:00Z',
  };
}

describe('EditEventPage', () => {
  it('fills the form with the event in Berlin time, dates the open module and saves only with the modules’ ids', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      [`GET /api/v1/events/${ID}`]: { body: circle('registration-open') },
      [`PATCH /api/v1/events/circles/${ID}`]: { body: { ...circle('registration-open'), revision: 5 } },
    });
    const user = userEvent.setup();
    const { router } = renderPage(PATH);

    expect(
      await screen.findByRole('heading', { level: 1, name: '„Kommunen for future“ bearbeiten' }),
    ).toBeVisible();
    // Published: what a change tells whom, before anything is saved.
    expect(
      screen.getByText(/Die Veranstaltung ist bereits veröffentlicht \(Stand: Anmeldung offen\)/),
    ).toBeVisible();
    expect(
      screen.getByText(/erhalten alle Angemeldeten und alle auf der Warteliste eine E-Mail/),
    ).toBeVisible();
    // Once announced, registration can no longer open „mit der Ankündigung“.
    expect(screen.queryByLabelText('mit der Ankündigung')).toBeNull();

    const first = screen.getByRole('group', { name: 'Modul 1: Auftakt in Pegnitz' });
    expect(within(first).getByLabelText('Datum')).toHaveValue('2027-08-14');
    expect(within(first).getByLabelText('Beginn')).toHaveValue('10:00');
    const second = screen.getByRole('group', { name: 'Modul 2: Bilanz' });
    expect(within(second).getByLabelText('Termin folgt')).toBeChecked();
    expect(within(second).getByLabelText(/Voraussichtlich/)).toHaveValue('Frühjahr 2028');

    await user.click(within(second).getByLabelText('Termin steht fest'));
    const secondWhen = within(second).getByRole('group', { name: 'Datum und Uhrzeit' });
    await user.type(within(secondWhen).getByLabelText('Datum'), '2027-11-07');
    await user.click(screen.getByRole('button', { name: 'Änderungen speichern' }));

    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/geschaeftsstelle/veranstaltungen/${ID}`),
    );
    expect(router.state.location.state).toEqual({
      notice: 'Ihre Änderungen an „Kommunen for future“ sind gespeichert.',
    });
    const patch = sent.find((request) => request.method === 'PATCH')?.body;
    expect(patch).toMatchObject({
      summary: 'Für Bayern.',
      registration: { opensAt: '2027-01-10T09:00:00+01:00', closesAt: '2027-08-11T23:59:00+02:00' },
      targetGroup: { federalStates: ['BY'], maxPopulation: 25000 },
      modules: [
        {
          moduleId: 'a1a1a1a1-1111-4111-8111-111111111111',
          startsAt: '2027-08-14T10:00:00+02:00',
          endsAt: '2027-08-14T16:00:00+02:00',
          place: 'Rathaus Pegnitz',
          guidingQuestions: ['Wo stehen wir?'],
        },
        {
          moduleId: 'b2b2b2b2-2222-4222-8222-222222222222',
          title: 'Modul 2: Bilanz',
          // The seventh of November is in winter time again.
          startsAt: '2027-11-07T10:00:00+01:00',
          endsAt: '2027-11-07T16:00:00+01:00',
        },
      ],
      delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration'] },
      feeNote: 'inklusive Verpflegung',
    });
    expect((patch as { modules: object[] }).modules[1]).not.toHaveProperty('dateNote');
  });

  it('shows the service’s refusal of a change in words (the event changed meanwhile)', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      [`GET /api/v1/events/${ID}`]: { body: circle('draft') },
      [`PATCH /api/v1/events/circles/${ID}`]: {
        status: 409,
        body: {
          type: 'about:blank',
          title: 'Konflikt',
          status: 409,
          detail: 'Die Veranstaltung hat den Status „Abgesagt“ und kann nicht mehr geändert werden.',
        },
      },
    });
    const user = userEvent.setup();
    renderPage(PATH);

    await user.click(await screen.findByRole('button', { name: 'Änderungen speichern' }));
    expect(
      await screen.findByText(
        'Die Veranstaltung hat den Status „Abgesagt“ und kann nicht mehr geändert werden.',
      ),
    ).toBeVisible();
    // A draft may still open registration with its announcement.
    expect(screen.getByLabelText('mit der Ankündigung')).toBeInTheDocument();
  });

  it('explains that a held or cancelled event cannot change, with the way back', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      [`GET /api/v1/events/${ID}`]: { body: circle('held') },
    });
    renderPage(PATH);

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: '„Kommunen for future“ lässt sich nicht mehr ändern',
      }),
    ).toBeVisible();
    expect(screen.getByText(/Die Veranstaltung ist „Stattgefunden“/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Änderungen speichern' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Zurück zur Veranstaltung' })).toHaveAttribute(
      'href',
      `/geschaeftsstelle/veranstaltungen/${ID}`,
    );
  });

  it('says when the event does not exist', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      [`GET /api/v1/events/${ID}`]: {
        status: 404,
        body: {
          type: 'about:blank',
          title: 'Nicht gefunden',
          status: 404,
          detail: 'Diese Veranstaltung gibt es nicht.',
        },
      },
    });
    renderPage(PATH);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Veranstaltung nicht gefunden' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Zu allen Veranstaltungen' })).toBeVisible();
  });
});
