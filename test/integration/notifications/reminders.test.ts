import { formatBerlinTime, RegistrationConfirmedEvent } from '@ic/contracts';
import { eventually, sleep } from '../../support/eventually';
import { NotificationsHarness } from './notifications-harness';
import { changeOf, memberRegistration, openLounge } from './registration-fixtures';

/**
 * A person whose seat is confirmed after the reminder went out (inside the reminder window, before
 * the event begins) still gets the reminder, once; those reminded before get no second one.
 */
describe('Reminders for people who register inside the reminder window', () => {
  const harness = new NotificationsHarness({ REMINDER_DAYS_BEFORE: '1', REMINDER_INTERVAL_MS: '300' });
  const domain = `${harness.suffix}.erinnerung.example`;

  beforeAll(() => harness.connect());
  afterAll(() => harness.stop());

  it('reminds who registers after the reminder went out, and nobody twice', async () => {
    await harness.startService('notifications (reminders)');
    const people = ['frueh', 'spaet'].map((name) =>
      harness.activated({ email: `${name}@${domain}`, lastName: name }),
    );
    const [early, late] = people;
    await harness.publish(...people.map(({ event }) => event));
    await eventually(async () => {
      for (const { memberId } of people) {
        expect(await harness.db.collection('contacts').findOne({ _id: memberId as never })).not.toBeNull();
      }
    });
    // Starts a day (REMINDER_DAYS_BEFORE=1) and 5 s from now: the reminder falls due in 5 s.
    const startsAt = new Date(Date.now() + 24 * 3600_000 + 5_000);
    const lounge = openLounge({
      startsAt: formatBerlinTime(startsAt),
      endsAt: formatBerlinTime(new Date(startsAt.getTime() + 4 * 3600_000)),
      registration: {
        opensAt: formatBerlinTime(new Date(Date.now() - 3600_000)),
        closesAt: formatBerlinTime(new Date(startsAt.getTime() - 3600_000)),
      },
    });
    const confirmed = (memberId: string) => {
      const now = new Date().toISOString();
      return harness.registrationEvent(
        RegistrationConfirmedEvent,
        changeOf(memberRegistration(lounge, memberId, { registeredAt: now, confirmedAt: now }), lounge),
      );
    };
    const remindersTo = async (address: string) =>
      (await harness.mailTo(address)).filter((message) => message.subject.startsWith('Erinnerung'));

    await harness.publishRegistrationEvents(confirmed(early.memberId));
    await eventually(async () => expect(await remindersTo(early.email)).toHaveLength(1), 30_000);

    // Inside the window, after the reminder went out.
    await harness.publishRegistrationEvents(confirmed(late.memberId));
    await eventually(async () => expect(await harness.mailTo(late.email)).not.toHaveLength(0), 30_000);
    await eventually(async () => expect(await remindersTo(late.email)).toHaveLength(1), 30_000);

    await sleep(2000);
    expect(await remindersTo(early.email)).toHaveLength(1);
    expect(await remindersTo(late.email)).toHaveLength(1);
    const [reminder] = await remindersTo(late.email);
    expect(reminder.text).toContain('wir erinnern Sie gern an die folgende Veranstaltung');
  }, 120_000);
});
