import {
  CallerIdentity,
  DeliveryReply,
  MemberInvitedEvent,
  NotificationsRequests,
  SignInLinkRequestedEvent,
} from '@ic/contracts';
import { RpcClient } from '@ic/messaging';
import { newLinkToken, RemoteProblemError } from '@ic/platform';
import { testTopic } from '../../support/kafka-probe';
import { NotificationsHarness } from './notifications-harness';

const staff: CallerIdentity = { subject: 'staff-test', roles: ['staff'] };

/** The delivery log as the gateway asks for it: `notifications.deliveries.list` over the request topic. */
describe('Notifications service: the delivery log', () => {
  const harness = new NotificationsHarness();
  const replyTopic = `ic.test-notifications-${harness.suffix}.replies`;
  const client = new RpcClient(harness.kafka, {
    instanceId: `notifications-test-${harness.suffix}`,
    replyTopic,
    defaultTimeoutMs: 15_000,
  });

  beforeAll(async () => {
    await harness.connect();
    await harness.kafka.ensureTopics([testTopic(replyTopic, 3)]);
    await harness.startService();
    await client.start();
  });

  afterAll(async () => {
    await client.stop();
    await harness.stop();
  });

  it('shows the office each mail with its status, newest first, filtered and paged; a member gets 403', async () => {
    // One member with an invitation and a sign-in link (both sent), another whose address is refused.
    const sentTo = harness.invited({ email: harness.address('log.sent') });
    const signInEvent = harness.event(SignInLinkRequestedEvent, sentTo.memberId, {
      memberId: sentTo.memberId,
      expiresAt: new Date(Date.now() + 15 * 60 * 1000).toISOString(),
      signInToken: harness.seal(newLinkToken()),
    });
    const refused = harness.invited({ email: harness.address('smtp-reject-log') });
    const invitedEvent = harness.event(MemberInvitedEvent, sentTo.memberId, sentTo.data);
    const refusedEvent = harness.event(MemberInvitedEvent, refused.memberId, refused.data);
    await harness.publish(invitedEvent, refusedEvent);
    await harness.waitForDelivery(`invitation:${invitedEvent.id}`, 'sent');
    await harness.publish(signInEvent);
    await harness.waitForDelivery(`sign-in-link:${signInEvent.id}`, 'sent');
    await harness.waitForDelivery(`invitation:${refusedEvent.id}`, 'failed');

    const ofMember = await client.send(
      NotificationsRequests.listDeliveries,
      { memberId: sentTo.memberId },
      { identity: staff },
    );
    expect(ofMember.nextCursor).toBeNull();
    expect(ofMember.items).toEqual<DeliveryReply[]>([
      {
        id: `sign-in-link:${signInEvent.id}`,
        kind: 'sign-in-link',
        memberId: sentTo.memberId,
        recipient: harness.address('log.sent'),
        subject: 'Ihr Anmeldelink für den Innovators Club',
        status: 'sent',
        attempts: 1,
        createdAt: expect.any(String),
        sentAt: expect.any(String),
      },
      {
        id: `invitation:${invitedEvent.id}`,
        kind: 'invitation',
        memberId: sentTo.memberId,
        recipient: harness.address('log.sent'),
        subject: 'Ihre Berufung in den Innovators Club des DStGB',
        status: 'sent',
        attempts: 1,
        createdAt: expect.any(String),
        sentAt: expect.any(String),
      },
    ]);

    const failed = await client.send(
      NotificationsRequests.listDeliveries,
      { status: 'failed', kind: 'invitation' },
      { identity: staff },
    );
    expect(failed.items).toEqual([
      expect.objectContaining({
        id: `invitation:${refusedEvent.id}`,
        status: 'failed',
        recipient: harness.address('smtp-reject-log'),
        lastError: '550 5.1.1 Mailbox unavailable',
      }),
    ]);

    const firstPage = await client.send(
      NotificationsRequests.listDeliveries,
      { memberId: sentTo.memberId, limit: 1 },
      { identity: staff },
    );
    expect(firstPage.items.map((item) => item.id)).toEqual([`sign-in-link:${signInEvent.id}`]);
    expect(firstPage.nextCursor).toEqual(expect.any(String));
    const secondPage = await client.send(
      NotificationsRequests.listDeliveries,
      { memberId: sentTo.memberId, limit: 1, cursor: firstPage.nextCursor ?? undefined },
      { identity: staff },
    );
    expect(secondPage.items.map((item) => item.id)).toEqual([`invitation:${invitedEvent.id}`]);
    expect(secondPage.nextCursor).toBeNull();

    const asMember = client.send(
      NotificationsRequests.listDeliveries,
      {},
      { identity: { subject: sentTo.memberId, roles: ['member'] } },
    );
    await expect(asMember).rejects.toThrow(RemoteProblemError);
    await expect(asMember).rejects.toMatchObject({ problem: { status: 403, title: 'Keine Berechtigung' } });
  });

  it('refuses bad queries with 400, naming the field', async () => {
    const refusal = (query: Record<string, unknown>) =>
      client.send(NotificationsRequests.listDeliveries, query, { identity: staff });

    await expect(refusal({ status: 'lost' })).rejects.toMatchObject({
      problem: { status: 400, errors: [expect.objectContaining({ field: 'status' })] },
    });
    await expect(refusal({ memberId: { $gt: '' } })).rejects.toMatchObject({
      problem: { status: 400, errors: [expect.objectContaining({ field: 'memberId' })] },
    });
    await expect(refusal({ limit: 1000 })).rejects.toMatchObject({
      problem: { status: 400, errors: [expect.objectContaining({ field: 'limit' })] },
    });
    await expect(refusal({ recipient: '   ' })).rejects.toMatchObject({
      problem: { status: 400, errors: [expect.objectContaining({ field: 'recipient' })] },
    });
    await expect(refusal({ cursor: 'bm90LWEtY3Vyc29y' })).rejects.toMatchObject({
      problem: { status: 422, errors: [expect.objectContaining({ field: 'cursor' })] },
    });
  });
});
