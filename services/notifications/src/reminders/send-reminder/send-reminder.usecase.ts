import { ClubEventSnapshot, RegistrationSnapshot } from '@ic/contracts';
import { Clock } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { deliverEach } from '../../deliveries/deliver-mail/deliver-each';
import { DeliverMailUseCase, DeliveryRequest } from '../../deliveries/deliver-mail/deliver-mail.usecase';
import { MailSettings } from '../../mail/mail-settings';
import { eventReminderSubject, renderEventReminderMail } from '../../mail/templates/event-reminder.template';
import { NotificationsEnv } from '../../notifications.env';
import { registrationCalendarFiles } from '../../registrations/registration-calendar';
import { registrationMailRequest } from '../../registrations/registration-mail-request';
import {
  RecipientSlot,
  recipientSlotsOf,
  RegistrationRecipients,
} from '../../registrations/registration-recipients';
import { KnownEventsRepository } from '../../replicas/known-events.repository';
import { KnownRegistrationsRepository } from '../../replicas/known-registrations.repository';
import { ReminderClaims } from '../reminder-claims';
import { isRemindable, ReminderOccasion, reminderOccasionsOf } from '../reminder-occasions';
import { ReminderRecord, RemindersRepository } from '../reminders.repository';

/** Passes that try to send a reminder before a failed mail counts as failed for good. */
const MAX_ATTEMPTS = 4;

/**
 * A late round starts this long before the last one ended: a registration the replica wrote just
 * before a round's cut-off may become visible only after it. Delivery ids keep the overlap from
 * sending anything twice.
 */
const LATE_ROUND_OVERLAP_MS = 60_000;

export type ReminderOutcome = 'sent' | 'dropped' | 'not-due' | 'busy-elsewhere' | 'retry-pending';

/**
 * Sends one due reminder to everyone confirmed for the event: each member, guest and delegation
 * person their own mail with the calendar entry. Who is confirmed after it went out (registered or
 * moved up inside the reminder window) gets it in a late round, on a later pass, until the occasion
 * begins. Nothing goes out for a cancelled or held event or an occasion that has begun.
 *
 * Once-only: each mail's delivery id names registration, day and person, so a pass repeated after a
 * crash (or a late round that overlaps the one before) sends only what is missing; the round's claim
 * keeps other instances out meanwhile, and the reminder records how far it got at the end, so no
 * later pass takes the same round up again.
 */
@Injectable()
export class SendReminderUseCase {
  private readonly logger = new Logger(SendReminderUseCase.name);
  private readonly daysBefore: number;

  constructor(
    private readonly reminders: RemindersRepository,
    private readonly claims: ReminderClaims,
    private readonly events: KnownEventsRepository,
    private readonly registrations: KnownRegistrationsRepository,
    private readonly recipients: RegistrationRecipients,
    private readonly deliver: DeliverMailUseCase,
    private readonly settings: MailSettings,
    private readonly clock: Clock,
    config: ConfigService<NotificationsEnv, true>,
  ) {
    this.daysBefore = config.get('REMINDER_DAYS_BEFORE', { infer: true });
  }

  async execute(reminder: ReminderRecord): Promise<ReminderOutcome> {
    const now = this.clock.now();
    const event = await this.events.find(reminder.eventId);
    const occasion =
      event && reminderOccasionsOf(event, this.daysBefore).find(({ id }) => id === reminder.id);
    if (!event || !occasion || !isRemindable(event) || occasion.startsAt <= now) {
      if (reminder.sentUpTo) {
        await this.reminders.endLateRounds(reminder.id);
        return 'dropped';
      }
      await this.reminders.finish(reminder.id, 'dropped');
      this.logger.log(
        `Reminder ${reminder.id} dropped: the event is cancelled, over or no longer has this date`,
      );
      return 'dropped';
    }
    if (!reminder.sentUpTo && occasion.dueAt > now) {
      await this.reminders.plan(event.eventId, reminderOccasionsOf(event, this.daysBefore));
      return 'not-due';
    }
    const since = reminder.sentUpTo && new Date(reminder.sentUpTo.getTime() - LATE_ROUND_OVERLAP_MS);
    const confirmed = await this.registrations.findConfirmed(event.eventId, since);
    if (reminder.sentUpTo && confirmed.length === 0) {
      await this.reminders.sentUpTo(reminder.id, reminder.sentUpTo, now);
      return 'sent';
    }
    const round = reminder.sentUpTo ? `${reminder.id}@${reminder.sentUpTo.toISOString()}` : reminder.id;
    const claim = await this.claims.claim(round, 'event-reminder');
    if (claim === 'busy-elsewhere') return 'busy-elsewhere';
    if (claim === 'already-handled') {
      if (!reminder.sentUpTo) await this.reminders.markSent(reminder.id, now, occasion.startsAt);
      return 'sent';
    }

    const attempts = reminder.attempts + 1;
    await this.reminders.recordAttempt(reminder.id, attempts);
    const requests = confirmed.flatMap(({ registration, causedBy }) =>
      recipientSlotsOf(registration).map((slot) =>
        this.requestFor(event, occasion, registration, slot, causedBy),
      ),
    );
    this.logger.log(`Reminding ${requests.length} people of ${round} (attempt ${attempts})`);
    const { tally, failures } = await deliverEach(this.deliver, requests, {
      number: attempts,
      last: attempts >= MAX_ATTEMPTS,
    });
    if (failures.length > 0 && attempts < MAX_ATTEMPTS) {
      this.logger.warn(
        `Reminder ${round}: ${failures.length} of ${requests.length} mails to try again; first: ${failures[0]}`,
      );
      return 'retry-pending';
    }
    if (reminder.sentUpTo) await this.reminders.sentUpTo(reminder.id, reminder.sentUpTo, now);
    else await this.reminders.markSent(reminder.id, now, occasion.startsAt);
    await this.claims.finish(round, 'done');
    this.logger.log(
      `Reminder ${round} done: sent ${tally.sent}, sent before ${tally['already-sent']}, ` +
        `failed ${tally.failed + tally['already-failed'] + tally['retry-pending']}`,
    );
    return 'sent';
  }

  private requestFor(
    event: ClubEventSnapshot,
    occasion: ReminderOccasion,
    registration: RegistrationSnapshot,
    slot: RecipientSlot,
    causedBy: string,
  ): DeliveryRequest {
    const module = event.circle?.modules.find(({ moduleId }) => moduleId === occasion.moduleId);
    return registrationMailRequest(
      {
        kind: 'event-reminder',
        slot,
        event,
        registration,
        occasion: occasion.moduleId ? occasion.moduleId.slice(0, 8) : 'event',
        causedBy,
        subject: eventReminderSubject({ event, module, startsAt: occasion.startsAt }),
        calendarFiles: () =>
          registrationCalendarFiles(event, registration, {
            method: 'PUBLISH',
            office: this.settings.office,
            eventUrl: this.settings.eventPage,
            ...(occasion.moduleId ? { moduleId: occasion.moduleId } : {}),
          }),
        render: (base) =>
          renderEventReminderMail({ ...base, ...(module ? { module } : {}), startsAt: occasion.startsAt }),
      },
      { recipients: this.recipients, settings: this.settings, clock: this.clock },
    );
  }
}
