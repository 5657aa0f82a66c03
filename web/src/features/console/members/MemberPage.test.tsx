import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, renderPage, staffSession, type FakeAnswer, type FakeRoute } from '../../../test/render';
import { memberRecord } from './testMembers';

const member = memberRecord(1);
const path = `/geschaeftsstelle/mitglieder/${member.id}`;
const groups = {
  body: [
    { id: 'digitales', name: 'Digitales', memberCount: 24 },
    { id: 'nachhaltigkeit', name: 'Nachhaltigkeit', memberCount: 3 },
  ],
};
const history = {
  body: {
    items: [
      {
        eventId: '10000000-0000-4000-8000-000000000002',
        type: 'de.dstgb.ic.membership.MemberProfileUpdated.v1',
        at: '2026-12-01T09:30:00.000Z',
        by: { subject: 'staff-1', role: 'staff' },
        summary: 'Profil geändert: Telefon',
      },
      {
        eventId: '10000000-0000-4000-8000-000000000001',
        type: 'de.dstgb.ic.membership.MemberActivated.v1',
        at: '2026-11-21T10:00:00.000Z',
        by: { subject: member.id, role: 'member' },
        summary: 'Einladung angenommen; Mitglied seit 21.11.2026',
      },
    ],
    nextCursor: null,
  },
};

function gateway(extra: Record<string, FakeRoute | FakeAnswer> = {}) {
  return fakeGateway({
    'GET /api/v1/auth/session': staffSession,
    'GET /api/v1/working-groups': groups,
    [`GET /api/v1/members/${member.id}`]: { body: member },
    [`GET /api/v1/members/${member.id}/history`]: history,
    ...extra,
  });
}

