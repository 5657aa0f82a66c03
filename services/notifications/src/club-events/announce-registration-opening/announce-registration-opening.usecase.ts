import { ClubEventChange, ClubEventSnapshot } from '@ic/contracts';
import { Clock } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import {
  deliverEach,
  FanOutTally,
  MailsIncompleteError,
  noMails,
} from '../../deliveries/deliver-mail/deliver-each';
import {
  DeliverMailUseCase,
  DeliveryAttempt,
  DeliveryRequest,
} from '../../deliveries/deliver-mail/deliver-mail.usecase';
import { registrationOpenedDeliveryIdOf } from '../../deliveries/delivery-id';
import { mailLink } from '../../mail/club-office';
import { MailSettings } from '../../mail/mail-settings';
import { displayName } from '../../mail/templates/letter-salutation';
import {
  registrationOpenedSubject,
  renderRegistrationOpenedMail,
} from '../../mail/templates/registration-opened.template';
import { ContactRecord, ContactsRepository } from '../../replicas/contacts.repository';
import { KnownEventsRepository } from '../../replicas/known-events.repository';
import { KnownInterestsRepository } from '../../replicas/known-interests.repository';
import { isAnnouncementRecipient, openedEarly } from '../announcement.rules';
import { RecordEventUseCase } from '../record-event/record-event.usecase';

export interface AnnounceRegistrationOpeningCommand {
  /** ce_id of RegistrationOpened. */
  readonly causedBy: string;
  readonly correlationId?: string;
  readonly change: ClubEventChange;
}

/** Interest lookups on their way at once (each one read by `_id`). */
const PARALLEL_LOOKUPS = 8;

/**
 * Registration opened, early by the office or at the window's date: the members the event was
 * announced to learn it ("Anmeldung geöffnet", with the way to the event page), if their
 * announcement named an opening still ahead; an announcement that said registration was open
 * already said it all. The audience is decided as for the announcement, now: active members it
 * fits who have announcements on (the mail offers to switch them off).
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
    const audience = (await this.contacts.findActive()).filter((contact) =>
      isAnnouncementRecipient(event, contact),
    );
    const recipients = await this.withoutInterestHolders(event.eventId, audience);
    const early = openedEarly(event, this.clock.now());
    this.logger.log(
      `Telling ${recipients.length} members that registration of ${event.eventId} opened${early ? ' early' : ''} ` +
        `(${audience.length - recipients.length} more are told as interest holders)`,
    );
    const requests = recipients.map((contact) => this.requestFor(command, event, contact, early));
    const { tally, failures } = await deliverEach(this.deliver, requests, attempt);
    if (failures.length > 0) {
      throw new MailsIncompleteError(`Anmeldung geöffnet ${event.eventId}`, failures, requests.length);
    }
    return tally;
  }

  private async withoutInterestHolders(
    eventId: string,
    audience: readonly ContactRecord[],
  ): Promise<ContactRecord[]> {
    const declared = new Array<boolean>(audience.length);
    let next = 0;
    const lookup = async (): Promise<void> => {
      while (next < audience.length) {
        const index = next++;
        declared[index] = await this.interests.declared(eventId, audience[index].memberId);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_LOOKUPS, audience.length) }, lookup));
    return audience.filter((_, index) => !declared[index]);
  }

  private requestFor(
    command: AnnounceRegistrationOpeningCommand,
    event: ClubEventSnapshot,
    contact: ContactRecord,
    early: boolean,
  ): DeliveryRequest {
    return {
      kind: 'registration-opened',
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
        return Promise.resolve({
          to: { name: displayName(contact), address: contact.email },
          html: content.html,
          text: content.text,
          ...(content.headers ? { headers: content.headers } : {}),
        });
      },
    };
  }
}
