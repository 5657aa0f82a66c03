import { NotificationsRequests } from '@ic/contracts';
import { ConflictError, RemoteProblemError } from '@ic/platform';
import { randomUUID } from 'node:crypto';
import { fieldsOf, GatewayTestApp, signTestToken, startGatewayTestApp } from '../testing/gateway-test-app';
import { DeliveriesController } from './deliveries.controller';

describe(DeliveriesController.name, () => {
  let sut: GatewayTestApp;
  const staff = signTestToken({ role: 'staff' });
  const memberId = randomUUID();
  const eventId = randomUUID();

  beforeEach(async () => {
    sut = await startGatewayTestApp();
    sut.rpc.answer(NotificationsRequests.listDeliveries, () => ({
      items: [
        {
          id: `invitation:${memberId}`,
          kind: 'invitation' as const,
          memberId,
          recipient: 'jonas@kalletal.example',
          subject: 'Ihre Berufung',
          status: 'failed' as const,
          attempts: 4,
          lastError: '550 5.1.1 Mailbox unavailable',
          createdAt: '2026-11-21T10:00:00.000Z',
        },
      ],
      nextCursor: null,
    }));
  });

  afterEach(() => sut.close());

  it('shows the office the delivery log with its filters', async () => {
    const response = await sut.request(
      `/api/v1/deliveries?status=failed&kind=invitation&memberId=${memberId}&eventId=${eventId}&recipient=%20Jonas@Kalletal.example`,
      {
        token: staff,
      },
    );
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      items: [{ status: 'failed', lastError: '550 5.1.1 Mailbox unavailable' }],
    });
    expect(sut.rpc.sentTo(NotificationsRequests.listDeliveries)[0]?.payload).toEqual({
      status: 'failed',
      kind: 'invitation',
      memberId,
      eventId,
      recipient: 'jonas@kalletal.example',
    });
  });

  it('keeps members out', async () => {
    expect(
      (await sut.request('/api/v1/deliveries', { token: signTestToken({ role: 'member' }) })).status,
    ).toBe(403);
  });

  it('refuses a malformed member id, naming it', async () => {
    const response = await sut.request('/api/v1/deliveries?memberId=x', { token: staff });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.json)).toEqual(['memberId']);
  });

  it('sends a failed mail again for the office, naming the delivery', async () => {
    const deliveryId = `invitation:${memberId}`;
    sut.rpc.answer(NotificationsRequests.resendDelivery, () => ({
      id: deliveryId,
      kind: 'invitation' as const,
      memberId,
      recipient: 'jonas@kalletal.example',
      subject: 'Ihre Berufung',
      status: 'queued' as const,
      attempts: 4,
      lastError: '550 5.1.1 Mailbox unavailable',
      createdAt: '2026-11-21T10:00:00.000Z',
    }));

    const response = await sut.request(`/api/v1/deliveries/${encodeURIComponent(deliveryId)}/resend`, {
      method: 'POST',
      token: staff,
    });

    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ id: deliveryId, status: 'queued' });
    expect(sut.rpc.sentTo(NotificationsRequests.resendDelivery)[0]?.payload).toEqual({ deliveryId });
  });

  it('passes on the refusal of a mail that did not fail as 409', async () => {
    sut.rpc.answer(NotificationsRequests.resendDelivery, () => {
      throw new RemoteProblemError(
        new ConflictError('Diese E-Mail wurde bereits zugestellt.').toProblem('c'),
      );
    });
    const response = await sut.request(`/api/v1/deliveries/invitation:${memberId}/resend`, {
      method: 'POST',
      token: staff,
    });
    expect(response.status).toBe(409);
    expect(response.json).toMatchObject({ detail: 'Diese E-Mail wurde bereits zugestellt.' });
  });

  it('refuses a malformed delivery id and keeps members out of the resend', async () => {
    const malformed = await sut.request('/api/v1/deliveries/%24where/resend', {
      method: 'POST',
      token: staff,
    });
    expect(malformed.status).toBe(400);
    expect(fieldsOf(malformed.json)).toEqual(['deliveryId']);
    const asMember = await sut.request(`/api/v1/deliveries/invitation:${memberId}/resend`, {
      method: 'POST',
      token: signTestToken({ role: 'member' }),
    });
    expect(asMember.status).toBe(403);
    expect(sut.rpc.sentTo(NotificationsRequests.resendDelivery)).toHaveLength(0);
  });
});
