import { Actor, DeclareInterestReply, DeclareInterestRequest, federalStateOfAgs } from '@ic/contracts';
import { Clock, compact, ForbiddenError, NotFoundError, RuleViolationError } from '@ic/platform';
import { Injectable } from '@nestjs/common';
import { KnownEvent } from '../../replicas/known-event';
import { KnownEventsRepository } from '../../replicas/known-events.repository';
import { KnownMembersRepository } from '../../replicas/known-members.repository';
import { Candidate, interestRefusal } from '../../registrations/eligibility.rules';
import { RegistrantKeys, registrationIdOf } from '../../registrations/registrant';
import { RegistrationMessages } from '../../registrations/registration.messages';
import { refusedBy } from '../../registrations/registration';
import { ContactSealer } from '../../shared/contact-sealer';
import { StoredInterestHolder } from '../interest';
import { InterestAggregate } from '../interest.aggregate';
import { toInterestReply } from '../interest.mapper';
import { InterestsRepository } from '../interests.repository';
import { TellInterestHoldersUseCase } from '../tell-interest-holders/tell-interest-holders.usecase';

/**
 * Interessenbekundung: before registration opens, a member declares interest in an announced
 * event, for a Kommunalzirkel a municipal member for their municipality; the office enters a
 * municipality's interest, with a contact person to tell. Declaring again answers with the
 * existing interest. When registration opens, every holder is told first (TellInterestHolders).
 */
@Injectable()
export class DeclareInterestUseCase {
  constructor(
    private readonly events: KnownEventsRepository,
    private readonly members: KnownMembersRepository,
    private readonly interests: InterestsRepository,
    private readonly sealer: ContactSealer,
    private readonly tellHolders: TellInterestHoldersUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(
    eventId: string,
    request: DeclareInterestRequest,
    actor: Actor,
    correlationId?: string,
  ): Promise<DeclareInterestReply> {
    const event = await this.events.findById(eventId);
    if (!event || event.status === 'draft') throw new NotFoundError(RegistrationMessages.eventNotFound);
    const { candidate, holder, holderKey } = await this.holderOf(event, request, actor);

    const interestId = registrationIdOf(eventId, `interest:${holderKey}`);
    const existing = await this.interests.findById(interestId);
    if (existing) return { created: false, interest: toInterestReply(existing) };
    const refusal = interestRefusal(event, candidate);
    if (refusal) throw refusedBy(refusal);

    const interest = InterestAggregate.declare(
      { interestId, eventId, holderKey, holder, declaredBy: actor, declaredAt: this.clock.now() },
      this.sealer,
    );
    const created = await this.interests.insert(interest, correlationId);
    if (!created) {
      const stored = await this.interests.findById(interestId);
      return { created: false, interest: toInterestReply(stored ?? interest.state) };
    }
    // Registration may have opened while this was stored, after its holders were told: tell this one now.
    await this.tellHolders.tell(interestId);
    return { created: true, interest: toInterestReply(interest.state) };
  }

  private async holderOf(
    event: KnownEvent,
    request: DeclareInterestRequest,
    actor: Actor,
  ): Promise<{ candidate: Candidate; holder: StoredInterestHolder; holderKey: string }> {
    if (actor.role === 'member') {
      const named = (['municipality', 'contact'] as const).filter((field) => request[field] !== undefined);
      if (named.length > 0) throw new ForbiddenError(RegistrationMessages.staffFieldsOnly(named.join(', ')));
      const member = await this.members.findById(actor.subject);
      const municipality = member?.sector === 'Kommune' ? member.municipality : undefined;
      if (event.kind === 'kommunalzirkel' && municipality) {
        return {
          candidate: { kind: 'municipality', municipality, member },
          holder: compact({
            kind: 'municipality',
            memberId: actor.subject,
            municipality,
            federalState: federalStateOfAgs(municipality.ags),
          }),
          holderKey: RegistrantKeys.municipality(municipality.ags),
        };
      }
      return {
        candidate: { kind: 'member', member },
        holder: compact({ kind: 'member', memberId: actor.subject, federalState: member?.federalState }),
        holderKey: RegistrantKeys.member(actor.subject),
      };
    }
    if (!request.municipality) {
      throw new RuleViolationError(RegistrationMessages.interestNeedsMember, [
        { field: 'municipality', message: RegistrationMessages.interestNeedsMember },
      ]);
    }
    const municipality = { ...request.municipality };
    return {
      candidate: { kind: 'municipality', municipality },
      holder: compact({
        kind: 'municipality',
        municipality,
        federalState: federalStateOfAgs(municipality.ags),
        contact: request.contact
          ? {
              salutation: request.contact.salutation ?? 'keine',
              firstName: request.contact.firstName,
              lastName: request.contact.lastName,
              email: request.contact.email,
            }
          : undefined,
      }),
      holderKey: RegistrantKeys.municipality(municipality.ags),
    };
  }
}
