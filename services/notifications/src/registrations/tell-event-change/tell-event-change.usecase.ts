import { ClubEventSnapshot, RegisteredEventChanged, RegistrationSnapshot } from '@ic/contracts';
import { Clock } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { RecordEventUseCase } from '../../club-events/record-event/record-event.usecase';
import {
  deliverEach,
  FanOutTally,
  MailsIncompleteError,
  noMails,
} from '../../deliveries/deliver-mail/deliver-each';
import {
  composedMail,
  DeliverMailUseCase,
  DeliveryAttempt,
  DeliveryRequest,
} from '../../deliveries/deliver-mail/deliver-mail.usecase';
import { registrationDeliveryIdOf } from '../../deliveries/delivery-id';
import { MailSettings } from '../../mail/mail-settings';
import { eventChangedSubject, renderEventChangedMail } from '../../mail/templates/event-changed.template';
import { registrationCalendarFiles } from '../registration-calendar';
import {
  memberIdOf,
  personIdOf,
  RecipientSlot,
  recipientSlotsOf,
  RegistrationRecipients,
} from '../registration-recipients';

export interface TellEventChangeCommand {
  /** ce_id of RegisteredEventChanged. */
  readonly causedBy: string;
  readonly correlationId?: string;
  readonly change: RegisteredEventChanged;
}

/**
 * The schedule or venue of an event changed: everyone registered (confirmed or waiting; each
 * delegation person) is told, those with a seat with the updated calendar entry. One delivery per
 * registration, event revision and person, so each change of the event is told once; the
 * registrations service names the registrations, in parts of at most 100, in the order of its own
 * seat changes, so nobody registered at that moment is missed.
 */
@Injectable()
export class TellEventChangeUseCase {
  private readonly logger = new Logger(TellEventChangeUseCase.name);

  constructor(
    private readonly events: RecordEventUseCase,
    private readonly recipients: RegistrationRecipients,
    private readonly deliver: DeliverMailUseCase,
    private readonly settings: MailSettings,
    private readonly clock: Clock,
  ) {}

  async execute(command: TellEventChangeCommand, attempt: DeliveryAttempt): Promise<FanOutTally> {
    const { change } = command;
    const event = await this.events.newest(change.event);
    if (event.status === 'cancelled') {
      this.logger.log(
        `No change mails for event ${event.eventId} (revision ${change.eventRevision}): it is cancelled`,
      );
      return noMails();
    }
    const requests = change.registrations
      .filter((registration) => registration.status !== 'cancelled')
      .flatMap((registration) =>
        recipientSlotsOf(registration).map((slot) => this.requestFor(command, event, registration, slot)),
      );
    this.logger.log(
      `Telling ${requests.length} people of the change of event ${event.eventId} (revision ${change.eventRevision}, part ${change.part} of ${change.parts})`,
    );
    const { tally, failures } = await deliverEach(this.deliver, requests, attempt);
    if (failures.length > 0) {
      throw new MailsIncompleteError(
        `Änderung der Veranstaltung ${event.eventId} (Revision ${change.eventRevision}, Teil ${change.part})`,
        failures,
        requests.length,
      );
    }
    return tally;
  }

  private requestFor(
    command: TellEventChangeCommand,
    event: ClubEventSnapshot,
    registration: RegistrationSnapshot,
    slot: RecipientSlot,
  ): DeliveryRequest {
    const { changed, eventRevision } = command.change;
    const memberId = memberIdOf(slot);
    return {
      kind: 'event-changed',
      eventId: event.eventId,
      ...(memberId ? { memberId } : {}),
      causedBy: command.causedBy,
      deliveryId: registrationDeliveryIdOf(
        'event-changed',
        registration.registrationId,
        eventRevision,
        personIdOf(slot),
      ),
      ...(command.correlationId ? { correlationId: command.correlationId } : {}),
      subject: eventChangedSubject({ event, changed }),
      compose: async () => {
        const recipient = await this.recipients.resolve(slot, registration.registrant.municipality?.name);
        const calendarFiles =
          registration.status === 'confirmed'
            ? registrationCalendarFiles(event, registration, {
                method: 'PUBLISH',
                office: this.settings.office,
                eventUrl: this.settings.eventPage,
              })
            : undefined;
        const content = renderEventChangedMail({
          addressee: recipient.addressee,
          event,
          registration,
          ...(recipient.delegate ? { delegate: recipient.delegate } : {}),
          ...(calendarFiles ? { calendarFiles } : {}),
          ...(memberId ? { eventPage: this.settings.eventPage(event.eventId) } : {}),
          office: this.settings.office,
          now: this.clock.now(),
          changed,
        });
        return composedMail(recipient.to, content);
      },
    };
  }
}
