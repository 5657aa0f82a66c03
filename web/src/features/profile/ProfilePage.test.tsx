import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/openapi';
import { fakeGateway, memberSession, noSession, renderPage, type FakeRoute } from '../../test/render';

type OwnProfile = components['schemas']['MemberResponse'];
type WorkingGroup = components['schemas']['WorkingGroupResponse'];

function ownProfile(change: Partial<OwnProfile> = {}): OwnProfile {
  return {
    id: 'mem_1',
    status: 'active',
    salutation: 'Herr',
    academicTitle: 'Dr.',
    officeTitle: 'Bürgermeister',
    firstName: 'Jonas',
    lastName: 'Beispiel',
    organisation: 'Gemeinde Kalletal',
    email: 'jonas.beispiel@kalletal.example',
    phone: '+49 5264 644-0',
    position: 'Leitung Digitalisierung',
    sector: 'Kommune',
    federalState: 'NW',
    municipality: { name: 'Kalletal', ags: '05766040', population: 13900 },
    themes: ['Digitalisierung', 'Klimaschutz'],
    biography: 'Smart City mit Lemgo.',
    workingGroups: ['digitales'],
    joinedAt: '2026-11-21T10:00:00.000Z',
    announcementsOptOut: false,
    ...change,
  };
}

const groups: WorkingGroup[] = [
  {
    id: 'digitales',
    name: 'Digitales',
    description: 'Digitale Verwaltung und smarte Kommunen.',
    memberCount: 24,
  },
  { id: 'nachhaltigkeit', name: 'Nachhaltigkeit', memberCount: 17 },
];

/** The gateway of a signed-in member whose profile changes as the service would change it. */
function memberGateway(extra: Record<string, FakeRoute | { status?: number; body?: unknown }> = {}) {
  let profile = ownProfile();
  let signedIn = true;
  const sent = fakeGateway({
    'GET /api/v1/auth/session': () => (signedIn ? memberSession : noSession),
    'DELETE /api/v1/auth/session': () => {
      signedIn = false;
      return { status: 204 };
    },
    'GET /api/v1/members/me': () => ({ body: profile }),
    'GET /api/v1/working-groups': { body: groups },
    'GET /api/v1/events': { body: { items: [], nextCursor: null } },
    'PATCH /api/v1/members/me': () => {
      const change = sent.at(-1)?.body as Record<string, unknown>;
      const next: Record<string, unknown> = { ...profile };
      for (const [field, value] of Object.entries(change)) {
        if (value === null || value === '') delete next[field];
        else next[field] = value;
      }
      profile = next as OwnProfile;
      return { body: profile };
    },
    'PUT /api/v1/members/me/working-groups/nachhaltigkeit': () => {
      profile = { ...profile, workingGroups: [...profile.workingGroups, 'nachhaltigkeit'] };
      return { body: profile };
    },
    'DELETE /api/v1/members/me/working-groups/digitales': () => {
      profile = { ...profile, workingGroups: profile.workingGroups.filter((id) => id !== 'digitales') };
      return { body: profile };
    },
    ...extra,
  });
  return sent;
}

async function openProfile() {
  const view = renderPage('/profil');
  expect(await screen.findByRole('heading', { level: 1, name: 'Mein Profil' })).toBeVisible();
  return view;
}

function section(name: string) {
  return within(screen.getByRole('region', { name }));
}

