import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../../api/openapi';
import { fakeGateway, operationsSession, renderPage, staffSession } from '../../../test/render';

type DeadLetter = components['schemas']['DeadLetterResponse'];

const PATH = '/geschaeftsstelle/betrieb';
const ID = 'ic.registrations.v1.dlt:0:17';

const letter: DeadLetter = {
  id: ID,
  state: 'open',
  topic: 'ic.registrations.v1',
  partition: 2,
  offset: '1042',
  reason: 'handler-failed',
  redeliverable: true,
  error: 'Zu Mitglied 5b0f7a52 liegen keine Kontaktdaten vor (Ereignis MemberInvited nicht erhalten).',
  attempts: 5,
  group: 'notifications.events',
  failedAt: '2026-12-06T09:00:00.000Z',
  eventId: '7c674864-fca8-4271-906f-bb55b2c58a0e',
  eventType: 'de.dstgb.ic.registrations.RegistrationConfirmed.v1',
};

const figures = {
  open: 1,
  openByTopic: [
    { topic: 'ic.membership.v1', open: 0 },
    { topic: 'ic.events.v1', open: 0 },
    { topic: 'ic.registrations.v1', open: 1 },
    { topic: 'ic.notifications.v1', open: 0 },
  ],
};

function gateway(routes: Parameters<typeof fakeGateway>[0] = {}) {
  return fakeGateway({
    'GET /api/v1/auth/session': operationsSession,
    'GET /api/v1/dead-letters/figures': { body: figures },
    'GET /api/v1/dead-letters': { body: { items: [letter], nextCursor: null } },
    ...routes,
  });
}

