import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/openapi';
import { fakeGateway, memberSession, renderPage } from '../../test/render';

type DirectoryEntry = components['schemas']['DirectoryEntryResponse'];

const ANNA = '00000000-0000-4000-8000-000000000001';

const anna: DirectoryEntry = {
  id: ANNA,
  salutation: 'Frau',
  academicTitle: 'Prof. Dr.',
  officeTitle: 'Oberbürgermeisterin',
  firstName: 'Anna',
  lastName: 'Muster',
  organisation: 'Stadt Lemgo',
  position: 'Leitung Smart City',
  sector: 'Kommune',
  federalState: 'NW',
  municipalityName: 'Lemgo',
  themes: ['Digitalisierung', 'Kooperation'],
  workingGroups: ['digitales', 'nachhaltigkeit'],
};

const groups = {
  body: [
    { id: 'digitales', name: 'Digitales', memberCount: 24 },
    { id: 'nachhaltigkeit', name: 'Nachhaltigkeit', memberCount: 17 },
  ],
};

describe('MemberPage', () => {
  it('shows a member as members see them, and leads back to the directory with the search kept', async () => {
    const user = userEvent.setup();
    fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/working-groups': groups,
      'GET /api/v1/members': { body: { items: [anna], nextCursor: null } },
      [`GET /api/v1/members/${ANNA}`]: { body: anna },
    });
    const { router } = renderPage('/mitglieder?suche=lemgo&land=NW');
    await user.click(await screen.findByRole('link', { name: 'Prof. Dr. Anna Muster' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Prof. Dr. Anna Muster' })).toBeVisible();
    const facts = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling;
    expect(facts('Amtsbezeichnung')).toHaveTextContent('Oberbürgermeisterin');
    expect(facts('Funktion')).toHaveTextContent('Leitung Smart City');
    expect(facts('Organisation')).toHaveTextContent('Stadt Lemgo');
    expect(facts('Kommune')).toHaveTextContent('Lemgo');
    expect(facts('Land')).toHaveTextContent('Nordrhein-Westfalen');
    expect(facts('Themenfelder')).toHaveTextContent('Digitalisierung, Kooperation');
    expect(facts('Arbeitsgruppen')).toHaveTextContent('Digitales, Nachhaltigkeit');
    expect(
      screen.getByText(/E-Mail-Adressen und Telefonnummern der Mitglieder zeigt das Verzeichnis nicht/),
    ).toBeVisible();
    expect(screen.queryByText('Das ist Ihr eigener Eintrag, so wie andere Mitglieder ihn sehen.')).toBeNull();

    await user.click(screen.getByRole('link', { name: 'Zurück zum Mitgliederverzeichnis' }));
    expect(router.state.location.pathname).toBe('/mitglieder');
    expect(router.state.location.search).toBe('?suche=lemgo&land=NW');
  });

  it('says that the member is not in the directory when the API does not know them', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/working-groups': groups,
      [`GET /api/v1/members/${ANNA}`]: {
        status: 404,
        body: { title: 'Nicht gefunden', status: 404, detail: 'Dieses Mitglied gibt es nicht.' },
      },
    });
    renderPage(`/mitglieder/${ANNA}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Mitglied nicht gefunden' })).toBeVisible();
    expect(screen.getByText(/Vielleicht ist die Mitgliedschaft beendet/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Zurück zum Mitgliederverzeichnis' })).toHaveAttribute(
      'href',
      '/mitglieder',
    );
  });

  it('shows the own entry as others see it, with the way to edit it', async () => {
    const self = { ...anna, id: 'mem_1' };
    fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/working-groups': groups,
      'GET /api/v1/members/mem_1': { body: self },
    });
    renderPage('/mitglieder/mem_1');
    const note = (
      await screen.findByText('Das ist Ihr eigener Eintrag, so wie andere Mitglieder ihn sehen.')
    ).closest('div');
    expect(within(note as HTMLElement).getByRole('link', { name: 'Ihr Profil bearbeiten' })).toHaveAttribute(
      'href',
      '/profil',
    );
  });
});
