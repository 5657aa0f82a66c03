import { InterestDeclaredEvent, InterestHolder, InterestRegistrationOpenedEvent } from '@ic/contracts';
import { OutboxEventFactory } from '@ic/messaging';
import { OutboxEntry } from '@ic/persistence';
import { compact } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { KnownEvent } from '../replicas/known-event';
import { ContactSealer } from '../shared/contact-sealer';
import { Interest } from './interest';

/** The outgoing events of interests, keyed by event id like every registrations event. */
@Injectable()
export class InterestChanges {
  constructor(
    private readonly factory: OutboxEventFactory,
    private readonly sealer: ContactSealer,
  ) {}

  declared(interest: Omit<Interest, 'revision'>, correlationId?: string): OutboxEntry {
    return this.factory.create(
      InterestDeclaredEvent,
      interest.eventId,
      {
        eventId: interest.eventId,
        interestId: interest.interestId,
        holder: this.holderOf(interest),
        by: interest.declaredBy,
        declaredAt: interest.declaredAt.toISOString(),
      },
      correlationId,
    );
  }

  registrationOpened(interest: Interest, event: KnownEvent): OutboxEntry {
    return this.factory.create(InterestRegistrationOpenedEvent, interest.eventId, {
      eventId: interest.eventId,
      interestId: interest.interestId,
      holder: this.holderOf(interest),
      event: event.snapshot,
    });
  }

  private holderOf(interest: Pick<Interest, 'holder'>): InterestHolder {
    const { holder } = interest;
    return compact({
      kind: holder.kind,
      memberId: holder.memberId,
      municipality: holder.municipality,
      federalState: holder.federalState,
      contact: holder.contact ? this.sealer.seal(holder.contact) : undefined,
    });
  }
}
