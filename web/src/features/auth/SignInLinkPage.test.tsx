import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, memberSession, noSession, renderPage, type FakeAnswer } from '../../test/render';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz0123456789ABCD';

/** A gateway where the link signs in: the session answer changes once the link is redeemed. */
function gatewayThatSignsIn(extra: Record<string, FakeAnswer> = {}) {
  let signedIn = false;
  const sent = fakeGateway({
    'GET /api/v1/auth/session': () => (signedIn ? memberSession : noSession),
    'POST /api/v1/auth/session': () => {
      signedIn = true;
      return memberSession;
    },
    ...extra,
  });
  return sent;
}

async function clickSignIn() {
  await userEvent.setup().click(await screen.findByRole('button', { name: 'Jetzt anmelden' }));
}

describe('SignInLinkPage', () => {
  it('does not use the link up by opening it: only the button does', async () => {
    const sent = gatewayThatSignsIn();
    renderPage(`/anmelden/${TOKEN}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Anmelden beim Innovators Club' }),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Jetzt anmelden' })).toBeEnabled();
    expect(sent.filter((request) => request.method !== 'GET')).toHaveLength(0);
  });

  it('signs in with the token and goes on to the page in weiter', async () => {
    const sent = gatewayThatSignsIn();
    const { router } = renderPage(`/anmelden/${TOKEN}?weiter=%2Fmeine-anmeldungen`);

    await clickSignIn();

    await waitFor(() => expect(router.state.location.pathname).toBe('/meine-anmeldungen'));
    expect(sent.filter((request) => request.method === 'POST')).toEqual([
      expect.objectContaining({ path: '/api/v1/auth/session', body: { token: TOKEN } }),
    ]);
    // The session was asked again: the page behind weiter sees the member signed in.
    expect(
      sent.filter((request) => request.path === '/api/v1/auth/session' && request.method === 'GET').length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('keeps the query of the page in weiter', async () => {
    gatewayThatSignsIn();
    const { router } = renderPage(
      `/anmelden/${TOKEN}?weiter=${encodeURIComponent('/veranstaltungen?kind=kommunalzirkel')}`,
    );

    await clickSignIn();

    await waitFor(() => expect(router.state.location.pathname).toBe('/veranstaltungen'));
    expect(router.state.location.search).toBe('?kind=kommunalzirkel');
  });

  it.each([
    ['no weiter', ''],
    ['another site', '?weiter=%2F%2Fboese.example'],
    ['an address with a scheme', '?weiter=https%3A%2F%2Fboese.example'],
    ['a backslash', '?weiter=%2F%5Cboese.example'],
  ])('goes to the start page with %s', async (_case, query) => {
    gatewayThatSignsIn();
    const { router } = renderPage(`/anmelden/${TOKEN}${query}`);

    await clickSignIn();

    await waitFor(() => expect(router.state.location.pathname).toBe('/start'));
  });

  it('explains a used or expired link and leads to a new one, keeping weiter', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': noSession,
      'POST /api/v1/auth/session': {
        status: 401,
        body: {
          status: 401,
          title: 'Nicht angemeldet',
          detail: 'Dieser Anmeldelink wurde bereits verwendet. Bitte fordern Sie einen neuen Anmeldelink an.',
        },
      },
    });
    const { router } = renderPage(`/anmelden/${TOKEN}?weiter=%2Fprofil`);

    await clickSignIn();

    expect(await screen.findByRole('heading', { level: 1, name: 'Anmeldung nicht möglich' })).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('Dieser Anmeldelink wurde bereits verwendet.');
    expect(screen.queryByRole('button', { name: 'Jetzt anmelden' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Neuen Anmeldelink anfordern' })).toHaveAttribute(
      'href',
      '/anmelden?weiter=%2Fprofil',
    );
    expect(router.state.location.pathname).toBe(`/anmelden/${TOKEN}`);
  });

  it('offers another try when the service does not answer', async () => {
    let attempts = 0;
    fakeGateway({
      'GET /api/v1/auth/session': () => (attempts > 1 ? memberSession : noSession),
      'POST /api/v1/auth/session': () => {
        attempts += 1;
        return attempts === 1
          ? {
              status: 503,
              body: {
                status: 503,
                title: 'Dienst nicht erreichbar',
                detail: 'Die Anmeldung ist gerade nicht erreichbar.',
              },
            }
          : memberSession;
      },
    });
    const { router } = renderPage(`/anmelden/${TOKEN}`);

    await clickSignIn();

    expect(await screen.findByRole('alert')).toHaveTextContent('Die Anmeldung ist gerade nicht erreichbar.');
    await clickSignIn();
    await waitFor(() => expect(router.state.location.pathname).toBe('/start'));
  });
});
