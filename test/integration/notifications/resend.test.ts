import {
  CallerIdentity,
  MemberInvitedEvent,
  MemberProfileUpdatedEvent,
  NotificationsRequests,
} from '@ic/contracts';
import { RpcClient } from '@ic/messaging';
import { RemoteProblemError } from '@ic/platform';
import { eventually } from '../../support/eventually';
import { testTopic } from '../../support/kafka-probe';
import { linkIn, NotificationsHarness } from './notifications-harness';

const staff: CallerIdentity = { subject: 'staff-test', roles: ['staff'] };

/**
 * The office sends a failed mail again (`notifications.deliveries.resend`, POST
 * /api/v1/deliveries/{id}/resend), against Kafka, the database and the SMTP sink: the sink refuses
 * smtp-reject addresses for good, so the first mail fails as it would in the field.
 */
describe('Notifications service: a failed mail sent again', () => {
  const harness = new NotificationsHarness();
  const replyTopic = `ic.test-notifications-resend-${harness.suffix}.replies`;
  const client = new RpcClient(harness.kafka, {
    instanceId: `notifications-resend-test-${harness.suffix}`,
    replyTopic,
    defaultTimeoutMs: 15_000,
  });
  const resend = (deliveryId: string, identity: CallerIdentity = staff) =>
    client.send(NotificationsRequests.resendDelivery, { deliveryId }, { identity });

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

  it('re-queues a refused invitation, fails again at the same address, then goes to the corrected one; a delivered one is refused with 409', async () => {
    const refusedAddress = harness.address('smtp-reject-resend');
    const invited = harness.invited({ email: refusedAddress });
    const invitedEvent = harness.event(MemberInvitedEvent, invited.memberId, invited.data);
    const id = `invitation:${invitedEvent.id}`;
    await harness.publish(invitedEvent);
    const failed = await harness.waitForDelivery(id, 'failed');
    expect(failed).toMatchObject({ attempts: 1, lastError: '550 5.1.1 Mailbox unavailable' });

    // Sent again as it is: the sink still refuses the address, so it fails again, with the new answer.
    await expect(resend(id)).resolves.toMatchObject({ id, status: 'queued', attempts: 1 });
    await eventually(async () => {
      expect(await harness.delivery(id)).toMatchObject({
        status: 'failed',
        attempts: 2,
        lastError: '550 5.1.1 Mailbox unavailable',
      });
    });

    // The office corrects the address; the resend goes there, with the link of the first mail.
    const correctedAddress = harness.address('resend.corrected');
    await harness.publish(
      harness.event(MemberProfileUpdatedEvent, invited.memberId, {
        memberId: invited.memberId,
        changedBy: { subject: 'staff-test', role: 'staff' },
        changedFields: ['email'],
        profile: { ...invited.data.profile, email: correctedAddress },
      }),
    );
    // The replica takes the new address from the event; until then a resend would still go to the old one.
    await eventually(async () => {
      const contact = await harness.db
        .collection<{ _id: string; email?: string }>('contacts')
        .findOne({ _id: invited.memberId });
      expect(contact?.email).toBe(correctedAddress);
    });
    await expect(resend(id)).resolves.toMatchObject({ id, status: 'queued' });
    const [mail] = await harness.waitForMail(correctedAddress);
    expect(mail.subject).toBe('Ihre Berufung in den Innovators Club des DStGB');
    expect(linkIn(mail.text, 'einladung')).toBe(invited.token);
    const sent = await harness.waitForDelivery(id, 'sent');
    expect(sent).toMatchObject({ attempts: 3, recipient: correctedAddress });
    expect(sent.lastError).toBeUndefined();
    expect(
      await harness.db
        .collection<{ _id: string }>('deliveries')
        .findOne({ _id: id, mail: { $exists: true } }),
    ).toBeNull();

    // Delivered now: a further request is refused in words, and no second mail goes out.
    const again = resend(id);
    await expect(again).rejects.toThrow(RemoteProblemError);
    await expect(again).rejects.toMatchObject({
      problem: { status: 409, detail: expect.stringContaining('bereits zugestellt') },
    });
    await expect(resend('invitation:00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      problem: { status: 404 },
    });
    await expect(resend(id, { subject: invited.memberId, roles: ['member'] })).rejects.toMatchObject({
      problem: { status: 403 },
    });
    expect(await harness.mailTo(correctedAddress)).toHaveLength(1);
  });

  it('filters the log by the address, without regard to case', async () => {
    const address = harness.address('log.by-address');
    const invited = harness.invited({ email: address });
    const invitedEvent = harness.event(MemberInvitedEvent, invited.memberId, invited.data);
    await harness.publish(invitedEvent);
    await harness.waitForDelivery(`invitation:${invitedEvent.id}`, 'sent');

    const found = await client.send(
      NotificationsRequests.listDeliveries,
      { recipient: address.toUpperCase() },
      { identity: staff },
    );
    expect(found.items.map((item) => item.id)).toEqual([`invitation:${invitedEvent.id}`]);
  });
});
