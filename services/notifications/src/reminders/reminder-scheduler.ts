import { Clock, PeriodicWorker } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NotificationsEnv } from '../notifications.env';
import { RemindersRepository } from './reminders.repository';
import { SendReminderUseCase } from './send-reminder/send-reminder.usecase';

/** Reminders handled per pass at most; the next pass, an interval later, takes the rest. */
const DUE_BATCH = 20;

/**
 * Sends the reminders when they fall due. Every pass asks the database which reminders are due, so
 * a reminder that fell due while the service was down goes out on the first pass after it (unless
 * its occasion has begun by then).
 * With several instances every one runs passes; the reminder's claim lets one of them send it.
 */
@Injectable()
export class ReminderScheduler extends PeriodicWorker {
  constructor(
    private readonly reminders: RemindersRepository,
    private readonly send: SendReminderUseCase,
    private readonly clock: Clock,
    config: ConfigService<NotificationsEnv, true>,
  ) {
    super('Reminder', config.get('REMINDER_INTERVAL_MS', { infer: true }));
  }

  /** Every due reminder, one after another. */
  protected async work(): Promise<void> {
    await this.eachItem(
      await this.reminders.findDue(this.clock.now(), DUE_BATCH),
      (reminder) => this.send.execute(reminder),
      (reminder) => `Could not send reminder ${reminder.id}`,
    );
  }
}
