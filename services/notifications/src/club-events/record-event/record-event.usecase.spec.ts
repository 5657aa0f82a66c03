import { ClubEventSnapshot, exampleLoungeSnapshot } from '@ic/contracts';
import { ConfigService } from '@nestjs/config';
import { mock } from 'jest-mock-extended';
import { NotificationsEnv } from '../../notifications.env';
import { ReminderOccasion } from '../../reminders/reminder-occasions';
import { RemindersRepository } from '../../reminders/reminders.repository';
import { KnownEventsRepository } from '../../replicas/known-events.repository';
import { RecordEventUseCase } from './record-event.usecase';

const announced: ClubEventSnapshot = { ...exampleLoungeSnapshot, status: 'announced' };
const cancelled: ClubEventSnapshot = {
  ...announced,
  revision: announced.revision + 1,
  status: 'cancelled',
  cancellation: { reason: 'Zu wenige Anmeldungen.', cancelledAt: '2027-01-10T09:00:00.000Z' },
};

/** The use case on a replica whose newest snapshot is `newest` once the given one is recorded. */
function newTestUseCase(newest: ClubEventSnapshot) {
  const plans: (readonly ReminderOccasion[])[] = [];
  const events = mock<KnownEventsRepository>({
    record: () => Promise.resolve(true),
    find: () => Promise.resolve(newest),
  });
  const reminders = mock<RemindersRepository>({
    plan: (_eventId, occasions) => {
      plans.push(occasions);
      return Promise.resolve();
    },
  });
  const config = new ConfigService<NotificationsEnv, true>({ REMINDER_DAYS_BEFORE: 1 });
  return { sut: new RecordEventUseCase(events, reminders, config), plans };
}

describe(RecordEventUseCase.name, () => {
  it('plans the reminders of a newer snapshot', async () => {
    const { sut, plans } = newTestUseCase(announced);

    await expect(sut.execute(announced)).resolves.toBe(true);

    expect(plans).toHaveLength(1);
    expect(plans[0].map((occasion) => occasion.id)).toEqual([`${announced.eventId}:event`]);
  });

  it('plans again from a newer snapshot recorded meanwhile, so that a cancelled event keeps no reminder', async () => {
    const { sut, plans } = newTestUseCase(cancelled);

    await sut.execute(announced);

    expect(plans.map((occasions) => occasions.length)).toEqual([1, 0]);
  });
});
