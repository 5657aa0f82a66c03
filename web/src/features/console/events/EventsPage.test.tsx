import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, renderPage, staffSession, type FakeRoute } from '../../../test/render';
import {
  CANCELLED_ID,
  LOUNGE_ID,
  cancelledSummary,
  circleSummary,
  loungeSummary,
} from '../../events/eventFixtures';
import type { EventSummary } from '../../events/eventTypes';

function stats(eventId: string, change: Record<string, unknown> = {}) {
  return {
    body: {
      eventId,
      eventStatus: 'registration-open',
      capacity: 50,
      confirmed: 37,
      waiting: 5,
      cancelled: 2,
      confirmedPeople: 37,
      interestedMembers: 3,
      interestedMunicipalities: 0,
      attendedPeople: 0,
      workshops: [],
      ...change,
    },
  };
}

function gateway(items: EventSummary[], list?: FakeRoute) {
  return fakeGateway({
    'GET /api/v1/auth/session': staffSession,
    'GET /api/v1/events': list ?? { body: { items, nextCursor: null } },
    [`GET /api/v1/events/${LOUNGE_ID}/registration-stats`]: stats(LOUNGE_ID),
    [`GET /api/v1/events/${CANCELLED_ID}/registration-stats`]: {
      status: 503,
      body: { title: 'Gerade nicht erreichbar', status: 503 },
    },
  });
}

const rowOf = (title: string) =>
  within(screen.getByRole('link', { name: title }).closest('tr') as HTMLElement);

