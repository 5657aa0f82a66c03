import {
  EventCancelledEvent,
  formatBerlinTime,
  RegistrationCancelledEvent,
  RegistrationConfirmedEvent,
  RegistrationWaitlistedEvent,
} from '@ic/contracts';
import { eventually, sleep } from '../../support/eventually';
import { NotificationsHarness, StoredDelivery } from './notifications-harness';
import {
  changeOf,
  delegate,
  delegationRegistration,
  memberRegistration,
  openLounge,
} from './registration-fixtures';

const BURST = 120;
const KILL_AFTER = 25;

/**
 * The notifications service killed and restarted: in the middle of a burst of registration mails
 * (none lost, none twice), and while a reminder is due (sent once after the restart, to the people
 * still confirmed, not for a cancelled event).
 */
describe('Notifications service restarted around registration mails and reminders', () => {
  const harness = new NotificationsHarness({
    REMINDER_DAYS_BEFORE: '1',
    REMINDER_INTERVAL_MS: '300',
  });
  const domain = `${harness.suffix}.neustart.example`;
  const deliveries = () => harness.db.collection<StoredDelivery>('deliveries');

  beforeAll(() => harness.connect());
  afterAll(() => harness.stop());

  it(`ends with exactly one confirmation for each of ${BURST} registrations after a SIGKILL in the middle`, async () => {
    const members = Array.from({ length: BURST }, (_, index) =>
      harness.activated({ email: `teilnehmer-${index}@${domain}`, lastName: `Teilnehmer${index}` }),
    );
    const first = await harness.startService('notifications (killed)');
    await harness.publish(...members.map(({ event }) => event));
    await eventually(
      async () =>
        expect(await harness.db.collection('contacts').countDocuments({ status: 'active' })).toBe(BURST),
      60_000,
      250,
    );
    const lounge = openLounge();
    const confirmations = (message: { subject: string; to: string[] }) =>
      message.subject.startsWith('Anmeldung bestätigt') && message.to[0].startsWith('teilnehmer-');

    const publishedAt = Date.now();
    await harness.publishRegistrationEvents(
      ...members.map(({ memberId }) =>
        harness.registrationEvent(
          RegistrationConfirmedEvent,
          changeOf(memberRegistration(lounge, memberId), lounge),
        ),
      ),
    );
    const arrivedAtKill = await eventually(
      async () => {
        const arrived = (await harness.mailToDomain(domain)).filter(confirmations).length;
        expect(arrived).toBeGreaterThanOrEqual(KILL_AFTER);
        return arrived;
      },
      60_000,
      5,
    );
    const killedAfterMs = Date.now() - publishedAt;
    await first.kill();
    expect(arrivedAtKill).toBeLessThan(BURST);

    // The event in hand at the kill stays claimed by the dead instance until its lease runs out.
    await harness.startService('notifications (restarted)');
    await eventually(
      async () =>
        expect(await deliveries().countDocuments({ kind: 'registration-confirmed', status: 'sent' })).toBe(
          BURST,
        ),
      150_000,
      500,
    );

    const mail = (await harness.mailToDomain(domain)).filter(confirmations);
    const perAddress = new Map<string, number>();
    for (const message of mail)
      for (const to of message.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    expect([...perAddress.keys()].sort()).toEqual(members.map(({ email }) => email).sort());
    expect([...perAddress.values()].every((count) => count === 1)).toBe(true);
    const resent = mail.filter((message) => (message.deliveries ?? 1) > 1).length;
    process.stdout.write(
      `registration burst: ${arrivedAtKill} of ${BURST} confirmations at the server after ${killedAfterMs} ms ` +
        `(${Math.round(killedAfterMs / arrivedAtKill)} ms per mail); ${resent} reached the server twice (same Message-ID)\n`,
    );
  }, 240_000);

  it('sends a reminder that fell due while the service was down once after the restart, only to people still confirmed', async () => {
    const service = await harness.startService('notifications (reminders)');
    const people = ['bleibt', 'wartet', 'storniert'].map((name) =>
      harness.activated({ email: `${name}@${domain}`, lastName: name }),
    );
    const [stays, waits, cancels] = people;
    await harness.publish(...people.map(({ event }) => event));
    await eventually(async () => {
      for (const { memberId } of people) {
        expect(await harness.db.collection('contacts').findOne({ _id: memberId as never })).not.toBeNull();
      }
    });
    // Starts a day (REMINDER_DAYS_BEFORE=1) and 30 s from now: the reminder falls due in 30 s, time
    // enough on a busy machine for it to be recorded (pending) before the service is killed.
    const startsAt = new Date(Date.now() + 24 * 3600_000 + 30_000);
    const now = new Date().toISOString();
    const lounge = openLounge({
      startsAt: formatBerlinTime(startsAt),
      endsAt: formatBerlinTime(new Date(startsAt.getTime() + 4 * 3600_000)),
      registration: {
        opensAt: formatBerlinTime(new Date(Date.now() - 3600_000)),
        closesAt: formatBerlinTime(new Date(startsAt.getTime() - 3600_000)),
      },
    });
    const cancelledLounge = { ...lounge, eventId: lounge.eventId.replace(/^.{8}/, 'abcdef01') };
    const seat = memberRegistration(lounge, stays.memberId, { registeredAt: now, confirmedAt: now });
    const waiting = memberRegistration(lounge, waits.memberId, {
      status: 'waiting',
      waitingPlace: 1,
      registeredAt: now,
      confirmedAt: undefined,
    });
    const gone = memberRegistration(lounge, cancels.memberId, { registeredAt: now, confirmedAt: now });
    const anna = delegate(harness.linkTokens, {
      salutation: 'keine',
      firstName: 'Anna',
      lastName: 'Vogel',
      email: `vogel@${domain}`,
    });
    const delegation = delegationRegistration(lounge, stays.memberId, [anna], {
      registeredAt: now,
      confirmedAt: now,
    });
    const inCancelledEvent = memberRegistration(cancelledLounge, stays.memberId, {
      registeredAt: now,
      confirmedAt: now,
    });
    await harness.publishRegistrationEvents(
      ...[seat, gone, delegation].map((registration) =>
        harness.registrationEvent(RegistrationConfirmedEvent, changeOf(registration, lounge)),
      ),
      harness.registrationEvent(RegistrationWaitlistedEvent, changeOf(waiting, lounge)),
      harness.registrationEvent(RegistrationCancelledEvent, {
        ...changeOf(
          {
            ...gone,
            revision: 2,
            status: 'cancelled',
            cancelledAt: now,
            cancellation: { cause: 'registrant' },
          },
          lounge,
        ),
        cause: 'registrant',
        previousStatus: 'confirmed',
      }),
      harness.registrationEvent(RegistrationConfirmedEvent, changeOf(inCancelledEvent, cancelledLounge)),
    );
    await harness.publishClubEvents(
      harness.clubEvent(EventCancelledEvent, {
        eventId: cancelledLounge.eventId,
        revision: cancelledLounge.revision + 1,
        by: { subject: 'staff-test', role: 'staff' },
        event: {
          ...cancelledLounge,
          revision: cancelledLounge.revision + 1,
          status: 'cancelled',
          cancellation: { reason: 'Zu wenige Anmeldungen.', cancelledAt: now },
        },
        reason: 'Zu wenige Anmeldungen.',
        previousStatus: 'registration-open',
      }),
    );
    const reminders = harness.db.collection<{ _id: string; state: string }>('reminders');
    await eventually(async () => {
      expect(await reminders.findOne({ _id: `${lounge.eventId}:event` })).toMatchObject({ state: 'pending' });
      expect(await reminders.countDocuments({ eventId: cancelledLounge.eventId })).toBe(0);
      // The seat, the cancelled one and the delegation; the waiting registration is not kept.
      expect(
        await harness.db.collection('known_registrations').countDocuments({ eventId: lounge.eventId }),
      ).toBe(3);
      expect(await harness.mailTo(waits.email)).toHaveLength(1);
    });

    await service.kill();
    await sleep(Math.max(0, startsAt.getTime() - 24 * 3600_000 - Date.now()) + 1000);
    await harness.startService('notifications (reminders, restarted)');

    const reminderOf = async (address: string) =>
      (await harness.mailTo(address)).filter((message) => message.subject.startsWith('Erinnerung'));
    await eventually(async () => {
      expect(await reminderOf(stays.email)).toHaveLength(1);
      expect(await reminderOf(`vogel@${domain}`)).toHaveLength(1);
    }, 30_000);
    await eventually(async () =>
      expect(await reminders.findOne({ _id: `${lounge.eventId}:event` })).toMatchObject({ state: 'sent' }),
    );
    await sleep(2000);

    const [reminder] = await reminderOf(stays.email);
    expect(reminder.subject).toBe(
      `Erinnerung: ${lounge.title} am ${new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(startsAt)}`,
    );
    expect(reminder.attachments.map((file) => file.filename)).toEqual(['termin.ics']);
    expect(await reminderOf(stays.email)).toHaveLength(1);
    expect(await reminderOf(waits.email)).toEqual([]);
    expect(await reminderOf(cancels.email)).toEqual([]);
    expect(
      (await deliveries().find({ kind: 'event-reminder' }).toArray())
        .map((delivery) => delivery.recipient)
        .sort(),
    ).toEqual([stays.email, `vogel@${domain}`].sort());
  }, 120_000);
});
