import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../../api/openapi';
import { fakeGateway, renderPage, staffSession } from '../../../test/render';

type Delivery = components['schemas']['DeliveryResponse'];
type EventSummary = components['schemas']['EventSummaryResponse'];

const PATH = '/geschaeftsstelle/versand';
const MEMBER_ID = '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10';
const EVENT_ID = '1a2b3c4d-0000-4000-8000-000000000002';
const FAILED_ID = 'invitation:7c674864-fca8-4271-906f-bb55b2c58a0e';

function delivery(change: Partial<Delivery> = {}): Delivery {
  return {
    id: 'announcement:1a2b3c4d-0000-4000-8000-000000000002:5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
    kind: 'announcement',
    memberId: MEMBER_ID,
    eventId: EVENT_ID,
    recipient: 'anna.mueller@stadt.example',
    subject: 'Innovators Lounge Leipzig: Jetzt anmelden',
    status: 'sent',
    attempts: 1,
    createdAt: '2026-11-21T09:00:00.000Z',
    sentAt: '2026-11-21T09:00:02.000Z',
    ...change,
  };
}

const failed = delivery({
  id: FAILED_ID,
  kind: 'invitation',
  eventId: undefined,
  recipient: 'jonas@kalletal.example',
  subject: 'Ihre Berufung in den Innovators Club des DStGB',
  status: 'failed',
  attempts: 4,
  lastError: '550 5.1.1 Mailbox unavailable',
  sentAt: undefined,
});

const lounge: EventSummary = {
  eventId: EVENT_ID,
  kind: 'innovators-lounge',
  title: 'Innovators Lounge Leipzig',
  status: 'registration-open',
  capacity: 40,
  federalStates: [],
  themes: [],
  startsAt: '2027-02-10T17:00:00.000Z',
  endsAt: '2027-02-10T21:00:00.000Z',
  registration: { opensAt: '2026-11-21T09:00:00.000Z', closesAt: '2027-02-01T22:59:00.000Z' },
};

function gateway(routes: Parameters<typeof fakeGateway>[0] = {}) {
  return fakeGateway({
    'GET /api/v1/auth/session': staffSession,
    'GET /api/v1/events': (_request, url) =>
      url.searchParams.get('when') === 'upcoming'
        ? { body: { items: [lounge], nextCursor: null } }
        : { body: { items: [], nextCursor: null } },
    'GET /api/v1/deliveries': { body: { items: [failed, delivery()], nextCursor: null } },
    ...routes,
  });
}

