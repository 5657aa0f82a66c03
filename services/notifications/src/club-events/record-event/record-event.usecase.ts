import { ClubEventSnapshot } from '@ic/contracts';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NotificationsEnv } from '../../notifications.env';
import { reminderOccasionsOf } from '../../reminders/reminder-occasions';
import { RemindersRepository } from '../../reminders/reminders.repository';
import { KnownEventsRepository } from '../../replicas/known-events.repository';

/**
 * Keeps the club events replica and, with every newer snapshot, the event's reminders: an event
 * moved, a module dated, an event cancelled or held changes what is to be reminded of and when.
 */
@Injectable()
export class RecordEventUseCase {
  private readonly daysBefore: number;

  constructor(
    private readonly events: KnownEventsRepository,
    private readonly reminders: RemindersRepository,
    config: ConfigService<NotificationsEnv, true>,
  ) {
    this.daysBefore = config.get('REMINDER_DAYS_BEFORE', { infer: true });
  }

  /** Records the snapshot if it is newer than the one held; true if it was. */
  async execute(snapshot: ClubEventSnapshot): Promise<boolean> {
    const recorded = await this.events.record(snapshot);
    if (recorded) await this.planReminders(snapshot);
    return recorded;
  }

  /**
   * Plans the reminders of the snapshot, then of any newer one recorded meanwhile. The registrations
   * and the events topics are handled side by side: a newer snapshot (the event cancelled) may be
   * recorded and planned while this older one is still being planned, and without the second look
   * the older plan, written last, would keep a reminder of a cancelled event.
   */
  private async planReminders(snapshot: ClubEventSnapshot): Promise<void> {
    for (let planned: ClubEventSnapshot | undefined = snapshot; planned;) {
      await this.reminders.plan(planned.eventId, reminderOccasionsOf(planned, this.daysBefore));
      const newest = await this.events.find(planned.eventId);
      planned = newest && newest.revision > planned.revision ? newest : undefined;
    }
  }

  /**
   * The newest known state of the event: the snapshot a registration event carried, or the
   * replica's when that is newer (the events service published a change the registrations service
   * had not yet seen). A newer carried snapshot is recorded.
   */
  async newest(carried: ClubEventSnapshot): Promise<ClubEventSnapshot> {
    const known = await this.events.find(carried.eventId);
    if (known && known.revision >= carried.revision) return known;
    await this.execute(carried);
    return carried;
  }
}
