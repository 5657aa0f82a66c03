import { MemberInvitedEvent } from '@ic/contracts';
import { eventually } from '../../support/eventually';
import { NotificationsHarness, StoredDelivery } from './notifications-harness';

const BURST = 100;
const KILL_AFTER = 30;

/**
 * Guarantee 5 for e-mail: the service is SIGKILLed in the middle of a burst of invitations, once
 * about 30 have arrived at the SMTP server, and restarted; in the end every invited person has
 * exactly one invitation.
 *
 * The restarted instance has another instance id, so the events the killed one was handling stay
 * claimed until their lease runs out (TEST_CLAIM_LEASE_MS): the test waits for that too.
 */
describe('Notifications service killed during a burst of invitations', () => {
  const harness = new NotificationsHarness();
  const domain = `${harness.suffix}.stadt.example`;

  beforeAll(() => harness.connect());
  afterAll(() => harness.stop());

  it(`ends with exactly one invitation for each of ${BURST} people after a SIGKILL and a restart`, async () => {
    const first = await harness.startService('notifications (killed)');
    const invitations = Array.from({ length: BURST }, (_, index) =>
      harness.invited({ email: `burst-${index}@${domain}`, lastName: `Burst${index}` }),
    );
    const events = invitations.map((invitation) =>
      harness.event(MemberInvitedEvent, invitation.memberId, invitation.data),
    );
    const deliveries = harness.db.collection<StoredDelivery>('deliveries');

    await harness.publish(...events);
    const arrivedAtKill = await eventually(
      async () => {
        const arrived = (await harness.mailToDomain(domain)).length;
        expect(arrived).toBeGreaterThanOrEqual(KILL_AFTER);
        return arrived;
      },
      60_000,
      5,
    );
    await first.kill();
    const sentAtKill = await deliveries.countDocuments({ status: 'sent' });
    const sendingAtKill = await deliveries.countDocuments({ status: 'sending' });
    expect(arrivedAtKill).toBeLessThan(BURST);

    await harness.startService('notifications (restarted)');
    await eventually(
      async () => expect(await deliveries.countDocuments({ status: 'sent' })).toBe(BURST),
      150_000,
      500,
    );

    const mailboxes = await Promise.all(
      invitations.map(async ({ data }) => ({
        address: data.profile.email,
        mail: await harness.mailTo(data.profile.email),
      })),
    );
    // Each person has one invitation, with the Message-ID of the event that invited them.
    expect(new Set(mailboxes.map(({ address }) => address)).size).toBe(BURST);
    mailboxes.forEach(({ mail }, index) => {
      expect(mail).toHaveLength(1);
      expect(mail[0].messageId).toBe(`<invitation.${events[index].id}@dstgb.example>`);
    });
    // A mail the server took just before the kill (after its "250 OK", before "sent" was stored) is
    // sent again after the restart with the same Message-ID: the sink, like a mailbox, keeps one copy
    // and counts the arrival. Reported, not failed: SMTP cannot rule it out (see DeliverMailUseCase).
    const resent = mailboxes.filter(({ mail }) => (mail[0].deliveries ?? 1) > 1);
    const attempts = (await deliveries.find({}).toArray()).reduce(
      (sum, delivery) => sum + delivery.attempts,
      0,
    );
    process.stdout.write(
      `crash test: killed with ${arrivedAtKill} mails at the server, ${sentAtKill} recorded sent, ` +
        `${sendingAtKill} sending; ${attempts} SMTP attempts in all; ${resent.length} of ${BURST} reached ` +
        `the server twice${resent.map(({ mail }) => ` ${mail[0].messageId ?? ''}`).join(',')}\n`,
    );
  }, 240_000);
});