describe('Versand (delivery log)', () => {
  it('lists the mails with state and kind in words, the SMTP answer of a failed one and the event it is about', async () => {
    gateway();
    renderPage(PATH);

    expect(await screen.findByRole('heading', { level: 1, name: 'Versand' })).toBeVisible();
    const refused = (
      await screen.findByRole('heading', { level: 3, name: 'Ihre Berufung in den Innovators Club des DStGB' })
    ).closest('li')!;
    expect(within(refused).getByText('Fehlgeschlagen')).toBeVisible();
    expect(within(refused).getByText('Berufung')).toBeVisible();
    expect(within(refused).getByText('jonas@kalletal.example')).toBeVisible();
    expect(within(refused).getByText('Antwort des Mailservers')).toBeVisible();
    expect(within(refused).getByText('550 5.1.1 Mailbox unavailable')).toBeVisible();
    expect(within(refused).getByText('4 Versuche')).toBeVisible();
    expect(
      within(refused).getByRole('button', {
        name: '„Ihre Berufung in den Innovators Club des DStGB“ an jonas@kalletal.example erneut versenden',
      }),
    ).toBeVisible();

    const announced = screen
      .getByRole('heading', { level: 3, name: 'Innovators Lounge Leipzig: Jetzt anmelden' })
      .closest('li')!;
    expect(within(announced).getByText('Versandt', { selector: '.badge' })).toBeVisible();
    expect(within(announced).getByText('Ankündigung einer Veranstaltung')).toBeVisible();
    expect(within(announced).getAllByText('21.11.2026, 10:00 Uhr')).toHaveLength(2);
    expect(await within(announced).findByRole('link', { name: 'Innovators Lounge Leipzig' })).toHaveAttribute(
      'href',
      `/geschaeftsstelle/veranstaltungen/${EVENT_ID}`,
    );
    expect(within(announced).queryByRole('button', { name: /erneut versenden/ })).toBeNull();
    expect(within(announced).getByRole('link', { name: 'Alle E-Mails an dieses Mitglied' })).toHaveAttribute(
      'href',
      `${PATH}?mitglied=${MEMBER_ID}`,
    );
    expect(screen.getByText('2 E-Mails. Die neuesten zuerst.')).toBeVisible();
    expect(document.body).not.toHaveTextContent(/queued|failed|sent\b|Delivery|Status/);
  });

  it('searches by recipient, event, state and kind, keeps them in the address with German names, and pages on', async () => {
    const sent = gateway({
      'GET /api/v1/deliveries': (_request, url) =>
        url.searchParams.get('cursor')
          ? { body: { items: [delivery({ id: 'zwei', subject: 'Zweite Seite' })], nextCursor: null } }
          : { body: { items: [delivery()], nextCursor: 'seite-2' } },
    });
    const user = userEvent.setup();
    const { router } = renderPage(PATH);

    await screen.findByRole('heading', { level: 3, name: 'Innovators Lounge Leipzig: Jetzt anmelden' });
    await user.type(screen.getByLabelText('Empfänger (E-Mail-Adresse)'), 'Anna.Mueller@stadt.example');
    await user.selectOptions(
      await screen.findByLabelText('Veranstaltung'),
      'Innovators Lounge Leipzig (Innovators Lounge, 10.02.2027)',
    );
    await user.selectOptions(screen.getByLabelText('Stand'), 'Versandt');
    await user.selectOptions(screen.getByLabelText('Art der E-Mail'), 'Ankündigung einer Veranstaltung');
    await user.click(screen.getByRole('button', { name: 'Suchen' }));

    expect(router.state.location.search).toBe(
      `?empfaenger=Anna.Mueller%40stadt.example&veranstaltung=${EVENT_ID}&stand=versandt&art=ankuendigung`,
    );
    await screen.findByText('1 E-Mail angezeigt, weitere folgen. Die neuesten zuerst.');
    const query = new URL(
      `http://x${sent.filter((r) => r.path.startsWith('/api/v1/deliveries')).at(-1)?.path}`,
    ).searchParams;
    expect(Object.fromEntries(query)).toEqual({
      recipient: 'Anna.Mueller@stadt.example',
      eventId: EVENT_ID,
      status: 'sent',
      kind: 'announcement',
      limit: '25',
    });

    await user.click(screen.getByRole('button', { name: 'Weitere E-Mails anzeigen' }));
    expect(await screen.findByRole('heading', { level: 3, name: 'Zweite Seite' })).toBeVisible();
    expect(sent.at(-1)?.path).toContain('cursor=seite-2');

    await user.click(screen.getByRole('link', { name: 'Alle E-Mails zeigen' }));
    expect(router.state.location.search).toBe('');
  });

  it('reads a search from the address and says in words when nothing matches', async () => {
    const sent = gateway({ 'GET /api/v1/deliveries': { body: { items: [], nextCursor: null } } });
    renderPage(`${PATH}?stand=fehlgeschlagen&mitglied=${MEMBER_ID}&art=unbekannt`);

    expect(await screen.findByText('Keine E-Mail passt zu dieser Suche.')).toBeVisible();
    expect(screen.getByLabelText('Stand')).toHaveValue('failed');
    expect(screen.getByText('Es werden nur die E-Mails an ein bestimmtes Mitglied gezeigt.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Diese Einschränkung aufheben' })).toHaveAttribute(
      'href',
      `${PATH}?stand=fehlgeschlagen`,
    );
    expect(sent.find((r) => r.path.startsWith('/api/v1/deliveries'))?.path).toBe(
      `/api/v1/deliveries?status=failed&memberId=${MEMBER_ID}&limit=25`,
    );
  });

  it('sends a failed mail again after a confirmation that says where it goes, and says so', async () => {
    let resent = false;
    const sent = gateway({
      'GET /api/v1/deliveries': () => ({
        body: { items: [resent ? { ...failed, status: 'queued' } : failed], nextCursor: null },
      }),
      [`POST /api/v1/deliveries/${encodeURIComponent(FAILED_ID)}/resend`]: () => {
        resent = true;
        return { body: { ...failed, status: 'queued' } };
      },
    });
    const user = userEvent.setup();
    renderPage(PATH);

    await user.click(await screen.findByRole('button', { name: /erneut versenden$/ }));
    const dialog = screen.getByRole('dialog', { name: 'E-Mail erneut versenden?' });
    expect(within(dialog).getByText(/an jonas@kalletal\.example oder, falls die Adresse/)).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Ja, erneut versenden' }));

    expect(
      await screen.findByText(
        'Die E-Mail „Ihre Berufung in den Innovators Club des DStGB“ steht wieder in der Warteschlange und wird gleich versandt. Ihr neuer Stand erscheint in der Liste.',
      ),
    ).toBeVisible();
    expect(await screen.findByText('In der Warteschlange', { selector: '.badge' })).toBeVisible();
    expect(sent.some((r) => r.method === 'POST' && r.path.endsWith('/resend'))).toBe(true);
  });

  it('shows the refusal of a resend in words inside the dialog', async () => {
    gateway({
      [`POST /api/v1/deliveries/${encodeURIComponent(FAILED_ID)}/resend`]: {
        status: 409,
        body: {
          type: 'about:blank',
          title: 'Konflikt',
          status: 409,
          detail:
            'Diese E-Mail wurde bereits zugestellt; nur eine E-Mail, deren Versand fehlgeschlagen ist, kann erneut versandt werden.',
        },
      },
    });
    const user = userEvent.setup();
    renderPage(PATH);

    await user.click(await screen.findByRole('button', { name: /erneut versenden$/ }));
    await user.click(screen.getByRole('button', { name: 'Ja, erneut versenden' }));

    const dialog = screen.getByRole('dialog', { name: 'E-Mail erneut versenden?' });
    expect(await within(dialog).findByText(/Diese E-Mail wurde bereits zugestellt/)).toBeVisible();
  });

  it('offers no resend for a sign-in link and explains why', async () => {
    gateway({
      'GET /api/v1/deliveries': {
        body: {
          items: [{ ...failed, kind: 'sign-in-link', subject: 'Ihr Anmeldelink für den Innovators Club' }],
          nextCursor: null,
        },
      },
    });
    renderPage(PATH);

    expect(await screen.findByText(/Anmeldelinks werden nicht erneut versandt/)).toBeVisible();
    expect(screen.queryByRole('button', { name: /erneut versenden/ })).toBeNull();
  });

  it('says what went wrong when the log cannot be read, with a way to try again', async () => {
    gateway({
      'GET /api/v1/deliveries': {
        status: 503,
        body: {
          type: 'about:blank',
          title: 'Dienst nicht erreichbar',
          status: 503,
          detail: 'Der Versanddienst antwortet gerade nicht.',
        },
      },
    });
    renderPage(PATH);

    expect(await screen.findByText('Der Versanddienst antwortet gerade nicht.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeVisible();
  });
});