describe('Betrieb (dead letters)', () => {
  it('shows each open message with its reason and error in words, and the open ones per stream', async () => {
    gateway();
    renderPage(PATH);

    expect(await screen.findByRole('heading', { level: 1, name: 'Betrieb' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Betrieb' })).toHaveAttribute('aria-current', 'page');
    const card = (
      await screen.findByRole('heading', { level: 3, name: 'RegistrationConfirmed (Anmeldungen)' })
    ).closest('li')!;
    expect(within(card).getByText('Offen')).toBeVisible();
    expect(within(card).getByText('Verarbeitung nach allen Versuchen gescheitert')).toBeVisible();
    expect(within(card).getByText(/liegen keine Kontaktdaten vor/)).toBeVisible();
    expect(within(card).getByText('notifications.events')).toBeVisible();
    expect(await screen.findByText('1 offene Nachricht')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Die offene Nachricht erneut zustellen' })).toBeVisible();
  });

  it('offers only to discard a message no service can read: redelivering would fail the same way', async () => {
    const unreadable: DeadLetter = {
      ...letter,
      id: 'ic.membership.v1.dlt:0:3',
      topic: 'ic.membership.v1',
      reason: 'unparseable',
      redeliverable: false,
      error: 'missing header ce_specversion',
      eventId: undefined,
      eventType: undefined,
    };
    gateway({ 'GET /api/v1/dead-letters': { body: { items: [unreadable], nextCursor: null } } });
    renderPage(PATH);

    const card = (await screen.findByText('missing header ce_specversion')).closest('li')!;
    expect(within(card).getByText('Nachricht nicht lesbar')).toBeVisible();
    expect(within(card).getByText(/kann kein Dienst lesen/)).toBeVisible();
    expect(within(card).queryByRole('button', { name: /erneut zustellen/ })).toBeNull();
    expect(within(card).getByRole('button', { name: /verwerfen/ })).toBeVisible();
  });

  it('reads the list and the figures again on „Neu laden“, so that they agree', async () => {
    let failedSince = false;
    gateway({
      'GET /api/v1/dead-letters/figures': () => ({
        body: failedSince
          ? figures
          : { open: 0, openByTopic: figures.openByTopic.map((entry) => ({ ...entry, open: 0 })) },
      }),
      'GET /api/v1/dead-letters': () => ({ body: { items: failedSince ? [letter] : [], nextCursor: null } }),
    });
    const user = userEvent.setup();
    renderPage(PATH);

    expect(await screen.findByText('Keine offenen Nachrichten.')).toBeVisible();
    failedSince = true;
    await user.click(screen.getByRole('button', { name: 'Neu laden' }));

    expect(await screen.findByText('1 offene Nachricht')).toBeVisible();
    expect(
      await screen.findByRole('heading', { level: 3, name: 'RegistrationConfirmed (Anmeldungen)' }),
    ).toBeVisible();
  });

  it('redelivers one after asking, once per click, and says so', async () => {
    const sent = gateway({
      [`POST /api/v1/dead-letters/${encodeURIComponent(ID)}/redeliver`]: {
        body: {
          ...letter,
          state: 'redelivered',
          redelivered: { by: 'staff_1', at: '2026-12-06T10:00:00.000Z' },
        },
      },
    });
    const user = userEvent.setup();
    renderPage(PATH);

    await user.click(
      await screen.findByRole('button', { name: 'RegistrationConfirmed (Anmeldungen) erneut zustellen' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Nachricht erneut zustellen?' });
    expect(
      within(dialog).getByText(/zurück an den Dienst, der sie aufgegeben hat \(notifications\.events\)/),
    ).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Ja, erneut zustellen' }));

    expect(
      await screen.findByText('„RegistrationConfirmed (Anmeldungen)“ wurde erneut zugestellt.'),
    ).toBeVisible();
    const posts = sent.filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0].headers.get('Idempotency-Key')).toMatch(/^betrieb-/);
  });

  it('shows in the dialog that another operator was first', async () => {
    gateway({
      [`POST /api/v1/dead-letters/${encodeURIComponent(ID)}/redeliver`]: {
        status: 409,
        body: {
          type: 'about:blank',
          title: 'Konflikt',
          status: 409,
          detail:
            'Diese Nachricht wurde bereits am 06.12.2026, 11:00 erneut zugestellt; sie wird nicht ein zweites Mal zugestellt.',
        },
      },
    });
    const user = userEvent.setup();
    renderPage(PATH);

    await user.click(
      await screen.findByRole('button', { name: 'RegistrationConfirmed (Anmeldungen) erneut zustellen' }),
    );
    await user.click(screen.getByRole('button', { name: 'Ja, erneut zustellen' }));

    const dialog = screen.getByRole('dialog', { name: 'Nachricht erneut zustellen?' });
    expect(await within(dialog).findByText(/nicht ein zweites Mal zugestellt/)).toBeVisible();
  });

  it('discards only with a note, and sends the note', async () => {
    const sent = gateway({
      [`POST /api/v1/dead-letters/${encodeURIComponent(ID)}/discard`]: {
        body: {
          ...letter,
          state: 'discarded',
          discarded: { by: 'staff_1', at: '2026-12-06T10:00:00.000Z', note: 'Testanmeldung' },
        },
      },
    });
    const user = userEvent.setup();
    renderPage(PATH);

    await user.click(
      await screen.findByRole('button', { name: 'RegistrationConfirmed (Anmeldungen) verwerfen' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Nachricht verwerfen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Verwerfen' }));
    expect(
      within(dialog).getByText('Bitte geben Sie einen Vermerk mit mindestens 3 Zeichen ein.'),
    ).toBeVisible();
    expect(sent.filter((request) => request.method === 'POST')).toEqual([]);

    await user.type(within(dialog).getByLabelText(/Vermerk/), 'Testanmeldung');
    await user.click(within(dialog).getByRole('button', { name: 'Verwerfen' }));

    expect(await screen.findByText('„RegistrationConfirmed (Anmeldungen)“ wurde verworfen.')).toBeVisible();
    expect(sent.find((request) => request.method === 'POST')?.body).toEqual({ note: 'Testanmeldung' });
  });

  it('tells the office without the operations role that the page is not theirs, and shows no link to it', async () => {
    const sent = gateway({ 'GET /api/v1/auth/session': staffSession });
    renderPage(PATH);

    expect(
      await screen.findByText(/nur Konten der Geschäftsstelle zur Verfügung, die auch den Betrieb/),
    ).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Betrieb' })).toBeNull();
    expect(sent.some((request) => request.path.startsWith('/api/v1/dead-letters'))).toBe(false);
  });
});