describe('ProfilePage', () => {
  it('shows the own profile and saves only what changed, clearing an emptied field', async () => {
    const user = userEvent.setup();
    const sent = memberGateway();
    await openProfile();
    expect(screen.getByText('Dr. Jonas Beispiel · Bürgermeister, Gemeinde Kalletal')).toBeVisible();

    const form = section('Ihre Angaben');
    expect(form.getByRole('combobox', { name: 'Anrede' })).toHaveValue('Herr');
    expect(form.getByRole('option', { name: 'Keine Anrede' })).toBeInTheDocument();
    await user.clear(form.getByRole('textbox', { name: /Telefon/ }));
    await user.clear(form.getByRole('textbox', { name: /Funktion/ }));
    await user.type(form.getByRole('textbox', { name: /Funktion/ }), '  Digitalbeauftragter ');
    await user.click(form.getByRole('checkbox', { name: 'Bildung' }));
    await user.click(form.getByRole('checkbox', { name: 'Klimaschutz' }));
    await user.click(form.getByRole('button', { name: 'Angaben speichern' }));

    expect(await form.findByText('Ihre Angaben sind gespeichert.')).toBeVisible();
    const patches = sent.filter((request) => request.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0]?.body).toEqual({
      phone: null,
      position: 'Digitalbeauftragter',
      themes: ['Digitalisierung', 'Bildung'],
    });
    expect(patches[0]?.headers.get('X-CSRF-Token')).toBe('csrf-of-the-test');
    // What the club stores shows the saved values.
    const stored = section('Was wir über Sie speichern');
    expect(stored.getByText('Digitalbeauftragter')).toBeVisible();
    expect(stored.getByText('Digitalisierung, Bildung')).toBeVisible();

    await user.click(form.getByRole('button', { name: 'Angaben speichern' }));
    expect(await form.findByText(/Sie haben nichts geändert/)).toBeVisible();
    expect(sent.filter((request) => request.method === 'PATCH')).toHaveLength(1);
  });

  it('shows a refused field beside the field, in words, without the API’s field names', async () => {
    const user = userEvent.setup();
    memberGateway({
      'PATCH /api/v1/members/me': {
        status: 400,
        body: {
          title: 'Ungültige Eingabe',
          status: 400,
          detail: 'Die Anfrage enthält ungültige Felder: phone.',
          errors: [
            { field: 'phone', message: 'phone darf nur Ziffern, Leerzeichen und + ( ) / - enthalten' },
          ],
        },
      },
    });
    await openProfile();
    const form = section('Ihre Angaben');
    const phone = form.getByRole('textbox', { name: /Telefon/ });
    await user.clear(phone);
    await user.type(phone, 'bitte anrufen');
    await user.click(form.getByRole('button', { name: 'Angaben speichern' }));

    const alert = await form.findByRole('alert');
    expect(alert).toHaveTextContent('Bitte korrigieren Sie die markierte Angabe.');
    expect(alert).not.toHaveTextContent('phone');
    expect(alert).toHaveFocus();
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone).toHaveAccessibleDescription(/nur mit Ziffern, Leerzeichen und \+ \( \) \/ -/);
    expect(form.getByRole('textbox', { name: /Funktion/ })).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText(/Ihre Angaben sind gespeichert/)).not.toBeInTheDocument();
  });

  it('joins and leaves working groups and shows which the member is in', async () => {
    const user = userEvent.setup();
    const sent = memberGateway();
    await openProfile();
    const groupsSection = section('Arbeitsgruppen');
    expect(await groupsSection.findByRole('heading', { level: 3, name: 'Digitales' })).toBeVisible();
    expect(groupsSection.getByText('24 Mitglieder')).toBeVisible();
    expect(groupsSection.getAllByText('Sie sind Mitglied')).toHaveLength(1);

    await user.click(groupsSection.getByRole('button', { name: 'Beitreten (Arbeitsgruppe Nachhaltigkeit)' }));
    expect(
      await groupsSection.findByText('Sie sind jetzt Mitglied der Arbeitsgruppe „Nachhaltigkeit“.'),
    ).toBeVisible();
    expect(
      groupsSection.getByRole('button', { name: 'Verlassen (Arbeitsgruppe Nachhaltigkeit)' }),
    ).toBeVisible();
    expect(groupsSection.getAllByText('Sie sind Mitglied')).toHaveLength(2);

    await user.click(groupsSection.getByRole('button', { name: 'Verlassen (Arbeitsgruppe Digitales)' }));
    expect(
      await groupsSection.findByText('Sie haben die Arbeitsgruppe „Digitales“ verlassen.'),
    ).toBeVisible();
    expect(groupsSection.getByRole('button', { name: 'Beitreten (Arbeitsgruppe Digitales)' })).toBeVisible();

    expect(
      sent.filter((request) => request.path.includes('/working-groups/')).map((r) => `${r.method} ${r.path}`),
    ).toEqual([
      'PUT /api/v1/members/me/working-groups/nachhaltigkeit',
      'DELETE /api/v1/members/me/working-groups/digitales',
    ]);
    // The member counts are read again after a change.
    expect(sent.filter((request) => request.path === '/api/v1/working-groups').length).toBeGreaterThan(1);
  });

  it('switches the announcement e-mails off and on again', async () => {
    const user = userEvent.setup();
    const sent = memberGateway();
    await openProfile();
    const announcements = section('E-Mails zu neuen Veranstaltungen');
    expect(announcements.getByText(/Sie erhalten eine E-Mail, sobald/)).toBeVisible();

    await user.click(announcements.getByRole('button', { name: 'Ankündigungen abbestellen' }));
    expect(
      await announcements.findByText('Sie erhalten keine Ankündigungen neuer Veranstaltungen mehr.'),
    ).toBeVisible();
    expect(
      announcements.getByText('Sie erhalten derzeit keine E-Mails zu neuen Veranstaltungen.'),
    ).toBeVisible();
    expect(section('Was wir über Sie speichern').getByText('abbestellt')).toBeVisible();

    await user.click(announcements.getByRole('button', { name: 'Ankündigungen wieder erhalten' }));
    expect(
      await announcements.findByText('Sie erhalten wieder Ankündigungen neuer Veranstaltungen.'),
    ).toBeVisible();
    expect(sent.filter((request) => request.method === 'PATCH').map((request) => request.body)).toEqual([
      { announcementsOptOut: true },
      { announcementsOptOut: false },
    ]);
  });

  it('shows everything the club stores about the member', async () => {
    memberGateway();
    await openProfile();
    const stored = section('Was wir über Sie speichern');
    for (const [term, value] of [
      ['E-Mail-Adresse', 'jonas.beispiel@kalletal.example'],
      ['Land', 'Nordrhein-Westfalen'],
      ['Amtlicher Gemeindeschlüssel', '05766040'],
      ['Einwohnerzahl', '13.900'],
      ['Kurzbiografie', 'Smart City mit Lemgo.'],
      ['Mitgliedschaft', 'aktiv'],
    ]) {
      expect(stored.getByText(term, { selector: 'dt' }).nextElementSibling).toHaveTextContent(value);
    }
    expect(await stored.findByText('Digitales', { selector: 'dd' })).toBeVisible();
    expect(stored.getByRole('link', { name: 'Meine Anmeldungen' })).toHaveAttribute(
      'href',
      '/meine-anmeldungen',
    );
  });

  it('ends the membership after a dialog that says what happens, signs out and goes home with a notice', async () => {
    const user = userEvent.setup();
    const sent = memberGateway({
      'POST /api/v1/members/me/leave': { body: ownProfile({ status: 'inactive', leaveReason: 'left' }) },
    });
    const { router } = await openProfile();
    const leave = section('Mitgliedschaft beenden');

    await user.click(leave.getByRole('button', { name: 'Mitgliedschaft beenden …' }));
    let dialog = within(screen.getByRole('dialog', { name: 'Mitgliedschaft wirklich beenden?' }));
    expect(dialog.getByText(/Ihre Mitgliedschaft endet sofort, und Sie werden abgemeldet/)).toBeVisible();
    await user.click(dialog.getByRole('button', { name: 'Abbrechen' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(sent.some((request) => request.path === '/api/v1/members/me/leave')).toBe(false);

    await user.click(leave.getByRole('button', { name: 'Mitgliedschaft beenden …' }));
    dialog = within(screen.getByRole('dialog', { name: 'Mitgliedschaft wirklich beenden?' }));
    await user.type(dialog.getByRole('textbox', { name: /einen Grund nennen/ }), 'Neues Amt');
    await user.click(dialog.getByRole('button', { name: 'Ja, Mitgliedschaft beenden' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(router.state.location.state).toEqual({
      notice: expect.stringContaining(
        'Ihre Mitgliedschaft im Innovators Club ist beendet, und Sie sind abgemeldet.',
      ),
    });
    // Signed out: the navigation offers „Anmelden“, and the home page stays, with its notice.
    const navigation = within(screen.getByRole('navigation', { name: 'Hauptnavigation' }));
    expect(await navigation.findByRole('link', { name: 'Anmelden' })).toBeVisible();
    expect(navigation.queryByRole('link', { name: 'Profil' })).not.toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(screen.getByText(/und Sie sind abgemeldet/)).toBeVisible();
    const leaveRequest = sent.find((request) => request.path === '/api/v1/members/me/leave');
    expect(leaveRequest?.body).toEqual({ note: 'Neues Amt' });
    const writes = sent.filter((request) => request.method !== 'GET').map((r) => `${r.method} ${r.path}`);
    expect(writes).toEqual(['POST /api/v1/members/me/leave', 'DELETE /api/v1/auth/session']);
  });

  it('shows a refused leaving in the dialog and stays', async () => {
    const user = userEvent.setup();
    memberGateway({
      'POST /api/v1/members/me/leave': {
        status: 422,
        body: {
          title: 'Regel nicht erfüllt',
          status: 422,
          detail: 'Ihre Mitgliedschaft ist beendet; Änderungen sind nicht mehr möglich.',
        },
      },
    });
    const { router } = await openProfile();
    await user.click(
      section('Mitgliedschaft beenden').getByRole('button', { name: 'Mitgliedschaft beenden …' }),
    );
    const dialog = within(screen.getByRole('dialog'));
    await user.click(dialog.getByRole('button', { name: 'Ja, Mitgliedschaft beenden' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent('Ihre Mitgliedschaft ist beendet');
    expect(router.state.location.pathname).toBe('/profil');
  });

  it('erases the data only after the member ticked the confirmation, then signs out and goes home', async () => {
    const user = userEvent.setup();
    const sent = memberGateway({
      'POST /api/v1/members/me/erasure': {
        body: { memberId: 'mem_1', erasedAt: '2026-12-01T10:00:00.000Z', message: 'gelöscht' },
      },
    });
    const { router } = await openProfile();
    await user.click(section('Meine Daten löschen').getByRole('button', { name: 'Meine Daten löschen …' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Ihre Daten endgültig löschen?' }));
    expect(dialog.getByText('Das lässt sich nicht rückgängig machen.')).toBeVisible();
    expect(dialog.getByText(/storniert er Ihre Anmeldungen zu kommenden Veranstaltungen/)).toBeVisible();

    const confirmation = dialog.getByRole('checkbox', { name: /alle meine Daten endgültig löscht/ });
    await user.click(dialog.getByRole('button', { name: 'Daten endgültig löschen' }));
    expect(confirmation).toHaveAttribute('aria-invalid', 'true');
    expect(confirmation).toHaveAccessibleDescription(/Bitte bestätigen Sie mit dem Häkchen/);
    expect(confirmation).toHaveFocus();
    expect(sent.some((request) => request.path === '/api/v1/members/me/erasure')).toBe(false);

    await user.click(confirmation);
    await user.click(dialog.getByRole('button', { name: 'Daten endgültig löschen' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(router.state.location.state).toEqual({
      notice: expect.stringContaining('Ihre Daten sind gelöscht, und Sie sind abgemeldet.'),
    });
    // Signed out: the navigation offers „Anmelden“, and the home page stays, with its notice.
    const navigation = within(screen.getByRole('navigation', { name: 'Hauptnavigation' }));
    expect(await navigation.findByRole('link', { name: 'Anmelden' })).toBeVisible();
    expect(navigation.queryByRole('link', { name: 'Profil' })).not.toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(screen.getByText(/und Sie sind abgemeldet/)).toBeVisible();
    expect(sent.find((request) => request.path === '/api/v1/members/me/erasure')?.body).toEqual({
      confirm: true,
    });
    expect(
      sent.some((request) => request.method === 'DELETE' && request.path === '/api/v1/auth/session'),
    ).toBe(true);
  });

  it('says so when the profile cannot be loaded, with a way to try again and a way on', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'GET /api/v1/members/me': { status: 503, body: { title: 'Dienst nicht verfügbar', status: 503 } },
      'GET /api/v1/working-groups': { body: groups },
    });
    renderPage('/profil');
    expect(await screen.findByRole('alert')).toHaveTextContent('Dienst nicht verfügbar');
    expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeVisible();
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Übersicht' })).toBeVisible();
  });
});
