import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, renderPage, staffSession, type FakeAnswer, type FakeRoute } from '../../../test/render';
import { memberRecord } from './testMembers';

const groups = { body: [{ id: 'digitales', name: 'Digitales', memberCount: 24 }] };

function gateway(members: FakeRoute | FakeAnswer) {
  return fakeGateway({
    'GET /api/v1/auth/session': staffSession,
    'GET /api/v1/working-groups': groups,
    'GET /api/v1/members': members,
  });
}

const memberRequests = (sent: { path: string }[]) =>
  sent.filter((request) => request.path.startsWith('/api/v1/members')).map((request) => request.path);

describe('Console MembersPage', () => {
  it('lists the members in a table with their state of membership, linking to each profile and to the groups', async () => {
    gateway({
      body: {
        items: [memberRecord(1), memberRecord(2, { status: 'inactive', leaveReason: 'ended-by-staff' })],
        nextCursor: null,
      },
    });
    renderPage('/geschaeftsstelle/mitglieder');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mitglieder' })).toBeVisible();
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByRole('link', { name: 'Anna 1 Muster' })).toHaveAttribute(
      'href',
      `/geschaeftsstelle/mitglieder/${memberRecord(1).id}`,
    );
    expect(within(rows[1]).getByText('Lemgo, Nordrhein-Westfalen')).toBeVisible();
    expect(within(rows[1]).getByText('aktiv')).toBeVisible();
    expect(within(rows[2]).getByText('beendet')).toBeVisible();
    expect(screen.getByText('2 Mitglieder gefunden.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Arbeitsgruppen verwalten' })).toHaveAttribute(
      'href',
      '/geschaeftsstelle/arbeitsgruppen',
    );
  });

  it('keeps search and filters in the address with German names and asks the API for exactly them', async () => {
    const user = userEvent.setup();
    const sent = gateway({ body: { items: [memberRecord(1)], nextCursor: null } });
    const { router } = renderPage('/geschaeftsstelle/mitglieder');
    const form = within(await screen.findByRole('search', { name: 'Suchen und filtern' }));
    await screen.findByRole('link', { name: 'Anna 1 Muster' });

    await user.type(form.getByRole('searchbox', { name: 'Name, Organisation oder Kommune' }), 'Lemgo');
    await user.selectOptions(form.getByRole('combobox', { name: 'Land' }), 'Nordrhein-Westfalen');
    await user.selectOptions(form.getByRole('combobox', { name: 'Sektor' }), 'Kommune');
    await user.selectOptions(form.getByRole('combobox', { name: 'Arbeitsgruppe' }), 'Digitales');
    await user.selectOptions(form.getByRole('combobox', { name: 'Mitgliedschaft' }), 'Nur beendete');
    await user.click(form.getByRole('button', { name: 'Suchen' }));

    await waitFor(() =>
      expect(router.state.location.search).toBe(
        '?suche=Lemgo&land=NW&sektor=Kommune&arbeitsgruppe=digitales&mitgliedschaft=beendet',
      ),
    );
    await waitFor(() =>
      expect(memberRequests(sent).at(-1)).toBe(
        '/api/v1/members?q=Lemgo&federalState=NW&sector=Kommune&workingGroup=digitales&status=inactive&limit=50',
      ),
    );
    expect(screen.getByRole('link', { name: 'Suche und Filter zurücksetzen' })).toBeVisible();
  });

  it('reads a link with filters and leaves out what the API would refuse', async () => {
    const sent = gateway({ body: { items: [], nextCursor: null } });
    renderPage('/geschaeftsstelle/mitglieder?land=XX&mitgliedschaft=aktiv&thema=Klima');
    expect(await screen.findByText(/Keine Mitglieder gefunden/)).toBeVisible();
    expect(memberRequests(sent).at(-1)).toBe('/api/v1/members?theme=Klima&status=active&limit=50');
  });

  it('loads the next page with „Weitere anzeigen“', async () => {
    const user = userEvent.setup();
    const sent = gateway((_request, url) =>
      url.searchParams.get('cursor')
        ? { body: { items: [memberRecord(3)], nextCursor: null } }
        : { body: { items: [memberRecord(1), memberRecord(2)], nextCursor: 'next-1' } },
    );
    renderPage('/geschaeftsstelle/mitglieder');
    expect(await screen.findByText(/2 Mitglieder angezeigt/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Weitere anzeigen' }));
    expect(await screen.findByRole('link', { name: 'Anna 3 Muster' })).toBeVisible();
    expect(screen.getByText('3 Mitglieder gefunden.')).toBeVisible();
    expect(memberRequests(sent).at(-1)).toBe('/api/v1/members?limit=50&cursor=next-1');
  });

  it('says in words when the list cannot be loaded, with a way to try again', async () => {
    gateway({ status: 503, body: { title: 'Der Dienst ist gerade nicht erreichbar.' } });
    renderPage('/geschaeftsstelle/mitglieder');
    expect(await screen.findByRole('alert')).toHaveTextContent('Der Dienst ist gerade nicht erreichbar.');
    expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeVisible();
  });
});
