import { MembershipRequests, NotificationsRequests } from '@ic/contracts';
import { randomUUID } from 'node:crypto';
import { fieldsOf, GatewayTestApp, signTestToken, startGatewayTestApp } from '../testing/gateway-test-app';
import { DeliveriesController } from './deliveries.controller';

describe(DeliveriesController.name, () => {
  let sut: GatewayTestApp;
  const staff = signTestToken({ role: 'staff' });
  const memberId = randomUUID();

  beforeEach(async () => {
    sut = await startGatewayTestApp();
    sut.rpc
      .answer(MembershipRequests.sessionActive, () => ({ active: true }))
      .answer(NotificationsRequests.listDeliveries, () => ({
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
      `/api/v1/deliveries?status=failed&kind=invitation&memberId=${memberId}`,
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
});
