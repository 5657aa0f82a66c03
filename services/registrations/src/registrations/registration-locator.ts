import { Actor } from '@ic/contracts';
import { NotFoundError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { KnownMember } from '../replicas/known-member';
import { KnownMembersRepository } from '../replicas/known-members.repository';
import { RegistrationLookupRepository } from './registration-lookup.repository';
import { RegistrationMessages } from './registration.messages';

/** The event of a registration, and the acting member as the replica knows them (for access). */
export interface LocatedRegistration {
  readonly eventId: string;
  readonly actorMember: KnownMember | null;
}

@Injectable()
export class RegistrationLocator {
  constructor(
    private readonly lookup: RegistrationLookupRepository,
    private readonly members: KnownMembersRepository,
  ) {}

  async locate(registrationId: string, actor: Actor): Promise<LocatedRegistration> {
    const eventId = await this.lookup.eventOf(registrationId);
    if (!eventId) throw new NotFoundError(RegistrationMessages.registrationNotFound);
    const actorMember = actor.role === 'member' ? await this.members.findById(actor.subject) : null;
    return { eventId, actorMember };
  }
}
