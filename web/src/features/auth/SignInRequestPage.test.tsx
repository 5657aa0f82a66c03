import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, memberSession, noSession, renderPage } from '../../test/render';

const accepted = {
  status: 202,
  body: {
    message: 'Wenn die Adresse bei uns bekannt ist, erhalten Sie in Kürze eine E-Mail mit einem Anmeldelink.',
  },
};

async function askForLink(address: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByRole('textbox', { name: /Ihre E-Mail-Adresse/ }), address);
  await user.click(screen.getByRole('button', { name: 'Anmeldelink anfordern' }));
}

describe('SignInRequestPage', () => {
  it('asks for a link with the page to go on to, and says what happens next', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': noSession,
      'POST /api/v1/auth/sign-in-links': accepted,
    });
    renderPage('/anmelden?weiter=%2Fmeine-anmeldungen');

    await askForLink('jonas.beispiel@kalletal.example');

    expect(await screen.findByRole('heading', { name: 'Bitte sehen Sie in Ihr Postfach' })).toBeVisible();
    expect(
      screen.getByText(/Wenn die Adresse jonas\.beispiel@kalletal\.example bei uns bekannt ist/),
    ).toHaveTextContent('Der Link gilt 15 Minuten');
    expect(screen.getByRole('heading', { name: 'Keine E-Mail angekommen?' })).toBeVisible();
    expect(sent.filter((request) => request.method === 'POST')).toEqual([
      expect.objectContaining({
        path: '/api/v1/auth/sign-in-links',
        body: { email: 'jonas.beispiel@kalletal.example', returnTo: '/meine-anmeldungen' },
      }),
    ]);
  });

  it.each([
    ['another site', '//boese.example/anmelden'],
    ['an address with a scheme', 'https://boese.example'],
    ['a backslash', '/\\boese.example'],
    ['a relative path', 'profil'],
  ])('leaves out a weiter that leads to %s', async (_case, weiter) => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': noSession,
      'POST /api/v1/auth/sign-in-links': accepted,
    });
    renderPage(`/anmelden?weiter=${encodeURIComponent(weiter)}`);

    await askForLink('jonas.beispiel@kalletal.example');

    await screen.findByRole('heading', { name: 'Bitte sehen Sie in Ihr Postfach' });
    expect(sent.find((request) => request.method === 'POST')?.body).toEqual({
      email: 'jonas.beispiel@kalletal.example',
    });
  });

  it('asks for the address beside the field before sending anything', async () => {
    const sent = fakeGateway({ 'GET /api/v1/auth/session': noSession });
    renderPage('/anmelden');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Anmeldelink anfordern' }));

    const field = screen.getByRole('textbox', { name: /Ihre E-Mail-Adresse/ });
    expect(field).toBeInvalid();
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('Bitte geben Sie Ihre E-Mail-Adresse ein.') as string,
    );

    await user.type(field, 'jonas.beispiel');
    await user.click(screen.getByRole('button', { name: 'Anmeldelink anfordern' }));

    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('Bitte geben Sie eine vollständige E-Mail-Adresse ein') as string,
    );
    expect(sent.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('shows "too many requests" in words beside the field', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': noSession,
      'POST /api/v1/auth/sign-in-links': {
        status: 429,
        body: {
          status: 429,
          title: 'Zu viele Anfragen',
          detail: 'Zu viele Anmeldelinks in kurzer Zeit. Bitte versuchen Sie es in einigen Minuten erneut.',
        },
      },
    });
    renderPage('/anmelden');

    await askForLink('jonas.beispiel@kalletal.example');

    const field = screen.getByRole('textbox', { name: /Ihre E-Mail-Adresse/ });
    expect(await screen.findByRole('alert')).toHaveTextContent('Zu viele Anmeldelinks in kurzer Zeit.');
    expect(field).toBeInvalid();
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('Bitte versuchen Sie es in einigen Minuten erneut.') as string,
    );
    expect(
      screen.queryByRole('heading', { name: 'Bitte sehen Sie in Ihr Postfach' }),
    ).not.toBeInTheDocument();
  });

  it("shows the gateway's message for the field beside it", async () => {
    fakeGateway({
      'GET /api/v1/auth/session': noSession,
      'POST /api/v1/auth/sign-in-links': {
        status: 400,
        body: {
          status: 400,
          title: 'Ungültige Anfrage',
          detail: 'Die Anfrage enthält ungültige Felder: email.',
          errors: [{ field: 'email', message: 'Diese E-Mail-Adresse ist zu lang.' }],
        },
      },
    });
    renderPage('/anmelden');

    await askForLink('jonas.beispiel@kalletal.example');

    expect(await screen.findByRole('alert')).toHaveTextContent('Bitte korrigieren Sie die markierte Angabe.');
    expect(screen.getByRole('textbox', { name: /Ihre E-Mail-Adresse/ })).toHaveAccessibleDescription(
      expect.stringContaining('Diese E-Mail-Adresse ist zu lang.') as string,
    );
  });

  it('goes back to the form with the address kept, to ask for another link', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': noSession,
      'POST /api/v1/auth/sign-in-links': accepted,
    });
    renderPage('/anmelden');
    await askForLink('jonas.beispiel@kalletal.example');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Neuen Anmeldelink anfordern' }));
    await user.click(screen.getByRole('button', { name: 'Anmeldelink anfordern' }));

    await screen.findByRole('heading', { name: 'Bitte sehen Sie in Ihr Postfach' });
    expect(sent.filter((request) => request.method === 'POST')).toHaveLength(2);
  });

  it('tells a signed-in member so and leads on to where they wanted to go', async () => {
    fakeGateway({ 'GET /api/v1/auth/session': memberSession });
    renderPage('/anmelden?weiter=%2Fprofil');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Sie sind bereits angemeldet' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Weiter' })).toHaveAttribute('href', '/profil');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('leads a signed-in member without a weiter to the start page', async () => {
    fakeGateway({ 'GET /api/v1/auth/session': memberSession });
    renderPage('/anmelden?weiter=%2F%2Fboese.example');

    expect(await screen.findByRole('link', { name: 'Zu Ihrer Übersicht' })).toHaveAttribute('href', '/start');
  });
});
