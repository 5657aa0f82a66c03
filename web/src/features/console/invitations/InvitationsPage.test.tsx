import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, renderPage, staffSession } from '../../../test/render';
import { invitation } from './invitationFixtures';

const PATH = '/geschaeftsstelle/berufungen';
const OPEN_ID = '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10';
const ACCEPTED_ID = '6c1f8b63-4d2f-4e8f-8b62-1a7a2d3c9b21';

const open = invitation({ id: OPEN_ID });
const accepted = invitation({
  id: ACCEPTED_ID,
  status: 'accepted',
  salutation: 'Frau',
  officeTitle: 'Landrätin',
  firstName: 'Petra',
  lastName: 'Lange',
  email: 'petra.lange@kreis.example',
  organisation: 'Landkreis Lippe',
  answeredAt: '2026-11-23T08:30:00.000Z',
});

describe('Invitations (Berufungen)', () => {
  it('lists the invitations with their state in words, the actions only where they apply', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      'GET /api/v1/invitations': { body: { items: [open, accepted], nextCursor: null } },
    });
    renderPage(PATH);

    expect(await screen.findByRole('heading', { level: 1, name: 'Berufungen' })).toBeVisible();
    const jonas = (await screen.findByRole('heading', { level: 3, name: 'Jonas Beispiel' })).closest('li')!;
    expect(within(jonas).getByText('Offen')).toBeVisible();
    expect(within(jonas).getByText('Bürgermeister, Gemeinde Kalletal')).toBeVisible();
    expect(within(jonas).getByText('21.12.2026, 11:00 Uhr')).toBeVisible();
    expect(within(jonas).getByRole('button', { name: 'Erneut senden' })).toBeVisible();
    const petra = screen.getByRole('heading', { level: 3, name: 'Petra Lange' }).closest('li')!;
    expect(within(petra).getByText('Angenommen')).toBeVisible();
    expect(within(petra).getByText('Angenommen am')).toBeVisible();
    expect(within(petra).queryByRole('button')).toBeNull();
    expect(screen.getByText('2 Einladungen angezeigt.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Person berufen' })).toHaveAttribute(
      'href',
      '/geschaeftsstelle/berufungen/neu',
    );
  });

  it('filters by state through the address and pages on', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      'GET /api/v1/invitations': (_request, url) =>
        url.searchParams.get('cursor')
          ? { body: { items: [accepted], nextCursor: null } }
          : { body: { items: [open], nextCursor: 'seite-2' } },
    });
    const user = userEvent.setup();
    renderPage(PATH);

    await user.click(await screen.findByRole('link', { name: 'Offen' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Einladungen: Offen' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Offen' })).toHaveAttribute('aria-current', 'page');
    expect(sent.at(-1)?.path).toBe('/api/v1/invitations?limit=20&status=open');
    expect(await screen.findByText('1 Einladungen angezeigt, es gibt weitere.')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Weitere Einladungen anzeigen' }));

    expect(await screen.findByRole('heading', { level: 3, name: 'Petra Lange' })).toBeVisible();
    expect(sent.at(-1)?.path).toBe('/api/v1/invitations?limit=20&status=open&cursor=seite-2');
  });

  it('searches by name, address, organisation or Kommune, kept in the address together with the state', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      'GET /api/v1/invitations': (_request, url) =>
        url.searchParams.get('q') === 'Lange'
          ? { body: { items: [accepted], nextCursor: null } }
          : { body: { items: [], nextCursor: null } },
    });
    const user = userEvent.setup();
    const { router } = renderPage(`${PATH}?stand=angenommen`);

    const search = await screen.findByRole('searchbox', { name: 'Einladungen durchsuchen' });
    await user.type(search, ' Lange {Enter}');

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Einladungen: Angenommen mit „Lange“' }),
    ).toBeVisible();
    expect(await screen.findByRole('heading', { level: 3, name: 'Petra Lange' })).toBeVisible();
    expect(sent.at(-1)?.path).toBe('/api/v1/invitations?limit=20&status=accepted&q=Lange');
    expect(router.state.location.search).toBe('?stand=angenommen&suche=Lange');
    expect(screen.getByRole('link', { name: 'Offen' })).toHaveAttribute(
      'href',
      `${PATH}?stand=offen&suche=Lange`,
    );

    await user.clear(screen.getByRole('searchbox', { name: 'Einladungen durchsuchen' }));
    await user.type(screen.getByRole('searchbox', { name: 'Einladungen durchsuchen' }), 'Niemand{Enter}');
    expect(
      await screen.findByText('Keine Einladungen mit dem Stand „Angenommen“ passen zu „Niemand“.'),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Alle Einladungen zeigen' })).toHaveAttribute('href', PATH);
  });

  it('resends after a confirmation that says what happens', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      'GET /api/v1/invitations': { body: { items: [open], nextCursor: null } },
      [`POST /api/v1/invitations/${OPEN_ID}/resend`]: {
        body: { ...open, sentCount: 2, expiresAt: '2027-01-05T10:00:00.000Z' },
      },
    });
    const user = userEvent.setup();
    renderPage(PATH);

    await user.click(await screen.findByRole('button', { name: 'Erneut senden' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Einladung erneut senden?' }));
    expect(
      dialog.getByText(/erhält die Einladung noch einmal an jonas.beispiel@kalletal.example/),
    ).toBeVisible();
    await user.click(dialog.getByRole('button', { name: 'Ja, erneut senden' }));

    expect(
      await screen.findByText(
        'Die Einladung an Jonas Beispiel ist erneut verschickt. Sie gilt bis Dienstag, 5. Januar 2027, 11:00 Uhr.',
      ),
    ).toBeVisible();
    expect(sent.filter((request) => request.method === 'POST').map((request) => request.path)).toEqual([
      `/api/v1/invitations/${OPEN_ID}/resend`,
    ]);
  });

  it('revokes only after the confirmation, and not when it is cancelled', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      'GET /api/v1/invitations': { body: { items: [open], nextCursor: null } },
      [`POST /api/v1/invitations/${OPEN_ID}/revoke`]: { body: { ...open, status: 'revoked' } },
    });
    const user = userEvent.setup();
    renderPage(PATH);

    await user.click(await screen.findByRole('button', { name: 'Zurückziehen' }));
    let dialog = within(screen.getByRole('dialog', { name: 'Einladung zurückziehen?' }));
    expect(dialog.getByText(/kann die Berufung nicht mehr annehmen/)).toBeVisible();
    await user.click(dialog.getByRole('button', { name: 'Abbrechen' }));
    expect(sent.filter((request) => request.method === 'POST')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Zurückziehen' }));
    dialog = within(screen.getByRole('dialog', { name: 'Einladung zurückziehen?' }));
    await user.click(dialog.getByRole('button', { name: 'Ja, zurückziehen' }));

    const notice = await screen.findByText('Die Einladung an Jonas Beispiel ist zurückgezogen.');
    expect(notice.closest('[role="status"]')).toHaveFocus();
    expect(sent.filter((request) => request.method === 'POST').map((request) => request.path)).toEqual([
      `/api/v1/invitations/${OPEN_ID}/revoke`,
    ]);
  });

  it('explains a refused action in the dialog', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      'GET /api/v1/invitations': { body: { items: [open], nextCursor: null } },
      [`POST /api/v1/invitations/${OPEN_ID}/revoke`]: {
        status: 409,
        body: { title: 'Konflikt', status: 409, detail: 'Diese Einladung wurde bereits beantwortet.' },
      },
    });
    const user = userEvent.setup();
    renderPage(PATH);

    await user.click(await screen.findByRole('button', { name: 'Zurückziehen' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Einladung zurückziehen?' }));
    await user.click(dialog.getByRole('button', { name: 'Ja, zurückziehen' }));

    expect(await dialog.findByText('Diese Einladung wurde bereits beantwortet.')).toBeVisible();
  });

  it('says when there is nothing of a state, with the way back to all', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      'GET /api/v1/invitations': { body: { items: [], nextCursor: null } },
    });
    renderPage(`${PATH}?stand=abgelaufen`);

    expect(await screen.findByText('Keine Einladungen mit dem Stand „Abgelaufen“.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Alle Einladungen zeigen' })).toHaveAttribute('href', PATH);
  });

  it('says when the list cannot be loaded, with a way to try again', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      'GET /api/v1/invitations': { status: 503, body: { title: 'Nicht erreichbar', status: 503 } },
    });
    renderPage(PATH);

    expect(await screen.findByRole('button', { name: 'Erneut versuchen' })).toBeVisible();
  });
});