describe('Console EventsPage', () => {
  it('lists every event with its kind, date, state, registration window and fill, drafts and cancelled ones too', async () => {
    const sent = gateway([
      loungeSummary({ status: 'registration-open' }),
      circleSummary({ status: 'draft' }),
      cancelledSummary(),
    ]);
    renderPage('/geschaeftsstelle/veranstaltungen');

    expect(await screen.findByRole('heading', { level: 1, name: 'Veranstaltungen' })).toBeVisible();
    const lounge = loungeSummary();
    expect(await screen.findByRole('link', { name: lounge.title })).toHaveAttribute(
      'href',
      `/geschaeftsstelle/veranstaltungen/${LOUNGE_ID}`,
    );
    const loungeRow = rowOf(lounge.title);
    expect(loungeRow.getByText('Innovators Lounge')).toBeVisible();
    expect(loungeRow.getByText('Anmeldung offen')).toBeVisible();
    expect(await loungeRow.findByText(/37 von 50/)).toBeVisible();
    expect(loungeRow.getByText('5 warten')).toBeVisible();
    expect(loungeRow.getByText(/^bis \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr$/)).toBeVisible();

    const circleRow = rowOf(circleSummary().title);
    expect(circleRow.getByText('Entwurf')).toBeVisible();
    expect(circleRow.getByText('0 von 32 Kommunen')).toBeVisible();

    const cancelledRow = rowOf(cancelledSummary().title);
    expect(cancelledRow.getByText('Abgesagt')).toBeVisible();
    expect(await cancelledRow.findByText('nicht abrufbar')).toBeVisible();

    expect(sent.find((request) => request.path.startsWith('/api/v1/events?'))?.path).toBe(
      '/api/v1/events?when=upcoming&limit=20',
    );
  });

  it('offers the three kinds as „Neue Veranstaltung“', async () => {
    gateway([]);
    renderPage('/geschaeftsstelle/veranstaltungen');

    const region = within(await screen.findByRole('region', { name: 'Neue Veranstaltung' }));
    expect(region.getByRole('link', { name: 'Deutschlandforum anlegen' })).toHaveAttribute(
      'href',
      '/geschaeftsstelle/veranstaltungen/neu/deutschlandforum',
    );
    expect(region.getByRole('link', { name: 'Innovators Lounge anlegen' })).toHaveAttribute(
      'href',
      '/geschaeftsstelle/veranstaltungen/neu/innovators-lounge',
    );
    expect(region.getByRole('link', { name: 'Kommunalzirkel anlegen' })).toHaveAttribute(
      'href',
      '/geschaeftsstelle/veranstaltungen/neu/kommunalzirkel',
    );
    expect(await screen.findByText(/Es gibt noch keine Veranstaltung/)).toBeVisible();
  });

  it('keeps the filters in the address with German names and asks the gateway with them', async () => {
    const sent = gateway([circleSummary({ status: 'draft' })]);
    const user = userEvent.setup();
    const { router } = renderPage('/geschaeftsstelle/veranstaltungen');
    await screen.findByRole('link', { name: circleSummary().title });

    await user.selectOptions(screen.getByLabelText('Art'), 'Kommunalzirkel');
    await user.selectOptions(screen.getByLabelText('Stand'), 'Entwurf');
    await user.selectOptions(screen.getByLabelText('Zeitraum'), 'Vergangene');
    await user.type(screen.getByLabelText('Von'), '1.6.2027');
    await user.click(screen.getByRole('button', { name: 'Filter anwenden' }));

    expect(router.state.location.search).toBe(
      '?art=kommunalzirkel&stand=entwurf&zeit=vergangen&von=2027-06-01',
    );
    await screen.findByRole('link', { name: 'Filter zurücksetzen' });
    expect(sent.map((request) => request.path)).toContain(
      '/api/v1/events?when=past&kind=kommunalzirkel&status=draft&from=2027-06-01&limit=20',
    );
  });

  it('explains a date it cannot read beside the field and sends nothing', async () => {
    const sent = gateway([]);
    const user = userEvent.setup();
    const { router } = renderPage('/geschaeftsstelle/veranstaltungen');
    await screen.findByText(/Es gibt noch keine Veranstaltung/);
    const before = sent.length;

    await user.type(screen.getByLabelText('Bis'), '31.2.2027');
    await user.click(screen.getByRole('button', { name: 'Filter anwenden' }));

    expect(screen.getByLabelText('Bis')).toHaveAccessibleDescription(
      'Datum wie 01.06.2027 Bitte geben Sie ein gültiges Datum ein, zum Beispiel 01.06.2027.',
    );
    expect(screen.getByLabelText('Bis')).toHaveFocus();
    expect(router.state.location.search).toBe('');
    expect(sent).toHaveLength(before);
  });

  it('says when nothing fits the filters, with the way back to all', async () => {
    gateway([]);
    renderPage('/geschaeftsstelle/veranstaltungen?stand=abgesagt');

    expect(await screen.findByText('Keine Veranstaltung passt zu diesen Filtern.')).toBeVisible();
    expect(screen.getAllByRole('link', { name: 'Filter zurücksetzen' })[0]).toHaveAttribute(
      'href',
      '/geschaeftsstelle/veranstaltungen',
    );
  });

  it('pages on with the next cursor', async () => {
    const sent = gateway([], (_request, url) =>
      url.searchParams.get('cursor')
        ? { body: { items: [circleSummary()], nextCursor: null } }
        : { body: { items: [loungeSummary()], nextCursor: 'weiter-1' } },
    );
    const user = userEvent.setup();
    renderPage('/geschaeftsstelle/veranstaltungen');
    await screen.findByRole('link', { name: loungeSummary().title });
    expect(screen.getByText('1 Veranstaltung angezeigt, weitere folgen')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Weitere anzeigen' }));

    expect(await screen.findByRole('link', { name: circleSummary().title })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Weitere anzeigen' })).not.toBeInTheDocument();
    expect(sent.map((request) => request.path)).toContain(
      '/api/v1/events?when=upcoming&limit=20&cursor=weiter-1',
    );
  });

  it('says in words when the list cannot be loaded', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      'GET /api/v1/events': {
        status: 503,
        body: { title: 'Der Dienst ist gerade nicht erreichbar.', status: 503 },
      },
    });
    renderPage('/geschaeftsstelle/veranstaltungen');

    expect(await screen.findByRole('alert')).toHaveTextContent('Der Dienst ist gerade nicht erreichbar.');
    expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeVisible();
  });
});
