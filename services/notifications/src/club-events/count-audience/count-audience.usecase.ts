import { CallerIdentity, EventAudienceReply, EventAudienceRequest } from '@ic/contracts';
import { Injectable } from '@nestjs/common';
import { DeliveriesRepository } from '../../deliveries/deliveries.repository';
import { ContactsRepository } from '../../replicas/contacts.repository';
import { KnownEventsRepository } from '../../replicas/known-events.repository';
import { KnownInterestsRepository } from '../../replicas/known-interests.repository';
import { announcedAndNotInterested } from '../announced-audience';
import { isAnnouncementRecipient } from '../announcement.rules';
import { assertRole } from '../../caller-role';

/**
 * How many members the office's next step would tell, before it is taken: the announcement
 * (AnnounceEventUseCase's recipients) and, as the announced audience, "Anmeldung geöffnet"
 * (AnnounceRegistrationOpeningUseCase's), by the same rules and from the same replicas.
 */
@Injectable()
export class CountAudienceUseCase {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly knownEvents: KnownEventsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly interests: KnownInterestsRepository,
  ) {}

  async execute(request: EventAudienceRequest, identity: CallerIdentity): Promise<EventAudienceReply> {
    assertRole(identity, 'staff', {
      signIn: 'Bitte melden Sie sich an.',
      forbidden: 'Wer benachrichtigt wird, sieht nur die Geschäftsstelle.',
    });
    const { event } = request;
    const candidates = (await this.contacts.findActive()).filter((contact) =>
      isAnnouncementRecipient(event, contact),
    );
    const registrationOpened = (await this.knownEvents.wasAnnouncedBeforeOpening(event.eventId))
      ? (await announcedAndNotInterested(event.eventId, candidates, this.deliveries, this.interests)).length
      : 0;
    return { eventId: event.eventId, announcement: candidates.length, registrationOpened };
  }
}