describe('Console MemberPage', () => {
  it('shows the member with contact, state of membership, groups and the history in words', async () => {
    gateway();
    renderPage(path);
    expect(await screen.findByRole('heading', { level: 1, name: 'Anna 1 Muster' })).toBeVisible();
    expect(screen.getByText('Bürgermeisterin, Stadt Lemgo')).toBeVisible();
    expect(screen.getByRole('link', { name: 'anna1@lemgo.example' })).toHaveAttribute(
      'href',
      'mailto:anna1@lemgo.example',
    );
    expect(screen.getByText(/Mitglied seit 21\.11\.2026/)).toBeVisible();
    const historyTable = await screen.findByRole('table');
    const rows = within(historyTable).getAllByRole('row');
    expect(within(rows[1]).getByRole('rowheader')).toHaveTextContent('Profil geändert');
    expect(rows[1]).toHaveTextContent('01.12.2026');
    expect(rows[1]).toHaveTextContent('Geschäftsstelle');
    expect(within(rows[2]).getByRole('rowheader')).toHaveTextContent('Beitritt');
    expect(rows[2]).toHaveTextContent('das Mitglied selbst');
    expect(screen.getByRole('button', { name: 'Entfernen aus der Arbeitsgruppe „Digitales“' })).toBeVisible();
    expect(
      screen.getByRole('button', { name: 'Aufnehmen in die Arbeitsgruppe „Nachhaltigkeit“' }),
    ).toBeVisible();
  });

  it('saves only what changed and shows a refused field beside the field, in words', async () => {
    const user = userEvent.setup();
    let attempt = 0;
    const sent = gateway({
      [`PATCH /api/v1/members/${member.id}`]: () => {
        attempt += 1;
        return attempt === 1
          ? {
              status: 422,
              body: {
                title: 'Ungültige Angaben',
                errors: [{ field: 'phone', message: 'phone darf nur Ziffern enthalten' }],
              },
            }
          : { body: { ...member, phone: '+49 5261 213-0', lastName: 'Beispiel' } };
      },
    });
    renderPage(path);
    const phone = await screen.findByRole('textbox', { name: /Telefon/ });
    await user.type(phone, 'abc');
    await user.clear(screen.getByRole('textbox', { name: 'Nachname' }));
    await user.type(screen.getByRole('textbox', { name: 'Nachname' }), 'Beispiel');
    await user.click(screen.getByRole('button', { name: 'Änderungen speichern' }));

    expect(await screen.findByText(/Die Telefonnummer darf nur Ziffern/)).toBeVisible();
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Bitte korrigieren Sie die markierte Angabe.')).toBeVisible();
    const patches = sent.filter((request) => request.method === 'PATCH');
    expect(patches[0]?.body).toEqual({ lastName: 'Beispiel', phone: 'abc' });

    await user.clear(phone);
    await user.type(phone, '+49 5261 213-0');
    await user.click(screen.getByRole('button', { name: 'Änderungen speichern' }));
    expect(await screen.findByText('Die Änderungen sind gespeichert.')).toBeVisible();
    expect(screen.getByRole('heading', { level: 1, name: 'Anna 1 Beispiel' })).toBeVisible();
  });

  it('sets the salutation line of the member’s mails, and clears it again', async () => {
    const user = userEvent.setup();
    const line = 'Sehr geehrte Frau Bürgermeisterin, liebe Frau Muster,';
    let saves = 0;
    const sent = gateway({
      [`PATCH /api/v1/members/${member.id}`]: () => {
        saves += 1;
        return { body: saves === 1 ? { ...member, salutationLine: line } : member };
      },
    });
    renderPage(path);
    const field = await screen.findByRole('textbox', { name: /^Anrede in E-Mails/ });
    expect(field).toHaveAccessibleDescription(/Leer gelassen, bilden die E-Mails die Anrede/);

    await user.type(field, line);
    await user.click(screen.getByRole('button', { name: 'Änderungen speichern' }));
    expect(await screen.findByText('Die Änderungen sind gespeichert.')).toBeVisible();
    expect(field).toHaveValue(line);

    await user.clear(field);
    await user.click(screen.getByRole('button', { name: 'Änderungen speichern' }));
    await waitFor(() => expect(sent.filter((request) => request.method === 'PATCH')).toHaveLength(2));
    expect(sent.filter((request) => request.method === 'PATCH').map((request) => request.body)).toEqual([
      { salutationLine: line },
      { salutationLine: null },
    ]);
  });

  it('asks for all three parts of the Kommune before sending', async () => {
    const user = userEvent.setup();
    const sent = gateway();
    renderPage(path);
    await user.clear(await screen.findByRole('textbox', { name: /Einwohnerzahl/ }));
    await user.click(screen.getByRole('button', { name: 'Änderungen speichern' }));
    expect(
      await screen.findAllByText(/Bitte geben Sie Name, Gemeindeschlüssel und Einwohnerzahl/),
    ).not.toHaveLength(0);
    expect(sent.some((request) => request.method === 'PATCH')).toBe(false);
  });

  it('puts the member into a working group', async () => {
    const user = userEvent.setup();
    const sent = gateway({
      [`PUT /api/v1/working-groups/nachhaltigkeit/members/${member.id}`]: {
        body: { ...member, workingGroups: ['digitales', 'nachhaltigkeit'] },
      },
    });
    renderPage(path);
    await user.click(
      await screen.findByRole('button', { name: 'Aufnehmen in die Arbeitsgruppe „Nachhaltigkeit“' }),
    );
    expect(
      await screen.findByText('Das Mitglied ist jetzt in der Arbeitsgruppe „Nachhaltigkeit“.'),
    ).toBeVisible();
    expect(
      screen.getByRole('button', { name: 'Entfernen aus der Arbeitsgruppe „Nachhaltigkeit“' }),
    ).toBeVisible();
    expect(sent.filter((request) => request.method === 'PUT')).toHaveLength(1);
  });

  it('ends the membership with a note after a dialog saying who is told', async () => {
    const user = userEvent.setup();
    const sent = gateway({
      [`POST /api/v1/members/${member.id}/end`]: {
        body: {
          ...member,
          status: 'inactive',
          leaveReason: 'ended-by-staff',
          leftAt: '2026-12-06T10:00:00.000Z',
        },
      },
    });
    renderPage(path);
    await user.click(await screen.findByRole('button', { name: 'Mitgliedschaft beenden …' }));
    const dialog = screen.getByRole('dialog', { name: 'Mitgliedschaft von Anna 1 Muster beenden?' });
    expect(within(dialog).getByText(/Niemand wird per E-Mail benachrichtigt/)).toBeVisible();
    await user.type(within(dialog).getByRole('textbox', { name: /Vermerk/ }), 'Ausgeschieden aus dem Amt');
    await user.click(within(dialog).getByRole('button', { name: 'Ja, Mitgliedschaft beenden' }));
    expect(await screen.findByText('Die Mitgliedschaft ist beendet.')).toBeVisible();
    expect(
      screen.getByText(/Mitgliedschaft durch die Geschäftsstelle beendet zum 06\.12\.2026/),
    ).toBeVisible();
    expect(sent.find((request) => request.path.endsWith('/end'))?.body).toEqual({
      note: 'Ausgeschieden aus dem Amt',
    });
  });

  it('erases the data only after the name is typed, then goes back to the list with a notice', async () => {
    const user = userEvent.setup();
    const sent = gateway({
      [`POST /api/v1/members/${member.id}/erasure`]: {
        body: { memberId: member.id, erasedAt: '2026-12-06T10:00:00.000Z', message: 'gelöscht' },
      },
      'GET /api/v1/members': { body: { items: [], nextCursor: null } },
    });
    const { router } = renderPage(path);
    await user.click(await screen.findByRole('button', { name: 'Daten löschen …' }));
    const dialog = screen.getByRole('dialog', { name: 'Alle Daten von Anna 1 Muster endgültig löschen?' });
    expect(within(dialog).getByText('Das lässt sich nicht rückgängig machen.')).toBeVisible();
    const nameField = within(dialog).getByRole('textbox', { name: /Anna 1 Muster/ });
    await user.type(nameField, 'Anna Muster');
    await user.click(within(dialog).getByRole('button', { name: 'Daten endgültig löschen' }));
    expect(within(dialog).getByText(/Der Name stimmt nicht/)).toBeVisible();
    expect(sent.some((request) => request.path.endsWith('/erasure'))).toBe(false);

    await user.clear(nameField);
    await user.type(nameField, 'Anna 1 Muster');
    await user.click(within(dialog).getByRole('button', { name: 'Daten endgültig löschen' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/geschaeftsstelle/mitglieder'));
    expect(await screen.findByText(/Die Daten des Mitglieds sind gelöscht/)).toBeVisible();
    expect(sent.find((request) => request.path.endsWith('/erasure'))?.body).toEqual({ confirm: true });
  });

  it('says so when the member does not exist, with a way back', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      [`GET /api/v1/members/${member.id}`]: {
        status: 404,
        body: { title: 'Nicht gefunden', detail: 'Dieses Mitglied gibt es nicht.' },
      },
    });
    renderPage(path);
    expect(await screen.findByRole('alert')).toHaveTextContent('Dieses Mitglied gibt es nicht.');
    expect(screen.getByRole('link', { name: 'Zurück zu den Mitgliedern' })).toBeVisible();
  });
});
