import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, memberSession, noSession, renderPage, type FakeAnswer } from '../../test/render';

const TOKEN = 'invitationtokenabcdefghijklmnopqrstuvwxyz';

function preview(change: Record<string, unknown> = {}): FakeAnswer {
  return {
    body: {
      salutation: 'Herr',
      academicTitle: 'Dr.',
      firstName: 'Jonas',
      lastName: 'Beispiel',
      officeTitle: 'Bürgermeister',
      greeting: 'Sehr geehrter Herr Bürgermeister Dr. Beispiel,',
      organisation: 'Gemeinde Kalletal',
      personalMessage: 'Wir würden uns sehr freuen,\nSie im Club zu begrüßen.',
      // 00:35 on 5 January in Berlin: the link's last moment, not the whole day.
      expiresAt: '2027-01-04T23:35:00.000Z',
      status: 'open',
      ...change,
    },
  };
}

const member = {
  id: 'd3b0c442-98fc-4c1c-9f3e-0f1c2b8a1000',
  salutation: 'Herr',
  academicTitle: 'Dr.',
  firstName: 'Jonas',
  lastName: 'Beispiel',
  email: 'jonas.beispiel@kalletal.example',
  organisation: 'Gemeinde Kalletal',
  federalState: 'NW',
  sector: 'Kommune',
  status: 'active',
  themes: [],
  workingGroups: [],
  announcementsOptOut: false,
  joinedAt: '2026-12-06T10:00:00.000Z',
};

