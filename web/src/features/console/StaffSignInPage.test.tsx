import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, memberSession, noSession, renderPage, staffSession } from '../../test/render';

const REFUSAL = {
  status: 401,
  body: { type: 'about:blank', title: 'Nicht angemeldet', status: 401, detail: 'Anmeldung fehlgeschlagen.' },
};

/** A gateway whose staff sign-in succeeds (the session answer changes) or refuses. */
function gatewayForSignIn(succeeds: boolean) {
  let signedIn = false;
  return fakeGateway({
    'GET /api/v1/auth/session': () => (signedIn ? staffSession : noSession),
    'POST /api/v1/auth/staff/session': () => {
      if (!succeeds) return REFUSAL;
      signedIn = true;
      return staffSession;
    },
  });
}

async function signIn(email: string, password: string) {
  const user = userEvent.setup();
  if (email) await user.type(await screen.findByLabelText('E-Mail-Adresse'), email);
  if (password) await user.type(screen.getByLabelText('Passwort'), password);
  await user.click(await screen.findByRole('button', { name: 'Anmelden' }));
}

describe('Office console sign-in', () => {
  it('sends a console page opened without a session to the sign-in, and back to it afterwards', async () => {
    const sent = gatewayForSignIn(true);
    const { router } = renderPage('/geschaeftsstelle/versand?stand=fehlgeschlagen');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Anmeldung der Geschäftsstelle' }),
    ).toBeVisible();
    await signIn('office@innovators.example', 'richtig-geheim');

    await waitFor(() =>
      expect(`${router.state.location.pathname}${router.state.location.search}`).toBe(
        '/geschaeftsstelle/versand?stand=fehlgeschlagen',
      ),
    );
    expect(sent.filter((request) => request.method === 'POST')).toEqual([
      expect.objectContaining({
        path: '/api/v1/auth/staff/session',
        body: { email: 'office@innovators.example', password: 'richtig-geheim' },
      }),
    ]);
    expect(await screen.findByRole('navigation', { name: 'Navigation der Geschäftsstelle' })).toBeVisible();
  });

  it('does not follow weiter out of the console', async () => {
    gatewayForSignIn(true);
    const { router } = renderPage(`/geschaeftsstelle/anmelden?weiter=${encodeURIComponent('/profil')}`);

    await signIn('office@innovators.example', 'richtig-geheim');

    await waitFor(() => expect(router.state.location.pathname).toBe('/geschaeftsstelle'));
  });

  it('says in words that e-mail or password is wrong, without saying which', async () => {
    gatewayForSignIn(false);
    renderPage('/geschaeftsstelle/anmelden');

    await signIn('office@innovators.example', 'falsch');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'E-Mail-Adresse oder Passwort stimmen nicht. Bitte prüfen Sie beide Angaben.',
    );
  });

  it('names the missing fields beside them and sends nothing', async () => {
    const sent = gatewayForSignIn(true);
    renderPage('/geschaeftsstelle/anmelden');

    await signIn('', '');

    expect(await screen.findByLabelText('E-Mail-Adresse')).toHaveAccessibleDescription(
      'Bitte geben Sie Ihre E-Mail-Adresse ein.',
    );
    expect(screen.getByLabelText('Passwort')).toHaveAccessibleDescription(
      'Bitte geben Sie Ihr Passwort ein.',
    );
    expect(sent.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('refuses a member a console page in German and leads back to the portal', async () => {
    fakeGateway({ 'GET /api/v1/auth/session': memberSession });
    renderPage('/geschaeftsstelle/mitglieder');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Nur für die Geschäftsstelle' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Zum Mitgliederportal' })).toHaveAttribute('href', '/start');
    expect(screen.queryByRole('navigation', { name: 'Navigation der Geschäftsstelle' })).toBeNull();
  });

  it('signs out to the sign-in page with a notice, and the session is gone', async () => {
    let signedIn = true;
    const sent = fakeGateway({
      'GET /api/v1/auth/session': () => (signedIn ? staffSession : noSession),
      'DELETE /api/v1/auth/session': () => {
        signedIn = false;
        return { status: 204 };
      },
    });
    const { router } = renderPage('/geschaeftsstelle/anmelden?weiter=%2Fgeschaeftsstelle%2Fversand');
    await waitFor(() => expect(router.state.location.pathname).toBe('/geschaeftsstelle/versand'));

    await userEvent.setup().click(await screen.findByRole('button', { name: 'Abmelden' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Sie haben sich abgemeldet.');
    await waitFor(() =>
      expect(screen.queryByRole('navigation', { name: 'Navigation der Geschäftsstelle' })).toBeNull(),
    );
    expect(router.state.location.pathname).toBe('/geschaeftsstelle/anmelden');
    expect(sent.filter((request) => request.method === 'DELETE')).toHaveLength(1);
  });
});
