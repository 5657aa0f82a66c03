import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/openapi';
import { fakeGateway, memberSession, renderPage, type FakeAnswer, type FakeRoute } from '../../test/render';

type DirectoryEntry = components['schemas']['DirectoryEntryResponse'];

function entry(index: number, change: Partial<DirectoryEntry> = {}): DirectoryEntry {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    salutation: 'Frau',
    firstName: `Anna ${index}`,
    lastName: 'Muster',
    organisation: 'Stadt Lemgo',
    officeTitle: 'Bürgermeisterin',
    sector: 'Kommune',
    federalState: 'NW',
    municipalityName: 'Lemgo',
    themes: ['Digitalisierung'],
    workingGroups: ['digitales'],
    ...change,
  };
}

const groups = { body: [{ id: 'digitales', name: 'Digitales', memberCount: 24 }] };

function directoryGateway(members: FakeRoute | FakeAnswer) {
  return fakeGateway({
    'GET /api/v1/auth/session': memberSession,
    'GET /api/v1/working-groups': groups,
    'GET /api/v1/members': members,
  });
}

const directoryRequests = (sent: { method: string; path: string }[]) =>
  sent.filter((request) => request.path.startsWith('/api/v1/members')).map((request) => request.path);

describe('DirectoryPage', () => {
  it('shows each member as a card with what members may see, linking to their page', async () => {
    directoryGateway({
      body: {
        items: [entry(1, { academicTitle: 'Dr.', themes: ['Digitalisierung', 'Klimaschutz'] })],
        nextCursor: null,
      },
    });
    renderPage('/mitglieder');
    const card = (await screen.findByRole('link', { name: 'Dr. Anna 1 Muster' })).closest('li');
    expect(card).not.toBeNull();
    const inCard = within(card as HTMLElement);
    expect(inCard.getByText('Bürgermeisterin, Stadt Lemgo')).toBeVisible();
    expect(inCard.getByText('Nordrhein-Westfalen')).toBeVisible();
    expect(inCard.getByText('Digitalisierung, Klimaschutz')).toBeVisible();
    expect(inCard.getByText('Digitales')).toBeVisible();
    expect(inCard.getByRole('link')).toHaveAttribute('href', `/mitglieder/${entry(1).id}`);
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('1 Mitglied gefunden.');
  });

  it('keeps the search and filters in the address and asks the API for exactly them', async () => {
    const user = userEvent.setup();
    const sent = directoryGateway({ body: { items: [entry(1)], nextCursor: null } });
    const { router } = renderPage('/mitglieder');
    const form = within(await screen.findByRole('search', { name: 'Suchen und filtern' }));
    await screen.findByRole('link', { name: 'Anna 1 Muster' });

    await user.type(form.getByRole('searchbox', { name: 'Name, Organisation oder Kommune' }), ' Kalletal ');
    await user.selectOptions(form.getByRole('combobox', { name: 'Land' }), 'Bayern');
    await user.selectOptions(form.getByRole('combobox', { name: 'Sektor' }), 'Wissenschaft');
    await user.selectOptions(form.getByRole('combobox', { name: 'Arbeitsgruppe' }), 'Digitales');
    await user.selectOptions(form.getByRole('combobox', { name: 'Themenfeld' }), 'Klimaschutz');
    await user.click(form.getByRole('button', { name: 'Suchen' }));

    await waitFor(() =>
      expect(router.state.location.search).toBe(
        '?suche=Kalletal&land=BY&sektor=Wissenschaft&arbeitsgruppe=digitales&thema=Klimaschutz',
      ),
    );
    await waitFor(() =>
      expect(directoryRequests(sent).at(-1)).toBe(
        '/api/v1/members?q=Kalletal&federalState=BY&sector=Wissenschaft&workingGroup=digitales&theme=Klimaschutz&limit=20',
      ),
    );
    expect(directoryRequests(sent)[0]).toBe('/api/v1/members?limit=20');
    // The results come into view for the next step.
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Ergebnisse' })).toHaveFocus());
    // With a search in place, the form offers the way back to the whole directory.
    expect(await screen.findByRole('link', { name: 'Suche und Filter zurücksetzen' })).toHaveAttribute(
      'href',
      '/mitglieder',
    );
  });

  it('opens with the search of a shared address and leaves out values the API would refuse', async () => {
    const sent = directoryGateway({ body: { items: [entry(1)], nextCursor: null } });
    renderPage('/mitglieder?suche=lemgo&land=XX&sektor=Kommune&thema=Unbekannt&arbeitsgruppe=Digitales!');
    const form = within(await screen.findByRole('search'));
    expect(form.getByRole('searchbox')).toHaveValue('lemgo');
    expect(form.getByRole('combobox', { name: 'Land' })).toHaveValue('');
    expect(form.getByRole('combobox', { name: 'Sektor' })).toHaveValue('Kommune');
    await screen.findByRole('link', { name: 'Anna 1 Muster' });
    expect(directoryRequests(sent)).toEqual(['/api/v1/members?q=lemgo&sector=Kommune&limit=20']);
  });

  it('shows 20 at a time and loads the next page with „Weitere anzeigen“, focusing the first new one', async () => {
    const user = userEvent.setup();
    const firstPage = Array.from({ length: 20 }, (_, index) => entry(index + 1));
    const sent = directoryGateway((_request, url) =>
      url.searchParams.get('cursor') === 'seite-2'
        ? { body: { items: [entry(21), entry(22)], nextCursor: null } }
        : { body: { items: firstPage, nextCursor: 'seite-2' } },
    );
    renderPage('/mitglieder?land=NW');
    await screen.findByRole('link', { name: 'Anna 20 Muster' });
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent(
      '20 Mitglieder angezeigt. Es gibt weitere',
    );

    await user.click(screen.getByRole('button', { name: 'Weitere anzeigen' }));
    const first = await screen.findByRole('link', { name: 'Anna 21 Muster' });
    await waitFor(() => expect(first).toHaveFocus());
    expect(screen.getAllByRole('listitem').filter((item) => item.closest('main'))).toHaveLength(22);
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('22 Mitglieder gefunden.');
    expect(screen.queryByRole('button', { name: 'Weitere anzeigen' })).not.toBeInTheDocument();
    expect(directoryRequests(sent)).toEqual([
      '/api/v1/members?federalState=NW&limit=20',
      '/api/v1/members?federalState=NW&limit=20&cursor=seite-2',
    ]);
  });

  it('says when nobody is found and resets search and filters with one click', async () => {
    const user = userEvent.setup();
    const sent = directoryGateway((_request, url) =>
      url.searchParams.has('q')
        ? { body: { items: [], nextCursor: null } }
        : { body: { items: [entry(1)], nextCursor: null } },
    );
    const { router } = renderPage('/mitglieder?suche=niemand&land=HB');
    expect(
      await screen.findByText(
        'Keine Mitglieder gefunden. Ändern Sie die Suche oder setzen Sie die Filter zurück.',
      ),
    ).toBeVisible();
    const resets = screen.getAllByRole('link', { name: 'Suche und Filter zurücksetzen' });
    await user.click(resets.at(-1) as HTMLElement);

    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(await screen.findByRole('link', { name: 'Anna 1 Muster' })).toBeVisible();
    expect(within(screen.getByRole('search')).getByRole('searchbox')).toHaveValue('');
    expect(directoryRequests(sent).at(-1)).toBe('/api/v1/members?limit=20');
  });

  it('explains a failed load and tries again', async () => {
    const user = userEvent.setup();
    let attempts = 0;
    directoryGateway(() => {
      attempts += 1;
      return attempts === 1
        ? { status: 504, body: { title: 'Zeitüberschreitung', status: 504 } }
        : { body: { items: [entry(1)], nextCursor: null } };
    });
    renderPage('/mitglieder');
    expect(await screen.findByRole('alert')).toHaveTextContent('Zeitüberschreitung');
    await user.click(screen.getByRole('button', { name: 'Erneut versuchen' }));
    expect(await screen.findByRole('link', { name: 'Anna 1 Muster' })).toBeVisible();
  });
});
