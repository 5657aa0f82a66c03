import { eventually } from '../../support/eventually';
import { announcedLounge } from './announcement-fixtures';
import { NotificationsHarness, StoredDelivery } from './notifications-harness';

const MEMBERS = 150;
const KILL_AFTER = 30;

/**
 * An announcement to many members, with the service SIGKILLed in the middle of the fan-out and
 * started again: EventAnnounced is handled again (its offset was never committed), the deliveries
 * already sent are skipped, and in the end every member has exactly one announcement.
 *
 * The restarted instance has another instance id, so the event stays claimed by the killed one
 * until the claim's lease runs out (TEST_CLAIM_LEASE_MS): the test waits for that too.
 */
describe('Notifications service killed in the middle of an announcement', () => {
  const harness = new NotificationsHarness();
  const domain = `${harness.suffix}.kommune.example`;
  const members = Array.from({ length: MEMBERS }, (_, index) =>
    harness.activated({ email: `mitglied-${index}@${domain}`, lastName: `Mitglied${index}` }),
  );

  beforeAll(() => harness.connect());
  afterAll(() => harness.stop());

  it(`ends with exactly one announcement for each of ${MEMBERS} members after a SIGKILL and a restart`, async () => {
    const first = await harness.startService('notifications (killed)');
    await harness.publish(...members.map(({ event }) => event));
    await eventually(
      async () =>
        expect(await harness.db.collection('contacts').countDocuments({ status: 'active' })).toBe(MEMBERS),
      60_000,
      250,
    );
    const lounge = announcedLounge({ announceTo: 'all-members' });
    const announcement = (message: { messageId: string | null }) =>
      message.messageId?.startsWith(`<announcement.${lounge.eventId}.`) ?? false;
    const deliveries = harness.db.collection<StoredDelivery>('deliveries');

    const publishedAt = Date.now();
    await harness.publishClubEvents(harness.announced(lounge));
    const arrivedAtKill = await eventually(
      async () => {
        const arrived = (await harness.mailToDomain(domain)).filter(announcement).length;
        expect(arrived).toBeGreaterThanOrEqual(KILL_AFTER);
        return arrived;
      },
      60_000,
      5,
    );
    const killedAfterMs = Date.now() - publishedAt;
    await first.kill();
    const sentAtKill = await deliveries.countDocuments({ status: 'sent' });
    expect(arrivedAtKill).toBeLessThan(MEMBERS);

    await harness.startService('notifications (restarted)');
    await eventually(
      async () => expect(await deliveries.countDocuments({ status: 'sent' })).toBe(MEMBERS),
      150_000,
      500,
    );

    const mail = (await harness.mailToDomain(domain)).filter(announcement);
    const perAddress = new Map<string, number>();
    for (const message of mail) {
      for (const address of message.to) perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    }
    expect([...perAddress.keys()].sort()).toEqual(members.map(({ email }) => email).sort());
    expect([...perAddress.values()].every((count) => count === 1)).toBe(true);
    // A mail the server took just before the kill (after its "250 OK", before "sent" was stored)
    // goes out again with the same Message-ID; mailboxes, and the sink, keep one copy. Reported.
    const resent = mail.filter((message) => (message.deliveries ?? 1) > 1);
    process.stdout.write(
      `announcement crash test: ${arrivedAtKill} of ${MEMBERS} at the server after ${killedAfterMs} ms ` +
        `(${Math.round(killedAfterMs / arrivedAtKill)} ms per mail), ${sentAtKill} recorded sent at the kill; ` +
        `${resent.length} reached the server twice\n`,
    );
  }, 240_000);
});
