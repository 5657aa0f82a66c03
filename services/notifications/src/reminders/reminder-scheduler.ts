import { Clock, describe, RepeatingPass } from '@ic/platform';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NotificationsEnv } from '../notifications.env';
import { RemindersRepository } from './reminders.repository';
import { SendReminderUseCase } from './send-reminder/send-reminder.usecase';

/** Reminders handled per pass at most; the next pass, an interval later, takes the rest. */
const DUE_BATCH = 20;

/**
 * Sends the reminders when they fall due. It keeps no state of its own: every pass asks the
 * database which reminders are due, so a restart misses nothing, and a reminder that fell due while
 * the service was down goes out on the first pass after it (unless its occasion has begun by then).
 * With several instances every one runs passes; the reminder's claim lets one of them send it.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReminderScheduler.name);
  private readonly intervalMs: number;
  private readonly repeating: RepeatingPass;

  constructor(
    private readonly reminders: RemindersRepository,
    private readonly send: SendReminderUseCase,
    private readonly clock: Clock,
    config: ConfigService<NotificationsEnv, true>,
  ) {
    this.intervalMs = config.get('REMINDER_INTERVAL_MS', { infer: true });
    this.repeating = new RepeatingPass(() => this.pass(), this.intervalMs);
  }

  onApplicationBootstrap(): void {
    this.repeating.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.repeating.stop();
  }

  /** One pass: every due reminder, one after another. Never throws. */
  async pass(): Promise<void> {
    try {
      for (const reminder of await this.reminders.findDue(this.clock.now(), DUE_BATCH)) {
        if (this.repeating.isStopped) return;
        try {
          await this.send.execute(reminder);
        } catch (error) {
          this.logger.warn(`Could not send reminder ${reminder.id}: ${describe(error)}`);
        }
      }
    } catch (error) {
      this.logger.warn(`Reminder pass failed, trying again in ${this.intervalMs} ms: ${describe(error)}`);
    }
  }
}
