import { ClubEventSnapshot, displayName } from '@ic/contracts';
import { calendarEntriesOf, Clock, writeCalendar } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { deliverEach, FanOutTally, noMails } from '../../deliveries/deliver-mail/deliver-each';
import {
  composedMail,
  DeliverMailUseCase,
  DeliveryAttempt,
  DeliveryRequest,
} from '../../deliveries/deliver-mail/deliver-mail.usecase';
import { announcementDeliveryIdOf } from '../../deliveries/delivery-id';
import { calendarFeedLink, mailLink } from '../../mail/club-office';
import { MailSettings } from '../../mail/mail-settings';
import { announcementSubject, renderAnnouncementMail } from '../../mail/templates/announcement.template';
import { ContactRecord, ContactsRepository } from '../../replicas/contacts.repository';
import { KnownEventsRepository } from '../../replicas/known-events.repository';
import { isAnnouncementRecipient, registrationStageOf } from '../announcement.rules';
import { RecordEventUseCase } from '../record-event/record-event.usecase';

export interface AnnounceEventCommand {
  /** ce_id of EventAnnounced. */
  readonly causedBy: string;
  readonly correlationId?: string;
  readonly event: ClubEventSnapshot;
}

/** How the announcement went, recipient by recipient. */
export type AnnouncementTally = Readonly<FanOutTally>;

/** Progress is logged after every this many recipients, so a long fan-out shows where it is. */
const PROGRESS_EVERY = 25;

/** Some mails of an announcement could not be sent yet; the event is handled again, or dead-lettered. */
export class AnnouncementIncompleteError extends Error {
  constructor(clubEventId: string, failures: readonly string[], total: number) {
    super(
      `Ankündigung ${clubEventId}: ${failures.length} von ${total} E-Mails nicht zugestellt; ` +
        `zuerst: ${failures[0]}`,
    );
    this.name = 'AnnouncementIncompleteError';
  }
}

/**
 * Mails an announced event to the members it fits (see isAnnouncementRecipient), one delivery per
 * event and member (announcementDeliveryIdOf), as the event is now known (a cancelled one not at
 * all), and notes whether it named a registration opening still ahead: then the audience is told
 * again when registration opens (AnnounceRegistrationOpeningUseCase). Handled again, after a
 * redelivery or a crash in the middle, it finds the deliveries already sent and sends only the
 * rest, so nobody gets it twice and everybody gets it once. A failed mail does not hold up the others: the fan-out goes
 * on, and throws at the end so that the consumer handles the event again (those already sent are
 * skipped) or, after the last attempt, records the failures and dead-letters it.
 */
@Injectable()
export class AnnounceEventUseCase {
  private readonly logger = new Logger(AnnounceEventUseCase.name);

  constructor(
    private readonly deliver: DeliverMailUseCase,
    private readonly contacts: ContactsRepository,
    private readonly events: RecordEventUseCase,
    private readonly knownEvents: KnownEventsRepository,
    private readonly settings: MailSettings,
    private readonly clock: Clock,
  ) {}

  async execute(command: AnnounceEventCommand, attempt: DeliveryAttempt): Promise<AnnouncementTally> {
    // As now known: an announcement handled again later (a retry, a replay from the dead-letter
    // topic) does not repeat a registration date the office has changed or overtaken since.
    const event = await this.events.newest(command.event);
    const now = this.clock.now();
    if (event.status === 'cancelled' || (event.endsAt && new Date(event.endsAt) <= now)) {
      this.logger.warn(`Event ${event.eventId} is cancelled or over by now; its announcement is not sent`);
      return noMails();
    }
    await this.knownEvents.recordAnnouncement(event.eventId, registrationStageOf(event, now) === 'ahead');
    const recipients = (await this.contacts.findActive()).filter((contact) =>
      isAnnouncementRecipient(event, contact),
    );
    const total = recipients.length;
    this.logger.log(`Announcing event ${event.eventId} „${event.title}“ to ${total} members`);

    const calendarFile = writeCalendar({
      entries: calendarEntriesOf(event, { eventUrl: this.settings.eventPage }),
    });
    const { tally, failures } = await deliverEach(
      this.deliver,
      recipients.map((contact) => this.requestFor(command, event, contact, calendarFile)),
      attempt,
      {
        progress: (done, all, sofar) => {
          if (done % PROGRESS_EVERY !== 0 && done !== all) return;
          this.logger.log(
            `Announcement of ${event.eventId}: ${done} of ${all} (sent ${sofar.sent}, ` +
              `sent before ${sofar['already-sent']}, failed ${sofar.failed + sofar['already-failed']}, ` +
              `to retry ${sofar['retry-pending']})`,
          );
        },
      },
    );
    if (failures.length > 0) throw new AnnouncementIncompleteError(event.eventId, failures, total);
    return tally;
  }

  private requestFor(
    command: AnnounceEventCommand,
    event: ClubEventSnapshot,
    contact: ContactRecord,
    calendarFile: string,
  ): DeliveryRequest {
    return {
      kind: 'announcement',
      eventId: event.eventId,
      memberId: contact.memberId,
      causedBy: command.causedBy,
      deliveryId: announcementDeliveryIdOf(event.eventId, contact.memberId),
      ...(command.correlationId ? { correlationId: command.correlationId } : {}),
      subject: announcementSubject(event),
      compose: () => {
        const { linkBaseUrl, unsubscribeLinks, office } = this.settings;
        const content = renderAnnouncementMail({
          addressee: contact,
          event,
          calendarFile,
          feedLink: calendarFeedLink(linkBaseUrl),
          unsubscribeLink: mailLink(linkBaseUrl, 'abmelden', unsubscribeLinks.issue(contact.memberId)),
          eventPage: this.settings.eventPage(event.eventId),
          registration: registrationStageOf(event, this.clock.now()),
          office,
        });
        return Promise.resolve(composedMail({ name: displayName(contact), address: contact.email }, content));
      },
    };
  }
}
