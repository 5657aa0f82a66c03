import { ClubEventSnapshot, RegisteredEventChanged, RegistrationSnapshot } from '@ic/contracts';
import { Clock } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { RecordEventUseCase } from '../../club-events/record-event/record-event.usecase';
import { deliverAll, FanOutTally, noMails } from '../../deliveries/deliver-mail/deliver-each';
import {
  DeliverMailUseCase,
  DeliveryAttempt,
  DeliveryRequest,
} from '../../deliveries/deliver-mail/deliver-mail.usecase';
import { MailSettings } from '../../mail/mail-settings';
import { eventChangedSubject, renderEventChangedMail } from '../../mail/templates/event-changed.template';
import { registrationCalendarFiles } from '../registration-calendar';
import { registrationMailRequest } from '../registration-mail-request';
import { RecipientSlot, recipientSlotsOf, RegistrationRecipients } from '../registration-recipients';

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
    return deliverAll(
      this.deliver,
      requests,
      attempt,
      `Änderung der Veranstaltung ${event.eventId} (Revision ${change.eventRevision}, Teil ${change.part})`,
    );
  }

  private requestFor(
    command: TellEventChangeCommand,
    event: ClubEventSnapshot,
    registration: RegistrationSnapshot,
    slot: RecipientSlot,
  ): DeliveryRequest {
    const { changed, eventRevision } = command.change;
    return registrationMailRequest(
      {
        kind: 'event-changed',
        slot,
        event,
        registration,
        occasion: eventRevision,
        causedBy: command.causedBy,
        ...(command.correlationId ? { correlationId: command.correlationId } : {}),
        subject: eventChangedSubject({ event, changed }),
        calendarFiles: () =>
          registration.status === 'confirmed'
            ? registrationCalendarFiles(event, registration, {
                method: 'PUBLISH',
                office: this.settings.office,
                eventUrl: this.settings.eventPage,
              })
            : undefined,
        render: (base) => renderEventChangedMail({ ...base, changed }),
      },
      { recipients: this.recipients, settings: this.settings, clock: this.clock },
    );
  }
}
