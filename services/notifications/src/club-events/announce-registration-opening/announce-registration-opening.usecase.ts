import { ClubEventChange, ClubEventSnapshot, displayName } from '@ic/contracts';
import { Clock } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { deliverAll, FanOutTally, noMails } from '../../deliveries/deliver-mail/deliver-each';
import {
  composedMail,
  DeliverMailUseCase,
  DeliveryAttempt,
  DeliveryRequest,
} from '../../deliveries/deliver-mail/deliver-mail.usecase';
import { DeliveriesRepository } from '../../deliveries/deliveries.repository';
import { registrationOpenedDeliveryIdOf } from '../../deliveries/delivery-id';
import { mailLink } from '../../mail/club-office';
import { MailSettings } from '../../mail/mail-settings';
import {
  registrationOpenedSubject,
  renderRegistrationOpenedMail,
} from '../../mail/templates/registration-opened.template';
import { ContactRecord, ContactsRepository } from '../../replicas/contacts.repository';
import { KnownEventsRepository } from '../../replicas/known-events.repository';
import { KnownInterestsRepository } from '../../replicas/known-interests.repository';
import { announcedAndNotInterested } from '../announced-audience';
import { isAnnouncementRecipient, openedEarly } from '../announcement.rules';
import { RecordEventUseCase } from '../record-event/record-event.usecase';

export interface AnnounceRegistrationOpeningCommand {
  /** ce_id of RegistrationOpened. */
  readonly causedBy: string;
  readonly correlationId?: string;
  readonly change: ClubEventChange;
}

/**
 * Registration opened, early by the office or at the window's date: the members the event was
 * announced to learn it ("Anmeldung geöffnet", with the way to the event page), if their
 * announcement named an opening still ahead; an announcement that said registration was open
 * already said it all. The audience: members who got the announcement and, as now known, are
 * still active, still fit the event and still have announcements on (the mail offers to switch
 * them off). A member who joined since finds the event in the portal.
 *
 * Members who declared interest are left to TellInterestHolderUseCase, which tells them whatever
 * their preference, in words of their interest. Both use one delivery per event and member
 * (registrationOpenedDeliveryIdOf), so a member whose interest this service has not seen yet, and
 * who is told here, is not told twice. Handled again, the fan-out sends only what is missing.
 */
@Injectable()
export class AnnounceRegistrationOpeningUseCase {
  private readonly logger = new Logger(AnnounceRegistrationOpeningUseCase.name);

  constructor(
    private readonly events: RecordEventUseCase,
    private readonly knownEvents: KnownEventsRepository,
    private readonly interests: KnownInterestsRepository,
    private readonly contacts: ContactsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly deliver: DeliverMailUseCase,
    private readonly settings: MailSettings,
    private readonly clock: Clock,
  ) {}

  async execute(command: AnnounceRegistrationOpeningCommand, attempt: DeliveryAttempt): Promise<FanOutTally> {
    const event = await this.events.newest(command.change.event);
    if (event.status !== 'registration-open') {
      this.logger.log(`Registration of ${event.eventId} is ${event.status} by now: nobody is told it opened`);
      return noMails();
    }
    if (!(await this.knownEvents.wasAnnouncedBeforeOpening(event.eventId))) {
      this.logger.log(
        `The announcement of ${event.eventId} said registration was open (or was not sent here): no mail on its opening`,
      );
      return noMails();
    }
    const candidates = (await this.contacts.findActive()).filter((contact) =>
      isAnnouncementRecipient(event, contact),
    );
    const recipients = await announcedAndNotInterested(
      event.eventId,
      candidates,
      this.deliveries,
      this.interests,
    );
    const early = openedEarly(event, this.clock.now());
    this.logger.log(
      `Telling ${recipients.length} members that registration of ${event.eventId} opened${early ? ' early' : ''}`,
    );
    const requests = recipients.map((contact) => this.requestFor(command, event, contact, early));
    return deliverAll(this.deliver, requests, attempt, `Anmeldung geöffnet ${event.eventId}`);
  }

  private requestFor(
    command: AnnounceRegistrationOpeningCommand,
    event: ClubEventSnapshot,
    contact: ContactRecord,
    early: boolean,
  ): DeliveryRequest {
    return {
      kind: 'registration-opened',
      eventId: event.eventId,
      memberId: contact.memberId,
      causedBy: command.causedBy,
      deliveryId: registrationOpenedDeliveryIdOf(event.eventId, contact.memberId),
      ...(command.correlationId ? { correlationId: command.correlationId } : {}),
      subject: registrationOpenedSubject({ event }),
      compose: () => {
        const { linkBaseUrl, unsubscribeLinks, office } = this.settings;
        const content = renderRegistrationOpenedMail({
          reason: 'announced',
          addressee: contact,
          event,
          early,
          eventPage: this.settings.eventPage(event.eventId),
          unsubscribeLink: mailLink(linkBaseUrl, 'abmelden', unsubscribeLinks.issue(contact.memberId)),
          office,
        });
        return Promise.resolve(composedMail({ name: displayName(contact), address: contact.email }, content));
      },
    };
  }
}
