import { DeadLetterReply, DeadLetterRequests } from '@ic/contracts';
import { ConflictError, RemoteProblemError } from '@ic/platform';
import { fieldsOf, GatewayTestApp, signTestToken, startGatewayTestApp } from '../testing/gateway-test-app';
import { DeadLettersController } from './dead-letters.controller';

const letter: DeadLetterReply = {
  id: 'ic.registrations.v1.dlt:0:17',
  state: 'open',
  topic: 'ic.registrations.v1',
  partition: 2,
  offset: '1042',
  reason: 'handler-failed',
  redeliverable: true,
  error: 'Zu Mitglied 42 liegen keine Kontaktdaten vor',
  attempts: 5,
  group: 'notifications.events',
  failedAt: '2026-12-06T09:00:00.000Z',
  eventType: 'de.dstgb.ic.registrations.RegistrationConfirmed.v1',
};

describe(DeadLettersController.name, () => {
  let sut: GatewayTestApp;
  const operator = signTestToken({ role: 'staff', ops: true });

  beforeEach(async () => {
    sut = await startGatewayTestApp();
    sut.rpc
      .answer(DeadLetterRequests.list, () => ({ items: [letter], nextCursor: null }))
      .answer(DeadLetterRequests.redeliver, () => {
        throw new RemoteProblemError(
          new ConflictError('Diese Nachricht wurde bereits erneut zugestellt.').toProblem('corr-1'),
        );
      })
      .answer(DeadLetterRequests.discard, ({ note }) => ({
        ...letter,
        state: 'discarded' as const,
        discarded: { by: 'staff-ops', at: '2026-12-06T10:00:00.000Z', note },
      }));
  });

  afterEach(() => sut.close());

  it('lists the dead letters for staff with the operations role, with the caller as operator', async () => {
    const response = await sut.request('/api/v1/dead-letters?state=open&topic=ic.registrations.v1', {
      token: operator,
    });

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ items: [letter], nextCursor: null });
    const [sent] = sut.rpc.sentTo(DeadLetterRequests.list);
    expect(sent?.payload).toEqual({ state: 'open', topic: 'ic.registrations.v1' });
    expect(sent?.options.identity.roles).toEqual(['staff', 'operations']);
  });

  it('keeps out the office without the operations role, and members', async () => {
    for (const role of ['staff', 'member']) {
      const response = await sut.request('/api/v1/dead-letters', { token: signTestToken({ role }) });
      expect(response.status).toBe(403);
    }
    expect(sut.rpc.sentTo(DeadLetterRequests.list)).toEqual([]);
  });

  it('refuses a token that claims the operations role for a member', async () => {
    const response = await sut.request('/api/v1/dead-letters', {
      token: signTestToken({ role: 'member', ops: true }),
    });

    expect(response.status).toBe(401);
  });

  it('passes on the 409 of a second redelivery', async () => {
    const response = await sut.request(`/api/v1/dead-letters/${letter.id}/redeliver`, {
      method: 'POST',
      token: operator,
    });

    expect(response.status).toBe(409);
    expect(sut.rpc.sentTo(DeadLetterRequests.redeliver)[0]?.payload).toEqual({ deadLetterId: letter.id });
  });

  it('discards with the note, and refuses a discard without one, naming the field', async () => {
    const discarded = await sut.request(`/api/v1/dead-letters/${letter.id}/discard`, {
      method: 'POST',
      token: operator,
      body: { note: 'Testanmeldung, hinfällig' },
    });
    const withoutNote = await sut.request(`/api/v1/dead-letters/${letter.id}/discard`, {
      method: 'POST',
      token: operator,
      body: {},
    });

    expect(discarded.status).toBe(200);
    expect(discarded.json).toMatchObject({
      state: 'discarded',
      discarded: { note: 'Testanmeldung, hinfällig' },
    });
    expect(withoutNote.status).toBe(400);
    expect(fieldsOf(withoutNote.json)).toContain('note');
  });

  it('refuses an id that names no dead letter, naming it', async () => {
    const response = await sut.request('/api/v1/dead-letters/irgendwas/redeliver', {
      method: 'POST',
      token: operator,
    });

    expect(response.status).toBe(400);
    expect(fieldsOf(response.json)).toEqual(['deadLetterId']);
  });
});
