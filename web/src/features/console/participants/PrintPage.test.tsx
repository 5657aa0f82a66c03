import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeGateway, renderPage, staffSession, type FakeRoute } from '../../../test/render';
import { delegationRegistration, EVENT_ID, lounge, registration } from './participantFixtures';

const PATH = `/geschaeftsstelle/veranstaltungen/${EVENT_ID}/teilnehmende/druck`;

function gateway(participants: FakeRoute) {
  return fakeGateway({
    'GET /api/v1/auth/session': staffSession,
    [`GET /api/v1/events/${EVENT_ID}`]: { body: lounge() },
    [`GET /api/v1/events/${EVENT_ID}/participants`]: participants,
  });
}

const guest = (index: number) =>
  registration({
    registrant: {
      kind: 'guest',
      name: `Gast A${String.fromCharCode(65 + index)}`,
      organisation: 'Hochschule',
    },
  });

afterEach(() => vi.restoreAllMocks());

describe('Druckliste und Namensschilder (console)', () => {
  it('prints the door list of everyone confirmed, read page after page, by last name with a column to sign', async () => {
    const sent = gateway((_request, url) =>
      url.searchParams.get('cursor')
        ? { body: { items: [delegationRegistration()], nextCursor: null } }
        : { body: { items: [registration()], nextCursor: 'c2' } },
    );
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    renderPage(PATH);
    const user = userEvent.setup();

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Druckliste: Innovators Lounge Kiel' }),
    ).toBeVisible();
    const table = await screen.findByRole('table', {
      name: /Teilnehmende – Innovators Lounge Kiel, 04.03.2027/,
    });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'Nr.NameAmt / FunktionOrganisation / KommuneUnterschrift',
      '1Bernd AlbersVerwaltungKommune Pegnitz',
      '2Jürgen MüßigOberbürgermeisterStadt Görlitz',
      '3Anna ZellerBürgermeisterinKommune Pegnitz',
    ]);
    expect(
      sent.filter((request) => request.path.includes('/participants')).map((request) => request.path),
    ).toEqual([
      `/api/v1/events/${EVENT_ID}/participants?status=confirmed&limit=100`,
      `/api/v1/events/${EVENT_ID}/participants?status=confirmed&limit=100&cursor=c2`,
    ]);
    expect(screen.getByRole('link', { name: 'Zurück zur Teilnehmendenliste' })).toHaveAttribute(
      'href',
      `/geschaeftsstelle/veranstaltungen/${EVENT_ID}/teilnehmende`,
    );

    await user.click(screen.getByRole('button', { name: 'Drucken' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('lays out name badges eight to a sheet with name, office and municipality, the choice kept in the address', async () => {
    gateway(() => ({
      body: {
        items: [registration(), ...Array.from({ length: 8 }, (_, index) => guest(index))],
        nextCursor: null,
      },
    }));
    const { router } = renderPage(PATH);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('radio', { name: 'Namensschilder (8 je A4-Seite)' }));
    await waitFor(() => expect(router.state.location.search).toBe('?art=namensschilder'));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Namensschilder: Innovators Lounge Kiel' }),
    ).toBeVisible();
    const first = screen.getByRole('region', { name: 'Bogen 1 von 2' });
    const second = screen.getByRole('region', { name: 'Bogen 2 von 2' });
    expect(first.querySelectorAll('.name-badge')).toHaveLength(8);
    expect(second.querySelectorAll('.name-badge')).toHaveLength(1);
    expect(second).toHaveTextContent('Innovators ClubJürgen MüßigOberbürgermeisterGörlitz');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says when nobody has a confirmed place yet, without a print button', async () => {
    gateway(() => ({ body: { items: [], nextCursor: null } }));
    renderPage(`${PATH}?art=namensschilder`);

    expect(await screen.findByText(/Es gibt noch keine bestätigten Teilnehmenden/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Drucken' })).toBeNull();
    expect(screen.getByRole('radio', { name: 'Namensschilder (8 je A4-Seite)' })).toBeChecked();
  });
});
