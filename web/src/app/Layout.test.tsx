import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, memberSession, noSession, renderPage } from '../test/render';

describe('Layout', () => {
  it('offers visitors the events and „Anmelden“, and a skip link to the content', async () => {
    fakeGateway({ 'GET /api/v1/auth/session': noSession });
    renderPage('/seite-die-es-nicht-gibt');
    const navigation = screen.getByRole('navigation', { name: 'Hauptnavigation' });
    expect(await within(navigation).findByRole('link', { name: 'Anmelden' })).toHaveAttribute(
      'href',
      '/anmelden',
    );
    expect(within(navigation).getByRole('link', { name: 'Veranstaltungen' })).toBeInTheDocument();
    expect(within(navigation).queryByRole('link', { name: 'Profil' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Zum Inhalt springen' })).toHaveAttribute('href', '#inhalt');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'inhalt');
  });

  it('shows a signed-in member their pages and signs them out with the session’s CSRF token', async () => {
    const sent = fakeGateway({
      'GET /api/v1/auth/session': memberSession,
      'DELETE /api/v1/auth/session': { status: 204 },
      'GET /api/v1/events': { body: { items: [] } },
    });
    const { router } = renderPage('/seite-die-es-nicht-gibt');
    const navigation = screen.getByRole('navigation', { name: 'Hauptnavigation' });
    for (const name of ['Übersicht', 'Veranstaltungen', 'Meine Anmeldungen', 'Mitglieder', 'Profil']) {
      expect(await within(navigation).findByRole('link', { name })).toBeInTheDocument();
    }
    await userEvent.click(within(navigation).getByRole('button', { name: 'Abmelden' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    const signOut = sent.find((request) => request.method === 'DELETE');
    expect(signOut?.path).toBe('/api/v1/auth/session');
    expect(signOut?.headers.get('X-CSRF-Token')).toBe('csrf-of-the-test');
  });
});

describe('NotFoundPage', () => {
  it('says the page does not exist and offers ways onward', async () => {
    fakeGateway({ 'GET /api/v1/auth/session': noSession });
    renderPage('/gibt-es-nicht');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Seite nicht gefunden' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Zur Startseite' })).toHaveAttribute('href', '/');
    expect(document.title).toBe('Seite nicht gefunden – Innovators Club');
  });
});

describe('RequireSignIn', () => {
  it('sends a visitor to „Anmelden“ and remembers where they wanted to go', async () => {
    fakeGateway({ 'GET /api/v1/auth/session': noSession });
    const { router } = renderPage('/profil');
    await screen.findByRole('navigation', { name: 'Hauptnavigation' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/anmelden'));
    expect(router.state.location.search).toBe(`?weiter=${encodeURIComponent('/profil')}`);
  });
});