describe('InvitationPage', () => {
  it('shows who invites whom, the personal message and until when to answer', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': noSession,
      [`GET /api/v1/invitations/by-token/${TOKEN}`]: preview(),
    });
    renderPage(`/einladung/${TOKEN}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Ihre Berufung in den Innovators Club' }),
    ).toBeVisible();
    // As the invitation mail greets: with the office as a form of address.
    expect(screen.getByText('Sehr geehrter Herr Bürgermeister Dr. Beispiel,')).toBeVisible();
    const facts = screen.getByText('Es lädt ein').closest('dl')!;
    expect(facts).toHaveTextContent('Der Deutsche Städte- und Gemeindebund');
    expect(facts).toHaveTextContent('Dr. Jonas Beispiel, Bürgermeister');
    expect(facts).toHaveTextContent('Gemeinde Kalletal');
    expect(facts).toHaveTextContent('Antwort bisDienstag, 5. Januar 2027, 00:35 Uhr');
    expect(screen.getByRole('heading', { name: 'Persönliche Nachricht' })).toBeVisible();
    expect(screen.getByText(/Wir würden uns sehr freuen/)).toBeVisible();
    expect(sent.filter((request) => request.method !== 'GET')).toHaveLength(0);
  });

  it('accepts with sign-in and lands on the start page, signed in, with a welcome', async () => {
    let signedIn = false;
    const sent = fakeGateway({
      'GET /api/v1/auth/session': () => (signedIn ? memberSession : noSession),
      [`GET /api/v1/invitations/by-token/${TOKEN}`]: preview(),
      'POST /api/v1/invitations/accept': () => {
        signedIn = true;
        return { body: { memberId: member.id } };
      },
      'GET /api/v1/members/me': { body: member },
      'GET /api/v1/me/registrations': { body: { items: [], nextCursor: null } },
      'GET /api/v1/events': { body: { items: [], nextCursor: null } },
    });
    const { router } = renderPage(`/einladung/${TOKEN}`);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Zusagen' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/start'));
    expect(await screen.findByText(/Herzlich willkommen im Innovators Club!/)).toBeVisible();
    expect(await screen.findByText('Guten Tag, Herr Dr. Beispiel!')).toBeVisible();
    expect(sent.filter((request) => request.method === 'POST')).toEqual([
      expect.objectContaining({ path: '/api/v1/invitations/accept', body: { token: TOKEN, signIn: true } }),
    ]);
    // The invitation is not asked for again on the way out.
    expect(sent.filter((request) => request.path.startsWith('/api/v1/invitations/by-token'))).toHaveLength(1);
  });

  it('explains a refused acceptance and stays on the page', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': noSession,
      [`GET /api/v1/invitations/by-token/${TOKEN}`]: preview(),
      'POST /api/v1/invitations/accept': {
        status: 409,
        body: { status: 409, title: 'Konflikt', detail: 'Diese Einladung wurde bereits beantwortet.' },
      },
    });
    const { router } = renderPage(`/einladung/${TOKEN}`);

    await userEvent.setup().click(await screen.findByRole('button', { name: 'Zusagen' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Diese Einladung wurde bereits beantwortet.');
    expect(router.state.location.pathname).toBe(`/einladung/${TOKEN}`);
  });

  it('declines with a reason after confirming, and thanks', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': noSession,
      [`GET /api/v1/invitations/by-token/${TOKEN}`]: preview(),
      'POST /api/v1/invitations/decline': { body: { declined: true } },
    });
    renderPage(`/einladung/${TOKEN}`);
    const user = userEvent.setup();

    await user.type(
      await screen.findByRole('textbox', { name: /Möchten Sie uns einen Grund nennen\?/ }),
      '  Zu wenig Zeit in diesem Jahr.  ',
    );
    await user.click(screen.getByRole('button', { name: 'Absagen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Einladung wirklich absagen?' });
    expect(sent.filter((request) => request.method === 'POST')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Ja, absagen' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Ihre Absage ist angekommen' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Mehr über den Innovators Club' })).toHaveAttribute('href', '/');
    expect(sent.filter((request) => request.method === 'POST')).toEqual([
      expect.objectContaining({
        path: '/api/v1/invitations/decline',
        body: { token: TOKEN, reason: 'Zu wenig Zeit in diesem Jahr.' },
      }),
    ]);
  });

  it('declines without a reason, and sends none', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': noSession,
      [`GET /api/v1/invitations/by-token/${TOKEN}`]: preview(),
      'POST /api/v1/invitations/decline': { body: { declined: true } },
    });
    renderPage(`/einladung/${TOKEN}`);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Absagen' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Ja, absagen' }));

    await screen.findByRole('heading', { level: 1, name: 'Ihre Absage ist angekommen' });
    expect(sent.find((request) => request.method === 'POST')?.body).toEqual({ token: TOKEN });
  });

  it('keeps the invitation when the person thinks again in the dialog', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': noSession,
      [`GET /api/v1/invitations/by-token/${TOKEN}`]: preview(),
    });
    renderPage(`/einladung/${TOKEN}`);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Absagen' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Abbrechen' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Zusagen' })).toBeEnabled();
    expect(sent.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it("shows the gateway's message for the reason beside the field", async () => {
    fakeGateway({
      'GET /api/v1/auth/session': noSession,
      [`GET /api/v1/invitations/by-token/${TOKEN}`]: preview(),
      'POST /api/v1/invitations/decline': {
        status: 400,
        body: {
          status: 400,
          title: 'Ungültige Anfrage',
          errors: [{ field: 'reason', message: 'Der Grund darf höchstens 2000 Zeichen lang sein.' }],
        },
      },
    });
    renderPage(`/einladung/${TOKEN}`);
    const user = userEvent.setup();

    await user.type(await screen.findByRole('textbox', { name: /Grund/ }), 'Zu lang');
    await user.click(screen.getByRole('button', { name: 'Absagen' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Ja, absagen' }));

    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /Grund/ })).toHaveAccessibleDescription(
        expect.stringContaining('Der Grund darf höchstens 2000 Zeichen lang sein.') as string,
      ),
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it.each([
    ['accepted', 'Sie haben bereits zugesagt', 'Zur Anmeldung', '/anmelden'],
    ['declined', 'Sie haben bereits abgesagt', 'Mehr über den Innovators Club', '/'],
    ['revoked', 'Diese Einladung gilt nicht mehr', 'Mehr über den Innovators Club', '/'],
  ])('explains an invitation that is %s, with a way on', async (status, heading, link, href) => {
    fakeGateway({
      'GET /api/v1/auth/session': noSession,
      [`GET /api/v1/invitations/by-token/${TOKEN}`]: preview({ status }),
    });
    renderPage(`/einladung/${TOKEN}`);

    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeVisible();
    expect(screen.getByRole('link', { name: link })).toHaveAttribute('href', href);
    expect(screen.queryByRole('button', { name: 'Zusagen' })).not.toBeInTheDocument();
  });

  it('says until when an expired invitation was valid', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': noSession,
      [`GET /api/v1/invitations/by-token/${TOKEN}`]: preview({ status: 'expired' }),
    });
    renderPage(`/einladung/${TOKEN}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Diese Einladung ist abgelaufen' }),
    ).toBeVisible();
    expect(screen.getByText(/Die Einladung galt bis Dienstag, 5\. Januar 2027, 00:35 Uhr\./)).toBeVisible();
  });

  it('explains a link that leads to no invitation', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': noSession,
      [`GET /api/v1/invitations/by-token/${TOKEN}`]: {
        status: 404,
        body: { status: 404, title: 'Nicht gefunden', detail: 'Diese Einladung gibt es nicht.' },
      },
    });
    renderPage(`/einladung/${TOKEN}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Einladung nicht gefunden' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Mehr über den Innovators Club' })).toHaveAttribute('href', '/');
  });

  it('offers another try when the invitation cannot be loaded', async () => {
    let calls = 0;
    fakeGateway({
      'GET /api/v1/auth/session': noSession,
      [`GET /api/v1/invitations/by-token/${TOKEN}`]: () => {
        calls += 1;
        return calls === 1
          ? { status: 503, body: { status: 503, title: 'Dienst nicht erreichbar' } }
          : preview();
      },
    });
    renderPage(`/einladung/${TOKEN}`);

    expect(await screen.findByRole('alert')).toHaveTextContent('Dienst nicht erreichbar');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Erneut versuchen' }));

    expect(await screen.findByRole('button', { name: 'Zusagen' })).toBeVisible();
  });
});
